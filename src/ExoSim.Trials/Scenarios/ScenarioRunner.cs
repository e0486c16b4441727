using ExoSim.Models.Simulation;
using ExoSim.Numerics.Ode;

namespace ExoSim.Trials.Scenarios;

/// <summary>A simulation that could not complete; the message names the model, subject, time and state.</summary>
public sealed class SimulationFailedException : Exception
{
    /// <summary>Wraps a solver failure with the subject it happened to.</summary>
    public SimulationFailedException(string modelId, string patient, OdeSolverException innerException)
        : base($"simulating '{patient}' of model '{modelId}' failed: {innerException?.Message}", innerException)
    {
        ModelId = modelId;
        Patient = patient;
    }

    /// <summary>The model.</summary>
    public string ModelId { get; }

    /// <summary>The subject.</summary>
    public string Patient { get; }
}

/// <summary>Runs a resolved scenario.</summary>
public static class ScenarioRunner
{
    /// <summary>Simulates the scenario's subject.</summary>
    /// <exception cref="SimulationFailedException">The solver failed.</exception>
    public static SimulationResult Run(ResolvedScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        try
        {
            return Simulator.Run(scenario.Request, scenario.Solver, scenario.Options);
        }
        catch (OdeSolverException exception)
        {
            throw new SimulationFailedException(scenario.Request.Model.Id, scenario.Request.Parameters.Name, exception);
        }
    }
}
