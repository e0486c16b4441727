using System.Text.Json;

namespace ExoSim.Cli.Tests;

/// <summary><c>exosim trial</c> on the long-horizon models (t1d-progression, t2d-progression): the engine's guarantees and the examples.</summary>
public class CourseTrialCommandTests
{
    // 34 patients = 2 chunks (32 + 2): enough for resume and shards at chunk granularity; a kappa modulation keeps it cheap.
    private const string Trial = """
        seed: 3
        population:
          - {name: new-onset, type: t1d, model: t1d-progression, stage: new-onset, source: generated, size: 34}
        arms:
          - name: insulin-only
            events: [{at: 0 d, insulin: {basal: 1 U/h}}]
          - name: immune
            events:
              - {at: 0 d, insulin: {basal: 1 U/h}}
              - {at: 0 d, modulate: {parameter: kappa, factor: 0.5, duration: 120 d}}
        schedule:
          duration: 120 d
          visits: [60 d, 120 d]
        endpoints: [hba1c_percent, beta_cell_mass_mg, beta_cell_function_fraction]
        """;

    [Fact]
    public void One_thread_two_threads_resume_and_merged_shards_give_identical_results()
    {
        using var directory = new TemporaryDirectory();
        string path = Path.Combine(directory.Path, "course-trial.yaml");
        File.WriteAllText(path, Trial);
        TrialCommandTests.AssertRunsAgree(path, directory);

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory.Path, "one", "summary.json")));
        var mass = summary.RootElement.GetProperty("comparisons").EnumerateArray().Single(c => c.GetProperty("endpoint").GetString() == "beta_cell_mass_mg");
        Assert.True(mass.GetProperty("difference").GetDouble() > 0, "halving the autoimmune killing keeps more β-cell mass");
    }

    /// <summary>The example trials at reduced size (same design, fewer patients and power replicates).</summary>
    [Theory]
    [InlineData("exosome-msc-insulin-new-onset-t1d-1y.yaml", "size: 300", "size: 9", "beta_cell_function_fraction", "exosome", 1)]
    [InlineData("exosome-addon-t2d-2y.yaml", "size: 500", "size: 8", "hba1c_percent", "exosome-add-on", -1)]
    [InlineData("exosome-prevention-prediabetes-small.yaml", "size: 20", "size: 6", "fasting_glucose_mg_dl", "exosome-prevention", -1)]
    [InlineData("power-exosome-t2d.yaml", "size: 30", "size: 6", "hba1c_percent", "exosome-1-mg-kg", -1)]
    public void The_long_horizon_example_trials_run(string file, string size, string smaller, string endpoint, string arm, int sign)
    {
        using var directory = new TemporaryDirectory();
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "trials", file));
        Assert.Contains(size, text, StringComparison.Ordinal);
        bool power = text.Contains("power:", StringComparison.Ordinal);
        text = text.Replace(size, smaller, StringComparison.Ordinal).Replace("sizes: [6, 12, 24], replicates: 20", "sizes: [6, 12], replicates: 2", StringComparison.Ordinal);
        string path = Path.Combine(directory.Path, file);
        File.WriteAllText(path, text);
        string outDir = Path.Combine(directory.Path, "out");
        var result = TrialCommandTests.Run("trial", path, "--out", outDir);
        Assert.Contains("Report written to", result.Out, StringComparison.Ordinal);
        Assert.Equal(power, File.Exists(Path.Combine(outDir, "power.json")));

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var comparison = summary.RootElement.GetProperty("comparisons").EnumerateArray()
            .Single(c => c.GetProperty("endpoint").GetString() == endpoint && c.GetProperty("arm").GetString() == arm);
        Assert.Equal(sign, Math.Sign(comparison.GetProperty("difference").GetDouble()));

        // Long-horizon patients draw adverse events like meal-scale ones: per-arm rates for the arms with a therapy.
        bool reported = text.Contains("adverse_events]", StringComparison.Ordinal);
        Assert.Equal(reported, summary.RootElement.TryGetProperty("adverse_events", out var events));
        if (reported)
        {
            Assert.Contains(events.EnumerateArray(), e => e.GetProperty("arm").GetString() == arm && e.GetProperty("event").GetString() == "exosome_infusion_reaction");
        }
    }
}
