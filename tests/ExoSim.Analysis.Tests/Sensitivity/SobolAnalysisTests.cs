using ExoSim.Analysis.Sensitivity;

namespace ExoSim.Analysis.Tests.Sensitivity;

public sealed class SobolAnalysisTests
{
    [Fact]
    public void IshigamiClosedFormVariancesMatchQuadrature()
    {
        // Independent check of the closed forms: midpoint rule on an n³ grid over [−π, π]³.
        const int n = 120;
        var grid = Enumerable.Range(0, n).Select(j => -Math.PI + ((j + 0.5) * 2 * Math.PI / n)).ToArray();
        var y = new double[n, n, n];
        double mean = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int l = 0; l < n; l++)
                {
                    y[i, j, l] = TestFunctions.Ishigami([grid[i], grid[j], grid[l]]);
                    mean += y[i, j, l];
                }
            }
        }

        mean /= n * n * n;
        double total = 0;
        var byX1 = new double[n];
        var byX2 = new double[n];
        var byX3 = new double[n];
        var byX2X3 = new double[n, n]; // E[Y | x2, x3], for V_T1 = V − Var(E[Y | x2, x3]).
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int l = 0; l < n; l++)
                {
                    double value = y[i, j, l];
                    total += (value - mean) * (value - mean);
                    byX1[i] += value;
                    byX2[j] += value;
                    byX3[l] += value;
                    byX2X3[j, l] += value;
                }
            }
        }

        total /= n * n * n;
        double VarianceOfMeans(IEnumerable<double> sums, int count) => sums.Select(s => s / count).Select(m => (m - mean) * (m - mean)).Average();
        double v1 = VarianceOfMeans(byX1, n * n);
        double v2 = VarianceOfMeans(byX2, n * n);
        double v3 = VarianceOfMeans(byX3, n * n);
        double vNot1 = VarianceOfMeans(byX2X3.Cast<double>(), n);

        var (v, cv1, cv2, cv13) = TestFunctions.IshigamiVariances();
        // Midpoint error is O(h²) for the x⁴ and x⁸ terms: relative 1e−3 at n = 120 (measured: at most 6.3e−4, for V_T1).
        Assert.Equal(v, total, v * 1e-3);
        Assert.Equal(cv1, v1, cv1 * 1e-3);
        Assert.Equal(cv2, v2, cv2 * 1e-3);
        Assert.Equal(0.0, v3, 1e-9);
        Assert.Equal(cv1 + cv13, total - vNot1, (cv1 + cv13) * 1e-3);

        // The closed forms give the rounded values quoted in issue #8 (not checked against a paper here).
        var (first, totalOrder) = TestFunctions.IshigamiIndices();
        Assert.Equal(0.3139, first[0], 1e-4);
        Assert.Equal(0.4424, first[1], 1e-4);
        Assert.Equal(0.5576, totalOrder[0], 1e-4);
        Assert.Equal(0.2437, totalOrder[2], 1e-4);
    }

    [Fact]
    public void IshigamiIndicesMatchAnalyticValues()
    {
        var result = SobolAnalysis.Analyse(TestFunctions.Ishigami, TestFunctions.IshigamiFactors, new SobolOptions(1 << 15, 200, Seed: 20260101, MaxDegreeOfParallelism: 2));
        var (first, total) = TestFunctions.IshigamiIndices();

        Assert.Equal((1 << 15) * 5, result.ModelEvaluations);
        Assert.Equal(TestFunctions.IshigamiVariances().V, result.OutputVariance, 0.2); // 1.5 % of V over 2N = 65 536 rows (measured: 13.828 vs 13.845).
        for (int i = 0; i < 3; i++)
        {
            AssertIndex(first[i], result.Factors[i].FirstOrder, Tolerance);
            AssertIndex(total[i], result.Factors[i].TotalOrder, Tolerance);
        }
    }

    [Fact]
    public void LinearModelIndicesAreSquaredCoefficientShares()
    {
        var result = SobolAnalysis.Analyse(TestFunctions.Linear, TestFunctions.LinearFactors, new SobolOptions(1 << 14, 200, Seed: 7));
        double sumOfSquares = TestFunctions.LinearCoefficients.Sum(c => c * c);
        for (int i = 0; i < 4; i++)
        {
            double expected = TestFunctions.LinearCoefficients[i] * TestFunctions.LinearCoefficients[i] / sumOfSquares;
            AssertIndex(expected, result.Factors[i].FirstOrder, Tolerance);
            AssertIndex(expected, result.Factors[i].TotalOrder, Tolerance);
        }
    }

    [Fact]
    public void ResultsAreBitIdenticalForOneAndFourThreads()
    {
        var one = SobolAnalysis.Analyse(TestFunctions.Ishigami, TestFunctions.IshigamiFactors, new SobolOptions(2000, 50, Seed: 42, MaxDegreeOfParallelism: 1));
        var four = SobolAnalysis.Analyse(TestFunctions.Ishigami, TestFunctions.IshigamiFactors, new SobolOptions(2000, 50, Seed: 42, MaxDegreeOfParallelism: 4));
        var otherSeed = SobolAnalysis.Analyse(TestFunctions.Ishigami, TestFunctions.IshigamiFactors, new SobolOptions(2000, 50, Seed: 43, MaxDegreeOfParallelism: 4));

        Assert.Equal(one.Factors, four.Factors); // records: every estimate and bound compared exactly.
        Assert.Equal(BitConverter.DoubleToInt64Bits(one.OutputVariance), BitConverter.DoubleToInt64Bits(four.OutputVariance));
        Assert.NotEqual(one.Factors[0].FirstOrder.Estimate, otherSeed.Factors[0].FirstOrder.Estimate);
    }

    [Fact]
    public void SaltelliPointsTakeColumnIFromBAndTheRestFromA()
    {
        const int n = 5;
        var points = SobolAnalysis.SaltelliPoints(TestFunctions.IshigamiFactors, n, seed: 1);
        Assert.Equal(n * 5, points.Length);
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < n; j++)
            {
                var ab = points[((2 + i) * n) + j];
                for (int c = 0; c < 3; c++)
                {
                    Assert.Equal(c == i ? points[n + j][c] : points[j][c], ab[c]);
                }
            }
        }

        Assert.All(points.SelectMany(p => p), x => Assert.InRange(x, -Math.PI, Math.PI));
    }

    [Fact]
    public void InvalidFactorsAndOptionsAreRejectedWithTheirName()
    {
        var bad = new[] { new SensitivityFactor("kappa_per_min", 1.0, 1.0) };
        var error = Assert.Throws<ArgumentException>(() => SobolAnalysis.Analyse(TestFunctions.Linear, bad, new SobolOptions(10, 10, 1)));
        Assert.Contains("kappa_per_min", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => SobolAnalysis.Analyse(TestFunctions.Linear, TestFunctions.LinearFactors, new SobolOptions(1, 10, 1)));
        var constant = Assert.Throws<InvalidOperationException>(() => SobolAnalysis.Analyse(_ => 1.0, TestFunctions.LinearFactors, new SobolOptions(10, 10, 1)));
        Assert.Contains("constant", constant.Message, StringComparison.Ordinal);
        var nan = Assert.Throws<InvalidOperationException>(() => SobolAnalysis.Analyse(_ => double.NaN, TestFunctions.LinearFactors, new SobolOptions(10, 10, 1)));
        Assert.Contains("point 0", nan.Message, StringComparison.Ordinal);
    }

    /// <summary>Absolute tolerance on an index: 4–6 bootstrap standard errors at the N used here (measured 95 % half-widths ≤ 0.015).</summary>
    private const double Tolerance = 0.03;

    /// <summary>The estimate is within <paramref name="tolerance"/> of the analytic value and inside its own bootstrap interval, which is no wider than 2·tolerance.</summary>
    private static void AssertIndex(double expected, IntervalEstimate estimated, double tolerance)
    {
        Assert.Equal(expected, estimated.Estimate, tolerance);
        Assert.InRange(estimated.Estimate, estimated.Lower, estimated.Upper);
        Assert.True(estimated.Upper - estimated.Lower < 2 * tolerance, $"CI [{estimated.Lower}, {estimated.Upper}] is wider than {2 * tolerance}.");
    }
}
