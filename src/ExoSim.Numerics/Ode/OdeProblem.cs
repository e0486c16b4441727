namespace ExoSim.Numerics.Ode;

/// <summary>
/// What is integrated: the system, the initial state, the time span and the events. Independent of the method
/// (<see cref="IOdeSolver"/>) and its settings (<see cref="SolverOptions"/>). Integration runs forward in time.
/// </summary>
public sealed record OdeProblem
{
    /// <summary>Creates a problem and checks that it is well formed.</summary>
    /// <exception cref="ArgumentException">When the state length does not match the system, a value is not finite,
    /// or the time span is empty or reversed.</exception>
    public OdeProblem(IOdeSystem system, double[] initialState, double startTime, double endTime)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(initialState);
        if (initialState.Length != system.Dimension)
        {
            throw new ArgumentException(
                $"Initial state has {initialState.Length} entries but the system has dimension {system.Dimension}.",
                nameof(initialState));
        }

        for (int i = 0; i < initialState.Length; i++)
        {
            if (!double.IsFinite(initialState[i]))
            {
                throw new ArgumentException($"Initial state entry {i} is {initialState[i]}; it must be finite.", nameof(initialState));
            }
        }

        if (!double.IsFinite(startTime) || !double.IsFinite(endTime) || endTime <= startTime)
        {
            throw new ArgumentException(
                $"The time span [{startTime}, {endTime}] must be finite with end > start (integration runs forward).",
                nameof(endTime));
        }

        System = system;
        InitialState = (double[])initialState.Clone();
        StartTime = startTime;
        EndTime = endTime;
    }

    /// <summary>The right-hand side.</summary>
    public IOdeSystem System { get; }

    /// <summary>The state at <see cref="StartTime"/> (a private copy).</summary>
    public double[] InitialState { get; }

    /// <summary>Start of integration.</summary>
    public double StartTime { get; }

    /// <summary>End of integration.</summary>
    public double EndTime { get; }

    /// <summary>Events at known times. Events outside [start, end] are ignored; events at the start time are applied before the first step.</summary>
    public IReadOnlyList<DiscreteEvent> DiscreteEvents { get; init; } = [];

    /// <summary>Events at roots of event functions.</summary>
    public IReadOnlyList<ContinuousEvent> ContinuousEvents { get; init; } = [];
}
