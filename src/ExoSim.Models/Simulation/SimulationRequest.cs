using ExoSim.Models.Parameters;

namespace ExoSim.Models.Simulation;

/// <summary>What to simulate: one virtual subject of one model, over a duration, with interventions.</summary>
public sealed record SimulationRequest
{
    /// <summary>The model.</summary>
    public required PhysiologyModel Model { get; init; }

    /// <summary>The subject's parameters (already completed by <see cref="PhysiologyModel.Complete"/>).</summary>
    public required ParameterSet Parameters { get; init; }

    /// <summary>Initial state; null means the model's basal state for <see cref="Parameters"/>.</summary>
    public IReadOnlyList<double>? InitialState { get; init; }

    /// <summary>Simulated time span (min), starting at 0.</summary>
    public required double DurationMin { get; init; }

    /// <summary>Spacing of the output rows (min); rows are at 0, Δ, 2Δ, … and at the end.</summary>
    public required double OutputIntervalMin { get; init; }

    /// <summary>
    /// Explicit output times (min, ascending, within [0, <see cref="DurationMin"/>]) used instead of the regular grid of
    /// <see cref="OutputIntervalMin"/> when set, e.g. the sample times of a data set being fitted.
    /// </summary>
    public IReadOnlyList<double>? OutputTimesMin { get; init; }

    /// <summary>Meals, doses and other events.</summary>
    public IReadOnlyList<Intervention> Interventions { get; init; } = [];

    /// <summary>Time-varying multipliers on named parameters (therapy effects).</summary>
    public IReadOnlyList<ParameterModulation> Modulations { get; init; } = [];
}
