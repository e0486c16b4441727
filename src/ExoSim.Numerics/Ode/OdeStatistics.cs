namespace ExoSim.Numerics.Ode;

/// <summary>What a solve cost.</summary>
/// <param name="AcceptedSteps">Steps accepted by the error control.</param>
/// <param name="RejectedSteps">Steps rejected and retried with a smaller size.</param>
/// <param name="RhsEvaluations">Calls of f(t, y), including those for finite-difference Jacobians.</param>
/// <param name="JacobianEvaluations">Jacobians formed (analytic or finite-difference).</param>
/// <param name="LuDecompositions">LU factorisations of the iteration matrix.</param>
/// <param name="LinearSolves">Forward/back substitutions with an LU factorisation.</param>
/// <param name="EventFunctionEvaluations">Calls of continuous-event functions.</param>
public sealed record OdeStatistics(
    long AcceptedSteps,
    long RejectedSteps,
    long RhsEvaluations,
    long JacobianEvaluations,
    long LuDecompositions,
    long LinearSolves,
    long EventFunctionEvaluations)
{
    /// <summary>Accepted plus rejected steps.</summary>
    public long TotalSteps => AcceptedSteps + RejectedSteps;
}

/// <summary>Mutable counters updated in the inner loop; frozen into <see cref="OdeStatistics"/> at the end.</summary>
internal sealed class SolverCounters
{
    public long AcceptedSteps;
    public long RejectedSteps;
    public long RhsEvaluations;
    public long JacobianEvaluations;
    public long LuDecompositions;
    public long LinearSolves;
    public long EventFunctionEvaluations;

    public OdeStatistics Freeze() => new(
        AcceptedSteps, RejectedSteps, RhsEvaluations, JacobianEvaluations, LuDecompositions, LinearSolves, EventFunctionEvaluations);
}
