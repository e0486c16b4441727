namespace ExoSim.Analysis.Estimation;

/// <summary>An estimated quantity with its Wald uncertainty.</summary>
/// <param name="Name">Parameter name, or <c>a(observable)</c>/<c>b(observable)</c> for error coefficients.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Initial">Start value.</param>
/// <param name="Estimate">The estimate.</param>
/// <param name="StandardError">SE by the delta method, estimate × SE(ln estimate); NaN when the Fisher information is singular.</param>
/// <param name="RelativeStandardErrorPercent">SE(ln estimate) × 100, the coefficient of variation of the estimate (%).</param>
/// <param name="WaldLower">Lower end of the 95 % Wald CI, exp(ln θ̂ − 1.96·SE(ln θ̂)).</param>
/// <param name="WaldUpper">Upper end of the 95 % Wald CI.</param>
/// <param name="Lower">Lower bound of the search.</param>
/// <param name="Upper">Upper bound of the search.</param>
/// <param name="AtBound">The estimate sits on a bound (its CI is not meaningful).</param>
public sealed record ParameterEstimate(
    string Name,
    string Unit,
    double Initial,
    double Estimate,
    double StandardError,
    double RelativeStandardErrorPercent,
    double WaldLower,
    double WaldUpper,
    double Lower,
    double Upper,
    bool AtBound);

/// <summary>How the optimiser ended.</summary>
/// <param name="Converged">The convergence criteria were met.</param>
/// <param name="Reason">Why it stopped.</param>
/// <param name="Iterations">Levenberg–Marquardt iterations of the final polish.</param>
/// <param name="ObjectiveEvaluations">Objective evaluations in all (each one model solve, Jacobian columns included).</param>
/// <param name="GradientNorm">Largest |∂objective/∂ln θ| over the free parameters at the estimate.</param>
/// <param name="Starts">Per Nelder–Mead start its final objective (empty for Levenberg–Marquardt alone).</param>
public sealed record ConvergenceReport(bool Converged, string Reason, int Iterations, long ObjectiveEvaluations, double GradientNorm, IReadOnlyList<double> Starts);

/// <summary>Residual summary of one observable.</summary>
/// <param name="Observable">Its name.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Count">Number of observations.</param>
/// <param name="MeanResidual">Mean of y − f.</param>
/// <param name="RmsResidual">Root mean square of y − f.</param>
/// <param name="MaxAbsResidual">Largest |y − f|.</param>
/// <param name="RmsWeightedResidual">Root mean square of (y − f)/SD (≈ 1 when the error model fits).</param>
/// <param name="Runs">Number of runs of residual signs in time order (few runs: systematic misfit).</param>
public sealed record ResidualSummary(string Observable, string Unit, int Count, double MeanResidual, double RmsResidual, double MaxAbsResidual, double RmsWeightedResidual, int Runs);

/// <summary>One observation with its fit.</summary>
/// <param name="TimeMin">Sample time.</param>
/// <param name="Observable">Observable name.</param>
/// <param name="Observed">Measured value.</param>
/// <param name="Predicted">Model prediction at the estimate.</param>
/// <param name="Residual">Observed − predicted.</param>
/// <param name="StandardDeviation">SD of the error model at this point.</param>
/// <param name="WeightedResidual">Residual / SD.</param>
public sealed record FittedPoint(double TimeMin, string Observable, double Observed, double Predicted, double Residual, double StandardDeviation, double WeightedResidual);

/// <summary>Whether a profile likelihood bounds its parameter.</summary>
public enum Identifiability
{
    /// <summary>The profile rises above the χ²₁ 95 % threshold on both sides: a finite profile CI.</summary>
    Identifiable,

    /// <summary>The profile stays below the threshold towards the lower bound.</summary>
    UnboundedBelow,

    /// <summary>The profile stays below the threshold towards the upper bound.</summary>
    UnboundedAbove,

