namespace ExoSim.Numerics.Ode;

/// <summary>
/// An integration method: a small value that names the algorithm. A model never chooses its own solver; callers
/// pick one (<see cref="OdeSolvers"/> states the rule).
/// </summary>
public interface IOdeSolver
{
    /// <summary>Short method name, e.g. "DormandPrince54".</summary>
    string Name { get; }

    /// <summary>Integrates <paramref name="problem"/> and returns its solution.</summary>
    /// <exception cref="OdeSolverException">When the integration fails (step-size underflow, non-finite state, too many steps).</exception>
    OdeSolution Solve(OdeProblem problem, SolverOptions? options = null);
}
