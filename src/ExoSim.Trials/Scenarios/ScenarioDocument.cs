using ExoSim.Models.Simulation;

namespace ExoSim.Trials.Scenarios;

/// <summary>A value read from a scenario file, with where it was written.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The value (quantities already in ExoSim's canonical units).</param>
/// <param name="Location">Where it is in the file.</param>
/// <param name="Field">The field path, e.g. <c>parameters.BW</c>.</param>
public sealed record Located<T>(T Value, SourceLocation Location, string Field);

/// <summary>
/// A scenario file as read, before it is resolved against a model: what is simulated (model, subject, overrides,
/// events), for how long, and what is written. Model-specific names (parameters, states, outputs) are kept as
/// written, with their locations, so that the resolver can point at them.
/// </summary>
public sealed record ScenarioDocument
{
    /// <summary>The file's path as given (used in messages).</summary>
    public required string File { get; init; }

    /// <summary>The text the document was read from (empty for documents built in code).</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>Optional free-text name of the scenario.</summary>
    public string? Name { get; init; }

    /// <summary>Optional free-text description.</summary>
    public string? Description { get; init; }

    /// <summary>The model id, e.g. <c>uva-padova-t1d</c>.</summary>
    public required Located<string> Model { get; init; }

    /// <summary>The named parameter set; null means the model's default subject.</summary>
    public Located<string>? Patient { get; init; }

    /// <summary>Parameter overrides by name, each as written (a number in the parameter's unit, or a quantity with a unit).</summary>
    public IReadOnlyList<Located<KeyValuePair<string, string>>> Parameters { get; init; } = [];

    /// <summary>Exosome therapy parameter overrides by name (the <c>exosome_parameters</c> block), each as written.</summary>
    public IReadOnlyList<Located<KeyValuePair<string, string>>> ExosomeParameterOverrides { get; init; } = [];

    /// <summary>MSC therapy parameter overrides by name (the <c>msc_parameters</c> block), each as written.</summary>
    public IReadOnlyList<Located<KeyValuePair<string, string>>> MscParameterOverrides { get; init; } = [];

    /// <summary>Initial-state overrides by state name, each as written.</summary>
    public IReadOnlyList<Located<KeyValuePair<string, string>>> Initial { get; init; } = [];

    /// <summary>Fasting plasma glucose to start at (mg/dL), or null.</summary>
    public Located<double>? FastingGlucoseMgPerDl { get; init; }

    /// <summary>Basal plasma insulin to start at, as written (converted to the model's unit when resolved), or null.</summary>
    public Located<string>? FastingInsulin { get; init; }

    /// <summary>Simulated time (min).</summary>
    public required Located<double> DurationMin { get; init; }

    /// <summary>Spacing of the output rows (min).</summary>
    public required Located<double> OutputIntervalMin { get; init; }

    /// <summary>Columns to write besides <c>time_min</c>; null means every state and observable.</summary>
    public IReadOnlyList<Located<string>>? Outputs { get; init; }

    /// <summary>Clinical read-out columns to add (<c>hba1c_percent</c>, <c>homa_ir</c>, <c>homa_b_percent</c>), or null.</summary>
    public IReadOnlyList<Located<string>>? Readouts { get; init; }

    /// <summary>Solver name (<c>auto</c>, <c>rodas5p</c>, <c>dormand-prince54</c>), or null for the model's default.</summary>
    public Located<string>? SolverMethod { get; init; }

    /// <summary>Relative tolerance of the solver.</summary>
    public Located<double>? RelativeTolerance { get; init; }

    /// <summary>Absolute tolerance of the solver.</summary>
    public Located<double>? AbsoluteTolerance { get; init; }

    /// <summary>The CGM sensor type (e.g. <c>Dexcom</c>), or null for no sensor readings.</summary>
    public Located<string>? SensorType { get; init; }

    /// <summary>Seed of the sensor's measurement error.</summary>
    public Located<ulong>? SensorSeed { get; init; }

    /// <summary>Interventions in file order, repeats expanded.</summary>
    public IReadOnlyList<Located<Intervention>> Events { get; init; } = [];

    /// <summary>Parameter modulations (<c>modulate</c> events), repeats expanded.</summary>
    public IReadOnlyList<Located<ModulationSpec>> Modulations { get; init; } = [];

    /// <summary>Exosome doses (<c>exosome</c> events), schedules and repeats expanded.</summary>
    public IReadOnlyList<Located<ExosomeEventSpec>> Exosomes { get; init; } = [];

    /// <summary>MSC infusions (<c>msc</c> events), schedules and repeats expanded.</summary>
    public IReadOnlyList<Located<MscEventSpec>> Mscs { get; init; } = [];

    /// <summary>The long-horizon course with meal-scale glucose (the <c>multiscale</c> block), or null for one plain run.</summary>
    public MultiscaleDocument? Multiscale { get; init; }
}

/// <summary>
/// The <c>multiscale</c> block of a scenario: slow β-cell and insulin-sensitivity dynamics driving the scenario's
/// (meal-scale) model over a long horizon, with the same day repeated (docs/multiscale.md).
/// </summary>
public sealed record MultiscaleDocument
{
    /// <summary>Where the block starts.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary><c>representative_days</c> (default) or <c>brute_force</c>.</summary>
    public Located<string>? Scheme { get; init; }

    /// <summary>Days between representative days (min, a whole number of days), or null for the default.</summary>
    public Located<double>? EveryMin { get; init; }

    /// <summary>The β-cell growth law: the id of the model whose parameters give it (<c>topp-2000</c>).</summary>
    public Located<string>? BetaCell { get; init; }

    /// <summary>Fast-model parameters scaled by relative β-cell mass, or null for the model's default list.</summary>
    public IReadOnlyList<Located<string>>? Secretion { get; init; }

    /// <summary>Fast-model parameters scaled by the insulin-sensitivity factor, or null for the model's default list.</summary>
    public IReadOnlyList<Located<string>>? Sensitivity { get; init; }

    /// <summary>The factor insulin sensitivity drifts to (1 = no drift), or null.</summary>
    public Located<double>? SensitivityTarget { get; init; }

    /// <summary>Time constant of the drift (min), or null.</summary>
    public Located<double>? SensitivityTimeConstantMin { get; init; }

    /// <summary>Whether to run the brute-force reference as well and report the agreement.</summary>
    public bool Verify { get; init; }

    /// <summary>The events of one day (0 ≤ at &lt; 24 h), repeated every day.</summary>
    public IReadOnlyList<Located<Intervention>> Day { get; init; } = [];
}

/// <summary>A <c>modulate</c> event: multiply a named parameter by a factor over a time window.</summary>
/// <param name="Parameter">The parameter's name in the model's schema.</param>
/// <param name="Factor">The multiplier (dimensionless, ≥ 0).</param>
/// <param name="StartMin">Start (min).</param>
/// <param name="EndMin">End (min).</param>
public sealed record ModulationSpec(string Parameter, double Factor, double StartMin, double EndMin);
