using ExoSim.Analysis.Estimation;
using ExoSim.Trials.Scenarios;

namespace ExoSim.Trials.Fitting;

/// <summary>A parameter to estimate as written in a fit file: values as text, converted to the parameter's unit by <see cref="FitResolver"/>.</summary>
/// <param name="Name">The model parameter.</param>
/// <param name="Initial">Start value (default: the subject's value).</param>
/// <param name="Lower">Lower bound (default: initial ÷ 10).</param>
/// <param name="Upper">Upper bound (default: initial × 10).</param>
public sealed record FitParameterSpec(string Name, string? Initial, string? Lower, string? Upper);

/// <summary>An error model as written: coefficients as text ("5 mg/dL", "2 %", "estimate", "estimate 10 %").</summary>
/// <param name="Column">The data column it belongs to.</param>
/// <param name="Kind">Additive, proportional or combined.</param>
/// <param name="A">The additive SD a (additive and combined).</param>
/// <param name="B">The proportional coefficient b (proportional and combined).</param>
public sealed record FitErrorSpec(string Column, ErrorModelKind Kind, string? A, string? B);

/// <summary>A fit file (format in docs/fit.md), read and checked for structure; names are checked by <see cref="FitResolver"/>.</summary>
public sealed record FitDocument
{
    /// <summary>The fit file's path as given.</summary>
    public required string File { get; init; }

    /// <summary>The file's text, as read (recorded in the run registry).</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>Optional display name.</summary>
    public string? Name { get; init; }

    /// <summary>Optional description.</summary>
    public string? Description { get; init; }

    /// <summary>The scenario: what is simulated (model, subject, events), from a file or inline.</summary>
    public required ScenarioDocument Scenario { get; init; }

    /// <summary>The data file, resolved relative to the fit file.</summary>
    public required Located<string> DataFile { get; init; }

    /// <summary>Data column → model column (state or observable). When given, only the listed columns are fitted; without it every measured column is fitted and must be named like a model column.</summary>
    public IReadOnlyList<Located<KeyValuePair<string, string>>> Columns { get; init; } = [];

    /// <summary>Samples before this time are ignored (min).</summary>
    public Located<double>? FromMin { get; init; }

    /// <summary>Samples after this time are ignored (min).</summary>
    public Located<double>? UntilMin { get; init; }

    /// <summary>The parameters to estimate.</summary>
    public required IReadOnlyList<Located<FitParameterSpec>> Parameters { get; init; }

    /// <summary>Error models by data column.</summary>
    public IReadOnlyList<Located<FitErrorSpec>> ErrorModels { get; init; } = [];

    /// <summary>The objective.</summary>
    public ObjectiveKind Objective { get; init; } = ObjectiveKind.MinusTwoLogLikelihood;

    /// <summary>Optimiser and its settings (profiles included).</summary>
    public EstimationSettings Settings { get; init; } = new();

    /// <summary>Where each profile's name is written.</summary>
    public IReadOnlyList<Located<string>> Profiles { get; init; } = [];
}
