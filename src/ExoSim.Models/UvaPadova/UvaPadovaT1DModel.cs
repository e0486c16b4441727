using ExoSim.Models.Meals;
using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using static ExoSim.Models.UvaPadova.UvaPadovaParameters;
using static ExoSim.Models.UvaPadova.UvaPadovaStates;

namespace ExoSim.Models.UvaPadova;

/// <summary>
/// The UVA/Padova type 1 diabetes simulator model in the form published by the open-source simglucose project
/// (13 states: oral glucose absorption, glucose kinetics with renal excretion, insulin kinetics, insulin action,
/// subcutaneous insulin, subcutaneous glucose), with its 30 public virtual subjects. Equations: Dalla Man, Rizza &amp;
/// Cobelli 2007 (doi:10.1109/TBME.2007.893506) without endogenous insulin secretion, Kovatchev et al. 2009
/// (doi:10.1177/193229680900300106), Dalla Man et al. 2014 (doi:10.1177/1932296813514502); see
/// docs/models/uva-padova-t1d.md.
/// </summary>
public sealed class UvaPadovaT1DModel : PhysiologyModel
{
    /// <summary>The model's identifier.</summary>
    public const string ModelId = "uva-padova-t1d";

    /// <summary>Pmol of insulin per international unit: 1 U = 6 nmol, the conventional factor with which the model's insulin parameters were identified (simglucose: U/min × 6000/BW → pmol/kg/min; cf. Heinemann 2010, Diabetes Care 33:e83; Knopp et al. 2019, doi:10.1177/1932296818805074).</summary>
    public const double PmolPerUnit = 6000;

    /// <summary>Input channel: carbohydrate eaten (mg/min) into Qsto1.</summary>
    public const int CarbChannel = 0;

    /// <summary>Input channel: subcutaneous insulin infusion (pmol/kg/min) into Isc1.</summary>
    public const int InsulinChannel = 1;

    private const double MgPerG = 1000;
    private const double MinPerHour = 60;

    private static readonly StateVariable[] StateList =
    [
        .. OralGlucoseAbsorption.States,
        new("Gp", "mg/kg", "Glucose mass in plasma and rapidly equilibrating tissues"),
        new("Gt", "mg/kg", "Glucose mass in slowly equilibrating (peripheral) tissues"),
        new("Ip", "pmol/kg", "Insulin mass in plasma"),
        new("X", "pmol/L", "Insulin in the interstitial fluid, acting on glucose utilisation (relative to Ib)"),
        new("I1", "pmol/L", "First delay compartment of insulin action on glucose production"),
        new("Id", "pmol/L", "Delayed insulin signal acting on glucose production"),
        new("Il", "pmol/kg", "Insulin mass in the liver"),
        new("Isc1", "pmol/kg", "Subcutaneous insulin, non-monomeric"),
        new("Isc2", "pmol/kg", "Subcutaneous insulin, monomeric"),
        new("Gs", "mg/kg", "Subcutaneous (interstitial) glucose mass, seen by the CGM sensor"),
    ];

    private static readonly Observable[] ObservableList =
    [
        new(Observable.GlucoseMgPerDl, "mg/dL", "Plasma glucose G = Gp/Vg"),
        new(Observable.InterstitialGlucoseMgPerDl, "mg/dL", "Interstitial (CGM) glucose Gs/Vg, noise-free"),
        new(Observable.InsulinPmolPerL, "pmol/L", "Plasma insulin I = Ip/Vi"),
        new("ra_mg_kg_min", "mg/kg/min", "Rate of appearance of meal glucose in plasma Ra = f·kabs·Qgut/BW"),
    ];

    /// <inheritdoc />
    public override string Id => ModelId;

    /// <inheritdoc />
    public override string Title => "UVA/Padova type 1 diabetes simulator model (simglucose form)";

    /// <inheritdoc />
    public override string Summary =>
        "T1D glucose–insulin model with meal absorption, s.c. insulin and CGM lag; 30 public virtual subjects.";

    /// <inheritdoc />
    public override string TimeScale => "minutes to days";

    /// <inheritdoc />
    public override string Reference =>
        "Dalla Man, Rizza & Cobelli 2007, IEEE TBME 54:1740, doi:10.1109/TBME.2007.893506; Kovatchev et al. 2009, " +
        "J Diabetes Sci Technol 3:44, doi:10.1177/193229680900300106; Dalla Man et al. 2014, J Diabetes Sci Technol " +
        "8:26, doi:10.1177/1932296813514502; equations and subjects as published by simglucose " +
        "(github.com/jxx123/simglucose, commit a6f6777586c860457a2a1e6cce6d0bd3fd33d1cc, MIT)";

    /// <inheritdoc />
    public override IReadOnlyList<StateVariable> States => StateList;

    /// <inheritdoc />
    public override IReadOnlyList<Observable> Observables => ObservableList;

    /// <inheritdoc />
    public override ParameterSchema Schema => UvaPadovaParameters.Schema;

    /// <inheritdoc />
    public override IReadOnlyList<string> PatientNames => UvaPadovaSubjects.Names;

    /// <inheritdoc />
    public override IReadOnlyList<string> SupportedInterventions { get; } = ["meal", "insulin bolus", "insulin basal", "IV glucose bolus", InsulinFeedback.KindName];

