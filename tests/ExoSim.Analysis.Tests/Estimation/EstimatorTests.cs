using ExoSim.Analysis.Estimation;

namespace ExoSim.Analysis.Tests.Estimation;

public class EstimatorTests
{
    private static readonly double[] Values = [9.1, 10.4, 11.8, 8.7, 10.9, 10.2, 9.6, 11.1];

    private static EstimationProblem ConstantMean(ObjectiveKind objective, ObservableErrorModel error) => new()
    {
        Parameters = [new("theta", 5, 0.1, 100, "u")],
        Observations = [.. Values.Select((y, i) => new Observation(i, 0, y))],
        ErrorModels = [error],
        Objective = objective,
        Predict = values => [.. Values.Select(_ => values[0])],
    };

    [Fact]
    public void ConstantMeanWithKnownSdGivesTheSampleMeanAndSdOverRootN()
    {
        // Exact: the ML estimate of a normal mean is the sample mean, with SE σ/√n.
        const double sd = 0.8;
        var result = Estimator.Fit(ConstantMean(ObjectiveKind.MinusTwoLogLikelihood, EstimationTestProblems.Additive(sd)), new EstimationSettings());
        var theta = result.Estimates.Single();
        Assert.True(result.Convergence.Converged, result.Convergence.Reason);
        Assert.Equal(Values.Average(), theta.Estimate, 1e-6);
        Assert.Equal(sd / Math.Sqrt(Values.Length), theta.StandardError, 1e-5);
        Assert.Equal(1.0, result.ResidualVarianceScale);
    }

    [Fact]
    public void ConstantMeanWithEstimatedSdGivesTheMaximumLikelihoodSd()
    {
        // Exact: σ̂² = Σ(y − ȳ)²/n, SE(mean) = σ̂/√n, and SE(ln σ̂) = 1/√(2n) from the Fisher information.
        double mean = Values.Average();
        double sigma = Math.Sqrt(Values.Average(y => (y - mean) * (y - mean)));
        var result = Estimator.Fit(ConstantMean(ObjectiveKind.MinusTwoLogLikelihood, EstimationTestProblems.Additive(2, estimated: true)), new EstimationSettings());
        Assert.Equal(["theta", "a(y)"], result.Estimates.Select(e => e.Name));
        // Tolerance 1e-5: the objective tolerance (1e-9 relative) leaves σ̂ about that far from the exact optimum.
        Assert.Equal(mean, result.Estimates[0].Estimate, 1e-5);
        Assert.Equal(sigma, result.Estimates[1].Estimate, 1e-5);
        Assert.Equal(sigma / Math.Sqrt(Values.Length), result.Estimates[0].StandardError, 1e-5);
        Assert.Equal(100 / Math.Sqrt(2.0 * Values.Length), result.Estimates[1].RelativeStandardErrorPercent, 1e-3);
        Assert.Equal(0, result.Correlation[0][1], 1e-6);
    }

    [Fact]
    public void WeightedLeastSquaresThroughTheOriginMatchesTheClosedForm()
    {
        // y = θ·x with weights 1/(b·y)²: θ̂ = Σwxy/Σwx², SE = s/√(Σwx²), s² = Σw(y − θ̂x)²/(n − 1).
        double[] x = [1, 2, 3, 4, 5, 6];
        double[] y = [2.1, 3.9, 6.3, 7.7, 10.4, 11.6];
        var problem = new EstimationProblem
        {
            Parameters = [new("theta", 1, 0.01, 100, "u")],
            Observations = [.. y.Select((v, i) => new Observation(x[i], 0, v))],
            ErrorModels = [new ObservableErrorModel("y", "u", ErrorModelKind.Proportional, null, new ErrorCoefficient(0.05, false))],
            Objective = ObjectiveKind.WeightedLeastSquares,
            Predict = values => [.. x.Select(t => values[0] * t)],
        };
        var w = y.Select(v => 1 / (0.05 * v * 0.05 * v)).ToArray();
        double sxx = w.Select((wi, i) => wi * x[i] * x[i]).Sum();
        double theta = w.Select((wi, i) => wi * x[i] * y[i]).Sum() / sxx;
        double s2 = w.Select((wi, i) => wi * Math.Pow(y[i] - (theta * x[i]), 2)).Sum() / (x.Length - 1);

        var result = Estimator.Fit(problem, new EstimationSettings());
        Assert.Equal(theta, result.Estimates[0].Estimate, 1e-7);
        Assert.Equal(Math.Sqrt(s2 / sxx), result.Estimates[0].StandardError, 1e-6);
        Assert.Equal(s2, result.ResidualVarianceScale, 1e-6);
    }

