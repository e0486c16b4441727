using MathNet.Numerics.Distributions;

namespace ExoSim.Trials.Statistics;

/// <summary>Mean, standard deviation and the t-based 95 % confidence interval of the mean of one sample.</summary>
/// <param name="N">Number of finite values.</param>
/// <param name="Mean">Sample mean (NaN when empty).</param>
/// <param name="Sd">Sample standard deviation, n − 1 denominator (NaN below two values).</param>
/// <param name="Ci95Low">Lower end of mean ± t(0.975, n − 1)·SD/√n.</param>
/// <param name="Ci95High">Upper end.</param>
public sealed record SampleSummary(int N, double Mean, double Sd, double Ci95Low, double Ci95High);

/// <summary>Welch's unequal-variance t test of mean(b) − mean(a) (Welch 1947, Biometrika 34:28, doi:10.2307/2332510).</summary>
/// <param name="Difference">mean(b) − mean(a).</param>
/// <param name="StandardError">√(s_a²/n_a + s_b²/n_b).</param>
/// <param name="DegreesOfFreedom">Welch–Satterthwaite degrees of freedom.</param>
/// <param name="T">Difference / standard error.</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="Ci95Low">Lower end of the 95 % confidence interval of the difference.</param>
/// <param name="Ci95High">Upper end.</param>
public sealed record WelchResult(double Difference, double StandardError, double DegreesOfFreedom, double T, double PValue, double Ci95Low, double Ci95High);

/// <summary>The Mann–Whitney (Wilcoxon rank-sum) test of b against a.</summary>
/// <param name="U">U statistic of b: rank sum of b − n_b(n_b + 1)/2 (R's W with b as the first sample).</param>
/// <param name="Z">Normal deviate with tie and continuity corrections.</param>
/// <param name="PValue">Two-sided p-value by the normal approximation.</param>
public sealed record MannWhitneyResult(double U, double Z, double PValue);

/// <summary>
/// The statistics of trial summaries, with MathNet.Numerics' t and normal distributions. Non-finite values (an
/// endpoint not defined for a patient) are left out of every computation.
/// </summary>
public static class TrialStatistics
{
    /// <summary>Mean, SD and the 95 % CI of the mean.</summary>
    public static SampleSummary Summarise(IEnumerable<double> values)
    {
        var x = Finite(values);
        int n = x.Length;
        if (n == 0)
        {
            return new SampleSummary(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double mean = x.Average();
        if (n < 2)
        {
            return new SampleSummary(1, mean, double.NaN, double.NaN, double.NaN);
        }

        double sd = Math.Sqrt(SumOfSquares(x, mean) / (n - 1));
        double half = StudentT.InvCDF(0, 1, n - 1, 0.975) * sd / Math.Sqrt(n);
        return new SampleSummary(n, mean, sd, mean - half, mean + half);
    }

    /// <summary>Welch's test of mean(b) − mean(a); null when either sample has fewer than two values or no variance.</summary>
    public static WelchResult? Welch(IEnumerable<double> a, IEnumerable<double> b)
    {
        var x = Finite(a);
        var y = Finite(b);
        if (x.Length < 2 || y.Length < 2)
        {
            return null;
        }

        double mx = x.Average(), my = y.Average();
        double vx = SumOfSquares(x, mx) / (x.Length - 1) / x.Length;
        double vy = SumOfSquares(y, my) / (y.Length - 1) / y.Length;
        double se = Math.Sqrt(vx + vy);
        if (!(se > 0))
        {
            return null;
        }

        double df = (vx + vy) * (vx + vy) / ((vx * vx / (x.Length - 1)) + (vy * vy / (y.Length - 1)));
        double difference = my - mx;
        double t = difference / se;
        double p = 2 * StudentT.CDF(0, 1, df, -Math.Abs(t));
        double half = StudentT.InvCDF(0, 1, df, 0.975) * se;
        return new WelchResult(difference, se, df, t, p, difference - half, difference + half);
    }

    /// <summary>
    /// Mann–Whitney U of b against a with the normal approximation, tie-corrected variance and continuity correction
    /// (as R's <c>wilcox.test(b, a, correct = TRUE)</c> when it cannot compute an exact p-value); null when a sample is empty.
    /// </summary>
    public static MannWhitneyResult? MannWhitney(IEnumerable<double> a, IEnumerable<double> b)
    {
        var x = Finite(a);
        var y = Finite(b);
        if (x.Length == 0 || y.Length == 0)
        {
            return null;
        }

        var pooled = y.Select(v => (Value: v, InB: true)).Concat(x.Select(v => (Value: v, InB: false))).OrderBy(p => p.Value).ToArray();
        double rankSumB = 0, ties = 0;
        for (int start = 0; start < pooled.Length;)
        {
            int end = start;
            while (end + 1 < pooled.Length && pooled[end + 1].Value == pooled[start].Value)
            {
                end++;
            }

            double rank = ((start + end) / 2.0) + 1;
            int count = end - start + 1;
            ties += ((double)count * count * count) - count;
            for (int k = start; k <= end; k++)
            {
                rankSumB += pooled[k].InB ? rank : 0;
            }

            start = end + 1;
        }

        double nb = y.Length, na = x.Length, total = na + nb;
        double u = rankSumB - (nb * (nb + 1) / 2);
        double centred = u - (na * nb / 2);
        double sigma = Math.Sqrt(na * nb / 12 * (total + 1 - (ties / (total * (total - 1)))));
        if (!(sigma > 0))
        {
            return new MannWhitneyResult(u, 0, 1);
        }

        double z = (centred - (Math.Sign(centred) * 0.5)) / sigma;
        double p = 2 * Math.Min(Normal.CDF(0, 1, z), 1 - Normal.CDF(0, 1, z));
        return new MannWhitneyResult(u, z, Math.Min(p, 1));
    }

    /// <summary>Wilson score 95 % interval of a proportion (Wilson 1927, JASA 22:209, doi:10.1080/01621459.1927.10502953).</summary>
    public static (double Low, double High) WilsonInterval(int successes, int n)
    {
        if (n == 0)
        {
            return (double.NaN, double.NaN);
        }

        double z = Normal.InvCDF(0, 1, 0.975), p = (double)successes / n, z2 = z * z;
        double centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        double half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n))) / (1 + (z2 / n));
        return (centre - half, centre + half);
    }

    private static double[] Finite(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Where(double.IsFinite).ToArray();
    }

    private static double SumOfSquares(double[] x, double mean) => x.Sum(v => (v - mean) * (v - mean));
}
