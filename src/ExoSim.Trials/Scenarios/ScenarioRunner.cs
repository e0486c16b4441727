using ExoSim.Models;
using ExoSim.Models.Sensors;
using ExoSim.Models.Simulation;
using ExoSim.Numerics.Ode;
using ExoSim.Trials.Endpoints;

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

/// <summary>What a scenario run produced.</summary>
/// <param name="Result">The output table at every output interval.</param>
/// <param name="Cgm">CGM readings at the sensor's sample times (noise-free interstitial glucose and the reading), or null without a sensor.</param>
/// <param name="Readouts">The scenario's clinical read-out columns at the output times, by name (empty when none was asked for).</param>
public sealed record ScenarioRun(SimulationResult Result, CgmTrace? Cgm, IReadOnlyDictionary<string, double[]> Readouts);

/// <summary>CGM readings of a run.</summary>
/// <param name="Sensor">The sensor.</param>
/// <param name="Seed">Seed of its measurement error.</param>
/// <param name="Interstitial">Noise-free interstitial glucose at the sample times.</param>
/// <param name="Readings">What the sensor reports at the same times.</param>
public sealed record CgmTrace(CgmSensor Sensor, ulong Seed, IReadOnlyList<GlucoseSample> Interstitial, IReadOnlyList<GlucoseSample> Readings);

/// <summary>Runs a resolved scenario.</summary>
public static class ScenarioRunner
{
    /// <summary>
    /// Simulates the scenario's subject. With a sensor, the same request is solved a second time with output at the
    /// sensor's sample times (cheap, and it keeps the output table's rows independent of the sensor), and the
    /// interstitial glucose there is turned into readings by <see cref="CgmMeasurement"/>.
    /// </summary>
    /// <exception cref="SimulationFailedException">The solver failed.</exception>
    /// <exception cref="ArgumentException">The scenario is a multiscale course (run it with <see cref="CourseRunner"/>).</exception>
    public static ScenarioRun Run(ResolvedScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Course is not null)
        {
            throw new ArgumentException($"Scenario '{scenario.Document.File}' is a multiscale course: run it with {nameof(CourseRunner)}.", nameof(scenario));
        }

        var result = Solve(scenario, scenario.Request);
        var readouts = Readouts(scenario, result);
        if (scenario.Sensor is not { } sensor)
        {
            return new ScenarioRun(result, null, readouts);
        }

        var sampled = Solve(scenario, scenario.Request with { OutputIntervalMin = sensor.SampleTimeMin });
        double[] times = CgmMeasurement.SampleTimes(sensor, scenario.Request.DurationMin);
        var column = sampled.Column(Observable.InterstitialGlucoseMgPerDl);
        var interstitial = new GlucoseSample[times.Length];
        for (int i = 0; i < times.Length; i++)
        {
            interstitial[i] = new GlucoseSample(times[i], column[i]);
        }

        var readings = CgmMeasurement.Measure(interstitial, sensor, scenario.SensorSeed);
        return new ScenarioRun(result, new CgmTrace(sensor, scenario.SensorSeed, interstitial, readings), readouts);
    }

    private static Dictionary<string, double[]> Readouts(ResolvedScenario scenario, SimulationResult result)
    {
        var readouts = new Dictionary<string, double[]>(StringComparer.Ordinal);
        if (scenario.Readouts.Count == 0)
        {
            return readouts;
        }

        var glucose = result.Column(Observable.GlucoseMgPerDl);
        var insulin = result.HasColumn(Observable.InsulinPmolPerL) ? result.Column(Observable.InsulinPmolPerL) : null;
        foreach (string name in scenario.Readouts)
        {
            readouts[name] = name switch
            {
                ClinicalReadouts.Hba1cColumn => ClinicalReadouts.LaggedHba1c(result.Column(Simulator.TimeColumn), glucose),
                ClinicalReadouts.HomaIrColumn => glucose.Select((g, i) => ClinicalReadouts.HomaIr(g, insulin![i])).ToArray(),
                ClinicalReadouts.HomaBColumn => glucose.Select((g, i) => ClinicalReadouts.HomaB(g, insulin![i])).ToArray(),
                _ => throw new InvalidOperationException($"Read-out '{name}' has no computation (ScenarioResolver accepted it)."),
            };
        }

        return readouts;
    }

    private static SimulationResult Solve(ResolvedScenario scenario, SimulationRequest request)
    {
        try
        {
            return Simulator.Run(request, scenario.Solver, scenario.Options);
        }
        catch (OdeSolverException exception)
        {
            throw new SimulationFailedException(request.Model.Id, request.Parameters.Name, exception);
        }
    }
}
