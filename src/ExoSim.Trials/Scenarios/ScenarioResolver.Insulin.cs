using ExoSim.Models;
using ExoSim.Models.Parameters;
using ExoSim.Models.Random;
using ExoSim.Models.Sensors;
using ExoSim.Models.Simulation;
using ExoSim.Trials.Trials;

namespace ExoSim.Trials.Scenarios;

/// <summary>Resolution of a scenario's insulin <c>regimen</c> or closed-loop <c>controller</c>.</summary>
public static partial class ScenarioResolver
{
    /// <summary>
    /// Checks that <paramref name="model"/> can take <paramref name="regimen"/>: exogenous insulin at all, and doses
    /// decided from glucose during the run when the regimen corrects or is a closed loop.
    /// </summary>
    /// <exception cref="ScenarioException">At <paramref name="location"/> when it cannot.</exception>
    public static void RequireRegimenSupported(PhysiologyModel model, InsulinRegimen regimen, SourceLocation location, string field)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(regimen);
        if (regimen.Kind != "none" && !model.SupportedInterventions.Contains("insulin basal"))
        {
            throw new ScenarioException(location, field, $"model '{model.Id}' takes no exogenous insulin; use 'none' (or leave it out).");
        }

        if ((regimen.Kind == "closed-loop" || regimen.Correction) && !model.SupportedInterventions.Contains(InsulinFeedback.KindName))
        {
            string models = string.Join(", ", ModelCatalog.All.Where(m => m.SupportedInterventions.Contains(InsulinFeedback.KindName)).Select(m => m.Id));
            throw new ScenarioException(location, field, $"model '{model.Id}' cannot run insulin decided from glucose during the run (a correction or a closed loop). Models that can: {models}.");
        }
    }

    /// <summary>The doses of the scenario's regimen over the whole run (none without one); a sensor's readings are what it sees.</summary>
    private static List<Intervention> RegimenDoses(ScenarioDocument document, PhysiologyModel model, ParameterSet parameters, CgmSensor? sensor)
    {
        if (document.Regimen is not { } located)
        {
            return [];
        }

        RequireRegimenSupported(model, located.Value, located.Location, located.Field);
        double duration = document.DurationMin.Value;
        var meals = document.Events.Select(e => e.Value).OfType<MealIntake>().ToArray();

        // The same seed and last sample time as the recorded readings (ScenarioRunner), so the controller sees them.
        var reader = sensor is null
            ? null
            : new CgmReader(sensor, Xoshiro256StarStar.FromSeed(document.SensorSeed?.Value ?? DefaultSensorSeed), CgmMeasurement.SampleTimes(sensor, duration)[^1]);
        return Guard(located, () => located.Value.ToPlan().Interventions(parameters, meals, 0, duration, reader));
    }
}
