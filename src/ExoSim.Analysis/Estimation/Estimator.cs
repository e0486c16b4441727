using ExoSim.Models.Random;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace ExoSim.Analysis.Estimation;

/// <summary>
/// Fits an <see cref="EstimationProblem"/>: finds the estimate with the chosen optimiser, then the covariance from the
/// Fisher information at the estimate, Wald CIs, correlations, goodness of fit and the profile likelihoods asked
/// for. Deterministic: random starts come from the seed, and parallel work is stored by index.
/// </summary>
public static class Estimator
{
    /// <summary>χ²₁ quantile 0.95: the Δ(−2 ln L) that bounds a 95 % profile-likelihood CI.</summary>
    public static readonly double ProfileThreshold = ChiSquared.InvCDF(1, 0.95);

    private static readonly double NormalQuantile = Normal.InvCDF(0, 1, 0.975);

    /// <summary>Fits the problem.</summary>
    /// <exception cref="ArgumentException">The problem or settings are inconsistent (message names what).</exception>
    /// <exception cref="EstimationException">The model cannot be evaluated at the start values.</exception>
    public static EstimationResult Fit(EstimationProblem problem, EstimationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(settings);
        problem.Validate();
        var objective = new FitObjective(problem, settings.FiniteDifferenceStep);
        foreach (string name in settings.Profiles)
        {
            if (!objective.Names.Contains(name, StringComparer.Ordinal))
            {
                throw new ArgumentException($"Profile of '{name}': not an estimated quantity ({string.Join(", ", objective.Names)}).");
            }
        }

        var notHeld = new bool[objective.Dimension];
        IReadOnlyList<double> startValues = [];
        double[] start = objective.Initial;
        if (settings.Optimizer == OptimizerKind.MultiStartNelderMead)
        {
            (start, startValues) = BestOfStarts(objective, settings);
        }

        var outcome = LevenbergMarquardt.Minimize(objective, start, notHeld, settings, settings.MaxIterations);
        var covariance = Covariance(objective, outcome, out double scale, out double reciprocalCondition, out bool[] atBound);
        var estimates = Estimates(objective, outcome.Phi, covariance, atBound);
        var points = Points(objective, outcome.Final);
        double gradientNorm = LevenbergMarquardt.FreeCoordinates(objective, outcome.Phi, outcome.Final.Gradient, Enumerable.Repeat(true, objective.Dimension).ToArray())
            .Select(j => Math.Abs(outcome.Final.Gradient[j])).DefaultIfEmpty(0).Max();
        var profiles = new ProfileLikelihood[settings.Profiles.Count];
        Parallel.For(0, profiles.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.MaxDegreeOfParallelism) }, p =>
            profiles[p] = Profile(objective, outcome, estimates, Array.IndexOf(objective.Names, settings.Profiles[p]), settings));

        return new EstimationResult
        {
            Estimates = estimates,
            Covariance = [.. Enumerable.Range(0, covariance.GetLength(0)).Select(a => Enumerable.Range(0, covariance.GetLength(1)).Select(b => covariance[a, b]).ToArray())],
            Correlation = Correlation(covariance),
            Objective = problem.Objective,
            ObjectiveValue = outcome.Value,
            MinusTwoLogLikelihood = MinusTwoLogLikelihood(objective, outcome.Value, outcome.Final.StandardDeviations),
            ObservationCount = objective.ObservationCount,
            EstimatedCount = objective.Dimension + (objective.IsLikelihood ? 0 : 1),
            ResidualVarianceScale = scale,
            FisherReciprocalCondition = reciprocalCondition,
            Residuals = Summaries(problem, points),
            Points = points,
            Convergence = new ConvergenceReport(outcome.Converged, outcome.Reason, outcome.Iterations, objective.Evaluations, gradientNorm, startValues),
            Profiles = profiles,
        };
    }

    private static (double[] Best, IReadOnlyList<double> Values) BestOfStarts(FitObjective objective, EstimationSettings settings)
    {
        if (settings.Starts < 1)
        {
            throw new ArgumentException($"The number of starts must be at least 1; got {settings.Starts}.");
        }

        int d = objective.Dimension;
        var results = new (double[] Point, double Value)[settings.Starts];
        var step = objective.Lower.Zip(objective.Upper, (lo, hi) => Math.Min(0.1 * (hi - lo), 0.5)).ToArray();
        Parallel.For(0, settings.Starts, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.MaxDegreeOfParallelism) }, k =>
        {
            var start = objective.Initial;
            if (k > 0)
            {
                // Start k (≥ 1) is uniform in the box of ln-bounds, from its own stream of the seed.
                var random = Xoshiro256StarStar.ForStream(settings.Seed, k);
                start = new double[d];
                for (int j = 0; j < d; j++)
                {
                    start[j] = objective.Lower[j] + (random.NextDouble() * (objective.Upper[j] - objective.Lower[j]));
                }
            }

            results[k] = NelderMead.Minimize(objective.Value, objective.Clamp, start, step, settings.NelderMeadEvaluationsPerDimension * d);
        });

        int best = Enumerable.Range(0, results.Length).OrderBy(k => results[k].Value).ThenBy(k => k).First();
        return (results[best].Point, results.Select(r => r.Value).ToArray());
    }

    /// <summary>
    /// Covariance of φ: (H/2)⁻¹, the inverse Fisher information, times s² = objective/(n − p) for weighted least
    /// squares. Coordinates on a bound are left out (NaN). Singular (reciprocal condition &lt; 1e-12): all NaN.
    /// </summary>
    private static double[,] Covariance(FitObjective objective, LevenbergMarquardtOutcome outcome, out double scale, out double reciprocalCondition, out bool[] atBound)
    {
        int d = objective.Dimension;
        var onBound = new bool[d];
        for (int j = 0; j < d; j++)
        {
            onBound[j] = outcome.Phi[j] <= objective.Lower[j] + 1e-9 || outcome.Phi[j] >= objective.Upper[j] - 1e-9;
        }

        atBound = onBound;
        var inside = Enumerable.Range(0, d).Where(j => !onBound[j]).ToArray();
        int p = objective.Dimension;
        scale = objective.IsLikelihood ? 1 : outcome.Value / Math.Max(1, objective.ObservationCount - p);
        var covariance = new double[d, d];
        for (int a = 0; a < d; a++)
        {
            for (int b = 0; b < d; b++)
            {
                covariance[a, b] = double.NaN;
            }
        }

        reciprocalCondition = 0;
        if (inside.Length == 0)
        {
            return covariance;
        }

        var fisher = Matrix<double>.Build.Dense(inside.Length, inside.Length, (a, b) => outcome.Final.Hessian[inside[a], inside[b]] / 2);
        var svd = fisher.Svd();
        double largest = svd.S.Maximum();
        reciprocalCondition = largest > 0 ? svd.S.Minimum() / largest : 0;
        if (!(reciprocalCondition >= 1e-12))
        {
            return covariance;
        }

        var inverse = fisher.Inverse();
        for (int a = 0; a < inside.Length; a++)
        {
            for (int b = 0; b < inside.Length; b++)
            {
                covariance[inside[a], inside[b]] = scale * inverse[a, b];
            }
        }

        return covariance;
    }

    private static ParameterEstimate[] Estimates(FitObjective objective, double[] phi, double[,] covariance, bool[] atBound)
    {
        var estimates = new ParameterEstimate[objective.Dimension];
        for (int j = 0; j < estimates.Length; j++)
        {
            double value = Math.Exp(phi[j]);
            double logSe = covariance[j, j] >= 0 ? Math.Sqrt(covariance[j, j]) : double.NaN;
            estimates[j] = new ParameterEstimate(
                objective.Names[j],
                objective.Units[j],
                Math.Exp(objective.Initial[j]),
                value,
                value * logSe,
                100 * logSe,
                Math.Exp(phi[j] - (NormalQuantile * logSe)),
                Math.Exp(phi[j] + (NormalQuantile * logSe)),
                Math.Exp(objective.Lower[j]),
                Math.Exp(objective.Upper[j]),
                atBound[j]);
        }

        return estimates;
    }

    private static double[][] Correlation(double[,] covariance)
    {
        int d = covariance.GetLength(0);
        var correlation = new double[d][];
        for (int a = 0; a < d; a++)
        {
            correlation[a] = new double[d];
            for (int b = 0; b < d; b++)
            {
                correlation[a][b] = covariance[a, b] / Math.Sqrt(covariance[a, a] * covariance[b, b]);
            }
        }

        return correlation;
    }

    /// <summary>−2 ln L at the estimate; for weighted least squares with the residual variance at its ML value objective/n.</summary>
    private static double MinusTwoLogLikelihood(FitObjective objective, double value, double[] sd)
    {
        if (objective.IsLikelihood)
        {
            return value;
        }

        int n = objective.ObservationCount;
        return sd.Sum(s => Math.Log(2 * Math.PI * s * s)) + (n * Math.Log(value / n)) + n;
    }

    /// <summary>Δ(−2 ln L) of a profile point; weighted least squares profiles out the residual variance: n·ln(S/Ŝ).</summary>
    private static double Delta(FitObjective objective, double value, double minimum)
        => objective.IsLikelihood ? value - minimum : objective.ObservationCount * Math.Log(value / minimum);

    private static FittedPoint[] Points(FitObjective objective, Linearization final)
    {
        var problem = objective.Problem;
        var points = new FittedPoint[problem.Observations.Count];
        for (int i = 0; i < points.Length; i++)
        {
            var observation = problem.Observations[i];
            double residual = observation.Value - final.Predictions[i];
            points[i] = new FittedPoint(observation.TimeMin, problem.ErrorModels[observation.Observable].Observable, observation.Value, final.Predictions[i], residual, final.StandardDeviations[i], residual / final.StandardDeviations[i]);
        }

        return points;
    }

    private static ResidualSummary[] Summaries(EstimationProblem problem, FittedPoint[] points)
        => problem.ErrorModels.Where(model => points.Any(p => p.Observable == model.Observable)).Select(model =>
        {
            var own = points.Where(p => p.Observable == model.Observable).OrderBy(p => p.TimeMin).ToArray();
            int runs = 1;
            for (int i = 1; i < own.Length; i++)
            {
                runs += Math.Sign(own[i].Residual) != Math.Sign(own[i - 1].Residual) ? 1 : 0;
            }

            return new ResidualSummary(
                model.Observable,
                model.Unit,
                own.Length,
                own.Average(p => p.Residual),
                Math.Sqrt(own.Average(p => p.Residual * p.Residual)),
                own.Max(p => Math.Abs(p.Residual)),
                Math.Sqrt(own.Average(p => p.WeightedResidual * p.WeightedResidual)),
                runs);
        }).ToArray();

    /// <summary>
    /// Profile likelihood of coordinate j: fix φⱼ on a grid stepping away from the estimate on each side (step ≈ 0.4
    /// Wald SE in ln, 0.02–0.5), re-optimise the others by Levenberg–Marquardt from the previous point, until
    /// Δ(−2 ln L) passes the threshold by 1, the bound is reached or the points per side are used up.
    /// </summary>
    /// <summary>The other quantities re-optimised from <paramref name="warm"/> with coordinate j fixed at x; null where the model fails.</summary>
    private static LevenbergMarquardtOutcome? FixedAt(FitObjective objective, double[] warm, int j, double x, bool[] held, EstimationSettings settings)
    {
        var start = (double[])warm.Clone();
        start[j] = x;
        try
        {
            return LevenbergMarquardt.Minimize(objective, start, held, settings, 50);
        }
        catch (EstimationException)
        {
            return null;
        }
    }

    /// <summary>
    /// ln of the value where the profile crosses the threshold between a point below it and one above, by regula
    /// falsi (Illinois variant) with a re-optimisation at each trial value.
    /// </summary>
    private static double Crossing(FitObjective objective, double minimum, int j, bool[] held, EstimationSettings settings, double[] below, double belowDelta, double[] above, double aboveDelta)
    {
        double threshold = ProfileThreshold;
        double x0 = below[j], f0 = belowDelta - threshold, x1 = above[j], f1 = aboveDelta - threshold;
        var warm = below;
        for (int iteration = 0; iteration < 6 && Math.Abs(x1 - x0) > 1e-5; iteration++)
        {
            double x = x1 - (f1 * (x1 - x0) / (f1 - f0));
            if (FixedAt(objective, warm, j, x, held, settings) is not { } fit)
            {
                break;
            }

            double f = Delta(objective, fit.Value, minimum) - threshold;
            if (Math.Abs(f) < 1e-4)
            {
                return x;
            }

            if (Math.Sign(f) == Math.Sign(f1))
            {
                (x1, f1) = (x, f);
                f0 /= 2;
            }
            else
            {
                (x0, f0, warm) = (x1, f1, fit.Phi);
                (x1, f1) = (x, f);
            }
        }

        return x1 - (f1 * (x1 - x0) / (f1 - f0));
    }

    private static ProfileLikelihood Profile(FitObjective objective, LevenbergMarquardtOutcome optimum, ParameterEstimate[] estimates, int j, EstimationSettings settings)
    {
        double threshold = ProfileThreshold;
        double logSe = estimates[j].RelativeStandardErrorPercent / 100;
        double step = double.IsFinite(logSe) ? Math.Clamp(0.4 * logSe, 0.02, 0.5) : 0.1;
        var held = new bool[objective.Dimension];
        held[j] = true;
        var points = new List<ProfilePoint> { new(estimates[j].Estimate, 0, true) };
        var crossings = new double[2];
        var bounded = new bool[2];
        for (int side = 0; side < 2; side++)
        {
            double direction = side == 0 ? -1 : 1;
            double limit = side == 0 ? objective.Lower[j] : objective.Upper[j];
            var previous = (double[])optimum.Phi.Clone();
            double previousDelta = 0;
            crossings[side] = double.NaN;
            for (int k = 1; k <= settings.ProfilePointsPerSide; k++)
            {
                double x = optimum.Phi[j] + (direction * k * step);
                bool last = direction * (x - limit) >= 0;
                x = last ? limit : x;
                if (FixedAt(objective, previous, j, x, held, settings) is not { } fit)
                {
                    break;
                }

                double delta = Delta(objective, fit.Value, optimum.Value);
                points.Add(new ProfilePoint(Math.Exp(x), delta, fit.Converged));
                if (!bounded[side] && delta >= threshold)
                {
                    crossings[side] = Math.Exp(Crossing(objective, optimum.Value, j, held, settings, previous, previousDelta, fit.Phi, delta));
                    bounded[side] = true;
                }

                previous = fit.Phi;
                previousDelta = delta;
                if (last || delta >= threshold + 1)
                {
                    break;
                }
            }
        }

        var identifiability = (bounded[0], bounded[1]) switch
        {
            (true, true) => Identifiability.Identifiable,
            (false, true) => Identifiability.UnboundedBelow,
            (true, false) => Identifiability.UnboundedAbove,
            _ => Identifiability.Flat,
        };
        return new ProfileLikelihood(
            objective.Names[j],
            threshold,
            [.. points.OrderBy(p => p.Value)],
            crossings[0],
            crossings[1],
            estimates[j].WaldLower,
            estimates[j].WaldUpper,
            identifiability);
    }
}
