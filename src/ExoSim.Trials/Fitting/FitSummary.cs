using ExoSim.Analysis.Estimation;

namespace ExoSim.Trials.Fitting;

/// <summary>
/// What <c>fit.json</c> holds (schema <see cref="SchemaName"/>): the fit's inputs and, per subject, the
/// estimates with SE and 95 % Wald CIs from the Fisher information, derived parameters, the correlation matrix,
/// goodness of fit (objective, −2 ln L, AIC, BIC), residual summaries, convergence and profile likelihoods.
/// Non-finite numbers (e.g. the SE of a non-identifiable parameter) are written as null.
/// </summary>
public sealed record FitSummary
{
    /// <summary>Schema name and version of this layout; the version is raised when a field changes meaning or is removed.</summary>
    public const string SchemaName = "exosim.fit/1";

    /// <summary>The schema.</summary>
    public string Schema { get; init; } = SchemaName;

    /// <summary>ExoSim's version.</summary>
    public required string ExosimVersion { get; init; }

    /// <summary>The research-use notice.</summary>
    public required string Notice { get; init; }

    /// <summary>Fit file.</summary>
    public required string File { get; init; }

    /// <summary>Display name.</summary>
    public string? Name { get; init; }

    /// <summary>Model id.</summary>
    public required string Model { get; init; }

    /// <summary>Model title.</summary>
    public required string ModelTitle { get; init; }

    /// <summary>The scenario's subject (parameter set) whose other values are held fixed.</summary>
    public required string Patient { get; init; }

    /// <summary>"likelihood" or "wls".</summary>
    public required string Objective { get; init; }

    /// <summary>Optimiser name.</summary>
    public required string Optimizer { get; init; }

    /// <summary>Nelder–Mead starts (multi-start only).</summary>
    public int? Starts { get; init; }

    /// <summary>Seed of the random starts (multi-start only).</summary>
    public ulong? Seed { get; init; }

    /// <summary>Data file.</summary>
    public required string DataFile { get; init; }

    /// <summary>Data columns and the model columns they were fitted to.</summary>
    public required IReadOnlyList<FitColumnSummary> Columns { get; init; }

    /// <summary>One entry per subject, each fitted separately.</summary>
    public required IReadOnlyList<SubjectFitSummary> Subjects { get; init; }

    /// <summary>Builds the summary.</summary>
    public static FitSummary Build(ResolvedFit fit, IReadOnlyList<SubjectFitResult> results, string version, string notice)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(results);
        bool multiStart = fit.Settings.Optimizer == OptimizerKind.MultiStartNelderMead;
        return new FitSummary
        {
            ExosimVersion = version,
            Notice = notice,
            File = fit.Document.File,
            Name = fit.Document.Name,
            Model = fit.Scenario.Request.Model.Id,
            ModelTitle = fit.Scenario.Request.Model.Title,
            Patient = fit.Scenario.Request.Parameters.Name,
            Objective = fit.Document.Objective == ObjectiveKind.MinusTwoLogLikelihood ? "likelihood" : "wls",
            Optimizer = multiStart ? "multistart-nelder-mead" : "levenberg-marquardt",
            Starts = multiStart ? fit.Settings.Starts : null,
            Seed = multiStart ? fit.Settings.Seed : null,
            DataFile = fit.Data.File,
            Columns = [.. fit.DataColumns.Select((c, i) => new FitColumnSummary(c.Name, c.Unit, fit.ModelColumns[i], fit.ModelUnits[i]))],
            Subjects = [.. results.Select(SubjectFitSummary.From)],
        };
    }

    /// <summary>A finite number, or null.</summary>
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;
}

/// <summary>A data column and its model column.</summary>
/// <param name="Name">Data column.</param>
/// <param name="Unit">Its unit in the file.</param>
/// <param name="ModelColumn">The model's state or observable.</param>
/// <param name="ModelUnit">Its unit (values are converted to it).</param>
public sealed record FitColumnSummary(string Name, string Unit, string ModelColumn, string ModelUnit);

/// <summary>An estimate as written to fit.json.</summary>
/// <param name="Name">Name.</param>
/// <param name="Unit">Unit.</param>
/// <param name="Initial">Start value.</param>
/// <param name="Estimate">Estimate.</param>
/// <param name="StandardError">SE (null: not available).</param>
/// <param name="RsePercent">Relative SE (%).</param>
/// <param name="Ci95Lower">95 % Wald CI, lower.</param>
/// <param name="Ci95Upper">95 % Wald CI, upper.</param>
/// <param name="Lower">Search bound.</param>
/// <param name="Upper">Search bound.</param>
/// <param name="AtBound">Estimate on a bound.</param>
public sealed record EstimateSummary(string Name, string Unit, double Initial, double Estimate, double? StandardError, double? RsePercent, double? Ci95Lower, double? Ci95Upper, double? Lower, double? Upper, bool AtBound);

