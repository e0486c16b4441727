using ExoSim.Trials.Endpoints;

namespace ExoSim.Trials.Tests.Endpoints;

public class GlucoseSummaryTests
{
    [Fact]
    public void Mean_is_time_weighted_by_the_trapezoidal_rule()
    {
        // A ramp 100 → 200 mg/dL over 60 min then flat at 200 for 60 min: mean = (150·60 + 200·60)/120 = 175.
        var summary = GlucoseSummary.From([0, 30, 60, 120], [100, 150, 200, 200]);
        Assert.Equal(175, summary.MeanMgPerDl, 12);
        Assert.Equal(100, summary.MinMgPerDl);
        Assert.Equal(200, summary.MaxMgPerDl);
    }

    [Fact]
    public void Range_shares_follow_the_consensus_cut_points_inclusively()
    {
        // 69.9 below; 70 and 180 in range (TIR is 70–180 inclusive); 180.1 above.
        var summary = GlucoseSummary.From([0, 5, 10, 15], [69.9, 70, 180, 180.1]);
        Assert.Equal((25.0, 50.0, 25.0), (summary.BelowRangePercent, summary.InRangePercent, summary.AboveRangePercent));
    }

    [Fact]
    public void A_single_sample_is_its_own_mean()
        => Assert.Equal(123, GlucoseSummary.From([0], [123]).MeanMgPerDl);

    [Fact]
    public void Times_must_increase()
        => Assert.Throws<ArgumentException>(() => GlucoseSummary.From([0, 0], [1, 2]));
}
