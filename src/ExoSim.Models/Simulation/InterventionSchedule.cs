using ExoSim.Numerics.Ode;

namespace ExoSim.Models.Simulation;

/// <summary>
/// Collects the discrete events that carry interventions into a <see cref="ModelSystem"/>: changes of input rates
/// and jumps of states. Every event also marks a breakpoint for parameter modulations.
/// </summary>
public sealed class InterventionSchedule
{
    private readonly ModelSystem system;
    private readonly List<DiscreteEvent> events = [];

    /// <summary>Creates an empty schedule for a system.</summary>
    public InterventionSchedule(ModelSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        this.system = system;
    }

    /// <summary>The system the events act on (models cast it to their own type to reach model-specific inputs).</summary>
    public ModelSystem System => system;

    /// <summary>The scheduled events (unsorted; the solver orders them stably by time).</summary>
    public IReadOnlyList<DiscreteEvent> Events => events;

    /// <summary>Adds <paramref name="delta"/> to an input rate from <paramref name="timeMin"/> on (overlapping meals add up).</summary>
    public void AddRateChange(double timeMin, int channel, double delta, string name)
        => events.Add(new DiscreteEvent(timeMin, (t, _) =>
        {
            system.EnterSegment(t);
            system.InputRates[channel] += delta;
        }, name));

    /// <summary>Sets an input rate to <paramref name="value"/> from <paramref name="timeMin"/> on (a basal rate change).</summary>
    public void SetRate(double timeMin, int channel, double value, string name)
        => events.Add(new DiscreteEvent(timeMin, (t, _) =>
        {
            system.EnterSegment(t);
            system.InputRates[channel] = value;
        }, name));

    /// <summary>Adds <paramref name="amount"/> to a state at <paramref name="timeMin"/> (a bolus into a compartment).</summary>
    public void AddStateJump(double timeMin, int stateIndex, double amount, string name)
        => events.Add(new DiscreteEvent(timeMin, (t, y) =>
        {
            system.EnterSegment(t);
            y[stateIndex] += amount;
        }, name));

    /// <summary>
    /// A model-specific action at <paramref name="timeMin"/> (e.g. updating a model's memory of the current meal
    /// size); the solver stops and restarts there like at any other event.
    /// </summary>
    public void AddAction(double timeMin, StateAction action, string name)
    {
        ArgumentNullException.ThrowIfNull(action);
        events.Add(new DiscreteEvent(timeMin, (t, y) =>
        {
            system.EnterSegment(t);
            action(t, y);
        }, name));
    }

    /// <summary>A breakpoint where only the piece of a parameter modulation changes.</summary>
    public void AddBreakpoint(double timeMin, string name)
        => events.Add(new DiscreteEvent(timeMin, (t, _) => system.EnterSegment(t), name));
}
