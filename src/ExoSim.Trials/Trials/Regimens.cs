using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;

namespace ExoSim.Trials.Trials;

/// <summary>
/// Per-patient insulin regimens (open-loop basal–bolus after simglucose's BBController, github.com/jxx123/simglucose
/// <c>simglucose/controller/basal_bolus_ctrller.py</c>, without its glucose-dependent correction bolus): basal at the
/// subject's steady-state rate u2ss·BW/6000 U/min (u2ss in pmol/kg/min, 6000 pmol per U) and a bolus of carbs/CR U at
/// each meal's start, each scaled by the regimen.
/// </summary>
public static class Regimens
{
    private const double PmolPerUnit = 6000;

    /// <summary>
    /// Adds the regimen's doses for [<paramref name="fromMin"/>, <paramref name="toMin"/>) to <paramref name="interventions"/>.
    /// </summary>
    /// <returns>The basal rate set at <paramref name="fromMin"/> (U/h).</returns>
    public static double Add(List<Intervention> interventions, InsulinRegimen regimen, ParameterSet parameters, IReadOnlyList<MealIntake> meals, double fromMin, double toMin)
    {
        ArgumentNullException.ThrowIfNull(interventions);
        ArgumentNullException.ThrowIfNull(regimen);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(meals);
        if (regimen.Kind == "none" && parameters.Schema.IndexOf("u2ss") < 0)
        {
            return 0; // a model without exogenous insulin
        }

        double basalUPerH = regimen.Kind == "none" ? 0 : regimen.BasalScale * parameters["u2ss"] * parameters["BW"] / PmolPerUnit * 60;
        interventions.Add(new InsulinBasal(fromMin, basalUPerH));
        if (regimen.Kind == "basal-bolus")
        {
            double carbRatio = parameters["CR"];
            foreach (var meal in meals.Where(m => m.TimeMin >= fromMin && m.TimeMin < toMin))
            {
                interventions.Add(new InsulinBolus(meal.TimeMin, regimen.BolusScale * meal.CarbsG / carbRatio));
            }
        }

        return basalUPerH;
    }
}
