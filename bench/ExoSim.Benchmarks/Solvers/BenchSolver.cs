using ExoSim.Numerics.Ode;

namespace ExoSim.Benchmarks.Solvers;

/// <summary>The outcome and cost of one solve, in terms common to ExoSim and CVODE.</summary>
/// <param name="FinalState">State at the problem's end time.</param>
/// <param name="Steps">Accepted steps.</param>
/// <param name="Rejected">Rejected step attempts (error-test failures plus, for CVODE, Newton convergence failures).</param>
/// <param name="RhsEvaluations">Calls of f(t, y), including those spent on finite-difference Jacobians.</param>
/// <param name="Jacobians">Jacobian evaluations.</param>
/// <param name="LuDecompositions">LU factorisations of the iteration matrix (CVODE: linear-solver setups).</param>
internal sealed record RunResult(double[] FinalState, long Steps, long Rejected, long RhsEvaluations, long Jacobians, long LuDecompositions);

/// <summary>A solver as the benchmarks see it: integrate a problem from its start to its end time at given tolerances.</summary>
internal interface IBenchSolver
{
    /// <summary>Name shown in tables.</summary>
    string Name { get; }

    /// <summary>Integrates <paramref name="problem"/> to its end time; throws when the solver fails.</summary>
    RunResult Solve(OdeProblem problem, double relativeTolerance, double[] absoluteTolerances);
}

/// <summary>Adapter for an ExoSim <see cref="IOdeSolver"/>; only the final state is stored, as for CVODE.</summary>
internal sealed class ExoSimBenchSolver(IOdeSolver solver) : IBenchSolver
{
    public string Name => solver.Name;

    public RunResult Solve(OdeProblem problem, double relativeTolerance, double[] absoluteTolerances)
    {
        var options = new SolverOptions
        {
            RelativeTolerance = relativeTolerance,
            AbsoluteTolerances = absoluteTolerances,
            SaveAt = [problem.EndTime],
        };
        OdeSolution solution = solver.Solve(problem, options);
        OdeStatistics s = solution.Statistics;
        return new RunResult(
            [.. solution.FinalState], s.AcceptedSteps, s.RejectedSteps, s.RhsEvaluations, s.JacobianEvaluations, s.LuDecompositions);
    }
}
