using System.Globalization;
using ExoSim.Benchmarks.WorkPrecision;
using ExoSim.Trials.Trials;

namespace ExoSim.Benchmarks.Trial;

/// <summary>
/// Throughput of the trial engine on 2-year <c>t2d-progression</c> courses (issue #5's second benchmark): patients
/// generated with the cohort's default variability, randomised after a 1-year run-in and followed for 1 year (730
/// simulated days each), daily samples, every endpoint of the model at baseline and at 6 and 12 months; one arm
/// without therapy and one with an MSC-exosome dose every 14 days, through <see cref="TrialEngine.Run"/> as
/// <c>exosim trial</c> runs it (without writing files).
/// </summary>
internal static class CourseThroughput
{
    private const int Days = 730;

    public static int Run(int patients, int threads, TextWriter report)
    {
        string load = MarkdownReport.LoadAverage();
        report.WriteLine("# Trial engine throughput: 2-year `t2d-progression` courses");
        report.WriteLine();
        report.WriteLine($"Produced by `dotnet run -c Release --project bench/ExoSim.Benchmarks -- course --patients {patients} --threads {threads}` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        report.WriteLine();
        report.WriteLine($"- Machine: {Environment.ProcessorCount} logical cores; load average before: {load}. The machine is shared: wall times include waiting for a core.");
        report.WriteLine($"- Trial: {patients} patients of t2d-progression (subject progressor, default variability), 365-day run-in and 365 days of treatment = {Days} simulated days each, daily samples, all 7 endpoints at baseline and 2 visits; no files written.");
        foreach (var (arm, events) in new[] { ("no therapy", ""), ("exosome every 14 d", "events: [{at: 0 d, exosome: {dose: 70 mg, route: iv, source: umbilical_cord, every: 14 d, doses: 26}}]") })
        {
            string text = string.Create(CultureInfo.InvariantCulture, $$"""
                seed: 1
                population:
                  - {name: t2d, type: t2d, model: t2d-progression, source: generated, size: {{patients}}}
                arms:
                  - {name: arm, {{(events.Length == 0 ? "ratio: 1" : events)}}}
                schedule:
                  run_in: 365 d
                  duration: 365 d
                  visits: [182 d, 365 d]
                  window: 28 d
                """);
            var trial = TrialResolver.Resolve(TrialReader.Read(text, "bench-course.yaml"));
            TrialThroughput.Warm(trial, threads);
            report.WriteLine();
            report.WriteLine($"Arm: {arm}.");
            report.WriteLine();
            TrialThroughput.Table(trial, Days, threads, report);
        }

        return 0;
    }
}
