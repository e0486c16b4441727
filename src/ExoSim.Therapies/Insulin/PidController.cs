using ExoSim.Models.Simulation;

namespace ExoSim.Therapies.Insulin;

/// <summary>Settings of the PID controller (all rates in U/h, glucose in mg/dL, times in min).</summary>
/// <param name="TargetMgDl">Glucose target.</param>
/// <param name="GainUPerHPerMgDl">Proportional gain Kp.</param>
/// <param name="IntegralTimeMin">Integral time TI.</param>
/// <param name="DerivativeTimeMin">Derivative time TD.</param>
/// <param name="SampleTimeMin">Control interval.</param>
/// <param name="BasalUPerH">The subject's basal rate: the output at target with no history.</param>
/// <param name="MaxRateUPerH">Highest rate the controller may set.</param>
/// <param name="MaxIobU">Net insulin-on-board limit (U): the controller adds no insulin above basal that would exceed it.</param>
/// <param name="Curve">The insulin action curve the insulin on board is computed with.</param>
public sealed record PidSettings(
    double TargetMgDl, double GainUPerHPerMgDl, double IntegralTimeMin, double DerivativeTimeMin, double SampleTimeMin,
    double BasalUPerH, double MaxRateUPerH, double MaxIobU, InsulinActionCurve Curve);

/// <summary>One decision of the PID controller (for inspection and tests).</summary>
/// <param name="TimeMin">When.</param>
/// <param name="GlucoseMgDl">Glucose seen.</param>
/// <param name="IobU">Net insulin on board before the decision (U).</param>
/// <param name="RateUPerH">Basal rate set (U/h), or null at a meal-only decision.</param>
/// <param name="BolusU">Meal bolus given (U).</param>
public sealed record PidDecision(double TimeMin, double GlucoseMgDl, double IobU, double? RateUPerH, double BolusU);

/// <summary>
/// A PID controller of the insulin infusion rate with insulin on board, in the structure of Steil et al. 2006
/// (Diabetes 55:3344, doi:10.2337/db06-0419; external physiologic insulin delivery): every sample time the rate is
/// basal + Kp·[(G − target) + (1/TI)∫(G − target)dt + TD·dG/dt] from the glucose seen (dG/dt by the backward
/// difference of two readings), clipped to [0, max rate]. Insulin on board (IOB) is the net insulin delivered above
/// the basal rate plus meal boluses, weighted by <see cref="InsulinActionCurve.OnBoard"/>; the rate is further limited
/// so that the insulin added above basal in the next interval keeps the IOB at most <see cref="PidSettings.MaxIobU"/>.
/// The integral does not grow while the output is clipped in the direction of the error (anti-windup). With a bolus
/// calculator it is a hybrid closed loop: meals are announced and bolused as carbs/CR at their start.
/// </summary>
public sealed class PidController : IInsulinController
{
    private readonly PidSettings settings;
    private readonly BolusCalculator? mealBolus;
    private readonly SortedDictionary<double, double> meals;
    private readonly HashSet<double> controlTimes = [];
    private readonly List<(double TimeMin, double Units)> doses = [];
    private readonly List<PidDecision> decisions = [];
    private double integralMgDl;
    private double? previousTime, previousGlucose;

    /// <summary>A controller; <paramref name="mealBolus"/> null for a fully closed loop without meal boluses.</summary>
    public PidController(PidSettings settings, BolusCalculator? mealBolus, IReadOnlyList<MealIntake> meals, double fromMin, double toMin)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(meals);
        if (!(settings.SampleTimeMin > 0) || !(settings.IntegralTimeMin > 0) || !(settings.DerivativeTimeMin >= 0) || !(settings.GainUPerHPerMgDl >= 0)
            || !(settings.BasalUPerH >= 0) || !(settings.MaxRateUPerH >= settings.BasalUPerH) || !(settings.MaxIobU >= 0))
        {
            throw new ArgumentException("PID settings: sample and integral times must be positive, gain, derivative time, basal and IOB limit non-negative, and the maximum rate at least the basal rate.");
        }

        this.settings = settings;
        this.mealBolus = mealBolus;
        this.meals = mealBolus is null ? [] : BolusCalculator.MealsByTime(meals, fromMin, toMin);
    }

    /// <summary>The decisions made so far, in time order.</summary>
    public IReadOnlyList<PidDecision> Decisions => decisions;

    /// <summary>Net insulin on board at <paramref name="timeMin"/> (U) from the doses this controller delivered.</summary>
    public double InsulinOnBoard(double timeMin) => doses.Sum(d => d.Units * settings.Curve.OnBoard(timeMin - d.TimeMin));

    /// <inheritdoc />
    public IReadOnlyList<double> DecisionTimes(double startMin, double endMin)
    {
        controlTimes.Clear();
        long count = (long)Math.Floor(((endMin - startMin) / settings.SampleTimeMin) + 1e-9);
        for (long k = 0; k < count; k++)
        {
            // Multiply rather than accumulate, so that decision times stay exact multiples of the interval.
            controlTimes.Add(startMin + (k * settings.SampleTimeMin));
        }

        return controlTimes.Concat(meals.Keys.Where(t => t >= startMin && t < endMin)).Distinct().Order().ToArray();
    }

    /// <inheritdoc />
    public InsulinCommand Decide(double timeMin, double glucoseMgPerDl)
    {
        doses.RemoveAll(d => timeMin - d.TimeMin >= settings.Curve.DurationMin);
        double iob = InsulinOnBoard(timeMin);
        double bolus = mealBolus is not null && meals.TryGetValue(timeMin, out double carbs) ? mealBolus.Bolus(carbs, glucoseMgPerDl) : 0;
        double? rate = controlTimes.Contains(timeMin) ? Rate(timeMin, glucoseMgPerDl, iob + bolus) : null;
        if (bolus > 0)
        {
            doses.Add((timeMin, bolus));
        }

        decisions.Add(new PidDecision(timeMin, glucoseMgPerDl, iob, rate, bolus));
        return new InsulinCommand(rate, bolus);
    }

    private double Rate(double timeMin, double glucose, double iob)
    {
        var s = settings;
        double error = glucose - s.TargetMgDl;
        double slope = previousTime is { } t0 && timeMin > t0 ? (glucose - previousGlucose!.Value) / (timeMin - t0) : 0;
        double candidate = integralMgDl + (error * s.SampleTimeMin / s.IntegralTimeMin);
        double demand = s.BasalUPerH + (s.GainUPerHPerMgDl * (error + candidate + (s.DerivativeTimeMin * slope)));

        // Extra insulin above basal in the next interval may only fill the IOB up to its limit.
        double headroomU = Math.Max(0, s.MaxIobU - iob);
        double upper = Math.Min(s.MaxRateUPerH, s.BasalUPerH + (headroomU * 60 / s.SampleTimeMin));
        double rate = Math.Clamp(demand, 0, upper);
        bool windingUp = (demand > upper && error > 0) || (demand < 0 && error < 0);
        if (!windingUp)
        {
            integralMgDl = candidate;
        }

        (previousTime, previousGlucose) = (timeMin, glucose);
        doses.Add((timeMin, (rate - s.BasalUPerH) * s.SampleTimeMin / 60));
        return rate;
    }
}
