using ExoSim.Models.Parameters;
using ExoSim.Models.Sensors;
using ExoSim.Models.Simulation;

namespace ExoSim.Trials.Trials;

/// <summary>Per-patient insulin regimens of a trial: the arm's <see cref="InsulinRegimen"/> as the therapy module's doses (docs/therapies/insulin.md).</summary>
public static class Regimens
{
    /// <summary>
    /// Adds the regimen's doses for [<paramref name="fromMin"/>, <paramref name="toMin"/>) to <paramref name="interventions"/>;
    /// a regimen that reads glucose (correction, closed loop) reads <paramref name="sensor"/> (plasma glucose when null)
    /// and records what it delivers in <paramref name="log"/>.
    /// </summary>
    /// <returns>The basal rate set at <paramref name="fromMin"/> (U/h).</returns>
    public static double Add(
        List<Intervention> interventions, InsulinRegimen regimen, ParameterSet parameters, IReadOnlyList<MealIntake> meals, double fromMin, double toMin,
        CgmReader? sensor = null, InsulinDeliveryLog? log = null)
    {
        ArgumentNullException.ThrowIfNull(interventions);
        ArgumentNullException.ThrowIfNull(regimen);
        var doses = regimen.ToPlan().Interventions(parameters, meals, fromMin, toMin, sensor, log);
        interventions.AddRange(doses);
        return doses.OfType<InsulinBasal>().FirstOrDefault(b => b.TimeMin == fromMin)?.RateUPerH ?? 0;
    }
}
