using ExoSim.Analysis.Sensitivity;

namespace ExoSim.Analysis.Tests.Sensitivity;

public sealed class MorrisAnalysisTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    public void IshigamiMuStarMatchesItsExactExpectationOnTheGridAndRanksTheInputsAlike(int levels)
    {
        var exact = ExactMuStar(TestFunctions.Ishigami, TestFunctions.IshigamiFactors, levels);
        var result = MorrisAnalysis.Analyse(TestFunctions.Ishigami, TestFunctions.IshigamiFactors, new MorrisOptions(20000, levels, Seed: 11, MaxDegreeOfParallelism: 2));

        for (int i = 0; i < 3; i++)
        {
            // r = 20 000: the Monte Carlo error of μ* is below 1 % here (σ/√r); 3 % is the stated tolerance.
            Assert.Equal(exact[i], result.Factors[i].MeanAbsolute, exact[i] * 0.03);
        }

        var exactRanking = Enumerable.Range(0, 3).OrderByDescending(i => exact[i]).ToArray();
        var estimatedRanking = Enumerable.Range(0, 3).OrderByDescending(i => result.Factors[i].MeanAbsolute).ToArray();
        Assert.Equal(exactRanking, estimatedRanking);
        // x3 acts only through its interaction with x1: its mean effect averages out (sin x1 is odd), its μ* does not.
        Assert.Equal(0.0, result.Factors[2].Mean, 0.15 * exact[2]);
        Assert.True(result.Factors[2].StandardDeviation > exact[2]);
    }

    [Fact]
    public void LinearModelEffectsAreTheCoefficientsTimesTheRangeWithNoSpread()
    {
        var factors = new[] { new SensitivityFactor("a", 0, 1), new SensitivityFactor("b", -2, 2), new SensitivityFactor("c", 10, 11), new SensitivityFactor("d", 0, 0.5) };
        var result = MorrisAnalysis.Analyse(TestFunctions.Linear, factors, new MorrisOptions(30, 4, Seed: 3));
        Assert.Equal(30 * 5, result.ModelEvaluations);
        for (int i = 0; i < 4; i++)
        {
            double expected = TestFunctions.LinearCoefficients[i] * (factors[i].Upper - factors[i].Lower);
            Assert.Equal(expected, result.Factors[i].Mean, 1e-9);
            Assert.Equal(expected, result.Factors[i].MeanAbsolute, 1e-9);
            Assert.Equal(0.0, result.Factors[i].StandardDeviation, 1e-9);
        }
    }

    [Fact]
    public void TrajectoriesMoveEachFactorOnceByDeltaOnTheGrid()
    {
        const int k = 5, r = 40, levels = 6;
        var (points, moved, signs) = MorrisAnalysis.Trajectories(k, r, levels, seed: 9);
        double delta = MorrisAnalysis.Step(levels);
        Assert.Equal(0.6, delta, 1e-15);
        for (int t = 0; t < r; t++)
        {
            Assert.Equal(Enumerable.Range(0, k), moved[t].Order());
            for (int s = 0; s < k; s++)
            {
                var before = points[(t * (k + 1)) + s];
                var after = points[(t * (k + 1)) + s + 1];
                for (int i = 0; i < k; i++)
                {
                    double change = i == moved[t][s] ? signs[t][s] * delta : 0.0;
                    Assert.Equal(change, after[i] - before[i], 1e-12);
                    double level = after[i] * (levels - 1);
                    Assert.Equal(Math.Round(level), level, 1e-9);
                    Assert.InRange(after[i], -1e-12, 1 + 1e-12);
                }
            }
        }
    }

    [Fact]
    public void ResultsAreBitIdenticalForOneAndFourThreads()
    {
        var one = MorrisAnalysis.Analyse(TestFunctions.Ishigami, TestFunctions.IshigamiFactors, new MorrisOptions(500, 4, Seed: 5, MaxDegreeOfParallelism: 1));
        var four = MorrisAnalysis.Analyse(TestFunctions.Ishigami, TestFunctions.IshigamiFactors, new MorrisOptions(500, 4, Seed: 5, MaxDegreeOfParallelism: 4));
        Assert.Equal(one.Factors, four.Factors);
    }

    [Fact]
    public void OddLevelsAreRejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MorrisAnalysis.Analyse(TestFunctions.Linear, TestFunctions.LinearFactors, new MorrisOptions(10, 5, 1)));
        Assert.Contains("even", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The expectation of μ* under the sampling design, by enumeration: a step of factor i goes from a lower-half
    /// level ℓ to ℓ + Δ (or back), the other factors sit on any of the p levels with equal probability, so
    /// E|EE_i| = mean over those grid points of |f(x + Δe_i) − f(x)| / Δ.
    /// </summary>
    private static double[] ExactMuStar(Func<double[], double> model, SensitivityFactor[] factors, int levels)
    {
        int k = factors.Length;
        double delta = MorrisAnalysis.Step(levels);
        var exact = new double[k];
        int others = (int)Math.Pow(levels, k - 1);
        for (int i = 0; i < k; i++)
        {
            double sum = 0;
            for (int lower = 0; lower < levels / 2; lower++)
            {
                for (int code = 0; code < others; code++)
                {
                    var unit = new double[k];
                    int rest = code;
                    for (int c = 0; c < k; c++)
                    {
                        if (c == i)
                        {
                            continue;
                        }

                        unit[c] = (rest % levels) / (double)(levels - 1);
                        rest /= levels;
                    }

                    unit[i] = lower / (double)(levels - 1);
                    var from = unit.Select((u, c) => factors[c].FromUnit(u)).ToArray();
                    unit[i] += delta;
                    var to = unit.Select((u, c) => factors[c].FromUnit(u)).ToArray();
                    sum += Math.Abs(model(to) - model(from)) / delta;
                }
            }

            exact[i] = sum / (levels / 2 * others);
        }

        return exact;
    }
}
