using System.Text.Json;

namespace ExoSim.Cli.Tests;

public class BurdenCommandTests
{
    private const string TrialSummary = """
        {
          "schema": "exosim.trial.summary/0-fixture",
          "comparisons": [
            { "endpoint": "hba1c_percent", "treatment": "exosome", "control": "standard-of-care", "difference": -0.42, "ci95_low": -0.61, "ci95_high": -0.23 }
          ]
        }
        """;

    [Fact]
    public void Cases_only_writes_table_report_and_summary_with_the_Atlas_anchors()
    {
        using var directory = new TemporaryDirectory();
        string outDir = Path.Combine(directory.Path, "burden");

        var result = CliRunner.Run("burden", "--out", outDir);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Illustrative scenario analysis; research tool, not medical advice.", result.Out, StringComparison.Ordinal);
        string[] csv = File.ReadAllLines(Path.Combine(outDir, "burden.csv"));
        Assert.Equal("year,cases_millions,is_anchor", csv[0]);
        Assert.Equal(1 + 25, csv.Length);
        Assert.Equal("2021,537,1", csv[1]);
        Assert.Equal("2030,643,1", csv[10]);
        Assert.Equal("2045,783,1", csv[^1]);
        Assert.True(File.Exists(Path.Combine(outDir, "plots", "cases.png")));

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal("exosim.burden.summary/1", summary.RootElement.GetProperty("schema").GetString());
        Assert.Equal(JsonValueKind.Null, summary.RootElement.GetProperty("therapy").ValueKind);
        var growth = summary.RootElement.GetProperty("annual_growth");
        Assert.Equal(2, growth.GetArrayLength());
        Assert.Equal(2.0218, growth[0].GetProperty("percent_per_year").GetDouble(), 4); // (643/537)^(1/9) − 1

        string html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("Illustrative scenario analysis; research tool, not medical advice.", html, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Trial_to_burden_path_reads_the_trial_difference_and_reports_events_averted()
    {
        using var directory = new TemporaryDirectory();
        string trialDir = Path.Combine(directory.Path, "trial");
        Directory.CreateDirectory(trialDir);
        File.WriteAllText(Path.Combine(trialDir, "summary.json"), TrialSummary);
        string outDir = Path.Combine(directory.Path, "burden");

        var result = CliRunner.Run(
            "burden", "--from-trial", trialDir, "--uptake", "5 %/year up to 30 %", "--incidence", "microvascular=20",
            "--region", "WP", "--from", "2021", "--to", "2030", "--seed", "3", "--out", outDir, "--json");

        Assert.Equal(0, result.ExitCode);
        using var summary = JsonDocument.Parse(result.Out);
        var therapy = summary.RootElement.GetProperty("therapy");
        Assert.Equal(-0.42, therapy.GetProperty("hba1c_change_percent_points").GetDouble());
        Assert.Equal(-0.61, therapy.GetProperty("hba1c_ci95_low").GetDouble());
        Assert.Equal(3UL, therapy.GetProperty("seed").GetUInt64());
        var microvascular = therapy.GetProperty("outcomes").EnumerateArray().Single(o => o.GetProperty("outcome").GetString() == "microvascular");
        var cumulative = microvascular.GetProperty("events_averted_cumulative");
        Assert.True(cumulative.GetProperty("low").GetDouble() < cumulative.GetProperty("central").GetDouble());
        Assert.True(cumulative.GetProperty("central").GetDouble() < cumulative.GetProperty("high").GetDouble());

        // 2021, WP: 205.6402 M × 5 % × 20/1000 × (1 − 0.63^0.42) events averted.
        double expected2021 = 205.6402e6 * 0.05 * 0.020 * (1 - Math.Pow(0.63, 0.42));
        Assert.Equal(expected2021, microvascular.GetProperty("events_averted_by_year")[0].GetProperty("central").GetDouble(), 6);

        string[] csv = File.ReadAllLines(Path.Combine(outDir, "burden.csv"));
        Assert.Equal("year,cases_millions,is_anchor,uptake_percent,treated_millions,microvascular_events_averted,microvascular_events_averted_low95,microvascular_events_averted_high95", csv[0]);
        Assert.True(File.Exists(Path.Combine(outDir, "plots", "events-averted.png")));
    }

    [Fact]
    public void Same_seed_gives_identical_output()
    {
        using var directory = new TemporaryDirectory();
        string[] args = ["burden", "--therapy-effect", "-9 mmol/mol", "--uptake", "30 %", "--incidence", "any_diabetes_endpoint=40", "--to", "2025", "--json"];

        var first = CliRunner.Run([.. args, "--out", Path.Combine(directory.Path, "a")]);
        var second = CliRunner.Run([.. args, "--out", Path.Combine(directory.Path, "b")]);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Out, second.Out);
        Assert.Equal(File.ReadAllText(Path.Combine(directory.Path, "a", "burden.csv")), File.ReadAllText(Path.Combine(directory.Path, "b", "burden.csv")));
    }

    [Theory]
    [InlineData("--therapy-effect: '-0.8' is not an HbA1c change", "--therapy-effect", "-0.8", "--uptake", "10 %")]
    [InlineData("--uptake: a therapy scenario needs an uptake", "--therapy-effect", "-0.8 %HbA1c")]
    [InlineData("--uptake: describes a therapy scenario", "--uptake", "10 %")]
    [InlineData("--uptake: 'ten' is not an uptake", "--therapy-effect", "-0.8 %", "--uptake", "ten")]
    [InlineData("--from: 2019 is outside the IDF Diabetes Atlas anchors for GLOBAL (2021–2045)", "--from", "2019")]
    [InlineData("--region: 'EUR' is not a region with checked IDF Diabetes Atlas figures", "--region", "EUR")]
    [InlineData("--therapy-effect: give either --therapy-effect or --from-trial, not both", "--therapy-effect", "-1 %", "--from-trial", ".", "--uptake", "10 %")]
    [InlineData("--incidence: 'microvascular' is not OUTCOME=RATE", "--therapy-effect", "-1 %", "--uptake", "10 %", "--incidence", "microvascular")]
    [InlineData("--from-trial: no trial summary at", "--from-trial", "no-such-trial", "--uptake", "10 %")]
    public void Bad_input_exits_2_with_one_message_naming_the_option(string message, params string[] args)
    {
        using var directory = new TemporaryDirectory();

        var result = CliRunner.Run(["burden", .. args, "--out", Path.Combine(directory.Path, "out")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public void A_trial_summary_without_the_hba1c_fields_names_file_and_field()
    {
        using var directory = new TemporaryDirectory();
        string file = Path.Combine(directory.Path, "summary.json");
        File.WriteAllText(file, """{"comparisons": [{"endpoint": "hba1c_percent", "difference": -0.4}]}""");

        var result = CliRunner.Run("burden", "--from-trial", file, "--uptake", "10 %", "--out", Path.Combine(directory.Path, "out"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{file}: comparisons[0].ci95_low: missing or not a number", result.Err, StringComparison.Ordinal);
    }
}
