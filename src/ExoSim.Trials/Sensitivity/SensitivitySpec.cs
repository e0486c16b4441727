using ExoSim.Trials.Scenarios;

namespace ExoSim.Trials.Sensitivity;

/// <summary>
/// A sensitivity specification as read (format in docs/sensitivity.md): what is analysed (a scenario or a trial file),
/// which output, which factors and ranges, and which method. Every value keeps where it was written.
/// </summary>
public sealed record SensitivitySpec
{
    /// <summary>The spec file's path as given (used in messages).</summary>
    public required string File { get; init; }

    /// <summary>The text the spec was read from.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>Optional free-text name.</summary>
    public string? Name { get; init; }

    /// <summary>Optional free-text description.</summary>
    public string? Description { get; init; }

    /// <summary><see cref="SensitivitySpecReader.ScenarioTarget"/> or <see cref="SensitivitySpecReader.TrialTarget"/>.</summary>
    public required string TargetKind { get; init; }

    /// <summary>The analysed file's path as written (relative paths are relative to the spec file's folder).</summary>
    public required Located<string> TargetPath { get; init; }

    /// <summary>The output whose sensitivity is analysed.</summary>
    public required SensitivityOutputSpec Output { get; init; }

    /// <summary>The factors, in file order.</summary>
    public required IReadOnlyList<FactorSpec> Factors { get; init; }

    /// <summary>The method and its settings.</summary>
    public required SensitivityMethodSpec Method { get; init; }

    /// <summary>Threads evaluating the model (the <c>threads</c> field), or null for the command's default.</summary>
    public int? Threads { get; init; }
}

/// <summary>
/// The analysed output. Of a scenario: <see cref="Column"/> (a state, observable or clinical read-out) reduced by
/// <see cref="Statistic"/> (<c>at</c> a time, or the <c>mean</c>, <c>min</c> or <c>max</c> over a window). Of a trial:
/// the mean change from baseline of <see cref="Endpoint"/> at <see cref="VisitMin"/> in <see cref="Arm"/>, minus that
/// of <see cref="Versus"/> when given.
/// </summary>
/// <param name="Location">Where the <c>output</c> block is.</param>
public sealed record SensitivityOutputSpec(SourceLocation Location)
{
    /// <summary>Scenario: the column.</summary>
    public Located<string>? Column { get; init; }

    /// <summary>Scenario: <c>at</c>, <c>mean</c>, <c>min</c> or <c>max</c>.</summary>
    public string Statistic { get; init; } = "at";

    /// <summary>Scenario: the time (<c>at</c>) or the window's start (min).</summary>
    public double FromMin { get; init; }

    /// <summary>Scenario: the window's end (min); equal to <see cref="FromMin"/> for <c>at</c>.</summary>
    public double ToMin { get; init; }

    /// <summary>Where the time or window is written.</summary>
    public SourceLocation TimeLocation { get; init; }

    /// <summary>Trial: the endpoint.</summary>
    public Located<string>? Endpoint { get; init; }

    /// <summary>Trial: the visit, as time after randomisation (min).</summary>
    public Located<double>? VisitMin { get; init; }

    /// <summary>Trial: the arm.</summary>
    public Located<string>? Arm { get; init; }

    /// <summary>Trial: the reference arm of a difference, or null for the arm's own mean change.</summary>
    public Located<string>? Versus { get; init; }
}

/// <summary>One factor: a parameter of the model (<c>Gb</c>) or of a therapy (<c>exosome.hill</c>, <c>msc.paracrine_potency</c>) and its range.</summary>
/// <param name="Parameter">The parameter as written.</param>
/// <param name="Lower">Lower end as written (a number in the parameter's unit or a quantity with a unit), or null.</param>
/// <param name="Upper">Upper end as written, or null.</param>
/// <param name="RelativePercent">± this % of the nominal value, or null.</param>
/// <param name="Distribution"><c>uniform</c> or <c>log_uniform</c>.</param>
/// <param name="Location">Where the factor is written.</param>
/// <param name="Field">Its field path, e.g. <c>factors[2]</c>.</param>
public sealed record FactorSpec(Located<string> Parameter, Located<string>? Lower, Located<string>? Upper, Located<double>? RelativePercent, string Distribution, SourceLocation Location, string Field);

/// <summary>The method and its settings (those of other methods keep their defaults).</summary>
/// <param name="Name"><c>local</c>, <c>morris</c> or <c>sobol</c>.</param>
/// <param name="Seed">Seed of every random draw (Morris, Sobol).</param>
/// <param name="Samples">Sobol: N, rows of each base matrix.</param>
/// <param name="Bootstrap">Sobol: bootstrap resamples.</param>
/// <param name="Confidence">Sobol: confidence level of the intervals.</param>
/// <param name="Trajectories">Morris: r.</param>
/// <param name="Levels">Morris: p (even).</param>
/// <param name="Step">Local: the relative step h.</param>
/// <param name="Location">Where the method is written.</param>
public sealed record SensitivityMethodSpec(
    string Name, ulong Seed, int Samples, int Bootstrap, double Confidence, int Trajectories, int Levels, double Step, SourceLocation Location);
