using ExoSim.Models.Random;
using ExoSim.Models.Simulation;

namespace ExoSim.Trials.Trials;

/// <summary>
/// A patient's meals over the trial from the daily plan with day-to-day variability: each meal's time is the nominal
/// time plus a normal deviate of SD time_sd clipped to ±3 SD, its carbohydrate the nominal amount times a log-normal
/// factor with mean 1 and CV carbs_cv (σ² = ln(1 + CV²), factor = exp(σz − σ²/2)). Two deviates are drawn per meal
/// and day whatever the variability, so a patient's other draws do not shift when a CV is changed. The variability
/// model is ExoSim's assumption (no published day-to-day meal distribution is used).
/// </summary>
public static class MealPlan
{
    private const double MinutesPerDay = 1440;
    private const double ClipSd = 3;

    /// <summary>The meals from t = 0 to the end of the schedule, in time order.</summary>
    public static List<MealIntake> Draw(ScheduleSpec schedule, NormalGenerator normal)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(normal);
        var meals = new List<MealIntake>();
        int days = (int)Math.Ceiling(schedule.DurationMin / MinutesPerDay);
        for (int day = 0; day < days; day++)
        {
            foreach (var meal in schedule.Meals)
            {
                double zTime = Math.Clamp(normal.Next(), -ClipSd, ClipSd);
                double zCarbs = normal.Next();
                double time = (day * MinutesPerDay) + meal.TimeOfDayMin + (meal.TimeSdMin * zTime);
                double sigma2 = PortableMath.Log(1 + (meal.CarbsCv * meal.CarbsCv));
                double carbs = meal.CarbsG * PortableMath.Exp((Math.Sqrt(sigma2) * zCarbs) - (sigma2 / 2));
                if (time >= 0 && time < schedule.DurationMin)
                {
                    meals.Add(new MealIntake(time, carbs, meal.DurationMin));
                }
            }
        }

        meals.Sort((a, b) => a.TimeMin.CompareTo(b.TimeMin));
        return meals;
    }
}
