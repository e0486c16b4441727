using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Models.Units;

namespace ExoSim.Models.Topp;

/// <summary>
/// The βIG model of β-cell mass, insulin and glucose of Topp, Promislow, deVries, Miura &amp; Finegood 2000 (J Theor
/// Biol 206:605, doi:10.1006/jtbi.2000.2150):
/// <code>
/// dG/dt = R0 − (EG0 + SI·I)·G
/// dI/dt = β·σ·G²/(α + G²) − k·I
/// dβ/dt = (−d0 + r1·G − r2·G²)·β
/// </code>
/// with time in days in the paper. ExoSim keeps the paper's per-day parameters and divides the right-hand side by
/// 1440 min/d, so time is in minutes like every other model. The run starts at the physiological fixed point (the
/// fasting state, G ≈ 100 mg/dL); see docs/models/topp-2000.md.
/// </summary>
public sealed class Topp2000Model : PhysiologyModel
{
    /// <summary>The model's stable id.</summary>
    public const string ModelId = "topp-2000";

    /// <summary>The paper's parameter set.</summary>
    public const string Normal = "normal";

    /// <summary>The paper's parameters with insulin sensitivity SI halved (ExoSim's illustration of compensation).</summary>
    public const string InsulinResistant = "insulin-resistant";

    /// <summary>Minutes per day: the paper's rates are per day.</summary>
    public const double MinutesPerDay = 1440;

    /// <summary>Index of G in the state vector.</summary>
    public const int G = 0;

    /// <summary>Index of I in the state vector.</summary>
    public const int I = 1;

    /// <summary>Index of β in the state vector.</summary>
    public const int Beta = 2;

    internal const string Paper = "Topp et al. 2000, J Theor Biol 206:605, doi:10.1006/jtbi.2000.2150";

    private const string PaperValue =
        Paper + ": the paper's parameter value, identical in the curated BioModels encoding BIOMD0000000341, in MODEL2001080002 and in " +
        "ExoSim's science notes (§2); the paper's table itself was not read";

    private static readonly string[] NoInterventions = [];

    /// <summary>The βIG core's states G, I, beta (in this order), shared by the models built on it.</summary>
    public static IReadOnlyList<StateVariable> CoreStates { get; } =
    [
        new("G", "mg/dL", "Plasma glucose concentration (fasting level; the model has no meals)"),
        new("I", "µU/mL", "Plasma insulin concentration (fasting level)"),
        new("beta", "mg", "β-cell mass"),
    ];

    private static readonly Observable[] ObservableList =
    [
        new(Observable.GlucoseMgPerDl, "mg/dL", "Plasma glucose (= G)"),
        new(Observable.InsulinPmolPerL, "pmol/L", "Plasma insulin I converted with 1 µU/mL = 6 pmol/L (the conventional factor used across ExoSim)"),
    ];

    /// <summary>
    /// The βIG core's parameters (symbols, units, meanings) in the paper's per-day units, shared by every model built on
    /// this core (e.g. <c>t1d-progression</c>), so that their definitions cannot drift apart.
    /// </summary>
    public static IReadOnlyList<ParameterDefinition> CoreParameters { get; } =
    [
        new ParameterDefinition("R0", "mg/dL/d", "Glucose production rate at zero glucose (net hepatic and renal production)"),
        new ParameterDefinition("EG0", "1/d", "Glucose effectiveness at zero insulin: insulin-independent fractional glucose removal"),
        new ParameterDefinition("SI", "mL/µU/d", "Insulin sensitivity: fractional glucose removal per unit plasma insulin")
        {
            PlausibleMinimum = 0.072, PlausibleMaximum = 1.73,
            RangeSource = "minimal-model SI 0.5–12 ×10⁻⁴ /min per µU/mL in normal and type 2 subjects (the range bergman-minimal uses), ×1440 min/d",
        },
        new ParameterDefinition("sigma", "µU/mL/d/mg", "Maximal insulin secretion rate per mg of β-cell mass (σ)"),
        new ParameterDefinition("alpha", "mg²/dL²", "Square of the glucose level of half-maximal insulin secretion (α)"),
        new ParameterDefinition("k", "1/d", "Fractional clearance of plasma insulin (liver, kidney, insulin receptors)"),
        new ParameterDefinition("d0", "1/d", "β-cell natural death rate at zero glucose"),
        new ParameterDefinition("r1", "dL/mg/d", "Glucose-dependent β-cell replication (linear term of the net growth rate)"),
        new ParameterDefinition("r2", "dL²/mg²/d", "Glucose-dependent β-cell death (glucotoxicity; quadratic term of the net growth rate)"),
    ];

    private static readonly ParameterSchema ParameterList = new(CoreParameters);

    /// <inheritdoc />
    public override string Id => ModelId;

    /// <inheritdoc />
    public override string Title => "Topp 2000 βIG model of β-cell mass, insulin and glucose";

    /// <inheritdoc />
    public override string Summary =>
        "Fasting glucose, insulin and β-cell mass over months to years: compensation for insulin resistance and pathways to diabetes.";

    /// <inheritdoc />
    public override string TimeScale => "days to years (glucose and insulin equilibrate within hours)";

    /// <inheritdoc />
    public override string Reference =>
        "Topp B, Promislow K, deVries G, Miura RM, Finegood DT. A model of β-cell mass, insulin, and glucose kinetics: pathways to " +
        "diabetes. J Theor Biol 2000;206(4):605–619, doi:10.1006/jtbi.2000.2150";

    /// <inheritdoc />
    public override IReadOnlyList<StateVariable> States => CoreStates;

    /// <inheritdoc />
    public override IReadOnlyList<Observable> Observables => ObservableList;

    /// <inheritdoc />
    public override ParameterSchema Schema => ParameterList;

