using ExoSim.Analysis.Estimation;
using Xunit.Abstractions;

namespace ExoSim.Analysis.Tests.Estimation;

public class CoverageTests(ITestOutputHelper output)
{
    private const int Fits = 200;

    [Fact]
    public void WaldAndProfileCisOfAnExponentialDecayCover95PercentOver200Seeds()
    {
        // y = A·exp(−k t) + N(0, σ²), A = 100, k = 0.03 /min, σ = 3 known: the 95 % CIs must contain the true values
        // in 95 % of fits. Tolerance: 3 binomial SDs, √(0.95·0.05/200) = 1.54 %, i.e. 90.4–99.6 %.
        const double amplitude = 100, rate = 0.03;
        int waldA = 0, waldK = 0, profileK = 0;
        for (ulong seed = 1; seed <= Fits; seed++)
        {
            var result = Estimator.Fit(EstimationTestProblems.Decay(amplitude, rate, 3, seed), new EstimationSettings { Profiles = ["k"], MaxDegreeOfParallelism = 1 });
            Assert.True(result.Convergence.Converged, $"seed {seed}: {result.Convergence.Reason}");
            waldA += Covers(result.Estimates[0].WaldLower, result.Estimates[0].WaldUpper, amplitude);
            waldK += Covers(result.Estimates[1].WaldLower, result.Estimates[1].WaldUpper, rate);
            profileK += Covers(result.Profiles[0].ProfileLower, result.Profiles[0].ProfileUpper, rate);
        }

        output.WriteLine($"coverage over {Fits} fits: Wald A {waldA}, Wald k {waldK}, profile k {profileK}");
        Assert.InRange(waldA / (double)Fits, 0.904, 0.996);
        Assert.InRange(waldK / (double)Fits, 0.904, 0.996);
        Assert.InRange(profileK / (double)Fits, 0.904, 0.996);
    }

    [Fact]
    public void EstimatesOfAnExponentialDecayAreUnbiasedWithinTheirSpread()
    {
        // Mean of 200 estimates of k within 3 standard errors of the mean of the true value (and the estimated σ).
        var k = new List<double>();
        var sigma = new List<double>();
        for (ulong seed = 1; seed <= Fits; seed++)
        {
            var result = Estimator.Fit(EstimationTestProblems.Decay(100, 0.03, 3, seed, estimateSd: true), new EstimationSettings { MaxDegreeOfParallelism = 1 });
            k.Add(result.Estimates[1].Estimate);
            sigma.Add(result.Estimates[2].Estimate);
        }

        output.WriteLine($"mean k̂ {k.Average():G6}, mean σ̂ {sigma.Average():G6}");
        double kSpread = Sd(k) / Math.Sqrt(Fits);
        Assert.InRange(k.Average(), 0.03 - (3 * kSpread), 0.03 + (3 * kSpread));

        // The ML σ̂ is biased low by about a factor √((n − p)/n) = √(8/10) for n = 10 observations and p = 2 parameters.
        Assert.InRange(sigma.Average(), 3 * 0.80, 3 * 0.98);
    }

    private static int Covers(double lower, double upper, double truth) => lower <= truth && truth <= upper ? 1 : 0;

    private static double Sd(List<double> values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
