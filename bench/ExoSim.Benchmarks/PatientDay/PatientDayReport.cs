using System.Globalization;
using System.Text;
using ExoSim.Benchmarks.WorkPrecision;

namespace ExoSim.Benchmarks.PatientDay;

/// <summary>Formats the patient-day measurements as a markdown report.</summary>
internal static class PatientDayReport
{
    /// <summary>Issue #9's target for the solver time of one patient-day with three meals (s).</summary>
    public const double TargetSeconds = 0.5e-3;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Build(IReadOnlyList<DayMeasurement> measurements, TimingPolicy policy, string command, string loadBefore)
    {
        StringBuilder sb = MarkdownReport.Header("# Patient-day benchmark: `uva-padova-t1d`, 24 h with three meals", command);
        Line(sb, $"- Machine load (1/5/15-min load average) before: {loadBefore}; after: {MarkdownReport.LoadAverage()}. The machine is shared: with a load above the core count, wall times include waiting for a core; minima are closer to the undisturbed cost.");
        Line(sb, $"- Protocol: {PatientDayProtocol.Describe()}");
        Line(sb, $"- Timing: wall time (Stopwatch), in-process, after {policy.WarmupRuns} warm-up passes over all configurations (JIT excluded, process start-up excluded); then {policy.Rounds} interleaved rounds of {policy.MinRunsPerRound}–{policy.MaxRunsPerRound} runs per configuration (until ≥ {policy.TargetSecondsPerRound} s per configuration and round). "
            + "*Solver* time is the solver's `Solve` call inside `Simulator.Run` (events, steps, output interpolation); *Run* time is the whole `Simulator.Run` (system and schedule set-up, solve, output table with observables). Subject parameters are loaded once, outside the timing.");
        Line(sb, $"- Target (issue #9): ≤ {MarkdownReport.Ms(TargetSeconds)} ms solver time per patient-day with three meals.");
        Line(sb, "- Counts: steps = accepted steps, rej = rejected attempts, RHS = right-hand-side evaluations (for Rodas5P including its finite-difference Jacobians), events = discrete events applied, stops = distinct event times (the solver restarts at each).");
        Line(sb);

        var byVariant = PatientDayProtocol.Variants.ToDictionary(v => v, v => measurements.Where(m => m.Variant == v).ToList());
        var main = byVariant[PatientDayProtocol.Variants[0]];
        var noMeals = byVariant[PatientDayProtocol.Variants[1]];

        Line(sb, "## Summary over subjects");
        Line(sb);
        Line(sb, "Times are per patient-day; \"median\" is the median over subjects of each subject's median, \"worst\" the largest subject median, \"min\" the smallest single run.");
        Line(sb);
        Line(sb, "| variant | solver | subjects | steps (median, range) | rej (max) | RHS (median, range) | events | solver median [ms] | solver worst [ms] | solver min [ms] | Run median [ms] | ≤ target (median) | ≤ target (min) | median / target | median / no-meal day |");
        Line(sb, "|---|---|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        double noMealMedian = TimeSamples.MedianOf(noMeals.Select(m => m.SolverTimes.Median()));
        foreach (var (variant, list) in byVariant)
        {
            if (list.Count == 0)
            {
                continue;
            }

            double median = TimeSamples.MedianOf(list.Select(m => m.SolverTimes.Median()));
            Line(sb, $"| {variant.Key} | {variant.Solver.Name} | {list.Count} | {Range(list, m => m.Statistics.AcceptedSteps)} | {list.Max(m => m.Statistics.RejectedSteps)} | {Range(list, m => m.Statistics.RhsEvaluations)} | {list.Max(m => m.Events)} "
                + $"| {MarkdownReport.Ms(median)} | {MarkdownReport.Ms(list.Max(m => m.SolverTimes.Median()))} | {MarkdownReport.Ms(list.Min(m => m.SolverTimes.Min()))} | {MarkdownReport.Ms(TimeSamples.MedianOf(list.Select(m => m.RunTimes.Median())))} "
                + $"| {list.Count(m => m.SolverTimes.Median() <= TargetSeconds)}/{list.Count} | {list.Count(m => m.SolverTimes.Min() <= TargetSeconds)}/{list.Count} | {F2(median / TargetSeconds)} | {F2(median / noMealMedian)} |");
        }

        Line(sb);
        Line(sb, $"## Per subject: {PatientDayProtocol.Variants[0].Key}, {PatientDayProtocol.Variants[0].Solver.Name}");
        Line(sb);
        Line(sb, "| subject | steps | rej | RHS | events | stops | solver median [ms] | solver min [ms] | Run median [ms] | Run min [ms] | median / target | min / target | runs |");
        Line(sb, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (DayMeasurement m in main)
        {
            var s = m.Statistics;
            Line(sb, $"| {m.Subject} | {s.AcceptedSteps} | {s.RejectedSteps} | {s.RhsEvaluations} | {m.Events} | {m.Stops} | {MarkdownReport.Ms(m.SolverTimes.Median())} | {MarkdownReport.Ms(m.SolverTimes.Min())} "
                + $"| {MarkdownReport.Ms(m.RunTimes.Median())} | {MarkdownReport.Ms(m.RunTimes.Min())} | {F2(m.SolverTimes.Median() / TargetSeconds)} | {F2(m.SolverTimes.Min() / TargetSeconds)} | {m.SolverTimes.Count} |");
        }

        Line(sb);
        Line(sb, "## Per subject: baselines measured in the same process");
        Line(sb);
        Line(sb, "Ratios are solver-time medians relative to the meal day above (same subject).");
        Line(sb);
        var others = PatientDayProtocol.Variants.Skip(1).ToList();
        Line(sb, "| subject | " + string.Join(" | ", others.Select(v => $"{v.Key}: steps+rej / RHS | median [ms] | min [ms] | ratio")) + " |");
        Line(sb, "|---|" + string.Concat(Enumerable.Repeat("---:|---:|---:|---:|", others.Count)));
        foreach (DayMeasurement m in main)
        {
            var cells = new List<string> { m.Subject };
            foreach (PatientDayVariant v in others)
            {
                DayMeasurement? o = byVariant[v].FirstOrDefault(x => x.Subject == m.Subject);
                if (o is null)
                {
                    cells.AddRange(["—", "—", "—", "—"]);
                    continue;
                }

                var s = o.Statistics;
                cells.Add($"{s.AcceptedSteps}+{s.RejectedSteps} / {s.RhsEvaluations}");
                cells.Add(MarkdownReport.Ms(o.SolverTimes.Median()));
                cells.Add(MarkdownReport.Ms(o.SolverTimes.Min()));
                cells.Add(F2(o.SolverTimes.Median() / m.SolverTimes.Median()));
            }

            Line(sb, "| " + string.Join(" | ", cells) + " |");
        }

        return sb.ToString();
    }

    private static string Range(List<DayMeasurement> list, Func<DayMeasurement, long> count)
    {
        var values = list.Select(count).ToList();
        return $"{TimeSamples.MedianOf(values.Select(v => (double)v)).ToString("F0", Inv)} ({values.Min()}–{values.Max()})";
    }

    private static string F2(double x) => double.IsFinite(x) ? x.ToString("F2", Inv) : "—";

    private static void Line(StringBuilder sb, string text = "") => sb.Append(text).Append('\n');
}