    /// <inheritdoc />
    public override IReadOnlyList<string> PatientNames { get; } = [Normal, InsulinResistant];

    /// <summary>None: therapies act through the general parameter modulation (e.g. on SI or d0).</summary>
    public override IReadOnlyList<string> SupportedInterventions => NoInterventions;

    /// <summary>
    /// Stiff: insulin relaxes at k ≈ 432/d while β-cell mass moves at ≈ 0.014/d (Jacobian eigenvalues −422, −18.7,
    /// −0.014/d at the physiological fixed point). Measured on the example (5 years, SI halved; rtol 1e-6, atol 1e-8):
    /// Dormand–Prince 5(4) 233 191 steps / 1 399 149 evaluations (held to Δt ≈ 11 min by the fast eigenvalue), Rodas5P
    /// 135 steps / 1200 evaluations + 126 analytic Jacobians (docs/models/topp-2000.md, Performance).
    /// </summary>
    public override bool IsStiff => true;

    /// <summary>
    /// The physiological fixed point (G, I, β) of the parameters: the fasting state. Its glucose is set by d0, r1 and
    /// r2 alone (<see cref="ToppFixedPoints"/>), so there is no fasting-glucose parameter to move it with.
    /// </summary>
    /// <exception cref="ArgumentException">When the parameters have no physiological fixed point (see <see cref="ToppFixedPoints.Physiological"/>).</exception>
    public override double[] InitialState(ParameterSet parameters)
    {
        var point = ToppFixedPoints.Physiological(parameters);
        return [point.G, point.I, point.Beta];
    }

    /// <inheritdoc />
    public override ModelSystem CreateSystem(ParameterSet parameters, IReadOnlyList<ParameterModulation> modulations)
        => new ToppSystem(parameters, modulations);

    /// <inheritdoc />
    public override void EvaluateObservables(double timeMin, ReadOnlySpan<double> state, ParameterSet parameters, Span<double> values)
    {
        values[0] = state[G];
        values[1] = state[I] * UnitCatalog.PmolPerLPerMicroUnitPerMl;
    }

    /// <summary>
    /// Sets the βIG core's parameters to the paper's values (with their provenance) in a parameter set under
    /// construction; <paramref name="insulinSensitivity"/> overrides SI with its own source when given.
    /// </summary>
    public static ParameterSet.Builder SetPaperValues(ParameterSet.Builder builder, (double Value, string Source)? insulinSensitivity = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .Set("R0", 864, ParameterOrigin.Literature, PaperValue)
            .Set("EG0", 1.44, ParameterOrigin.Literature, PaperValue)
            .Set("sigma", 43.2, ParameterOrigin.Literature, PaperValue)
            .Set("alpha", 20000, ParameterOrigin.Literature, PaperValue)
            .Set("k", 432, ParameterOrigin.Literature, PaperValue)
            .Set("d0", 0.06, ParameterOrigin.Literature, PaperValue)
            .Set("r1", 0.84e-3, ParameterOrigin.Literature, PaperValue)
            .Set("r2", 0.24e-5, ParameterOrigin.Literature, PaperValue);
        return insulinSensitivity is { } si
            ? builder.Set("SI", si.Value, ParameterOrigin.Assumption, si.Source)
            : builder.Set("SI", 0.72, ParameterOrigin.Literature, PaperValue);
    }

    /// <inheritdoc />
    protected override ParameterSet LoadPatient(string name)
        => SetPaperValues(
            ParameterSet.Create(name, Schema),
            name == InsulinResistant
                ? (0.36, "assumption: the paper's SI = 0.72 mL/µU/d halved, to show compensated insulin resistance (Topp's pathway of β-cell " +
                    "adaptation); not a parameter set of the paper. Its fixed point has the same G with twice the insulin and β-cell mass")
                : null).Build();

    /// <summary>The βIG right-hand side in minutes: the paper's per-day rates divided by 1440, with its analytic Jacobian.</summary>
    private sealed class ToppSystem : ModelSystem, Numerics.Ode.IOdeJacobian
    {
        private const double PerMinute = 1 / MinutesPerDay;
        private readonly int r0, eg0, si, sigma, alpha, k, d0, r1, r2;

        public ToppSystem(ParameterSet parameters, IReadOnlyList<ParameterModulation> modulations)
            : base(parameters, dimension: 3, inputChannelCount: 0, modulations)
        {
            var schema = parameters.Schema;
            r0 = schema.RequireIndex("R0");
            eg0 = schema.RequireIndex("EG0");
            si = schema.RequireIndex("SI");
            sigma = schema.RequireIndex("sigma");
            alpha = schema.RequireIndex("alpha");
            k = schema.RequireIndex("k");
            d0 = schema.RequireIndex("d0");
            r1 = schema.RequireIndex("r1");
            r2 = schema.RequireIndex("r2");
        }

        public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian)
        {
            ToppFixedPoints.Jacobian(P[eg0], P[si], P[sigma], P[alpha], P[k], P[d0], P[r1], P[r2], y, jacobian);
            for (int i = 0; i < 9; i++)
            {
                jacobian[i] *= PerMinute;
            }
        }

        protected override void EvaluateModel(double t, ReadOnlySpan<double> y, Span<double> dydt)
        {
            double g = y[G];
            double insulin = y[I];
            double beta = y[Beta];
            double g2 = g * g;
            dydt[G] = (P[r0] - ((P[eg0] + (P[si] * insulin)) * g)) * PerMinute;
            dydt[I] = ((beta * P[sigma] * g2 / (P[alpha] + g2)) - (P[k] * insulin)) * PerMinute;
            dydt[Beta] = (-P[d0] + (P[r1] * g) - (P[r2] * g2)) * beta * PerMinute;
        }
    }
}
