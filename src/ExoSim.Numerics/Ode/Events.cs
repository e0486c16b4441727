namespace ExoSim.Numerics.Ode;

/// <summary>Changes the state in place at an event (a dose, a meal, a reset). May also change inputs held by the system.</summary>
/// <param name="t">Time of the event.</param>
/// <param name="state">The state at the event; modify it to make a jump.</param>
public delegate void StateAction(double t, Span<double> state);

/// <summary>The event function g(t, y) whose sign change marks a continuous event.</summary>
public delegate double EventCondition(double t, ReadOnlySpan<double> state);

/// <summary>
/// An event at a known time (a dose, a meal start, a change of a piecewise-constant input). The solver stops
/// exactly at <see cref="Time"/>, applies <see cref="Apply"/> (if any) and restarts cleanly, so that no step
/// straddles the discontinuity. An event without an action is a pure breakpoint.
/// </summary>
/// <param name="Time">When the event happens, in the problem's time unit.</param>
/// <param name="Apply">The state change, or <c>null</c> for a breakpoint only.</param>
/// <param name="Name">A label recorded in the solution's event list.</param>
public sealed record DiscreteEvent(double Time, StateAction? Apply = null, string Name = "");

/// <summary>Which sign changes of a continuous event function count.</summary>
public enum EventDirection
{
    /// <summary>Both rising (− to +) and falling (+ to −) crossings.</summary>
    Either = 0,

    /// <summary>Only crossings where g goes from negative to positive.</summary>
    Rising = 1,

    /// <summary>Only crossings where g goes from positive to negative.</summary>
    Falling = -1,
}

/// <summary>
/// An event at an unknown time: a root of g(t, y) = 0 (e.g. glucose − 70 mg/dL), located on the dense output
/// to within <see cref="SolverOptions.EventTimeTolerance"/>. Roots are detected by a sign change of g between
/// successive step ends; two crossings inside one step cancel out and are missed, so bound
/// <see cref="SolverOptions.MaxStep"/> when that matters.
/// </summary>
/// <param name="Name">A label recorded in the solution's event list.</param>
/// <param name="Condition">The event function g(t, y).</param>
/// <param name="Direction">Which crossings count.</param>
/// <param name="Terminal">Whether the integration stops at the event.</param>
/// <param name="Apply">An optional state change at the event; the solver restarts afterwards.</param>
public sealed record ContinuousEvent(
    string Name,
    EventCondition Condition,
    EventDirection Direction = EventDirection.Either,
    bool Terminal = false,
    StateAction? Apply = null);

/// <summary>An event that happened during a solve.</summary>
/// <param name="Name">The event's label.</param>
/// <param name="Time">When it happened.</param>
/// <param name="StateBefore">The state just before any action of the event was applied.</param>
/// <param name="IsContinuous">True for a located root of a <see cref="ContinuousEvent"/>, false for a <see cref="DiscreteEvent"/>.</param>
/// <param name="Terminated">True when the event ended the integration.</param>
public sealed record EventOccurrence(string Name, double Time, double[] StateBefore, bool IsContinuous, bool Terminated);
