using ExoSim.Analysis.Estimation;
using ExoSim.Models.Simulation;

namespace ExoSim.Trials.Fitting;

/// <summary>A derived parameter (e.g. SI = p3/p2) at the estimate, with its 95 % CI by the delta method on the ln scale.</summary>
/// <param name="Name">The model's derived parameter.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Estimate">Its value at the estimate.</param>
/// <param name="StandardError">SE (NaN where the covariance is not available).</param>
/// <param name="WaldLower">Lower end of the 95 % CI.</param>
/// <param name="WaldUpper">Upper end of the 95 % CI.</param>
public sealed record DerivedEstimate(string Name, string Unit, double Estimate, double StandardError, double WaldLower, double WaldUpper);

/// <summary>The fit of one subject.</summary>
/// <param name="Subject">The subject's name ("" without a subject column).</param>
/// <param name="Result">Estimates, uncertainty, residuals, convergence, profiles.</param>
/// <param name="Derived">Derived parameters that depend on the estimated ones.</param>
/// <param name="Curve">The model at the estimate on the scenario's output grid (null if it could not be simulated).</param>
public sealed record SubjectFitResult(string Subject, EstimationResult Result, IReadOnlyList<DerivedEstimate> Derived, SimulationResult? Curve);

/// <summary>Runs a resolved fit: each subject separately, in order.</summary>
public static class FitRunner
{
    private const double Z975 = 1.959963984540054;

    /// <summary>Fits every subject.</summary>
    /// <exception cref="EstimationException">A subject's model cannot be evaluated at the start values.</exception>
    public static IReadOnlyList<SubjectFitResult> Run(ResolvedFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var results = new List<SubjectFitResult>();
        foreach (var subject in fit.Subjects)
        {
            EstimationResult result;
            try
            {
                result = Estimator.Fit(subject.Problem, fit.Settings);
            }
            catch (EstimationException exception)
            {
                string who = subject.Subject.Length > 0 ? $"subject '{subject.Subject}': " : string.Empty;
                throw new EstimationException(who + exception.Message, exception);
            }

            var values = result.Estimates.Take(subject.Problem.Parameters.Count).Select(e => e.Estimate).ToArray();
            var request = fit.Scenario.Request;
            double interval = request.OutputIntervalMin;
            var grid = Enumerable.Range(0, (int)Math.Floor((request.DurationMin / interval) + 1e-9) + 1).Select(k => Math.Min(k * interval, request.DurationMin)).ToArray();
            results.Add(new SubjectFitResult(subject.Subject, result, Derived(subject, result, values), subject.Predictor.Simulate(values, grid)));
        }

        return results;
    }

    /// <summary>
    /// Every derived parameter of the model that changes with the estimated ones: value at the estimate, and
    /// Var(ln d) = gᵀ·Σ·g with g = ∂ln d/∂ln θ by central differences and Σ the covariance of ln θ.
    /// </summary>
    private static List<DerivedEstimate> Derived(SubjectFit subject, EstimationResult result, double[] values)
    {
        var derived = new List<DerivedEstimate>();
        var at = subject.Predictor.ParametersFor(values);
        int m = values.Length;
        const double step = 1e-5;
        foreach (var definition in at.Schema.Definitions.Where(d => d.IsDerived))
        {
            double value = at[definition.Name];
            if (!(value > 0))
            {
                continue;
            }

            var gradient = new double[m];
            for (int j = 0; j < m; j++)
            {
                var plus = (double[])values.Clone();
                var minus = (double[])values.Clone();
                plus[j] *= Math.Exp(step);
                minus[j] *= Math.Exp(-step);
                gradient[j] = (Math.Log(subject.Predictor.ParametersFor(plus)[definition.Name]) - Math.Log(subject.Predictor.ParametersFor(minus)[definition.Name])) / (2 * step);
            }

            if (gradient.All(g => Math.Abs(g) < 1e-9))
            {
                continue;
            }

            double variance = 0;
            for (int a = 0; a < m; a++)
            {
                for (int b = 0; b < m; b++)
                {
                    variance += gradient[a] * result.Covariance[a][b] * gradient[b];
                }
            }

            double logSe = variance >= 0 ? Math.Sqrt(variance) : double.NaN;
            derived.Add(new DerivedEstimate(definition.Name, definition.Unit, value, value * logSe, value * Math.Exp(-Z975 * logSe), value * Math.Exp(Z975 * logSe)));
        }

        return derived;
    }
}