    /// <summary>The profile stays below the threshold on both sides: the data do not determine the parameter.</summary>
    Flat,
}

/// <summary>One point of a profile likelihood.</summary>
/// <param name="Value">The fixed parameter value.</param>
/// <param name="DeltaMinusTwoLogLikelihood">−2 ln L at the re-optimised other parameters minus its minimum.</param>
/// <param name="Converged">Whether the re-optimisation converged.</param>
public sealed record ProfilePoint(double Value, double DeltaMinusTwoLogLikelihood, bool Converged);

/// <summary>The profile likelihood of one parameter.</summary>
/// <param name="Parameter">The parameter.</param>
/// <param name="Threshold">χ²₁(0.95) = 3.84: the profile CI is where Δ(−2 ln L) crosses it.</param>
/// <param name="Points">The profile, by ascending value.</param>
/// <param name="ProfileLower">Lower end of the profile CI (NaN when unbounded below).</param>
/// <param name="ProfileUpper">Upper end of the profile CI (NaN when unbounded above).</param>
/// <param name="WaldLower">The Wald CI's lower end, for comparison.</param>
/// <param name="WaldUpper">The Wald CI's upper end.</param>
/// <param name="Identifiability">What the profile says.</param>
public sealed record ProfileLikelihood(
    string Parameter,
    double Threshold,
    IReadOnlyList<ProfilePoint> Points,
    double ProfileLower,
    double ProfileUpper,
    double WaldLower,
    double WaldUpper,
    Identifiability Identifiability);

/// <summary>The result of a fit.</summary>
public sealed record EstimationResult
{
    /// <summary>Estimated model parameters, then estimated error coefficients.</summary>
    public required IReadOnlyList<ParameterEstimate> Estimates { get; init; }

    /// <summary>Covariance matrix of ln(estimates), in the order of <see cref="Estimates"/>; NaN where singular or on a bound.</summary>
    public required double[][] Covariance { get; init; }

    /// <summary>Correlation matrix of the estimates (ln scale), in the order of <see cref="Estimates"/>; NaN where singular.</summary>
    public required double[][] Correlation { get; init; }

    /// <summary>The objective at the estimate.</summary>
    public required ObjectiveKind Objective { get; init; }

    /// <summary>The minimised objective's value.</summary>
    public required double ObjectiveValue { get; init; }

    /// <summary>−2 ln L at the estimate (for weighted least squares with σ² = objective/n).</summary>
    public required double MinusTwoLogLikelihood { get; init; }

    /// <summary>Number of observations.</summary>
    public required int ObservationCount { get; init; }

    /// <summary>Number of estimated quantities k (weighted least squares counts its residual variance).</summary>
    public required int EstimatedCount { get; init; }

    /// <summary>AIC = −2 ln L + 2k.</summary>
    public double Aic => MinusTwoLogLikelihood + (2.0 * EstimatedCount);

    /// <summary>BIC = −2 ln L + k·ln n.</summary>
    public double Bic => MinusTwoLogLikelihood + (EstimatedCount * Math.Log(ObservationCount));

    /// <summary>Residual variance s² = objective/(n − p) by which weighted least squares scales the covariance (1 for the likelihood).</summary>
    public required double ResidualVarianceScale { get; init; }

    /// <summary>Reciprocal condition number of the Fisher information (0 when singular).</summary>
    public required double FisherReciprocalCondition { get; init; }

    /// <summary>Per-observable residual summaries (observables with observations only).</summary>
    public required IReadOnlyList<ResidualSummary> Residuals { get; init; }

    /// <summary>Every observation with prediction and residual.</summary>
    public required IReadOnlyList<FittedPoint> Points { get; init; }

    /// <summary>How the optimiser ended.</summary>
    public required ConvergenceReport Convergence { get; init; }

    /// <summary>Profile likelihoods asked for.</summary>
    public required IReadOnlyList<ProfileLikelihood> Profiles { get; init; }
}
