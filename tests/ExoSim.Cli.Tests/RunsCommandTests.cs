using System.Text.Json;

namespace ExoSim.Cli.Tests;

public class RunsCommandTests
{
    private const string Day = """
        model: dalla-man-2007
        duration: 6 h
        output_interval: 10 min
        events:
          - {at: 60 min, meal: {carbs: 50 g}}
        """;

    [Fact]
    public void Simulate_records_each_run_and_runs_lists_shows_compares_and_removes_them()
    {
        using var directory = new TemporaryDirectory();
        string registry = Path.Combine(directory.Path, "registry.db");
        string scenario = Path.Combine(directory.Path, "day.yaml");
        File.WriteAllText(scenario, Day);
        var first = CliRunner.Run("simulate", scenario, "--out", Path.Combine(directory.Path, "a"), "--registry", registry);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Recorded as run ", first.Out, StringComparison.Ordinal);
        File.WriteAllText(scenario, Day.Replace("50 g", "80 g", StringComparison.Ordinal));
        Assert.Equal(0, CliRunner.Run("simulate", scenario, "--out", Path.Combine(directory.Path, "b"), "--registry", registry).ExitCode);

        var list = CliRunner.Run("runs", "list", "--registry", registry, "--json");
        Assert.Equal(0, list.ExitCode);
        using var listed = JsonDocument.Parse(list.Out);
        var runs = listed.RootElement.GetProperty("runs");
        Assert.Equal(2, runs.GetArrayLength());
        string newer = runs[0].GetProperty("id").GetString()!, older = runs[1].GetProperty("id").GetString()!;
        Assert.Equal("completed", runs[0].GetProperty("status").GetString());
        Assert.Equal(Path.Combine(directory.Path, "b"), runs[0].GetProperty("output_directory").GetString());

        // The recorded headline is the run's own summary.
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory.Path, "b", "summary.json")));
        Assert.Equal(
            summary.RootElement.GetProperty("glucose").GetProperty("mean").GetDouble(),
            runs[0].GetProperty("headline").GetProperty("mean_glucose_mg_dl").GetDouble());

        var show = CliRunner.Run("runs", "show", older, "--registry", registry, "--json");
        Assert.Equal(0, show.ExitCode);
        using var shown = JsonDocument.Parse(show.Out);
        Assert.Equal(Day, shown.RootElement.GetProperty("spec_text").GetString());

        var compare = CliRunner.Run("runs", "compare", older, newer, "--registry", registry, "--json");
        Assert.Equal(0, compare.ExitCode);
        using var compared = JsonDocument.Parse(compare.Out);
        Assert.False(compared.RootElement.GetProperty("specs_identical").GetBoolean());
        Assert.Equal(
            ["-   - {at: 60 min, meal: {carbs: 50 g}}", "+   - {at: 60 min, meal: {carbs: 80 g}}"],
            compared.RootElement.GetProperty("spec_diff").EnumerateArray().Select(e => e.GetString()));
        var mean = compared.RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "mean_glucose_mg_dl");
        Assert.True(mean.GetProperty("difference").GetDouble() > 0, "a larger meal raises mean glucose");
        Assert.Contains("mean_glucose_mg_dl", CliRunner.Run("runs", "compare", older, newer, "--registry", registry).Out, StringComparison.Ordinal);

        var remove = CliRunner.Run("runs", "rm", older, "--registry", registry);
        Assert.Equal(0, remove.ExitCode);
        Assert.True(Directory.Exists(Path.Combine(directory.Path, "a")), "rm leaves the output directory alone");
        using var after = JsonDocument.Parse(CliRunner.Run("runs", "list", "--registry", registry, "--json").Out);
        Assert.Equal(1, after.RootElement.GetProperty("runs").GetArrayLength());
    }

    [Fact]
    public void A_trial_is_recorded_with_its_seed_and_between_arm_differences()
    {
        using var directory = new TemporaryDirectory();
        string registry = Path.Combine(directory.Path, "registry.db");
        string trial = Path.Combine(AppContext.BaseDirectory, "examples", "trials", "insulin-sensitivity-t1d-small.yaml");

        var result = CliRunner.Run("trial", trial, "--out", Path.Combine(directory.Path, "trial"), "--registry", registry, "--threads", "2");

        Assert.Equal(0, result.ExitCode);
        using var listed = JsonDocument.Parse(CliRunner.Run("runs", "list", "--registry", registry, "--json").Out);
        var run = listed.RootElement.GetProperty("runs")[0];
        Assert.Equal("trial", run.GetProperty("command").GetString());
        Assert.Equal("completed", run.GetProperty("status").GetString());
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory.Path, "trial", "summary.json")));
        Assert.Equal(summary.RootElement.GetProperty("seed").GetUInt64(), run.GetProperty("seed").GetUInt64());
        var hba1c = summary.RootElement.GetProperty("comparisons").EnumerateArray().First(c => c.GetProperty("endpoint").GetString() == "hba1c_percent");
        string key = $"hba1c_percent_difference_{hba1c.GetProperty("arm").GetString()}_vs_{hba1c.GetProperty("reference_arm").GetString()}";
        Assert.Equal(hba1c.GetProperty("difference").GetDouble(), run.GetProperty("headline").GetProperty(key).GetDouble());
    }

    [Fact]
    public void A_failed_run_is_recorded_as_failed_with_its_message()
    {
        using var directory = new TemporaryDirectory();
        string registry = Path.Combine(directory.Path, "registry.db");
        string scenario = Path.Combine(directory.Path, "day.yaml");
        File.WriteAllText(scenario, Day);
        string blocker = Path.Combine(directory.Path, "file");
        File.WriteAllText(blocker, "not a directory");

        var result = CliRunner.Run("simulate", scenario, "--out", Path.Combine(blocker, "out"), "--registry", registry);

        Assert.Equal(1, result.ExitCode);
        using var listed = JsonDocument.Parse(CliRunner.Run("runs", "list", "--registry", registry, "--json").Out);
        var run = listed.RootElement.GetProperty("runs")[0];
        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.StartsWith("Cannot write", run.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_run_is_a_usage_error_and_an_empty_registry_says_so()
    {
        using var directory = new TemporaryDirectory();
        string registry = Path.Combine(directory.Path, "registry.db");

        var empty = CliRunner.Run("runs", "list", "--registry", registry);
        Assert.Equal(0, empty.ExitCode);
        Assert.Contains("No runs recorded", empty.Out, StringComparison.Ordinal);

        var unknown = CliRunner.Run("runs", "show", "nope", "--registry", registry);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("No run 'nope'", unknown.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", unknown.Err, StringComparison.Ordinal);

        var off = CliRunner.Run("runs", "list");
        Assert.Equal(2, off.ExitCode);
        Assert.Contains("No run registry", off.Err, StringComparison.Ordinal);
    }
}
