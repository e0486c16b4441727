using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using static ExoSim.Models.DallaMan.DallaManParameters;
using static ExoSim.Models.DallaMan.DallaManStates;

namespace ExoSim.Models.DallaMan;

/// <summary>
/// The meal simulation model of the glucose–insulin system of Dalla Man, Rizza &amp; Cobelli 2007 (IEEE TBME 54:1740,
/// doi:10.1109/TBME.2007.893506) for a normal and a type 2 diabetic subject: GI tract, endogenous glucose production,
/// insulin-independent and insulin-dependent utilisation, insulin secretion with first (K·dG/dt) and second phase
/// (Y), hepatic insulin extraction HE = −m5·S + m6, insulin kinetics and renal excretion; see
/// docs/models/dalla-man-2007.md.
/// </summary>
public sealed class DallaMan2007Model : PhysiologyModel
{
    /// <summary>The model's identifier.</summary>
    public const string ModelId = "dalla-man-2007";

    private const double MgPerG = 1000;

    private static readonly StateVariable[] StateList =
    [
        .. Meals.OralGlucoseAbsorption.States,
        new("Gp", "mg/kg", "Glucose mass in plasma and rapidly equilibrating tissues"),
        new("Gt", "mg/kg", "Glucose mass in slowly equilibrating (peripheral) tissues"),
        new("Ip", "pmol/kg", "Insulin mass in plasma"),
        new("Il", "pmol/kg", "Insulin mass in the liver"),
        new("X", "pmol/L", "Insulin in the interstitial fluid acting on glucose utilisation (relative to Ib)"),
        new("I1", "pmol/L", "First delay compartment of insulin action on glucose production"),
        new("Id", "pmol/L", "Delayed insulin signal acting on glucose production"),
        new("Ipo", "pmol/kg", "Insulin mass in the portal vein"),
        new("Y", "pmol/kg/min", "Provision of new insulin by the β-cell (second-phase secretion above basal)"),
    ];

    private static readonly Observable[] ObservableList =
    [
        new(Observable.GlucoseMgPerDl, "mg/dL", "Plasma glucose G = Gp/VG"),
        new("insulin_pmol_l", "pmol/L", "Plasma insulin I = Ip/VI"),
        new("ra_mg_kg_min", "mg/kg/min", "Rate of appearance of meal glucose in plasma Ra = f·kabs·Qgut/BW"),
        new("egp_mg_kg_min", "mg/kg/min", "Endogenous glucose production EGP = max(kp1 − kp2·Gp − kp3·Id − kp4·Ipo, 0)"),
        new("u_mg_kg_min", "mg/kg/min", "Glucose utilisation U = Fcns + (Vm0 + Vmx·X)·Gt/(Km0 + Gt)"),
        new("s_pmol_kg_min", "pmol/kg/min", "Insulin secretion into the liver S = gamma·Ipo"),
        new("e_mg_kg_min", "mg/kg/min", "Renal glucose excretion E = ke1·max(Gp − ke2, 0)"),
        new("he", "1", "Hepatic insulin extraction HE = max(−m5·S + m6, 0)"),
    ];

    /// <inheritdoc />
    public override string Id => ModelId;

    /// <inheritdoc />
    public override string Title => "Dalla Man 2007 meal simulation model of the glucose–insulin system";

    /// <inheritdoc />
    public override string Summary =>
        "Glucose–insulin model of a normal or type 2 diabetic subject after meals, with endogenous insulin secretion.";

    /// <inheritdoc />
    public override string TimeScale => "minutes to days";

    /// <inheritdoc />
    public override string Reference => Dm2007;

    /// <inheritdoc />
    public override IReadOnlyList<StateVariable> States => StateList;

    /// <inheritdoc />
    public override IReadOnlyList<Observable> Observables => ObservableList;

    /// <inheritdoc />
    public override ParameterSchema Schema => DallaManParameters.Schema;

    /// <inheritdoc />
    public override IReadOnlyList<string> PatientNames => DallaManSubjects.Names;

    /// <inheritdoc />
    public override IReadOnlyList<string> SupportedInterventions { get; } = ["meal", "IV glucose bolus"];

    /// <summary>
    /// Not stiff in practice: the fastest rates (m1 + m3 ≈ 0.5–1.0/min, gamma = 0.5/min) are not far from the meal time
    /// scales. Measured (normal, rtol 1e-6, atol 1e-8), 7 h after a 1 g/kg meal: Dormand–Prince 5(4) 233 steps / 1400
    /// evaluations, Rodas5P 182 steps / 3642 evaluations + 169 Jacobians; a day with three meals: 661 / 3971 against
    /// 389 / 7628 (docs/models/dalla-man-2007.md, Performance).
    /// </summary>
    public override bool IsStiff => false;

