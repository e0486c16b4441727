using System.Diagnostics;
using ExoSim.Numerics.Ode;
using ExoSim.Numerics.Ode.ExplicitRungeKutta;

namespace ExoSim.Cli.Demo;

/// <summary>One solve of one demo problem at one tolerance, compared with the problem's reference.</summary>
/// <param name="Problem">Problem name.</param>
/// <param name="Method">Solver name.</param>
/// <param name="Tolerance">Relative and absolute tolerance requested (the same value for both).</param>
/// <param name="MaxAbsError">max_i |y_i(T) − reference_i|.</param>
/// <param name="ScaledError">max_i |y_i(T) − reference_i| / (tol + tol·|reference_i|): 1 means "error equals what was asked for".</param>
/// <param name="AcceptedSteps">Accepted steps.</param>
/// <param name="RejectedSteps">Rejected steps.</param>
/// <param name="RhsEvaluations">Right-hand-side evaluations.</param>
/// <param name="TimeMs">Wall time of the solve in milliseconds (after one warm-up solve; indicative only).</param>
/// <param name="Reference">Where the reference comes from.</param>
internal sealed record ShowcaseResult(
    string Problem,
    string Method,
    double Tolerance,
    double MaxAbsError,
    double ScaledError,
    long AcceptedSteps,
    long RejectedSteps,
    long RhsEvaluations,
    double TimeMs,
    string Reference);

/// <summary>Solves every demo problem with ExoSim's solvers at a few tolerances and measures the achieved error.</summary>
internal static class SolverShowcase
{
    /// <summary>Tolerances the demo runs at: loose and tight, to show that the error follows the request.</summary>
    public static IReadOnlyList<double> Tolerances { get; } = [1e-6, 1e-10];

    /// <summary>Runs all problems at all tolerances.</summary>
    public static IReadOnlyList<ShowcaseResult> Run()
    {
        var results = new List<ShowcaseResult>();
        IOdeSolver solver = new DormandPrince54();
        foreach (var problem in DemoProblems.All)
        {
            foreach (double tolerance in Tolerances)
            {
                results.Add(Solve(problem, solver, tolerance));
            }
        }

        return results;
    }

    /// <summary>Solves one problem at one tolerance.</summary>
    public static ShowcaseResult Solve(DemoProblem problem, IOdeSolver solver, double tolerance)
    {
        var odeProblem = new OdeProblem(problem.System, problem.InitialState, problem.StartTime, problem.EndTime);

        // Keep only the end state: the demo compares y(T) with the reference.
        var options = new SolverOptions
        {
            RelativeTolerance = tolerance,
            AbsoluteTolerance = tolerance,
            SaveAt = [problem.EndTime],
        };

        // The first solve pays for JIT compilation; time the second.
        solver.Solve(odeProblem, options);
        long start = Stopwatch.GetTimestamp();
        var solution = solver.Solve(odeProblem, options);
        double timeMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        double maxAbs = 0;
        double scaled = 0;
        for (int i = 0; i < problem.Reference.Length; i++)
        {
            double error = Math.Abs(solution.FinalState[i] - problem.Reference[i]);
            maxAbs = Math.Max(maxAbs, error);
            scaled = Math.Max(scaled, error / (tolerance + (tolerance * Math.Abs(problem.Reference[i]))));
        }

        var statistics = solution.Statistics;
        return new ShowcaseResult(
            problem.Name,
            solution.Method,
            tolerance,
            maxAbs,
            scaled,
            statistics.AcceptedSteps,
            statistics.RejectedSteps,
            statistics.RhsEvaluations,
            timeMs,
            problem.Source);
    }
}
