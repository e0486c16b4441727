using System.Diagnostics;
using ExoSim.Numerics.Ode;

namespace ExoSim.Benchmarks.PatientDay;

/// <summary>
/// Wraps a solver to time its <see cref="IOdeSolver.Solve"/> call inside <c>Simulator.Run</c>, separating solver time from
/// the simulator's own set-up (parameters, schedule) and output table, and keeps the last solution for its counts.
/// </summary>
internal sealed class TimedSolver(IOdeSolver inner) : IOdeSolver
{
    public string Name => inner.Name;

    /// <summary>Wall time of the last solve (s).</summary>
    public double LastSeconds { get; private set; }

    /// <summary>The last solution (steps, evaluations, events).</summary>
    public OdeSolution? LastSolution { get; private set; }

    public OdeSolution Solve(OdeProblem problem, SolverOptions? options = null)
    {
        long start = Stopwatch.GetTimestamp();
        OdeSolution solution = inner.Solve(problem, options);
        LastSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        LastSolution = solution;
        return solution;
    }
}
