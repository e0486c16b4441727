using ExoSim.Models.Simulation;

namespace ExoSim.Therapies.Insulin;

/// <summary>
/// The standard meal-bolus rule of a person on basal–bolus therapy, as simglucose's BBController: bolus =
/// scale·carbs/CR + (G − target)/CF when the glucose seen G exceeds the threshold (correction), else scale·carbs/CR.
/// </summary>
/// <param name="CarbRatioGPerU">Carbohydrate ratio CR (g covered by 1 U).</param>
/// <param name="CorrectionFactorMgDlPerU">Correction factor CF (mg/dL fall per U).</param>
/// <param name="TargetMgDl">Correction target.</param>
/// <param name="ThresholdMgDl">Correction threshold.</param>
/// <param name="Correct">Whether to add the correction term.</param>
/// <param name="Scale">Multiplier of the carbohydrate part.</param>
public sealed record BolusCalculator(double CarbRatioGPerU, double CorrectionFactorMgDlPerU, double TargetMgDl, double ThresholdMgDl, bool Correct, double Scale)
{
    /// <summary>The meal bolus (U, ≥ 0) for <paramref name="carbsG"/> at a seen glucose of <paramref name="glucoseMgDl"/>.</summary>
    public double Bolus(double carbsG, double glucoseMgDl)
    {
        double correction = Correct && glucoseMgDl > ThresholdMgDl ? (glucoseMgDl - TargetMgDl) / CorrectionFactorMgDlPerU : 0;
        return Math.Max(0, (Scale * carbsG / CarbRatioGPerU) + correction);
    }

    /// <summary>The meals of [<paramref name="fromMin"/>, <paramref name="toMin"/>) by start time, carbohydrate of meals starting together summed.</summary>
    internal static SortedDictionary<double, double> MealsByTime(IReadOnlyList<MealIntake> meals, double fromMin, double toMin)
    {
        var byTime = new SortedDictionary<double, double>();
        foreach (var meal in meals.Where(m => m.TimeMin >= fromMin && m.TimeMin < toMin && m.CarbsG > 0))
        {
            byTime[meal.TimeMin] = byTime.GetValueOrDefault(meal.TimeMin) + meal.CarbsG;
        }

        return byTime;
    }
}

/// <summary>Meal boluses with a glucose correction: decides at each meal's start from the glucose seen then.</summary>
public sealed class MealBolusController : IInsulinController
{
    private readonly BolusCalculator calculator;
    private readonly SortedDictionary<double, double> meals;

    /// <summary>Boluses for <paramref name="meals"/> in [<paramref name="fromMin"/>, <paramref name="toMin"/>).</summary>
    public MealBolusController(BolusCalculator calculator, IReadOnlyList<MealIntake> meals, double fromMin, double toMin)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        ArgumentNullException.ThrowIfNull(meals);
        this.calculator = calculator;
        this.meals = BolusCalculator.MealsByTime(meals, fromMin, toMin);
    }

    /// <inheritdoc />
    public IReadOnlyList<double> DecisionTimes(double startMin, double endMin) => meals.Keys.Where(t => t >= startMin && t <= endMin).ToArray();

    /// <inheritdoc />
    public InsulinCommand Decide(double timeMin, double glucoseMgPerDl)
        => new(null, meals.TryGetValue(timeMin, out double carbs) ? calculator.Bolus(carbs, glucoseMgPerDl) : 0);
}
