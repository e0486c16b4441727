using ExoSim.Models.Clinical;
using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Models.Units;
using static ExoSim.Models.HaSherman.HaShermanParameters;

namespace ExoSim.Models.HaSherman;

/// <summary>
/// The model of the pathogenesis, prevention and reversal of type 2 diabetes of Ha, Satin &amp; Sherman 2016
/// (Endocrinology 157:624, doi:10.1210/en.2015-1564), human version: fasting glucose G and insulin I (fast), the
/// β-cell's glucose-sensitivity shift γ (days), β-cell function σ (months), β-cell mass β (years, glucose-dependent
/// replication and apoptosis as in Topp et al. 2000) and a prescribed course of insulin sensitivity SI (years) that
/// drives progression, and whose change expresses prevention or reversal. See docs/models/t2d-progression.md.
/// </summary>
public sealed class HaSherman2016Model : PhysiologyModel
{
    /// <summary>The model's identifier.</summary>
    public const string ModelId = "t2d-progression";


    private static readonly StateVariable[] StateList =
    [
        new("G", "mg/dL", "Plasma (fasting) glucose"),
        new("I", "µU/mL", "Plasma (fasting) insulin"),
        new("beta", "mg", "β-cell mass (the paper's β; b in the authors' XPP source)"),
        new("gamma", "1", "Shift of the β-cell's glucose dose–response (KATP-channel density), γ"),
        new("sigma", "mU/(mg·d)", "β-cell function: maximal insulin secretion rate per β-cell mass, σ"),
        new("SI", "mL/(µU·d)", "Insulin sensitivity, following its prescribed course (Si in the authors' XPP source)"),
    ];

    private static readonly Observable[] ObservableList =
    [
        new(Observable.GlucoseMgPerDl, "mg/dL", "Plasma glucose (= G)"),
        new(Observable.InsulinPmolPerL, "pmol/L", "Plasma insulin I converted with 1 µU/mL = 6 pmol/L"),
        new("beta_cell_mass_mg", "mg", "β-cell mass (= beta)"),
        new("isr_mU_mg_d", "mU/(mg·d)", "Insulin secretion rate per β-cell mass ISR = sigma·(M+γ)²/(alpha_ISR² + (M+γ)²)"),
        new("insulin_secretion_U_d", "U/d", "Total insulin secretion beta·ISR/1000 (with BV in L, beta·ISR/BV is in µU/mL/d)"),
        new("proliferation_rate_1_d", "1/d", "β-cell replication rate P(ISR)/tau_b"),
        new("apoptosis_rate_1_d", "1/d", "β-cell death rate A(M)/tau_b"),
        new("hba1c_adag_percent", "%", "HbA1c estimated from G by the ADAG relation HbA1c = (G + 46.7)/28.7 (Nathan et al. 2008), taking G as the mean glucose: an estimate that ignores post-meal excursions"),
    ];

    /// <inheritdoc />
    public override string Id => ModelId;

    /// <inheritdoc />
    public override string Title => "Ha–Satin–Sherman 2016 model of T2D pathogenesis, prevention and reversal";

    /// <inheritdoc />
    public override string Summary =>
        "Fasting glucose and insulin over years: β-cell mass, function and glucose sensitivity compensating a prescribed course of insulin sensitivity.";

    /// <inheritdoc />
    public override string TimeScale => "months to decades (fasting state; no meals)";

    /// <inheritdoc />
    public override string Reference =>
        Ha2016 + "; human values from the authors' XPP supplement (artielbm/artielbm.github.io, Models/Pathogenesis); " +
        "β-cell mass law after Topp et al. 2000, J Theor Biol 206:605 (doi:10.1006/jtbi.2000.2150)";

    /// <inheritdoc />
    public override IReadOnlyList<StateVariable> States => StateList;

    /// <inheritdoc />
    public override IReadOnlyList<Observable> Observables => ObservableList;

    /// <inheritdoc />
    public override ParameterSchema Schema => HaShermanParameters.Schema;

    /// <inheritdoc />
    public override IReadOnlyList<string> PatientNames => HaShermanSubjects.Names;

    /// <inheritdoc />
    public override IReadOnlyList<string> SupportedInterventions { get; } = [];

    /// <summary>
    /// Stiff: insulin clearance k = 700/d (0.49/min) against β-cell mass over years. Measured over the 10-year
    /// progressor (rtol 1e-6, atol 1e-8): Dormand–Prince 5(4) 771 124 steps / 4 626 746 evaluations (step size held at
    /// its stability limit ≈ 7 min), Rodas5P 228 steps / 3 422 evaluations (docs/models/t2d-progression.md, Performance).
    /// </summary>
    public override bool IsStiff => true;

    /// <summary>tonsi (converted to min), where the prescribed SI course switches.</summary>
    public override IReadOnlyList<double> Breakpoints(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return [parameters[Tonsi] * HaShermanSystem.MinPerDay];
    }

    /// <summary>
    /// The physiological steady state at SI = Si0 (<see cref="HaShermanSteadyStates.Physiological"/>): the subject at
    /// rest before the SI course starts.
    /// </summary>
    public override double[] InitialState(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return HaShermanSteadyStates.Physiological(parameters, parameters[Si0]);
    }

    /// <inheritdoc />
    public override ModelSystem CreateSystem(ParameterSet parameters, IReadOnlyList<ParameterModulation> modulations)
        => new HaShermanSystem(parameters, modulations);

    /// <inheritdoc />
    public override void EvaluateObservables(double timeMin, ReadOnlySpan<double> state, ParameterSet parameters, Span<double> values)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var p = parameters.Values;
        double g = state[HaShermanStates.G];
        double m = HaShermanRates.Metabolism(p, g);
        double isr = HaShermanRates.SecretionRate(p, m, state[HaShermanStates.Gamma], state[HaShermanStates.Sigma]);
        values[0] = g;
        values[1] = state[HaShermanStates.I] * UnitCatalog.PmolPerLPerMicroUnitPerMl;
        values[2] = state[HaShermanStates.Beta];
        values[3] = isr;
        values[4] = state[HaShermanStates.Beta] * isr / 1000;
        values[5] = HaShermanRates.Proliferation(p, isr) / p[TauB];
        values[6] = HaShermanRates.Apoptosis(p, m) / p[TauB];
        values[7] = Adag.Hba1cPercent(g);
    }

    /// <inheritdoc />
    protected override ParameterSet LoadPatient(string name) => HaShermanSubjects.Build(name);
}
