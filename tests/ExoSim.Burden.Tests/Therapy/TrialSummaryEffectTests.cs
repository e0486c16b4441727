using ExoSim.Burden.Therapy;

namespace ExoSim.Burden.Tests.Therapy;

public class TrialSummaryEffectTests
{
    private static string Fixture => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Therapy", "Fixtures", "trial-summary.json"));

    [Fact]
    public void Reads_the_hba1c_comparison_of_the_fixture()
    {
        var effect = TrialSummaryEffect.Parse(Fixture, "trial/summary.json");

        Assert.Equal(-0.42, effect.ChangePercentPoints);
        Assert.Equal(-0.61, effect.Ci95LowPercentPoints);
        Assert.Equal(-0.23, effect.Ci95HighPercentPoints);
        Assert.True(effect.IsUncertain);
        Assert.Contains("trial/summary.json", effect.Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_names_file_line_and_column()
    {
        var error = Assert.Throws<BurdenInputException>(() => TrialSummaryEffect.Parse("{\n  \"comparisons\": [,]\n}", "s.json"));

        Assert.StartsWith("s.json:2:", error.Field, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "s.json: comparisons", "missing")]
    [InlineData("{\"comparisons\": []}", "s.json: comparisons", "no comparison has")]
    [InlineData("{\"comparisons\": [{\"endpoint\": \"hba1c_percent\", \"difference\": -0.4, \"ci95_high\": -0.2}]}", "s.json: comparisons[0].ci95_low", "missing or not a number")]
    [InlineData("{\"comparisons\": [{\"endpoint\": \"x\"}, {\"endpoint\": \"hba1c_percent\", \"difference\": \"-0.4\", \"ci95_low\": -0.6, \"ci95_high\": -0.2}]}", "s.json: comparisons[1].difference", "missing or not a number")]
    [InlineData("{\"comparisons\": [{\"endpoint\": \"hba1c_percent\", \"difference\": -0.4, \"ci95_low\": -0.3, \"ci95_high\": -0.2}]}", "s.json: comparisons[0]", "does not contain the difference")]
    public void Missing_or_wrong_fields_are_named(string json, string field, string problem)
    {
        var error = Assert.Throws<BurdenInputException>(() => TrialSummaryEffect.Parse(json, "s.json"));

        Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_hba1c_comparisons_are_ambiguous()
    {
        const string comparison = "{\"endpoint\": \"hba1c_percent\", \"difference\": -0.4, \"ci95_low\": -0.6, \"ci95_high\": -0.2}";
        var error = Assert.Throws<BurdenInputException>(() => TrialSummaryEffect.Parse($"{{\"comparisons\": [{comparison}, {comparison}]}}", "s.json"));

        Assert.Contains("exactly one", error.Message, StringComparison.Ordinal);
    }
}
