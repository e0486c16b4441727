using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Models.Units;

namespace ExoSim.Models.Bergman;

/// <summary>
/// Bergman minimal model of glucose kinetics with remote insulin action, coupled to the IVGTT insulin kinetics of
/// Toffolo et al. 1980 in the form analysed by De Gaetano &amp; Arino 2000:
/// <code>
/// dG/dt = −(p1 + X)·G + p1·Gb
/// dX/dt = −p2·X + p3·(I − Ib)
/// dI/dt = −n·I + γ·max(G − h, 0)·t
/// </code>
/// t is the time since the glucose bolus, so the model describes an intravenous glucose tolerance test (IVGTT)
/// that starts at t = 0 with G(0) = G0 and I(0) = I0; it is not meant for other protocols or for times far beyond
/// the test (about 3 h).
/// </summary>
/// <remarks>
/// Glucose equations: Bergman et al. 1979, Am J Physiol 236:E667, doi:10.1152/ajpendo.1979.236.6.E667; Bergman,
/// Phillips &amp; Cobelli 1981, J Clin Invest 68:1456, doi:10.1172/JCI110398. Insulin equation: Toffolo et al. 1980,
/// Diabetes 29:979, doi:10.2337/diab.29.12.979; De Gaetano &amp; Arino 2000, J Math Biol 40:136,
/// doi:10.1007/s002850050007.
/// </remarks>
public sealed class BergmanMinimalModel : PhysiologyModel
{
    /// <summary>The model's stable id.</summary>
    public const string ModelId = "bergman-minimal";

    /// <summary>The reference subject's name.</summary>
    public const string ExampleSubject = "minmod-example";

    private const string ExampleSource =
        "Example FSIGT subject of the MINMOD program (Pacini & Bergman 1986, Comput Methods Programs Biomed 23:113, " +
        "doi:10.1016/0169-2607(86)90106-9); value as reproduced in the ExoSim science notes — the printed table was not " +
        "traced, so the value is unverified; it fits that subject's published data (see validation tests)";

    private const string DataBasalSource =
        "Basal (t = 0) sample of the MINMOD example FSIGT data (Pacini & Bergman 1986, doi:10.1016/0169-2607(86)90106-9), " +
        "as published in AllenDowney/ModSimPy notebooks/data/glucose_insulin.csv (commit fc3f32c)";

    private static readonly string[] NoInterventions = [];

    private static readonly StateVariable[] StateList =
    [
        new("G", "mg/dL", "Plasma glucose concentration"),
        new("X", "1/min", "Insulin action in a remote (interstitial) compartment"),
        new("I", "µU/mL", "Plasma insulin concentration"),
    ];

    private static readonly Observable[] ObservableList =
    [
        new(Observable.GlucoseMgPerDl, "mg/dL", "Plasma glucose (= G)"),
        new(Observable.InsulinPmolPerL, "pmol/L", "Plasma insulin I converted with 1 µU/mL = 6 pmol/L (the conventional factor used across ExoSim)"),
    ];

    private static readonly ParameterSchema ParameterList = new(
    [
        new ParameterDefinition("p1", "1/min", "Glucose effectiveness SG: insulin-independent fractional glucose disappearance")
        {
            PlausibleMinimum = 0.005, PlausibleMaximum = 0.045,
            RangeSource = "normal SG 0.021 ± 0.008 /min (mean ± SD), type 2 diabetes 0.015 ± 0.011: table of minimal-model indices in a Diabetes journal article (probably Bergman et al. 2002, Diabetes 51 Suppl 1; article identity unverified)",
        },
        new ParameterDefinition("p2", "1/min", "Rate constant of the decay of remote insulin action X"),
        new ParameterDefinition("p3", "1/min² per µU/mL", "Rate at which plasma insulin above basal raises remote insulin action"),
        new ParameterDefinition("n", "1/min", "Fractional clearance of plasma insulin"),
        new ParameterDefinition("gamma", "µU/mL per mg/dL per min²", "Rate of second-phase insulin secretion per unit glucose above h and per minute since the bolus"),
        new ParameterDefinition("h", "mg/dL", "Glucose threshold above which the β-cells secrete insulin"),
        new ParameterDefinition("Gb", "mg/dL", "Basal (fasting) plasma glucose"),
        new ParameterDefinition("Ib", "µU/mL", "Basal (fasting) plasma insulin"),
        new ParameterDefinition("G0", "mg/dL", "Plasma glucose just after the IV glucose bolus (model's initial condition)"),
        new ParameterDefinition("I0", "µU/mL", "Plasma insulin just after the bolus: the first-phase secretion peak (initial condition)"),
        new ParameterDefinition("SI", "1/min per µU/mL", "Insulin sensitivity SI = p3/p2")
        {
            IsDerived = true, PlausibleMinimum = 0.5e-4, PlausibleMaximum = 12e-4,
            RangeSource = "normal SI 2.62 ± 2.21 ×10⁻⁴, T2D 0.57 ± 0.82 ×10⁻⁴ (same Diabetes table, article identity unverified); 7.11 ± 0.80 ×10⁻⁴ (mean ± SE) in 16 normal subjects (Padova FSIGT study, Am J Physiol Endocrinol Metab abstract)",
        },
    ]);

    /// <inheritdoc />
    public override string Id => ModelId;

    /// <inheritdoc />
    public override string Title => "Bergman minimal model with IVGTT insulin kinetics";

