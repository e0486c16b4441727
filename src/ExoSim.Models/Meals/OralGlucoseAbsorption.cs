using ExoSim.Models.Simulation;

namespace ExoSim.Models.Meals;

/// <summary>
/// Rate constants of the gastro-intestinal tract at one instant, read from the (possibly modulated) parameter
/// array at every evaluation.
/// </summary>
/// <param name="Kgri">Rate of grinding, Qsto1 → Qsto2 (1/min). simglucose sets it to kmax.</param>
/// <param name="Kmax">Maximum rate of gastric emptying (1/min).</param>
/// <param name="Kmin">Minimum rate of gastric emptying (1/min).</param>
/// <param name="Kabs">Rate of intestinal absorption (1/min).</param>
/// <param name="B">Fraction of the meal size at which kempt has fallen to (kmax + kmin)/2 (dimensionless).</param>
/// <param name="D">Fraction of the meal size at which kempt is back at (kmax + kmin)/2 (dimensionless).</param>
/// <param name="F">Fraction of intestinal absorption that appears in plasma (dimensionless).</param>
public readonly record struct GutParameters(double Kgri, double Kmax, double Kmin, double Kabs, double B, double D, double F);

/// <summary>
/// Oral glucose absorption: the three-compartment stomach/gut model with nonlinear gastric emptying of
/// Dalla Man, Rizza &amp; Cobelli 2007 (IEEE TBME 54:1740, doi:10.1109/TBME.2007.893506, GI-tract equations) as used by
/// the UVA/Padova T1D simulator (Kovatchev et al. 2009, doi:10.1177/193229680900300106) and its open
/// implementation simglucose (github.com/jxx123/simglucose, simglucose/patient/t1dpatient.py). One instance per
/// simulation: it remembers the current meal size D̄ that shapes kempt.
/// </summary>
/// <remarks>
/// <para>Equations (Qsto = Qsto1 + Qsto2, all masses in mg, carbohydrate input c(t) in mg/min):
/// dQsto1/dt = −kgri·Qsto1 + c(t); dQsto2/dt = kgri·Qsto1 − kempt·Qsto2; dQgut/dt = kempt·Qsto2 − kabs·Qgut;
/// appearance f·kabs·Qgut (mg/min; divide by BW for Ra in mg/kg/min);
/// kempt = kmin + (kmax − kmin)/2·{tanh[α(Qsto − b·D̄)] − tanh[β(Qsto − d·D̄)] + 2}, α = 5/(2·D̄·(1 − b)),
/// β = 5/(2·D̄·d); kempt = kmax while D̄ = 0.</para>
/// <para>The meal size D̄ (the paper's D, the dose of the last meal) follows simglucose: at the start of an eating
/// episode D̄ is set to the glucose still in the stomach (Qsto at that instant) and it then grows by the
/// carbohydrate eaten, updated every <see cref="MealSizeUpdateIntervalMin"/> minute to the amount eaten by the
/// end of that minute (simglucose updates it at each 1-min patient step, before integrating the step). After the
/// episode D̄ keeps its last value until the next episode starts. An eating episode is a maximal time interval
/// in which some meal is being eaten: overlapping or back-to-back meals form one episode, their carbohydrate rates
/// add, and everything eaten in the episode counts towards D̄ (simglucose queues overlapping meals, which likewise
/// continues one episode). D̄ changes only at scheduled events, so the solver restarts at every change.</para>
/// <para>simglucose's unit fix for D̄ (issue jxx123/simglucose#41: Qsto in mg plus food eaten in g, corrected to
/// mg) is the form used here: D̄ is in mg throughout.</para>
/// </remarks>
public sealed class OralGlucoseAbsorption
{
    /// <summary>Number of states (Qsto1, Qsto2, Qgut), stored consecutively.</summary>
    public const int StateCount = 3;

    /// <summary>Eating rate of a meal given without a duration: simglucose's <c>EAT_RATE</c> (g/min).</summary>
    public const double DefaultEatingRateGPerMin = 5;

    /// <summary>How often D̄ is updated while eating: simglucose's patient sample time (min).</summary>
    public const double MealSizeUpdateIntervalMin = 1;

    private const double MgPerG = 1000;

    // Half-width factor of the tanh transitions in kempt (DM2007: a' = 5/(2D(1−b)), b' = 5/(2Dd)).
    private const double TransitionSharpness = 2.5;

    private readonly int q1;
    private readonly List<EatingSegment> segments = [];
    private EatingSegment[] sorted = [];
    private bool sortedIsCurrent = true;
    private double mealSizeMg = double.NaN;
    private double episodeStart = double.NaN;
    private double episodeBaseMg;

