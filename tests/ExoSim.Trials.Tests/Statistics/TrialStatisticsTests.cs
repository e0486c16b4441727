using ExoSim.Trials.Statistics;

namespace ExoSim.Trials.Tests.Statistics;

public class TrialStatisticsTests
{
    // Student's sleep data (Cushny & Peebles 1905 as given by Student 1908), R's datasets::sleep: extra hours of sleep.
    private static readonly double[] SleepGroup1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    private static readonly double[] SleepGroup2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

    [Fact]
    public void Welch_matches_R_t_test_on_the_sleep_data()
    {
        // R: t.test(extra ~ group, data = sleep) → t = -1.8608, df = 17.776, p-value = 0.07939,
        // 95 percent CI -3.3654832 0.2054832 (difference group 1 − group 2; printed to these digits).
        var welch = TrialStatistics.Welch(SleepGroup2, SleepGroup1)!;
        Assert.Equal(-1.58, welch.Difference, 12);
        Assert.Equal(-1.8608, welch.T, 4);
        Assert.Equal(17.776, welch.DegreesOfFreedom, 3);
        Assert.Equal(0.07939, welch.PValue, 5);
        Assert.Equal(-3.3654832, welch.Ci95Low, 7);
        Assert.Equal(0.2054832, welch.Ci95High, 7);
    }

    [Fact]
    public void Mann_Whitney_matches_R_wilcox_test_with_ties()
    {
        // R: x <- c(1,5,9,24,56,21,3,7,21,4); y <- c(12,15,5,9,9,14,56,22,3,7,32,5); wilcox.test(x, y)
        // → W = 51.5, p-value = 0.5966 (continuity correction, ties; endmemo.com/r/wilcoxon.php).
        double[] x = [1, 5, 9, 24, 56, 21, 3, 7, 21, 4];
        double[] y = [12, 15, 5, 9, 9, 14, 56, 22, 3, 7, 32, 5];
        var test = TrialStatistics.MannWhitney(y, x)!;
        Assert.Equal(51.5, test.U, 12);
        Assert.Equal(0.5966, test.PValue, 4);
    }

    [Fact]
    public void Summary_gives_mean_sd_and_t_interval()
    {
        // Sleep group 1: mean 0.75, SD 1.78901 (R: mean(), sd()); t(0.975, 9) = 2.262157.
        var summary = TrialStatistics.Summarise(SleepGroup1.Append(double.NaN));
        Assert.Equal(10, summary.N);
        Assert.Equal(0.75, summary.Mean, 12);
        Assert.Equal(1.78901, summary.Sd, 5);
        Assert.Equal(0.75 - (2.262157 * 1.789010 / Math.Sqrt(10)), summary.Ci95Low, 5);
    }

    [Fact]
    public void Wilson_interval_of_a_textbook_proportion()
    {
        // Newcombe 1998 (Stat Med 17:857, doi:10.1002/(SICI)1097-0258(19980430)17:8<857::AID-SIM777>3.0.CO;2-E), example
        // 81/263: Wilson 0.2553 to 0.3662 (from the paper as recalled; an accessible copy of its table was not found).
        var (low, high) = TrialStatistics.WilsonInterval(81, 263);
        Assert.Equal(0.2553, low, 4);
        Assert.Equal(0.3662, high, 4);
    }
}
