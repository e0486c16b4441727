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

    public static string Build(IReadOnlyList<BenchProblem> problems, IReadOnlyList<Measurement> measurements, TimingPolicy policy, string command)
    {
        var sb = new StringBuilder();
        Line(sb, "# Work–precision: ExoSim ODE solvers and SUNDIALS CVODE");
        Line(sb);
        Line(sb, $"Produced by `{command}` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        Line(sb);
        Line(sb, $"- Machine: {CpuModel()}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}).");
        Line(sb, $"- .NET: {RuntimeInformation.FrameworkDescription}, Release build, single thread, workstation GC.");
        Line(sb, CvodeNative.IsAvailable
            ? $"- SUNDIALS: {CvodeBdf.LibraryVersion()} (Debian `libsundials-cvode6`, `{CvodeNative.Library}`): CVODE BDF orders 1–5, Newton, dense LU, analytic Jacobian where the problem provides one, stop time = end time, max 1e6 steps."
            : $"- SUNDIALS: {CvodeNative.NotAvailableMessage}.");
        Line(sb, $"- Timing: median wall time (Stopwatch) of {policy.MinRuns}–{policy.MaxRuns} in-process runs (until ≥ {policy.TargetSeconds} s measured), after {policy.WarmupRuns} warm-up runs; process start-up and JIT excluded. Each run includes the solver's own set-up (work arrays; for CVODE the native context, vectors, matrix and solver) and keeps only the final state.");
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
            Line(sb, "| solver | rtol | atol | error | digits | steps | rejected | RHS | Jac | LU | time [ms] | runs |");
            Line(sb, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (Measurement m in measurements.Where(m => ReferenceEquals(m.Problem, p)))
            {
                if (!m.Succeeded)
                {
                    Line(sb, $"| {m.Solver} | {E(m.RelativeTolerance)} | {E(m.AbsoluteTolerance)} | failed: {m.Failure?.ReplaceLineEndings(" ").Replace('|', '/')} | | | | | | | | |");
                    continue;
                }

                var r = m.Result!;
                Line(sb, $"| {m.Solver} | {E(m.RelativeTolerance)} | {E(m.AbsoluteTolerance)} | {E(m.Error)} | {m.Digits.ToString("F1", Inv)} | {r.Steps} | {r.Rejected} | {r.RhsEvaluations} | {r.Jacobians} | {r.LuDecompositions} | {Ms(m.MedianSeconds)} | {m.Runs} |");
            }
        }

        return sb.ToString();
    }

    private static void WriteEqualAccuracy(StringBuilder sb, IReadOnlyList<Measurement> measurements)
    {
        Line(sb, "## At equal accuracy: ExoSim / CVODE");
        Line(sb);
        Line(sb, "Each solver's log(time) and log(RHS calls) are interpolated linearly against log(error) at the given error; a ratio below 1 means ExoSim is cheaper. \"—\" = that error is outside the measured range.");
        Line(sb);
        if (!CvodeNative.IsAvailable)
        {
            Line(sb, CvodeNative.NotAvailableMessage + ".");
            Line(sb);
            return;
        }

        Line(sb, "| problem | solver | error | time [ms] | CVODE time [ms] | time ratio | RHS | CVODE RHS | RHS ratio |");
        Line(sb, "|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (string name in BenchCatalog.EqualAccuracyProblems)
        {
            var ok = measurements.Where(m => m.Problem.Name == name && m.Succeeded && m.Error > 0).ToList();
            var cvode = ok.Where(m => m.Solver == "CVODE-BDF").ToList();
            if (cvode.Count == 0)
            {
                continue;
            }

            foreach (string solver in ok.Select(m => m.Solver).Distinct().Where(s => s != "CVODE-BDF"))
            {
                var mine = ok.Where(m => m.Solver == solver).ToList();
                foreach (double level in BenchCatalog.EqualAccuracyLevels)
                {
                    double? t = Cost(mine, level, m => m.MedianSeconds);
                    double? tc = Cost(cvode, level, m => m.MedianSeconds);
                    double? f = Cost(mine, level, m => m.Result!.RhsEvaluations);
                    double? fc = Cost(cvode, level, m => m.Result!.RhsEvaluations);
                    Line(sb, $"| {name} | {solver} | {E(level)} | {Ms(t)} | {Ms(tc)} | {Ratio(t, tc)} | {Count(f)} | {Count(fc)} | {Ratio(f, fc)} |");
                }
            }
        }

        Line(sb);
    }

    private static double? Cost(List<Measurement> curve, double level, Func<Measurement, double> cost) =>
        EqualAccuracy.CostAt(curve.Select(m => m.Error).ToList(), curve.Select(cost).ToList(), level);

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

    private static string Ms(double? seconds) => seconds is double s && double.IsFinite(s)
        ? (s * 1e3).ToString(s * 1e3 < 1 ? "F4" : s * 1e3 < 100 ? "F3" : "F1", Inv)
        : "—";

    private static string Count(double? x) => x is double v ? v.ToString("F0", Inv) : "—";

    private static string Ratio(double? a, double? b) => a is double x && b is double y && y > 0 ? (x / y).ToString("F2", Inv) : "—";

    private static void Line(StringBuilder sb, string text = "") => sb.Append(text).Append('\n');
}
