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

    // The same trial with an MSC arm whose adverse events are reported (per-patient draws, ae_* columns, AGP per arm).
    private static readonly string TrialWithMsc = Trial
        .Replace("duration: 1 d}}\n", "duration: 1 d}}\n  - {name: msc, events: [{at: 0 d, msc: {dose: 1e6 cells/kg}}]}\n", StringComparison.Ordinal)
        .Replace("block_size: 4", "block_size: 6", StringComparison.Ordinal)
        .Replace("insulin_u_per_day]", "insulin_u_per_day, adverse_events]", StringComparison.Ordinal);

    private static string WriteTrial(TemporaryDirectory directory, string text = Trial)
    {
        string path = Path.Combine(directory.Path, "trial.yaml");
        File.WriteAllText(path, text);
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
        string trial = WriteTrial(directory, TrialWithMsc);
        Assert.Contains("name: msc", File.ReadAllText(trial), StringComparison.Ordinal);
        AssertRunsAgree(trial, directory);

        string one = Path.Combine(directory.Path, "one");
        Assert.True(File.Exists(Path.Combine(one, "plots", "agp-plots-2.png"))); // one AGP per arm
        Assert.Contains("ae_msc_rejection", File.ReadLines(Path.Combine(one, "patients.csv")).First(), StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(one, "summary.json")));
        Assert.Contains(summary.RootElement.GetProperty("adverse_events").EnumerateArray(), r => r.GetProperty("event").GetString() == "msc_rejection");
    }

    /// <summary>
    /// Runs <paramref name="trial"/> (at least 2 chunks) with 1 and 2 threads, interrupted and resumed, and as 2 shards
    /// merged, and asserts that every output file, plots included, is byte-identical to the single-thread run's.
    /// </summary>
    internal static void AssertRunsAgree(string trial, TemporaryDirectory directory)
    {
        string Dir(string name) => Path.Combine(directory.Path, name);
        Run("trial", trial, "--out", Dir("one"), "--threads", "1", "--csv");
        Run("trial", trial, "--out", Dir("two"), "--threads", "2", "--csv");

        // An interrupted run: the second chunk and the results never got written (its glucose-profile counts did, and are rewritten).
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

        string[] plots = [.. Directory.GetFiles(Path.Combine(Dir("one"), "plots")).Select(p => Path.Combine("plots", Path.GetFileName(p))).Order(StringComparer.Ordinal)];
        foreach (string other in new[] { "two", "resumed", "merged" })
        {
            foreach (string file in (string[])["patients.csv", "summary.json", "trial.json", "patients.parquet", "report.html", .. plots])
            {
                Assert.True(
                    File.ReadAllBytes(Path.Combine(Dir("one"), file)).SequenceEqual(File.ReadAllBytes(Path.Combine(Dir(other), file))),
                    $"{other}/{file} differs from the single-thread run");
            }
        }
    }

    [Fact]
    public void Time_series_are_identical_for_any_thread_count_kept_on_resume_and_copied_by_merge()
    {
        using var directory = new TemporaryDirectory();
        string trial = WriteTrial(directory);
        string Dir(string name) => Path.Combine(directory.Path, name);
        string Series(string name, int chunk) => Path.Combine(Dir(name), "timeseries", $"chunk-{chunk:D5}.csv");
        Run("trial", trial, "--out", Dir("plain"), "--threads", "2");
        Assert.False(Directory.Exists(Path.Combine(Dir("plain"), "timeseries")), "time series only on request");

        Run("trial", trial, "--out", Dir("one"), "--threads", "1", "--timeseries", "--csv");
        Run("trial", trial, "--out", Dir("two"), "--threads", "2", "--timeseries");
        Run("trial", trial, "--out", Dir("resumed"), "--threads", "2", "--timeseries");
        var keptTime = File.GetLastWriteTimeUtc(Series("resumed", 0));
        File.Delete(Path.Combine(Dir("resumed"), "chunks", "chunk-00001.csv"));
        File.Delete(Series("resumed", 1));
        var refused = CliRunner.Run("trial", trial, "--out", Dir("resumed"), "--resume");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("was run with --timeseries; resume it the same way", refused.Err, StringComparison.Ordinal);
        Run("trial", trial, "--out", Dir("resumed"), "--threads", "2", "--timeseries", "--resume");
        Assert.Equal(keptTime, File.GetLastWriteTimeUtc(Series("resumed", 0))); // the finished chunk's file is kept

        Run("trial", trial, "--out", Dir("s1"), "--shard", "1/2", "--timeseries");
        Run("trial", trial, "--out", Dir("s2"), "--shard", "2/2", "--timeseries");
        Run("merge", Dir("s1"), Dir("s2"), "--out", Dir("merged"));
        foreach (string other in new[] { "two", "resumed", "merged" })
        {
            for (int chunk = 0; chunk < 2; chunk++)
            {
                Assert.True(File.ReadAllBytes(Series("one", chunk)).SequenceEqual(File.ReadAllBytes(Series(other, chunk))), $"{other}: chunk {chunk}'s time series differ");
            }
        }

        Run("trial", trial, "--out", Dir("s2-plain"), "--shard", "2/2");
        var mixed = CliRunner.Run("merge", Dir("s1"), Dir("s2-plain"), "--out", Dir("mixed"));
        Assert.Equal(2, mixed.ExitCode);
        Assert.Contains("run every shard the same way", mixed.Err, StringComparison.Ordinal);

        // Rows: every patient of the chunk, each sample of its course (2 d every 15 min: 193), randomised after the 1-day run-in.
        string[] rows = [.. File.ReadAllLines(Series("one", 0)), .. File.ReadAllLines(Series("one", 1)).Skip(1)];
        Assert.StartsWith("patient_index,arm,time_min,time_from_randomisation_min,", rows[0], StringComparison.Ordinal);
        Assert.EndsWith(",glucose_mg_dl", rows[0], StringComparison.Ordinal);
        Assert.Equal(1 + (40 * 193), rows.Length);
        var patients = File.ReadAllLines(Path.Combine(Dir("one"), "patients.csv")).Skip(1).Select(r => r.Split(',')).ToArray();
        foreach (var cells in rows.Skip(1).Select(r => r.Split(',')))
        {
            int index = int.Parse(cells[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(patients[index][4], cells[1]); // the patient's arm in patients.csv
            double time = double.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(time - 1440, double.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture));
            Assert.InRange(double.Parse(cells[^1], System.Globalization.CultureInfo.InvariantCulture), 20, 600);
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
    [InlineData("closed-loop-vs-basal-bolus-t1d-small.yaml", false)]
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
