using ExoSim.Models.Parameters;
using ExoSim.Models.Sensors;
using ExoSim.Models.Simulation;

namespace ExoSim.Therapies.Insulin;

/// <summary>
/// A per-patient insulin regimen, turned into doses for one subject and its meals (docs/therapies/insulin.md):
/// <list type="bullet">
/// <item><c>basal-bolus</c>: basal at the subject's steady-state rate u2ss·BW/6000 U/min and a bolus of carbs/CR at
/// each meal's start, plus (G − target)/CF when <see cref="Correction"/> is set and the glucose seen exceeds the
/// threshold (simglucose's BBController);</item>
/// <item><c>pump</c>: the same boluses over a <see cref="Profile"/> of time-of-day basal rates;</item>
/// <item><c>closed-loop</c>: a <see cref="PidController"/> setting the basal rate every sample time, with meal
/// boluses carbs/CR when <see cref="MealBolus"/> is set (hybrid closed loop);</item>
/// <item><c>basal-only</c> and <c>none</c>.</item>
/// </list>
/// CR, CF and TDI are the subject's own (parameters <c>CR</c>, <c>CF</c>, <c>TDI</c>) unless given.
/// </summary>
public sealed record InsulinPlan
{
    /// <summary>The regimen names.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["basal-bolus", "pump", "closed-loop", "basal-only", "none"];

    private const double PmolPerUnit = 6000;
    private const double MinutesPerHour = 60;

    /// <summary>One of <see cref="Kinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Multiplier of the basal rate (or profile).</summary>
    public double BasalScale { get; init; } = 1;

    /// <summary>Multiplier of the carbohydrate part of meal boluses.</summary>
    public double BolusScale { get; init; } = 1;

    /// <summary>Whether meal boluses add the glucose correction (basal-bolus and pump).</summary>
    public bool Correction { get; init; }

    /// <summary>Whether a closed loop gives meal boluses (hybrid closed loop); default true.</summary>
    public bool MealBolus { get; init; } = true;

    /// <summary>The pump's basal profile (required for <c>pump</c>).</summary>
    public BasalProfile? Profile { get; init; }

    /// <summary>Carbohydrate ratio (g/U), or null for the subject's CR.</summary>
    public double? CarbRatioGPerU { get; init; }

    /// <summary>Correction factor (mg/dL per U), or null for the subject's CF.</summary>
    public double? CorrectionFactorMgDlPerU { get; init; }

    /// <summary>Glucose target (mg/dL) of the correction or of the closed loop, or null for the default of <see cref="Settings"/>.</summary>
    public double? TargetMgDl { get; init; }

    /// <summary>The regimen and controller settings.</summary>
    public ParameterSet Settings { get; init; } = InsulinParameters.Default;

    /// <summary>The subject's steady-state basal rate (U/h): u2ss·BW/6000·60, or 0 for a model without exogenous insulin.</summary>
    public static double SubjectBasalUPerH(ParameterSet subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject.Schema.IndexOf("u2ss") < 0 ? 0 : subject["u2ss"] * subject["BW"] / PmolPerUnit * MinutesPerHour;
    }

    /// <summary>
    /// The doses for [<paramref name="fromMin"/>, <paramref name="toMin"/>): planned events and, when the regimen reads
    /// glucose (correction, closed loop), an <see cref="InsulinFeedback"/> that reads <paramref name="sensor"/> (or
    /// plasma glucose when null) and records what it delivers in <paramref name="log"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A pump without a profile, or a subject without the CR/CF/TDI the regimen needs.</exception>
    public List<Intervention> Interventions(ParameterSet subject, IReadOnlyList<MealIntake> meals, double fromMin, double toMin, CgmReader? sensor = null, InsulinDeliveryLog? log = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(meals);
        var doses = new List<Intervention>();
        if (Kind == "none" && subject.Schema.IndexOf("u2ss") < 0)
        {
            return doses; // a model without exogenous insulin
        }

        double basal = Kind == "none" ? 0 : BasalScale * SubjectBasalUPerH(subject);
        switch (Kind)
        {
            case "pump":
                var profile = Profile ?? throw new ArgumentException("A pump regimen needs a basal profile.");
                doses.AddRange(profile.Events(fromMin, toMin, BasalScale));
                break;
            case "closed-loop":
                doses.Add(new InsulinBasal(fromMin, basal));
                var settings = Pid(subject, basal);
                var bolus = MealBolus ? Calculator(subject, correct: false) : null;
                doses.Add(new InsulinFeedback(fromMin, toMin, () => new PidController(settings, bolus, meals, fromMin, toMin), sensor) { Log = log });
                return doses;
            default:
                doses.Add(new InsulinBasal(fromMin, basal));
                break;
        }

        if (Kind is "basal-bolus" or "pump")
        {
            var calculator = Calculator(subject, Correction);
            if (Correction)
            {
                doses.Add(new InsulinFeedback(fromMin, toMin, () => new MealBolusController(calculator, meals, fromMin, toMin), sensor) { Log = log });
            }
            else
            {
                doses.AddRange(meals.Where(m => m.TimeMin >= fromMin && m.TimeMin < toMin)
                    .Select(m => new InsulinBolus(m.TimeMin, calculator.Bolus(m.CarbsG, 0))));
            }
        }

        return doses;
    }

    /// <summary>The PID settings for a subject: Kp = (TDI/24 h)/reference excess, the limits from its basal rate and TDI.</summary>
    public PidSettings Pid(ParameterSet subject, double basalUPerH)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var p = Settings;
        double tdi = Covariate(subject, "TDI", "total daily insulin");
        return new PidSettings(
            TargetMgDl ?? p[InsulinParameters.PidTarget],
            tdi / 24 / p[InsulinParameters.PidReferenceExcess],
            p[InsulinParameters.PidIntegralTime],
            p[InsulinParameters.PidDerivativeTime],
            p[InsulinParameters.PidSampleTime],
            basalUPerH,
            p[InsulinParameters.MaxBasalMultiple] * basalUPerH,
            p[InsulinParameters.MaxIobFraction] * tdi,
            new InsulinActionCurve(p[InsulinParameters.ActionDuration], p[InsulinParameters.ActionPeak]));
    }

    private BolusCalculator Calculator(ParameterSet subject, bool correct)
        => new(
            CarbRatioGPerU ?? Covariate(subject, "CR", "carbohydrate ratio"),
            CorrectionFactorMgDlPerU ?? (correct ? Covariate(subject, "CF", "correction factor") : 1),
            TargetMgDl ?? Settings[InsulinParameters.CorrectionTarget],
            Settings[InsulinParameters.CorrectionThreshold],
            correct,
            BolusScale);

    private static double Covariate(ParameterSet subject, string name, string what)
        => subject.Schema.IndexOf(name) >= 0 && subject[name] > 0
            ? subject[name]
            : throw new ArgumentException($"Subject '{subject.Name}' has no {what} ({name}); give it in the regimen.");
}