    /// <summary>Creates the component for a system whose Qsto1, Qsto2, Qgut sit at <paramref name="firstStateIndex"/>…+2.</summary>
    public OralGlucoseAbsorption(int firstStateIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstStateIndex);
        q1 = firstStateIndex;
    }

    /// <summary>The three states, named as in Dalla Man et al. 2007 and simglucose.</summary>
    public static IReadOnlyList<StateVariable> States { get; } =
    [
        new("Qsto1", "mg", "Glucose (carbohydrate) in the stomach, solid phase"),
        new("Qsto2", "mg", "Glucose in the stomach, liquid (triturated) phase"),
        new("Qgut", "mg", "Glucose in the intestine"),
    ];

    /// <summary>The meal size D̄ (mg) currently shaping kempt; NaN before the first evaluation.</summary>
    public double MealSizeMg => mealSizeMg;

    /// <summary>
    /// The rate of gastric emptying kempt (1/min) for the glucose in the stomach <paramref name="qstoMg"/> and the meal size
    /// <paramref name="mealSizeMg"/> (DM2007 eq. for kempt; kmax when no meal has been eaten).
    /// </summary>
    public static double GastricEmptyingRate(double qstoMg, double mealSizeMg, in GutParameters p)
    {
        if (!(mealSizeMg > 0))
        {
            return p.Kmax;
        }

        double alpha = TransitionSharpness / (mealSizeMg * (1 - p.B));
        double beta = TransitionSharpness / (mealSizeMg * p.D);

        // (tanh a − tanh b + 2)/2 = σ(2a) + σ(−2b) with σ(u) = 1/(1 + e^(−u)), since tanh x + 1 = 2σ(2x): two exp
        // instead of two tanh (glibc's tanh goes through the slower expm1), and a sum of two positive terms.
        double a = alpha * (qstoMg - (p.B * mealSizeMg));
        double b = beta * (qstoMg - (p.D * mealSizeMg));
        return p.Kmin + ((p.Kmax - p.Kmin) * ((1 / (1 + Math.Exp(-2 * a))) + (1 / (1 + Math.Exp(2 * b)))));
    }

    /// <summary>
    /// Writes dQsto1/dt, dQsto2/dt, dQgut/dt and returns the glucose appearing in plasma, f·kabs·Qgut (mg/min).
    /// </summary>
    /// <param name="y">The whole state vector.</param>
    /// <param name="dydt">The whole derivative vector.</param>
    /// <param name="carbRateMgPerMin">Carbohydrate eaten per minute (mg/min).</param>
    /// <param name="p">Current rate constants.</param>
    public double Evaluate(ReadOnlySpan<double> y, Span<double> dydt, double carbRateMgPerMin, in GutParameters p)
    {
        double qsto1 = y[q1];
        double qsto2 = y[q1 + 1];
        double qgut = y[q1 + 2];
        if (double.IsNaN(mealSizeMg))
        {
            // Before any meal event: simglucose starts with D̄ = Qsto of the initial state (0 in the basal state).
            mealSizeMg = qsto1 + qsto2;
        }

        double kempt = GastricEmptyingRate(qsto1 + qsto2, mealSizeMg, p);
        dydt[q1] = (-p.Kgri * qsto1) + carbRateMgPerMin;
        dydt[q1 + 1] = (p.Kgri * qsto1) - (kempt * qsto2);
        dydt[q1 + 2] = (kempt * qsto2) - (p.Kabs * qgut);
        return p.F * p.Kabs * qgut;
    }

    /// <summary>
    /// How a meal is eaten: constant-rate pieces (start, end, rate in mg/min). A meal with a duration is eaten at
    /// carbs/duration; a duration of 0 means simglucose's convention of <see cref="DefaultEatingRateGPerMin"/> g/min in
    /// whole minutes, the remainder (carbs mod 5 g) during one further minute.
    /// </summary>
    /// <exception cref="ArgumentException">Negative or non-finite carbohydrate or duration.</exception>
    public static IReadOnlyList<EatingSegment> EatingSegments(MealIntake meal)
    {
        ArgumentNullException.ThrowIfNull(meal);
        if (!double.IsFinite(meal.CarbsG) || meal.CarbsG < 0)
        {
            throw new ArgumentException($"A meal needs a finite, non-negative amount of carbohydrate; got {meal.CarbsG} g.");
        }

        if (!double.IsFinite(meal.DurationMin) || meal.DurationMin < 0)
        {
            throw new ArgumentException($"A meal duration must be finite and ≥ 0 min; got {meal.DurationMin} min.");
        }

        if (meal.CarbsG == 0)
        {
            return [];
        }

        double t0 = meal.TimeMin;
        if (meal.DurationMin > 0)
        {
            return [new EatingSegment(t0, t0 + meal.DurationMin, meal.CarbsG * MgPerG / meal.DurationMin)];
        }

        double fullMinutes = Math.Floor(meal.CarbsG / DefaultEatingRateGPerMin);
        double remainderG = meal.CarbsG - (fullMinutes * DefaultEatingRateGPerMin);
        var result = new List<EatingSegment>(2);
        if (fullMinutes > 0)
        {
            result.Add(new EatingSegment(t0, t0 + fullMinutes, DefaultEatingRateGPerMin * MgPerG));
        }

        if (remainderG > 1e-12)
        {
            result.Add(new EatingSegment(t0 + fullMinutes, t0 + fullMinutes + 1, remainderG * MgPerG));
        }

        return result;
    }

    /// <summary>
    /// Schedules a meal: carbohydrate-rate changes on input channel <paramref name="carbChannel"/> (mg/min) at the
    /// start and end of each eating piece, and D̄ updates at the meal start and every minute while eating.
    /// </summary>
    public void ScheduleMeal(MealIntake meal, InterventionSchedule schedule, int carbChannel)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var pieces = EatingSegments(meal);
        if (pieces.Count == 0)
        {
            return;
        }

        foreach (var piece in pieces)
        {
            segments.Add(piece);
            schedule.AddRateChange(piece.StartMin, carbChannel, piece.RateMgPerMin, "meal");
            schedule.AddRateChange(piece.EndMin, carbChannel, -piece.RateMgPerMin, "meal end");
        }

        sortedIsCurrent = false;
        double end = pieces[^1].EndMin;
        for (int k = 0; meal.TimeMin + (k * MealSizeUpdateIntervalMin) < end; k++)
        {
            schedule.AddAction(meal.TimeMin + (k * MealSizeUpdateIntervalMin), UpdateMealSize, "meal size update");
        }
    }

    /// <summary>
    /// Schedules a meal as DM2007's impulse D·δ(t − t0) into Qsto1 (the paper's meal input): the whole carbohydrate
    /// enters the stomach at <see cref="Intervention.TimeMin"/>, and the meal size becomes D̄ = Qsto(t0⁻) + D, i.e. the
    /// episode rule of the class remarks for an episode of zero length (D̄ = D from an empty stomach, as in DM2007).
    /// A later per-minute update of an eating episode with a duration that overlaps the impulse recomputes D̄ from
    /// that episode alone.
    /// </summary>
    /// <exception cref="ArgumentException">Negative or non-finite carbohydrate.</exception>
    public void ScheduleImpulse(MealIntake meal, InterventionSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(meal);
        ArgumentNullException.ThrowIfNull(schedule);
        if (!double.IsFinite(meal.CarbsG) || meal.CarbsG < 0)
        {
            throw new ArgumentException($"A meal needs a finite, non-negative amount of carbohydrate; got {meal.CarbsG} g.");
        }

        double doseMg = meal.CarbsG * MgPerG;
        if (doseMg == 0)
        {
            return;
        }

        schedule.AddAction(meal.TimeMin, (_, y) =>
        {
            mealSizeMg = y[q1] + y[q1 + 1] + doseMg;
            y[q1] += doseMg;
        }, "meal (impulse)");
    }

    /// <summary>D̄ update (an event action): see the class remarks.</summary>
    private void UpdateMealSize(double t, Span<double> y)
    {
        var (start, end) = EpisodeContaining(t);
        if (start != episodeStart)
        {
            episodeStart = start;
            episodeBaseMg = y[q1] + y[q1 + 1];
        }

        mealSizeMg = episodeBaseMg + EatenMg(start, Math.Min(t + MealSizeUpdateIntervalMin, end));
    }

    /// <summary>The eating episode (union of touching or overlapping eating pieces) that contains t.</summary>
    private (double Start, double End) EpisodeContaining(double t)
    {
        if (!sortedIsCurrent)
        {
            sorted = [.. segments.OrderBy(s => s.StartMin)];
            sortedIsCurrent = true;
        }

        double start = double.NaN;
        double end = double.NegativeInfinity;
        foreach (var s in sorted)
        {
            if (s.StartMin > end)
            {
                if (start <= t && t < end)
                {
                    return (start, end);
                }

                start = s.StartMin;
            }

            end = Math.Max(end, s.EndMin);
        }

        return start <= t && t < end ? (start, end) : (t, t);
    }

    private double EatenMg(double fromMin, double toMin)
    {
        double total = 0;
        foreach (var s in sorted)
        {
            double overlap = Math.Min(s.EndMin, toMin) - Math.Max(s.StartMin, fromMin);
            if (overlap > 0)
            {
                total += s.RateMgPerMin * overlap;
            }
        }

        return total;
    }
}

/// <summary>A piece of a meal eaten at a constant rate.</summary>
/// <param name="StartMin">Start (min).</param>
/// <param name="EndMin">End (min).</param>
/// <param name="RateMgPerMin">Carbohydrate eaten per minute (mg/min).</param>
public readonly record struct EatingSegment(double StartMin, double EndMin, double RateMgPerMin);
