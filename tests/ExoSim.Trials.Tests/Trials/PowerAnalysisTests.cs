using ExoSim.Trials.Scenarios;
using ExoSim.Trials.Trials;

namespace ExoSim.Trials.Tests.Trials;

public class PowerAnalysisTests
{
    [Fact]
    public void Cohorts_scale_in_proportion_by_largest_remainder()
    {
        Assert.Equal([6, 2], PowerAnalysis.Scale([30, 10], 8));
        Assert.Equal([8, 2], PowerAnalysis.Scale([30, 10], 10)); // 7.5 and 2.5: the tie goes to the first cohort
        Assert.Equal([2, 1, 1], PowerAnalysis.Scale([1, 1, 1], 4));
        Assert.Equal(33, PowerAnalysis.Scale([5, 7, 11], 33).Sum());
    }

    [Fact]
    public void Power_counts_replicates_below_alpha_and_is_reproducible_for_any_thread_count()
    {
        string text = TrialEngineTests.Small + "\n" + """
            analysis:
              power: {endpoint: mean_glucose_mg_dl, sizes: [4, 8], replicates: 3, alpha: 0.5}
            """;
        var trial = TrialEngineTests.Resolve(text);
        var one = PowerAnalysis.Run(trial, threads: 1);
        var two = PowerAnalysis.Run(trial, threads: 2);
        Assert.Equal(one.Points, two.Points);
        Assert.Equal([4, 8], one.Points.Select(p => p.Size));
        Assert.All(one.Points, p => Assert.Equal((double)p.Rejections / 3, p.Power));

        // A 50 % rise of insulin sensitivity lowers mean glucose in every replicate's comparison.
        Assert.All(one.Points, p => Assert.True(p.MeanDifference < 0));
    }

    [Fact]
    public void Power_needs_generated_cohorts()
    {
        string text = TrialEngineTests.Small.Replace("source: generated, group: adult, size: 6", "source: named, group: adult", StringComparison.Ordinal) + "\n" + """
            analysis:
              power: {endpoint: mean_glucose_mg_dl, sizes: [4]}
            """;
        var exception = Assert.Throws<ScenarioException>(() => TrialReader.Read(text, "p.yaml"));
        Assert.Contains("analysis.power: power by simulation resizes the cohorts", exception.Message, StringComparison.Ordinal);
    }
}