/// <summary>A profile likelihood as written to fit.json.</summary>
/// <param name="Parameter">Parameter.</param>
/// <param name="Threshold">Δ(−2 ln L) threshold (χ²₁ 0.95).</param>
/// <param name="ProfileCi95Lower">Profile CI, lower (null: unbounded).</param>
/// <param name="ProfileCi95Upper">Profile CI, upper (null: unbounded).</param>
/// <param name="WaldCi95Lower">Wald CI, lower.</param>
/// <param name="WaldCi95Upper">Wald CI, upper.</param>
/// <param name="Identifiability">identifiable, unbounded_below, unbounded_above or flat.</param>
/// <param name="Points">(value, Δ(−2 ln L), converged) by ascending value.</param>
public sealed record ProfileSummary(string Parameter, double Threshold, double? ProfileCi95Lower, double? ProfileCi95Upper, double? WaldCi95Lower, double? WaldCi95Upper, Identifiability Identifiability, IReadOnlyList<ProfilePoint> Points);

/// <summary>One subject's fit as written to fit.json.</summary>
public sealed record SubjectFitSummary
{
    /// <summary>Subject ("" without a subject column).</summary>
    public required string Subject { get; init; }

    /// <summary>Number of observations fitted.</summary>
    public required int Observations { get; init; }

    /// <summary>Estimated quantities.</summary>
    public required IReadOnlyList<EstimateSummary> Estimates { get; init; }

    /// <summary>Derived parameters (delta method).</summary>
    public required IReadOnlyList<EstimateSummary> Derived { get; init; }

    /// <summary>Names in the order of <see cref="Correlation"/>.</summary>
    public required IReadOnlyList<string> CorrelationNames { get; init; }

    /// <summary>Correlation matrix of the ln estimates (null entries: not available).</summary>
    public required IReadOnlyList<IReadOnlyList<double?>> Correlation { get; init; }

    /// <summary>Objective at the estimate.</summary>
    public required double ObjectiveValue { get; init; }

    /// <summary>−2 ln L (null when not finite, e.g. a perfect weighted-least-squares fit).</summary>
    public required double? MinusTwoLogLikelihood { get; init; }

    /// <summary>AIC.</summary>
    public required double? Aic { get; init; }

    /// <summary>BIC.</summary>
    public required double? Bic { get; init; }

    /// <summary>Number of estimated quantities k of AIC/BIC.</summary>
    public required int EstimatedCount { get; init; }

    /// <summary>Residual variance s² scaling the covariance (weighted least squares; 1 for the likelihood).</summary>
    public required double ResidualVarianceScale { get; init; }

    /// <summary>Reciprocal condition number of the Fisher information.</summary>
    public required double FisherReciprocalCondition { get; init; }

    /// <summary>Residual summaries per observable.</summary>
    public required IReadOnlyList<ResidualSummary> Residuals { get; init; }

    /// <summary>Convergence.</summary>
    public required ConvergenceReport Convergence { get; init; }

    /// <summary>Profile likelihoods.</summary>
    public required IReadOnlyList<ProfileSummary> Profiles { get; init; }

    /// <summary>From a subject's result.</summary>
    public static SubjectFitSummary From(SubjectFitResult subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var r = subject.Result;
        return new SubjectFitSummary
        {
            Subject = subject.Subject,
            Observations = r.ObservationCount,
            Estimates = [.. r.Estimates.Select(e => new EstimateSummary(e.Name, e.Unit, e.Initial, e.Estimate, FitSummary.Finite(e.StandardError), FitSummary.Finite(e.RelativeStandardErrorPercent), FitSummary.Finite(e.WaldLower), FitSummary.Finite(e.WaldUpper), e.Lower, e.Upper, e.AtBound))],
            Derived = [.. subject.Derived.Select(d => new EstimateSummary(d.Name, d.Unit, d.Estimate, d.Estimate, FitSummary.Finite(d.StandardError), FitSummary.Finite(100 * d.StandardError / d.Estimate), FitSummary.Finite(d.WaldLower), FitSummary.Finite(d.WaldUpper), null, null, false))],
            CorrelationNames = [.. r.Estimates.Select(e => e.Name)],
            Correlation = [.. r.Correlation.Select(row => (IReadOnlyList<double?>)[.. row.Select(FitSummary.Finite)])],
            ObjectiveValue = r.ObjectiveValue,
            MinusTwoLogLikelihood = FitSummary.Finite(r.MinusTwoLogLikelihood),
            Aic = FitSummary.Finite(r.Aic),
            Bic = FitSummary.Finite(r.Bic),
            EstimatedCount = r.EstimatedCount,
            ResidualVarianceScale = r.ResidualVarianceScale,
            FisherReciprocalCondition = r.FisherReciprocalCondition,
            Residuals = r.Residuals,
            Convergence = r.Convergence,
            Profiles = [.. r.Profiles.Select(p => new ProfileSummary(p.Parameter, p.Threshold, FitSummary.Finite(p.ProfileLower), FitSummary.Finite(p.ProfileUpper), FitSummary.Finite(p.WaldLower), FitSummary.Finite(p.WaldUpper), p.Identifiability, p.Points))],
        };
    }
}