    /// <inheritdoc />
    public override string Summary => "Glucose–insulin minimal model of an intravenous glucose tolerance test (IVGTT): SI, SG, first- and second-phase insulin.";

    /// <inheritdoc />
    public override string TimeScale => "minutes to 3 hours (one IVGTT)";

    /// <inheritdoc />
    public override string Reference =>
        "Bergman et al. 1979 Am J Physiol 236:E667 (doi:10.1152/ajpendo.1979.236.6.E667); Bergman, Phillips & Cobelli 1981 J Clin Invest 68:1456 " +
        "(doi:10.1172/JCI110398); Toffolo et al. 1980 Diabetes 29:979 (doi:10.2337/diab.29.12.979); De Gaetano & Arino 2000 J Math Biol 40:136 (doi:10.1007/s002850050007)";

    /// <inheritdoc />
    public override IReadOnlyList<StateVariable> States => StateList;

    /// <inheritdoc />
    public override IReadOnlyList<Observable> Observables => ObservableList;

    /// <inheritdoc />
    public override ParameterSchema Schema => ParameterList;

    /// <inheritdoc />
    public override IReadOnlyList<string> PatientNames { get; } = [ExampleSubject];

    /// <inheritdoc />
    public override IReadOnlyList<string> SupportedInterventions => NoInterventions;

    /// <summary>Only X's time constant (1/p2 ≈ 50 min) and 1/n ≈ 4 min: not stiff.</summary>
    public override bool IsStiff => false;

    /// <inheritdoc />
    public override ParameterSet Complete(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        int si = Schema.RequireIndex("SI");
        return parameters.With(si, parameters["p3"] / parameters["p2"], ParameterOrigin.Derived, "SI = p3/p2 (Bergman et al. 1981)");
    }

    /// <summary>The IVGTT start: G = G0, X = 0, I = I0.</summary>
    public override double[] InitialState(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return [parameters["G0"], 0, parameters["I0"]];
    }

    /// <inheritdoc />
    public override ModelSystem CreateSystem(ParameterSet parameters, IReadOnlyList<ParameterModulation> modulations)
        => new BergmanSystem(parameters, modulations);

    /// <inheritdoc />
    public override void EvaluateObservables(double timeMin, ReadOnlySpan<double> state, ParameterSet parameters, Span<double> values)
    {
        values[0] = state[0];
        values[1] = state[2] * UnitCatalog.PmolPerLPerMicroUnitPerMl;
    }

    /// <inheritdoc />
    protected override ParameterSet LoadPatient(string name) => Complete(ParameterSet.Create(name, Schema)
        .Set("p1", 0.03082, ParameterOrigin.Assumption, ExampleSource)
        .Set("p2", 0.02093, ParameterOrigin.Assumption, ExampleSource)
        .Set("p3", 1.062e-5, ParameterOrigin.Assumption, ExampleSource)
        .Set("n", 0.2659, ParameterOrigin.Assumption, ExampleSource)
        .Set("gamma", 0.003349, ParameterOrigin.Assumption, ExampleSource)
        .Set("h", 89.5, ParameterOrigin.Assumption, ExampleSource)
        .Set("Gb", 92, ParameterOrigin.Literature, DataBasalSource)
        .Set("Ib", 7.3, ParameterOrigin.Assumption, ExampleSource + "; the measured basal of the same data is 11 µU/mL")
        .Set("G0", 287, ParameterOrigin.Assumption, ExampleSource)
        .Set("I0", 403.4, ParameterOrigin.Assumption, ExampleSource)
        .Set("SI", 0, ParameterOrigin.Derived, "SI = p3/p2")
        .Build());

    private sealed class BergmanSystem : ModelSystem, Numerics.Ode.IOdeJacobian
    {
        private readonly int p1, p2, p3, n, gamma, h, gb, ib;

        public BergmanSystem(ParameterSet parameters, IReadOnlyList<ParameterModulation> modulations)
            : base(parameters, dimension: 3, inputChannelCount: 0, modulations)
        {
            var schema = parameters.Schema;
            p1 = schema.RequireIndex("p1");
            p2 = schema.RequireIndex("p2");
            p3 = schema.RequireIndex("p3");
            n = schema.RequireIndex("n");
            gamma = schema.RequireIndex("gamma");
            h = schema.RequireIndex("h");
            gb = schema.RequireIndex("Gb");
            ib = schema.RequireIndex("Ib");
        }

        public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian)
        {
            double aboveThreshold = y[0] > P[h] ? 1.0 : 0.0;
            jacobian[0] = -(P[p1] + y[1]);
            jacobian[1] = -y[0];
            jacobian[2] = 0;
            jacobian[3] = 0;
            jacobian[4] = -P[p2];
            jacobian[5] = P[p3];
            jacobian[6] = P[gamma] * aboveThreshold * t;
            jacobian[7] = 0;
            jacobian[8] = -P[n];
        }

        protected override void EvaluateModel(double t, ReadOnlySpan<double> y, Span<double> dydt)
        {
            double g = y[0];
            double x = y[1];
            double insulin = y[2];
            dydt[0] = (-(P[p1] + x) * g) + (P[p1] * P[gb]);
            dydt[1] = (-P[p2] * x) + (P[p3] * (insulin - P[ib]));
            dydt[2] = (-P[n] * insulin) + (P[gamma] * Math.Max(g - P[h], 0) * t);
        }
    }
}
