using ExoSim.Analysis.Sensitivity;

namespace ExoSim.Trials.Sensitivity;

/// <summary>
/// The content of <c>sensitivity.json</c> (layout <see cref="SchemaName"/>): the spec as resolved (analysed file,
/// output, method and settings, factors with unit, nominal value, range and source), the evaluations count and every
/// index, with its confidence interval where the method gives one, and the ranking. Nothing in it depends on the
/// thread count or the wall clock, so a rerun with the same spec and seed writes the same bytes.
/// </summary>
/// <param name="Schema">Name and version of the layout.</param>
/// <param name="ExosimVersion">The ExoSim version that ran it.</param>
/// <param name="Notice">The research-use notice.</param>
/// <param name="Spec">The spec file's path as given.</param>
/// <param name="Name">The spec's name, or null.</param>
/// <param name="Description">The spec's description, or null.</param>
/// <param name="Target">The analysed file.</param>
/// <param name="Output">The analysed output.</param>
/// <param name="Method">The method and its settings.</param>
/// <param name="Factors">The factors as resolved.</param>
/// <param name="ModelEvaluations">Number of model evaluations.</param>
/// <param name="NominalOutput">The output at the nominal point (local), or null.</param>
/// <param name="OutputMean">Mean of the output over the base rows (Sobol), or null.</param>
/// <param name="OutputVariance">Variance of the output over the base rows (Sobol), or null.</param>
/// <param name="Indices">One row per factor, in factor order.</param>
/// <param name="RankingMeasure">What the ranking orders by.</param>
/// <param name="Ranking">Factor names, most influential first.</param>
public sealed record SensitivitySummary(
    string Schema, string ExosimVersion, string Notice, string Spec, string? Name, string? Description, SensitivityTargetInfo Target, SensitivityOutputInfo Output,
    SensitivityMethodInfo Method, IReadOnlyList<ResolvedFactor> Factors, int ModelEvaluations, double? NominalOutput, double? OutputMean, double? OutputVariance,
    IReadOnlyList<FactorIndices> Indices, string RankingMeasure, IReadOnlyList<string> Ranking)
{
    /// <summary>The layout's name and version.</summary>
    public const string SchemaName = "exosim.sensitivity/1";

    /// <summary>Builds the summary of a study's result.</summary>
    public static SensitivitySummary Build(SensitivityStudy study, SensitivityResult result, string version, string notice)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(result);
        var spec = study.Spec;
        var m = spec.Method;
        var method = result.Method switch
        {
            "local" => new SensitivityMethodInfo(m.Name, null, null, null, null, null, null, m.Step),
            "morris" => new SensitivityMethodInfo(m.Name, result.Seed, null, null, null, m.Trajectories, m.Levels, null),
            _ => new SensitivityMethodInfo(m.Name, result.Seed, m.Samples, m.Bootstrap, m.Confidence, null, null, null),
        };
        var indices = study.Factors.Select((f, i) => new FactorIndices(
            f.Name,
            result.Local?.Coefficients[i].Coefficient,
            result.Morris?.Factors[i].Mean,
            result.Morris?.Factors[i].MeanAbsolute,
            result.Morris?.Factors[i].StandardDeviation,
            result.Sobol?.Factors[i].FirstOrder,
            result.Sobol?.Factors[i].TotalOrder)).ToArray();
        var (measure, key) = result.Method switch
        {
            "local" => ("|normalised coefficient|", (Func<FactorIndices, double>)(x => Math.Abs(x.LocalCoefficient!.Value))),
            "morris" => ("μ* (mean absolute elementary effect)", x => x.MorrisMuStar!.Value),
            _ => ("total-order Sobol index", x => x.TotalOrder!.Estimate),
        };
        var ranking = indices.OrderByDescending(key).ThenBy(x => x.Factor, StringComparer.Ordinal).Select(x => x.Factor).ToArray();
        return new SensitivitySummary(
            SchemaName, version, notice, spec.File, spec.Name, spec.Description,
            new SensitivityTargetInfo(spec.TargetKind, study.TargetFile),
            new SensitivityOutputInfo(study.OutputDescription, study.OutputUnit),
            method, study.Factors, result.ModelEvaluations, result.Local?.NominalOutput, result.Sobol?.OutputMean, result.Sobol?.OutputVariance,
            indices, measure, ranking);
    }
}

/// <summary>The analysed file.</summary>
/// <param name="Kind"><c>scenario</c> or <c>trial</c>.</param>
/// <param name="File">Its path.</param>
public sealed record SensitivityTargetInfo(string Kind, string File);

/// <summary>The analysed output.</summary>
/// <param name="Description">What it is, in words.</param>
/// <param name="Unit">Its unit.</param>
public sealed record SensitivityOutputInfo(string Description, string Unit);

/// <summary>The method and the settings it used (null: not a setting of this method).</summary>
/// <param name="Name"><c>local</c>, <c>morris</c> or <c>sobol</c>.</param>
/// <param name="Seed">Seed of every random draw.</param>
/// <param name="Samples">Sobol N.</param>
/// <param name="Bootstrap">Sobol bootstrap resamples.</param>
/// <param name="Confidence">Sobol confidence level.</param>
/// <param name="Trajectories">Morris r.</param>
/// <param name="Levels">Morris p.</param>
/// <param name="Step">Local relative step h.</param>
public sealed record SensitivityMethodInfo(string Name, ulong? Seed, int? Samples, int? Bootstrap, double? Confidence, int? Trajectories, int? Levels, double? Step);

/// <summary>The indices of one factor; those of other methods are null.</summary>
/// <param name="Factor">The factor's name.</param>
/// <param name="LocalCoefficient">(∂y/∂p)(p/y) at the nominal point.</param>
/// <param name="MorrisMu">μ, in output units per whole range of the factor (of its logarithm for log_uniform).</param>
/// <param name="MorrisMuStar">μ*, same units.</param>
/// <param name="MorrisSigma">σ, same units.</param>
/// <param name="FirstOrder">Sobol first-order index with its bootstrap interval.</param>
/// <param name="TotalOrder">Sobol total-order index with its bootstrap interval.</param>
public sealed record FactorIndices(string Factor, double? LocalCoefficient, double? MorrisMu, double? MorrisMuStar, double? MorrisSigma, IntervalEstimate? FirstOrder, IntervalEstimate? TotalOrder);