    /// <summary>
    /// Not stiff in practice: the fastest rate is m1 + m30 ≤ 1.1/min against meal time scales of tens of minutes,
    /// and the per-minute meal-size events keep steps short anyway. Measured per patient-day with three meals at
    /// rtol 1e-6 (adult#001): Dormand–Prince 5(4) 422 steps / 2577 evaluations; Rodas5P 534 steps / 11418
    /// (bench `patientday`).
    /// </summary>
    public override bool IsStiff => false;

    /// <inheritdoc />
    public override string? FastingGlucoseParameter => "Gb";

    /// <inheritdoc />
    public override string? BasalInsulinParameter => "Ib";

    /// <inheritdoc />
    public override ParameterSet Complete(ParameterSet parameters) => UvaPadovaParameters.Complete(parameters);

    /// <summary>The basal state [0, 0, 0, Gpb, Gtb, Ipb, 0, Ib, Ib, Ilb, isc1ss, isc2ss, Gpb] of the completed parameters.</summary>
    public override double[] InitialState(ParameterSet parameters)
    {
        var p = Complete(parameters);
        return [0, 0, 0, p[Gpb], p[Gtb], p[Ipb], 0, p[Ib], p[Ib], p[Ilb], p[Isc1ss], p[Isc2ss], p[Gpb]];
    }

    /// <summary>
    /// The right-hand side. The parameters are completed first; the s.c. insulin channel starts at the subject's
    /// steady-state basal infusion u2ss (so the basal state is at rest) until an <see cref="InsulinBasal"/> event
    /// sets another rate.
    /// </summary>
    public override ModelSystem CreateSystem(ParameterSet parameters, IReadOnlyList<ParameterModulation> modulations)
    {
        var system = new UvaPadovaSystem(Complete(parameters), modulations);
        system.InputRates[InsulinChannel] = system.Parameters[U2ss];
        return system;
    }

    /// <inheritdoc />
    public override void EvaluateObservables(double timeMin, ReadOnlySpan<double> state, ParameterSet parameters, Span<double> values)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        values[0] = state[Gp] / parameters[Vg];
        values[1] = state[Gs] / parameters[Vg];
        values[2] = state[Ip] / parameters[Vi];
        values[3] = parameters[F] * parameters[Kabs] * state[Qgut] / parameters[BW];
    }

    /// <summary>
    /// Meals: carbohydrate into Qsto1 (see <see cref="OralGlucoseAbsorption"/>; duration 0 = 5 g/min as in simglucose).
    /// Insulin bolus: an impulse of U·6000/BW pmol/kg into Isc1 (simglucose delivers it as a rate over one sample
    /// period Δ; the impulse is the Δ → 0 limit and equals that rate input delayed by Δ/2 to first order).
    /// Insulin basal: the s.c. infusion rate U/h ÷ 60 × 6000/BW pmol/kg/min from the event on.
    /// IV glucose bolus (not in simglucose): g/kg × 1000 into Gp.
    /// </summary>
    public override void Schedule(Intervention intervention, InterventionSchedule schedule, ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(intervention);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(parameters);
        double bw = parameters[BW];
        switch (intervention)
        {
            case MealIntake meal:
                var system = schedule.System as UvaPadovaSystem
                    ?? throw new ArgumentException($"The schedule does not belong to a {ModelId} system.", nameof(schedule));
                system.Gut.ScheduleMeal(meal, schedule, CarbChannel);
                break;
            case InsulinBolus bolus:
                InterventionGuard.RequireNonNegative(bolus.DoseU, "insulin bolus", "U");
                schedule.AddStateJump(bolus.TimeMin, Isc1, bolus.DoseU * PmolPerUnit / bw, "insulin bolus");
                break;
            case InsulinBasal basal:
                InterventionGuard.RequireNonNegative(basal.RateUPerH, "basal insulin rate", "U/h");
                schedule.SetRate(basal.TimeMin, InsulinChannel, basal.RateUPerH / MinPerHour * PmolPerUnit / bw, "insulin basal");
                break;
            case GlucoseBolusIv glucose:
                InterventionGuard.RequireNonNegative(glucose.DoseGPerKg, "IV glucose bolus", "g/kg");
                schedule.AddStateJump(glucose.TimeMin, Gp, glucose.DoseGPerKg * MgPerG, "IV glucose bolus");
                break;
            default:
                base.Schedule(intervention, schedule, parameters);
                break;
        }
    }

    /// <summary>A controller's basal rate on the s.c. infusion channel and its bolus into Isc1, in the units of <see cref="Schedule"/>.</summary>
    public override void DeliverInsulin(ModelSystem system, Span<double> state, InsulinCommand command)
    {
        ArgumentNullException.ThrowIfNull(system);
        double bw = system.Parameters[BW];
        InterventionGuard.RequireNonNegative(command.BolusU, "insulin bolus", "U");
        state[Isc1] += command.BolusU * PmolPerUnit / bw;
        if (command.BasalUPerH is { } rate)
        {
            InterventionGuard.RequireNonNegative(rate, "basal insulin rate", "U/h");
            system.InputRates[InsulinChannel] = rate / MinPerHour * PmolPerUnit / bw;
        }
    }

    /// <summary>The basal insulin rate (U/h) that holds the subject at its basal state: u2ss·BW/6000·60.</summary>
    public static double BasalRateUPerHour(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var p = UvaPadovaParameters.Complete(parameters);
        return p[U2ss] * p[BW] / PmolPerUnit * MinPerHour;
    }

    /// <inheritdoc />
    protected override ParameterSet LoadPatient(string name) => Complete(UvaPadovaSubjects.Build(name));
}