    /// <inheritdoc />
    public override string? FastingGlucoseParameter => "Gb";

    /// <inheritdoc />
    public override string? BasalInsulinParameter => "Ib";

    /// <summary>
    /// beta and K (second- and first-phase responsivity to glucose) and Sb (basal secretion):
    /// all of secretion scales with β-cell mass (assumption: secretion per β-cell unchanged).
    /// </summary>
    public override IReadOnlyList<string> SecretionParameters => ["beta", "K", "Sb"];

    /// <summary>Vmx, the insulin-dependent part of peripheral glucose utilisation (Vm = Vm0 + Vmx·X).</summary>
    public override IReadOnlyList<string> SensitivityParameters => ["Vmx"];

    /// <inheritdoc />
    public override ParameterSet Complete(ParameterSet parameters) => DallaManParameters.Complete(parameters);

    /// <summary>The basal state [0, 0, 0, Gpb, Gtb, Ipb, Ilb, 0, Ib, Ib, Ipob, 0] of the completed parameters.</summary>
    public override double[] InitialState(ParameterSet parameters)
    {
        var p = Complete(parameters);
        return [0, 0, 0, p[Gpb], p[Gtb], p[Ipb], p[Ilb], 0, p[Ib], p[Ib], p[Ipob], 0];
    }

    /// <summary>The right-hand side for the completed parameters.</summary>
    public override ModelSystem CreateSystem(ParameterSet parameters, IReadOnlyList<ParameterModulation> modulations)
        => new DallaManSystem(Complete(parameters), modulations);

    /// <summary>The observables; <paramref name="parameters"/> must be completed (as <see cref="SimulationRequest.Parameters"/> are).</summary>
    public override void EvaluateObservables(double timeMin, ReadOnlySpan<double> state, ParameterSet parameters, Span<double> values)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var p = parameters.Values;
        var fluxes = Fluxes.Of(p, state);
        values[0] = fluxes.Glucose;
        values[1] = fluxes.Insulin;
        values[2] = p[F] * p[Kabs] * state[Qgut] / p[BW];
        values[3] = fluxes.Egp;
        values[4] = p[Fcns] + fluxes.Uid;
        values[5] = fluxes.Secretion;
        values[6] = fluxes.Renal;
        values[7] = fluxes.HepaticExtraction;
    }

    /// <summary>
    /// Meal with duration 0: DM2007's impulse D·δ(t − t0) into Qsto1, D = carbohydrate (mg), with meal size D̄ = Qsto + D
    /// (see <see cref="Meals.OralGlucoseAbsorption.ScheduleImpulse"/>). Meal with a duration: carbohydrate at
    /// carbs/duration into Qsto1, D̄ following the eating episode (<see cref="Meals.OralGlucoseAbsorption.ScheduleMeal"/>).
    /// IV glucose bolus (ExoSim extension): g/kg × 1000 into Gp. Other kinds: <see cref="NotSupportedException"/>.
    /// </summary>
    public override void Schedule(Intervention intervention, InterventionSchedule schedule, ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(intervention);
        ArgumentNullException.ThrowIfNull(schedule);
        switch (intervention)
        {
            case MealIntake meal:
                var system = schedule.System as DallaManSystem
                    ?? throw new ArgumentException($"The schedule does not belong to a {ModelId} system.", nameof(schedule));
                if (meal.DurationMin == 0)
                {
                    system.Gut.ScheduleImpulse(meal, schedule);
                }
                else
                {
                    system.Gut.ScheduleMeal(meal, schedule, DallaManSystem.CarbChannel);
                }

                break;
            case GlucoseBolusIv glucose:
                if (!double.IsFinite(glucose.DoseGPerKg) || glucose.DoseGPerKg < 0)
                {
                    throw new ArgumentException($"The IV glucose bolus must be a finite, non-negative number of g/kg; got {glucose.DoseGPerKg}.");
                }

                schedule.AddStateJump(glucose.TimeMin, Gp, glucose.DoseGPerKg * MgPerG, "IV glucose bolus");
                break;
            default:
                base.Schedule(intervention, schedule, parameters);
                break;
        }
    }

    /// <inheritdoc />
    protected override ParameterSet LoadPatient(string name) => Complete(DallaManSubjects.Build(name));
}
