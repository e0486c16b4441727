using System.Text.Json;

namespace ExoSim.Cli.Tests;

public class TrialCommandTests
{
    // 40 patients = 2 chunks of 32 + 8: enough to exercise resume and shards at chunk granularity.
    private const string Trial = """
        name: two-arm test
        seed: 11
        population:
          - {name: adults, type: t1d, source: generated, group: adult, size: 30}
          - {name: kids, type: t1d, source: generated, group: child, size: 10}
        arms:
          - {name: control}
          - name: sensitised
            events:
              - {at: 0 d, modulate: {parameter: Vmx, factor: 1.4, duration: 1 d}}
        randomisation: {method: stratified, block_size: 4, stratify_by: [cohort]}
        schedule:
          run_in: 1 d
          duration: 1 d
          visits: [1 d]
          window: 1 d
          output_interval: 15 min
          meals:
            - {time: "07:00", carbs: 40 g, time_sd: 10 min, carbs_cv: 0.1}
            - {time: "18:00", carbs: 60 g}
        endpoints: [hba1c_percent, tir_percent, insulin_u_per_day]
        analysis:
          responder: {endpoint: hba1c_percent, change_at_most: -0.2}
        """;

    private static string WriteTrial(TemporaryDirectory directory)
    {
        string path = Path.Combine(directory.Path, "trial.yaml");
        File.WriteAllText(path, Trial);
        return path;
    }

    internal static CliResult Run(params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.True(result.ExitCode == 0, result.Err);
        return result;
    }

