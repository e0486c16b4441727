namespace ExoSim.Cli.Tests;

/// <summary>The global --quiet and --verbose options (docs/cli.md, "Quiet and verbose").</summary>
public class VerbosityTests
{
    private const string Trial = """
        seed: 3
        population:
          - {name: adults, type: t1d, source: generated, group: adult, size: 3}
        arms:
          - {name: control}
          - {name: msc, events: [{at: 0 d, msc: {dose: 1e6 cells/kg}}]}
        schedule:
          run_in: 1 d
          duration: 1 d
          visits: [1 d]
          window: 1 d
          output_interval: 15 min
          meals:
            - {time: "07:00", carbs: 40 g}
        endpoints: [hba1c_percent, adverse_events]
        """;

    private static string WriteTrial(TemporaryDirectory directory)
    {
        string path = Path.Combine(directory.Path, "trial.yaml");
        File.WriteAllText(path, Trial);
        return path;
    }

    [Fact]
    public void Quiet_simulate_prints_only_the_path_of_its_summary()
    {
        using var directory = new TemporaryDirectory();
        string outDir = Path.Combine(directory.Path, "out");
        var result = CliRunner.Run("simulate", Path.Combine(AppContext.BaseDirectory, "examples", "bergman-ivgtt.yaml"), "--out", outDir, "--quiet");
        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Equal(Path.Combine(Path.GetFullPath(outDir), "summary.json") + Environment.NewLine, result.Out);
        Assert.Equal(string.Empty, result.Err);
    }

    [Fact]
    public void Quiet_trial_prints_one_line_and_no_progress_and_verbose_adds_the_chunks()
    {
        using var directory = new TemporaryDirectory();
        string trial = WriteTrial(directory);
        string quietDir = Path.Combine(directory.Path, "quiet");
        var quiet = CliRunner.Run("trial", trial, "--out", quietDir, "-q");
        Assert.True(quiet.ExitCode == 0, quiet.Err);
        Assert.Equal(Path.Combine(Path.GetFullPath(quietDir), "summary.json") + Environment.NewLine, quiet.Out);
        Assert.Equal(string.Empty, quiet.Err);

        var normal = CliRunner.Run("trial", trial, "--out", Path.Combine(directory.Path, "normal"));
        Assert.Contains("Summary written to", normal.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("chunk 0 written", normal.Err, StringComparison.Ordinal);

        var verbose = CliRunner.Run("trial", trial, "--out", Path.Combine(directory.Path, "verbose"), "--verbose");
        Assert.True(verbose.ExitCode == 0, verbose.Err);
        Assert.Contains("exosim trial: chunk 0 written (3 patients", verbose.Err, StringComparison.Ordinal);
        Assert.Contains("3 patients to simulate", verbose.Err, StringComparison.Ordinal);
        Assert.Equal(normal.Out.Replace(Path.Combine(directory.Path, "normal"), "DIR", StringComparison.Ordinal), verbose.Out.Replace(Path.Combine(directory.Path, "verbose"), "DIR", StringComparison.Ordinal));

        // --json is the result: printed the same with --quiet.
        var json = CliRunner.Run("trial", trial, "--out", Path.Combine(directory.Path, "json"), "--json", "--quiet");
        Assert.StartsWith("{", json.Out, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(directory.Path, "json", "summary.json")), json.Out);
    }

    [Fact]
    public void Quiet_validate_prints_the_pass_count_and_any_failure_only()
    {
        var result = CliRunner.Run("validate", "--model", "bergman-minimal", "--quiet");
        Assert.True(result.ExitCode == 0, result.Err);
        string[] lines = result.Out.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches("^([0-9]+) of \\1 checks pass$", Assert.Single(lines));
    }

    [Fact]
    public void Listings_are_the_result_and_stay_with_quiet()
    {
        Assert.Equal(CliRunner.Run("models").Out, CliRunner.Run("models", "--quiet").Out);
        Assert.Equal(CliRunner.Run("params", "msc").Out, CliRunner.Run("params", "msc", "-q").Out);
        Assert.Contains("\"rejection_efficacy_factor\"", CliRunner.Run("params", "msc", "--json", "-q").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Quiet_and_verbose_together_are_a_usage_error()
    {
        var result = CliRunner.Run("models", "--quiet", "--verbose");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--quiet and --verbose", result.Err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public void Quiet_failures_keep_their_one_line_error_without_a_stack_trace()
    {
        using var directory = new TemporaryDirectory();
        string blocker = Path.Combine(directory.Path, "file");
        File.WriteAllText(blocker, "not a directory");
        var result = CliRunner.Run("trial", WriteTrial(directory), "--out", Path.Combine(blocker, "out"), "--quiet");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("exosim: Cannot write", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);

        var verbose = CliRunner.Run("trial", WriteTrial(directory), "--out", Path.Combine(blocker, "out"), "--verbose");
        Assert.Equal(1, verbose.ExitCode);
        Assert.Contains("   at ", verbose.Err, StringComparison.Ordinal);
    }
}
