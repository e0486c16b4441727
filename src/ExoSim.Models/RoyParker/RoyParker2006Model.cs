using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Models.Units;
using static ExoSim.Models.RoyParker.RoyParker2006Parameters;
using static ExoSim.Models.RoyParker.RoyParker2006System;

namespace ExoSim.Models.RoyParker;

/// <summary>
/// The Bergman minimal model extended with plasma free fatty acids (FFA) for type 1 diabetes, after Roy &amp; Parker
/// 2006 (Diabetes Technol Ther 8:617, doi:10.1089/dia.2006.8.617):
/// <code>
/// dG/dt = −p1·G − p4·X·G + p6·G·Z + p1·Gb − p6·Gb·Zb
/// dX/dt = −p2·X + p3·(I − Ib)
/// dI/dt = −n·I + p5·u1(t)
/// dY/dt = −pF2·Y + pF3·(I − Ib)
/// dF/dt = −p7·(F − Fb) − p8·Y·F + p9·(F·G − Fb·Gb)
/// dZ/dt = −k2·(Z − Zb) + k1·(F − Fb)
/// </code>
/// Insulin's antilipolytic effect acts through the remote compartment Y, FFA impair glucose uptake through the
/// remote compartment Z, and glucose above basal stimulates lipolysis (p9). There is no endogenous insulin
/// secretion: insulin enters only as the exogenous infusion u1. The equations and values are taken from ExoSim's
/// science notes; the paper's full text could not be consulted (docs/models/roy-parker-2006.md, Known differences).
/// </summary>
public sealed class RoyParker2006Model : PhysiologyModel
{
    /// <summary>The model's stable id.</summary>
    public const string ModelId = "roy-parker-2006";

    /// <summary>Name of the FFA observable.</summary>
    public const string FfaObservable = "ffa_umol_l";

    private const double MicroUnitsPerUnit = 1e6;
    private const double MgPerG = 1000;
    private const double MinPerHour = 60;

    private static readonly StateVariable[] StateList =
    [
        new("G", "mg/dL", "Plasma glucose concentration"),
        new("X", "1/min", "Remote insulin action on glucose uptake"),
        new("I", "µU/mL", "Plasma insulin concentration"),
        new("Y", "1/min", "Remote insulin action on plasma FFA (antilipolysis)"),
        new("F", "µmol/L", "Plasma free fatty acid concentration"),
        new("Z", "µmol/L", "Remote FFA acting on glucose uptake"),
    ];

    private static readonly Observable[] ObservableList =
    [
        new(Observable.GlucoseMgPerDl, "mg/dL", "Plasma glucose (= G)"),
        new(Observable.InsulinPmolPerL, "pmol/L", "Plasma insulin I converted with 1 µU/mL = 6 pmol/L"),
        new(FfaObservable, "µmol/L", "Plasma FFA (= F)"),
    ];

    /// <inheritdoc />
    public override string Id => ModelId;

    /// <inheritdoc />
    public override string Title => "Roy & Parker 2006 extended minimal model: free fatty acids, glucose and insulin";

    /// <inheritdoc />
    public override string Summary =>
        "Bergman minimal model with plasma FFA for type 1 diabetes: antilipolytic insulin, FFA-impaired glucose uptake, glucose-stimulated lipolysis.";

    /// <inheritdoc />
    public override string TimeScale => "minutes to hours";

    /// <inheritdoc />
    public override string Reference =>
        "Roy A, Parker RS. Dynamic modeling of free fatty acid, glucose, and insulin: an extended \"minimal model\". " +
        "Diabetes Technol Ther 2006;8(6):617–626, doi:10.1089/dia.2006.8.617";

    /// <inheritdoc />
    public override IReadOnlyList<StateVariable> States => StateList;

    /// <inheritdoc />
    public override IReadOnlyList<Observable> Observables => ObservableList;

    /// <inheritdoc />
    public override ParameterSchema Schema => RoyParker2006Parameters.Schema;

    /// <inheritdoc />
    public override IReadOnlyList<string> PatientNames { get; } = [NominalSubject];

    /// <inheritdoc />
    public override IReadOnlyList<string> SupportedInterventions { get; } = ["IV glucose bolus", "insulin bolus", "insulin basal"];

    /// <summary>
    /// Not stiff: rates between k2 ≈ 0.02/min and pF2 = 0.17/min. Measured over the 6 h insulin-modified IVGTT of
    /// examples/roy-parker-2006-ivgtt.yaml (docs/models/roy-parker-2006.md, Performance).
    /// </summary>
    public override bool IsStiff => false;

    /// <inheritdoc />
    public override string? FastingGlucoseParameter => "Gb";

    /// <inheritdoc />
    public override string? BasalInsulinParameter => "Ib";

    /// <inheritdoc />
    public override ParameterSet Complete(ParameterSet parameters) => RoyParker2006Parameters.Complete(parameters);

    /// <summary>The basal state [Gb, 0, Ib, 0, Fb, Zb] of the completed parameters.</summary>
    public override double[] InitialState(ParameterSet parameters)
    {
        var p = Complete(parameters);
        return [p[Gb], 0, p[Ib], 0, p[Fb], p[Zb]];
    }

    /// <summary>The right-hand side for the completed parameters; the insulin infusion starts at u1b.</summary>
    public override ModelSystem CreateSystem(ParameterSet parameters, IReadOnlyList<ParameterModulation> modulations)
        => new RoyParker2006System(Complete(parameters), modulations);

    /// <inheritdoc />
    public override void EvaluateObservables(double timeMin, ReadOnlySpan<double> state, ParameterSet parameters, Span<double> values)
    {
        values[0] = state[G];
        values[1] = state[I] * UnitCatalog.PmolPerLPerMicroUnitPerMl;
        values[2] = state[F];
    }

    /// <summary>
    /// IV glucose bolus: G jumps by dose·BW·1000/VolG mg/dL. Insulin bolus (intravenous, the paper's u1 enters plasma
    /// directly): I jumps by U·10⁶·p5 µU/mL. Insulin basal: u1 = U/h·10⁶/60 µU/min from the event on (replacing u1b).
    /// Other kinds: <see cref="NotSupportedException"/>.
    /// </summary>
    public override void Schedule(Intervention intervention, InterventionSchedule schedule, ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(intervention);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(parameters);
        switch (intervention)
        {
            case GlucoseBolusIv glucose:
                InterventionGuard.RequireNonNegative(glucose.DoseGPerKg, "IV glucose bolus", "g/kg");
                schedule.AddStateJump(glucose.TimeMin, G, glucose.DoseGPerKg * parameters[BW] * MgPerG / parameters[VolG], "IV glucose bolus");
                break;
            case InsulinBolus bolus:
                InterventionGuard.RequireNonNegative(bolus.DoseU, "insulin bolus", "U");
                schedule.AddStateJump(bolus.TimeMin, I, bolus.DoseU * MicroUnitsPerUnit * parameters[P5], "insulin bolus");
                break;
            case InsulinBasal basal:
                InterventionGuard.RequireNonNegative(basal.RateUPerH, "basal insulin rate", "U/h");
                schedule.SetRate(basal.TimeMin, InsulinChannel, basal.RateUPerH * MicroUnitsPerUnit / MinPerHour, "insulin basal");
                break;
            default:
                base.Schedule(intervention, schedule, parameters);
                break;
        }
    }

    /// <inheritdoc />
    protected override ParameterSet LoadPatient(string name) => Nominal();
}
