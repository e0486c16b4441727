using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ExoSim.Benchmarks.Cvode;
using ExoSim.Benchmarks.Problems;

namespace ExoSim.Benchmarks.WorkPrecision;

/// <summary>Formats the measurements as a markdown report that can be quoted as is.</summary>
internal static class MarkdownReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The 1-, 5- and 15-minute load averages (Linux), to judge how much other processes disturbed the timings.</summary>
    public static string LoadAverage()
    {
        try
        {
            string[] parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return parts.Length >= 3 ? $"{parts[0]} / {parts[1]} / {parts[2]}" : "?";
        }
        catch (IOException)
        {
            return "?";
        }
        catch (UnauthorizedAccessException)
        {
            return "?";
        }
    }

    /// <summary>Title, command, date, machine and .NET version: the opening lines every report shares.</summary>
    public static StringBuilder Header(string title, string command)
    {
        var sb = new StringBuilder();
        Line(sb, title);
        Line(sb);
        Line(sb, $"Produced by `{command}` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        Line(sb);
        Line(sb, $"- Machine: {CpuModel()}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}).");
        Line(sb, $"- .NET: {RuntimeInformation.FrameworkDescription}, Release build, single thread, workstation GC.");
        return sb;
    }

    public static string Build(
        IReadOnlyList<BenchProblem> problems, IReadOnlyList<Measurement> measurements, TimingPolicy policy, string command, string loadBefore)
    {
        StringBuilder sb = Header("# Work–precision: ExoSim ODE solvers and SUNDIALS CVODE", command);
        Line(sb, CvodeNative.IsAvailable
            ? $"- SUNDIALS: {CvodeBdf.LibraryVersion()} (Debian `libsundials-cvode6`, `{CvodeNative.Library}`): CVODE BDF orders 1–5, Newton, dense LU, analytic Jacobian where the problem provides one, stop time = end time, max 1e6 steps."
            : $"- SUNDIALS: {CvodeNative.NotAvailableMessage}.");
        Line(sb, $"- Timing: wall time (Stopwatch), in-process: {policy.Describe()}; median and minimum over all timed runs; process start-up and JIT excluded. Each run includes the solver's own set-up (work arrays; for CVODE the native context, vectors, matrix and solver) and keeps only the final state.");
        Line(sb, $"- Machine load (1/5/15-min load average) before: {loadBefore}; after: {LoadAverage()}. The machine is shared: with a load above the core count, wall times include waiting for a core, so medians are inflated and noisy; minima are closer to the undisturbed cost.");
        Line(sb, "- Error: at the end time, max over components of |y_i − ref_i| / max(|ref_i|, floor) against the published reference (`TestProblem.MaxMixedError`); digits = −log10(error).");
        Line(sb, "- Counts: steps = accepted steps; rejected = error-test failures (CVODE: plus Newton convergence failures); RHS includes the calls spent on finite-difference Jacobians; LU = factorisations of the iteration matrix (CVODE: linear-solver setups).");
        Line(sb);

        Line(sb, "## Problems and tolerance conventions");
        Line(sb);
        Line(sb, "| Problem | n | t-span | stiff | atol | error floor | reference |");
        Line(sb, "|---|---:|---|---|---|---:|---|");
        foreach (BenchProblem p in problems)
        {
            Line(sb, $"| {p.Name} | {p.Problem.System.Dimension} | [{G(p.Problem.StartTime)}, {G(p.Problem.EndTime)}] | {(p.Problem.IsStiff ? "yes" : "no")} | {p.Convention} | {E(p.ErrorFloor)} | {p.Problem.Source} |");
        }

        Line(sb);
        WriteEqualAccuracy(sb, measurements);

        Line(sb, "## All measurements");
        foreach (BenchProblem p in problems)
        {
            Line(sb);
            Line(sb, $"### {p.Name}");
            Line(sb);
            Line(sb, "| solver | rtol | atol | error | digits | steps | rejected | RHS | Jac | LU | median [ms] | min [ms] | runs |");
            Line(sb, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (Measurement m in measurements.Where(m => ReferenceEquals(m.Problem, p)))
            {
                if (!m.Succeeded)
                {
                    Line(sb, $"| {m.Solver} | {E(m.RelativeTolerance)} | {E(m.AbsoluteTolerance)} | failed: {m.Failure?.ReplaceLineEndings(" ").Replace('|', '/')} | | | | | | | | | |");
                    continue;
                }

                var r = m.Result!;
                Line(sb, $"| {m.Solver} | {E(m.RelativeTolerance)} | {E(m.AbsoluteTolerance)} | {E(m.Error)} | {m.Digits.ToString("F1", Inv)} | {r.Steps} | {r.Rejected} | {r.RhsEvaluations} | {r.Jacobians} | {r.LuDecompositions} | {Ms(m.MedianSeconds)} | {Ms(m.MinSeconds)} | {m.Times.Count} |");
            }
        }

        return sb.ToString();
    }

    private static void WriteEqualAccuracy(StringBuilder sb, IReadOnlyList<Measurement> measurements)
    {
        Line(sb, "## At equal accuracy: ExoSim / CVODE");
        Line(sb);
        Line(sb, "Each solver's log(cost) is interpolated linearly against log(error) at the given error; a ratio below 1 means ExoSim is cheaper. "
            + "\"≤ x\": every measured point of the ExoSim solver was already more accurate than that error, so its cheapest point bounds the cost from above "
            + "(\"≥ x\" likewise for CVODE). \"—\": the error is outside the measured range. Time ratios use the median; the min-time ratio is less sensitive to load from other processes.");
        Line(sb);
        if (!CvodeNative.IsAvailable)
        {
            Line(sb, CvodeNative.NotAvailableMessage + ".");
            Line(sb);
            return;
        }

        Line(sb, "| problem | solver | error | time [ms] | CVODE time [ms] | time ratio | min-time ratio | RHS | CVODE RHS | RHS ratio |");
        Line(sb, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (string name in BenchCatalog.EqualAccuracyProblems)
        {
            var ok = measurements.Where(m => m.Problem.Name == name && m.Succeeded && m.Error > 0).ToList();
            var cvode = ok.Where(m => m.Solver == CvodeName).ToList();
            if (cvode.Count == 0)
            {
                continue;
            }

            foreach (string solver in ok.Select(m => m.Solver).Distinct().Where(s => s != CvodeName))
            {
                var mine = ok.Where(m => m.Solver == solver).ToList();
                foreach (double level in BenchCatalog.EqualAccuracyLevels)
                {
                    CurveCost? t = Cost(mine, level, m => m.MedianSeconds);
                    CurveCost? tc = Cost(cvode, level, m => m.MedianSeconds);
                    CurveCost? tMin = Cost(mine, level, m => m.MinSeconds);
                    CurveCost? tcMin = Cost(cvode, level, m => m.MinSeconds);
                    CurveCost? f = Cost(mine, level, m => m.Result!.RhsEvaluations);
                    CurveCost? fc = Cost(cvode, level, m => m.Result!.RhsEvaluations);
                    Line(sb, $"| {name} | {solver} | {E(level)} | {Ms(t)} | {Ms(tc)} | {Ratio(t, tc)} | {Ratio(tMin, tcMin)} | {Count(f)} | {Count(fc)} | {Ratio(f, fc)} |");
                }
            }
        }

        Line(sb);
    }

    private const string CvodeName = "CVODE-BDF";

    private static CurveCost? Cost(List<Measurement> curve, double level, Func<Measurement, double> cost) =>
        EqualAccuracy.CostAt(curve.Select(m => m.Error).ToList(), curve.Select(cost).ToList(), level);

    private static string Bound(CurveCost c) => c.IsUpperBound ? "≤ " : "";

    private static string Ms(CurveCost? c) => c is CurveCost v ? Bound(v) + Ms(v.Value) : "—";

    private static string Count(CurveCost? c) => c is CurveCost v ? Bound(v) + v.Value.ToString("F0", Inv) : "—";

    /// <summary>a/b, with the direction of any bound: an upper bound on a gives "≤", on b gives "≥"; both: unknown.</summary>
    private static string Ratio(CurveCost? a, CurveCost? b)
    {
        if (a is not CurveCost x || b is not CurveCost y || !(y.Value > 0) || (x.IsUpperBound && y.IsUpperBound))
        {
            return "—";
        }

        string prefix = x.IsUpperBound ? "≤ " : y.IsUpperBound ? "≥ " : "";
        return prefix + (x.Value / y.Value).ToString("F2", Inv);
    }

    /// <summary>The CPU model from /proc/cpuinfo, or the architecture when it cannot be read.</summary>
    private static string CpuModel()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal))
                {
                    return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static string E(double x) => double.IsNaN(x) ? "—" : x.ToString("0.0e0", Inv);

    private static string G(double x) => x.ToString("G6", Inv);

    /// <summary>Seconds as milliseconds with 4 significant-ish digits; "—" when not finite.</summary>
    public static string Ms(double seconds) => seconds is var s && double.IsFinite(s)
        ? (s * 1e3).ToString(s * 1e3 < 1 ? "F4" : s * 1e3 < 100 ? "F3" : "F1", Inv)
        : "—";


    private static void Line(StringBuilder sb, string text = "") => sb.Append(text).Append('\n');
}