    [Fact]
    public void LinearModelProfileCiEqualsTheWaldCi()
    {
        // For a mean with known σ the −2 ln L is exactly quadratic in θ (not in ln θ): the profile CI is ȳ ± 1.96σ/√n.
        const double sd = 0.8;
        var result = Estimator.Fit(ConstantMean(ObjectiveKind.MinusTwoLogLikelihood, EstimationTestProblems.Additive(sd)), new EstimationSettings { Profiles = ["theta"] });
        var profile = result.Profiles.Single();
        double half = 1.959964 * sd / Math.Sqrt(Values.Length);
        Assert.Equal(Identifiability.Identifiable, profile.Identifiability);
        Assert.Equal(Values.Average() - half, profile.ProfileLower, 2e-3);
        Assert.Equal(Values.Average() + half, profile.ProfileUpper, 2e-3);
    }

    [Fact]
    public void AProductOfTwoParametersIsFlaggedNonIdentifiable()
    {
        // y = a·b·t determines only the product: singular Fisher information, and a flat profile of a.
        double[] t = [1, 2, 3, 4, 5];
        var problem = new EstimationProblem
        {
            // b's bounds leave every a in its bounds a b with a·b = 3, so only the product is determined.
            Parameters = [new("a", 2, 0.1, 10, "u"), new("b", 2, 0.01, 1000, "u")],
            Observations = [.. t.Select(x => new Observation(x, 0, (3 * x) + (0.01 * Math.Sin(x))))],
            ErrorModels = [EstimationTestProblems.Additive(0.1)],
            Predict = values => [.. t.Select(x => values[0] * values[1] * x)],
        };
        var result = Estimator.Fit(problem, new EstimationSettings { Profiles = ["a"] });
        Assert.Equal(3, result.Estimates[0].Estimate * result.Estimates[1].Estimate, 1e-3);
        Assert.True(result.FisherReciprocalCondition < 1e-12);
        Assert.All(result.Estimates, e => Assert.True(double.IsNaN(e.StandardError)));
        Assert.Equal(Identifiability.Flat, result.Profiles[0].Identifiability);
    }

    [Fact]
    public void MultiStartNelderMeadEscapesALocalMinimumAndIsDeterministic()
    {
        // y = sin(ω t) with ω = 1.3: Levenberg–Marquardt from ω = 0.35 stops in a local minimum, the seeded starts do not.
        double[] t = [.. Enumerable.Range(0, 40).Select(i => i * 0.5)];
        var problem = new EstimationProblem
        {
            Parameters = [new("omega", 0.35, 0.05, 3, "1/min")],
            Observations = [.. t.Select(x => new Observation(x, 0, Math.Sin(1.3 * x)))],
            ErrorModels = [EstimationTestProblems.Additive(0.1)],
            Predict = values => [.. t.Select(x => Math.Sin(values[0] * x))],
        };
        var local = Estimator.Fit(problem, new EstimationSettings());
        var global = Estimator.Fit(problem, new EstimationSettings { Optimizer = OptimizerKind.MultiStartNelderMead, Starts = 12, Seed = 7, MaxDegreeOfParallelism = 1 });
        var again = Estimator.Fit(problem, new EstimationSettings { Optimizer = OptimizerKind.MultiStartNelderMead, Starts = 12, Seed = 7, MaxDegreeOfParallelism = 4 });
        Assert.True(Math.Abs(local.Estimates[0].Estimate - 1.3) > 0.1, $"LM found {local.Estimates[0].Estimate}");
        Assert.Equal(1.3, global.Estimates[0].Estimate, 1e-6);
        Assert.Equal(global.Estimates[0].Estimate, again.Estimates[0].Estimate);
        Assert.Equal(global.Convergence.Starts, again.Convergence.Starts);
        Assert.Equal(12, global.Convergence.Starts.Count);
    }

    [Fact]
    public void EstimatesOnABoundAreFlaggedAndHaveNoCi()
    {
        var problem = ConstantMean(ObjectiveKind.MinusTwoLogLikelihood, EstimationTestProblems.Additive(0.8)) with
        {
            Parameters = [new("theta", 5, 0.1, 8, "u")],
        };
        var theta = Estimator.Fit(problem, new EstimationSettings()).Estimates[0];
        Assert.True(theta.AtBound);
        Assert.Equal(8, theta.Estimate, 1e-9);
        Assert.True(double.IsNaN(theta.StandardError));
    }

    [Fact]
    public void BadInputIsRejectedWithItsName()
    {
        var problem = ConstantMean(ObjectiveKind.WeightedLeastSquares, EstimationTestProblems.Additive(1, estimated: true));
        var error = Assert.Throws<ArgumentException>(() => Estimator.Fit(problem, new EstimationSettings()));
        Assert.Contains("'y'", error.Message, StringComparison.Ordinal);
        var bounds = problem with { Parameters = [new("theta", 5, -1, 8, "u")], ErrorModels = [EstimationTestProblems.Additive(1)] };
        Assert.Contains("'theta'", Assert.Throws<ArgumentException>(() => Estimator.Fit(bounds, new EstimationSettings())).Message, StringComparison.Ordinal);
    }
}