    [Fact]
    public void Writes_trial_patients_and_summary_with_the_hba1c_comparison()
    {
        using var directory = new TemporaryDirectory();
        string outDir = Path.Combine(directory.Path, "out");
        var result = Run("trial", WriteTrial(directory), "--out", outDir, "--threads", "2", "--csv");

        Assert.Contains("not medical advice", result.Out, StringComparison.Ordinal);
        string[] rows = File.ReadAllLines(Path.Combine(outDir, "patients.csv"));
        Assert.Equal(41, rows.Length);
        Assert.StartsWith("patient_index,patient_id,cohort,subject,arm,stratum,age_years,weight_kg,hba1c_percent_baseline,hba1c_percent_d1,hba1c_percent_change_d1,", rows[0], StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(outDir, "patients.parquet")).Length > 0);

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "trial.json")));
        Assert.Equal("exosim.trial/1", manifest.RootElement.GetProperty("schema").GetString());
        Assert.Equal(11UL, manifest.RootElement.GetProperty("seed").GetUInt64());
        Assert.Equal(40, manifest.RootElement.GetProperty("patients").GetInt32());

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var root = summary.RootElement;
        Assert.Equal("exosim.trial.summary/1", root.GetProperty("schema").GetString());
        var hba1c = root.GetProperty("comparisons").EnumerateArray().Single(c => c.GetProperty("endpoint").GetString() == "hba1c_percent");
        double difference = hba1c.GetProperty("difference").GetDouble();
        Assert.InRange(difference, hba1c.GetProperty("ci95_low").GetDouble(), hba1c.GetProperty("ci95_high").GetDouble());
        Assert.True(difference < 0, "raised insulin sensitivity lowers HbA1c against control");

        // Stratified blocks of 4 within each cohort: 30 adults → 7 full blocks + 2, 10 children → 2 full blocks + 2.
        var arms = root.GetProperty("arms").EnumerateArray().Select(a => a.GetProperty("n").GetInt32()).ToArray();
        Assert.Equal(40, arms.Sum());
        Assert.InRange(arms[0], 18, 22);

        // The burden command reads exactly this comparison from the trial's summary.json.
        var burden = CliRunner.Run("burden", "--from-trial", outDir, "--uptake", "10 %", "--out", Path.Combine(directory.Path, "burden"));
        Assert.True(burden.ExitCode == 0, burden.Err);
    }

    [Fact]
    public void One_thread_two_threads_resume_and_merged_shards_give_identical_results()
    {
        using var directory = new TemporaryDirectory();
        AssertRunsAgree(WriteTrial(directory), directory);
    }

    /// <summary>
    /// Runs <paramref name="trial"/> (at least 2 chunks) with 1 and 2 threads, interrupted and resumed, and as 2 shards
    /// merged, and asserts that every output file is byte-identical to the single-thread run's.
    /// </summary>
    internal static void AssertRunsAgree(string trial, TemporaryDirectory directory)
    {
        string Dir(string name) => Path.Combine(directory.Path, name);
        Run("trial", trial, "--out", Dir("one"), "--threads", "1", "--csv");
        Run("trial", trial, "--out", Dir("two"), "--threads", "2", "--csv");

        // An interrupted run: the second chunk and the results never got written.
        Run("trial", trial, "--out", Dir("resumed"), "--threads", "2", "--csv");
        string kept = Path.Combine(Dir("resumed"), "chunks", "chunk-00000.csv");
        var keptTime = File.GetLastWriteTimeUtc(kept);
        File.Delete(Path.Combine(Dir("resumed"), "chunks", "chunk-00001.csv"));
        foreach (string f in new[] { "summary.json", "patients.csv", "patients.parquet", "report.html" })
        {
            File.Delete(Path.Combine(Dir("resumed"), f));
        }

        Run("trial", trial, "--out", Dir("resumed"), "--threads", "2", "--csv", "--resume");
        Assert.Equal(keptTime, File.GetLastWriteTimeUtc(kept)); // the finished chunk was not simulated again

        Run("trial", trial, "--out", Dir("s1"), "--shard", "1/2");
        Run("trial", trial, "--out", Dir("s2"), "--shard", "2/2");
        Assert.False(File.Exists(Path.Combine(Dir("s1"), "summary.json")));
        Run("merge", Dir("s2"), Dir("s1"), "--out", Dir("merged"), "--csv");

        foreach (string other in new[] { "two", "resumed", "merged" })
        {
            foreach (string file in new[] { "patients.csv", "summary.json", "trial.json", "patients.parquet", "report.html" })
            {
                Assert.True(
                    File.ReadAllBytes(Path.Combine(Dir("one"), file)).SequenceEqual(File.ReadAllBytes(Path.Combine(Dir(other), file))),
                    $"{other}/{file} differs from the single-thread run");
            }
        }
    }

    [Fact]
    public void Merge_refuses_an_incomplete_set_of_shards_and_resume_a_different_trial()
    {
        using var directory = new TemporaryDirectory();
        string trial = WriteTrial(directory);
        string s1 = Path.Combine(directory.Path, "s1");
        Run("trial", trial, "--out", s1, "--shard", "1/2");
        var merge = CliRunner.Run("merge", s1, "--out", Path.Combine(directory.Path, "m"));
        Assert.Equal(2, merge.ExitCode);
        Assert.Contains("missing: 2", merge.Err, StringComparison.Ordinal);

        var resume = CliRunner.Run("trial", trial, "--out", s1, "--shard", "1/2", "--seed", "12", "--resume");
        Assert.Equal(2, resume.ExitCode);
        Assert.Contains("holds a different trial", resume.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistake_in_the_trial_file_exits_2_with_file_line_and_field()
    {
        using var directory = new TemporaryDirectory();
        string path = Path.Combine(directory.Path, "bad.yaml");
        File.WriteAllText(path, Trial.Replace("source: generated, group: adult", "source: generated, group: adults", StringComparison.Ordinal));
        var result = CliRunner.Run("trial", path, "--out", Path.Combine(directory.Path, "out"));
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"exosim: {path}:4:", result.Err, StringComparison.Ordinal);
        Assert.Contains("population[0].group: unknown value 'adults'. Did you mean 'adult'?", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("insulin-sensitivity-t1d-small.yaml", false)]
    [InlineData("exosome-addon-t1d-small.yaml", false)]
    [InlineData("t2d-sensitiser-small.yaml", false)]
    [InlineData("power-t1d-small.yaml", true)]
    public void The_example_trials_run(string file, bool power)
    {
        using var directory = new TemporaryDirectory();
        string example = Path.Combine(AppContext.BaseDirectory, "examples", "trials", file);
        string outDir = Path.Combine(directory.Path, "out");
        var result = Run("trial", example, "--out", outDir);
        string report = Path.Combine(outDir, "report.html");
        Assert.Contains($"Report written to {Path.GetFullPath(report)}", result.Out, StringComparison.Ordinal);
        string html = File.ReadAllText(report);
        Assert.Contains("<table id=\"flow-table\">", html, StringComparison.Ordinal);
        Assert.Contains("<figure id=\"forest-plot\">", html, StringComparison.Ordinal);
        Assert.Equal(power, html.Contains("<figure id=\"power-plot\">", StringComparison.Ordinal));
        Assert.True(File.GetLastWriteTimeUtc(report) <= File.GetLastWriteTimeUtc(Path.Combine(outDir, "summary.json")), "summary.json is written last");
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var hba1c = summary.RootElement.GetProperty("comparisons").EnumerateArray().Single(c => c.GetProperty("endpoint").GetString() == "hba1c_percent");
        Assert.True(hba1c.GetProperty("difference").GetDouble() < 0, "each example's stand-in therapy lowers HbA1c against its control arm");
        Assert.Equal(power, File.Exists(Path.Combine(outDir, "power.json")));
    }
}
