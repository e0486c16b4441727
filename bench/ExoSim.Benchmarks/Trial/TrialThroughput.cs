using System.Diagnostics;
using System.Globalization;
using ExoSim.Benchmarks.WorkPrecision;
using ExoSim.Trials.Trials;

namespace ExoSim.Benchmarks.Trial;

/// <summary>
/// Throughput of the trial engine: patient-days per second (and per core) for <c>uva-padova-t1d</c> patients generated
/// from the 30 published subjects, three meals a day with open-loop basal–bolus insulin, 5-min samples and every
/// endpoint, through <see cref="TrialEngine.Run"/> exactly as <c>exosim trial</c> runs it (without writing files).
/// </summary>
internal static class TrialThroughput
{
    public static int Run(int patients, int days, int threads, TextWriter report)
    {
        string text = string.Create(CultureInfo.InvariantCulture, $$"""
            seed: 1
            population:
              - {name: t1d, type: t1d, source: generated, group: all, size: {{patients}}}
            arms:
              - {name: basal-bolus, insulin: basal-bolus}
            schedule:
              run_in: 1 d
              duration: {{days - 1}} d
              visits: [{{days - 1}} d]
              window: 1 d
              output_interval: 5 min
              meals:
                - {time: "07:00", carbs: 50 g}
                - {time: "12:00", carbs: 70 g}
                - {time: "19:00", carbs: 80 g}
            """);
        var trial = TrialResolver.Resolve(TrialReader.Read(text, "bench-trial.yaml"));
        string load = MarkdownReport.LoadAverage();
        Warm(trial, threads);

        report.WriteLine($"# Trial engine throughput: `uva-padova-t1d`, three meals/day, basal–bolus");
        report.WriteLine();
        report.WriteLine($"Produced by `dotnet run -c Release --project bench/ExoSim.Benchmarks -- trial --patients {patients} --days {days} --threads {threads}` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        report.WriteLine();
        report.WriteLine($"- Machine: {Environment.ProcessorCount} logical cores; load average before: {load}. The machine is shared: wall times include waiting for a core.");
        report.WriteLine($"- Trial: {patients} patients generated from the 30 published subjects, {days} days each (1-day run-in, {days - 1} days of treatment), meals 50/70/80 g at 07:00/12:00/19:00 with carbs/CR boluses and basal u2ss, 5-min samples, all endpoints at baseline and one visit; no files written.");
        report.WriteLine();
        Table(trial, days, threads, report);
        return 0;
    }

    /// <summary>Warm-up (JIT), not timed: the first chunk only (shard 1 of as many shards as chunks).</summary>
    internal static void Warm(ResolvedTrial trial, int threads)
        => TrialEngine.Run(trial, new TrialRunOptions(threads, ShardIndex: 0, ShardCount: TrialEngine.ChunkCount(trial.Population.Count)), _ => { });

    /// <summary>Times the whole trial with 1 and <paramref name="threads"/> threads: one Markdown table row each.</summary>
    /// <param name="trial">The trial (already warmed up).</param>
    /// <param name="days">Simulated days per patient.</param>
    /// <param name="threads">Threads of the second row.</param>
    /// <param name="report">Where the table goes.</param>
    internal static void Table(ResolvedTrial trial, double days, int threads, TextWriter report)
    {
        int patients = trial.Population.Count;
        report.WriteLine("| threads | patients | patient-days | wall [s] | patient-days/s | patient-days/s per thread | 1,000,000 patient-days [min] |");
        report.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (int t in threads == 1 ? new[] { 1 } : new[] { 1, threads })
        {
            var clock = Stopwatch.StartNew();
            TrialEngine.Run(trial, new TrialRunOptions(t), _ => { });
            double seconds = clock.Elapsed.TotalSeconds;
            double rate = patients * days / seconds;
            report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {t} | {patients} | {patients * days:0} | {seconds:0.00} | {rate:0} | {rate / t:0} | {1e6 / rate / 60:0.0} |"));
        }
    }
}
