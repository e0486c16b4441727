using ExoSim.Models.Parameters;

namespace ExoSim.Therapies.Insulin;

/// <summary>
/// The insulin regimens' and the closed-loop controller's settings, each with unit, value and source or assumption
/// (what <c>exosim params insulin</c> shows). Per-subject carbohydrate ratio (CR), correction factor (CF) and total
/// daily insulin (TDI) are not here: they are the UVA/Padova subjects' covariates from simglucose's Quest.csv
/// (<c>exosim params uva-padova-t1d --patient adult#001</c>). See docs/therapies/insulin.md.
/// </summary>
public static class InsulinParameters
{
    /// <summary>The therapy's id (in <c>exosim params</c>).</summary>
    public const string TherapyId = "insulin";

#pragma warning disable CS1591 // Parameter names; each is documented in Schema.
    public const string CorrectionTarget = "correction_target_mg_dl";
    public const string CorrectionThreshold = "correction_threshold_mg_dl";
    public const string ActionDuration = "insulin_action_duration_min";
    public const string ActionPeak = "insulin_action_peak_min";
    public const string PidTarget = "pid_target_mg_dl";
    public const string PidReferenceExcess = "pid_reference_excess_mg_dl";
    public const string PidIntegralTime = "pid_integral_time_min";
    public const string PidDerivativeTime = "pid_derivative_time_min";
    public const string PidSampleTime = "pid_sample_time_min";
    public const string MaxBasalMultiple = "max_basal_multiple";
    public const string MaxIobFraction = "max_iob_fraction_of_tdi";
#pragma warning restore CS1591

    private const string Simglucose =
        "simglucose BBController (github.com/jxx123/simglucose, simglucose/controller/basal_bolus_ctrller.py): bolus = carbs/CR + (G > 150)·(G − 140)/CF with G the CGM reading";

    private const string TunedAssumption =
        "assumption: chosen once, not fitted, and checked on the 30 UVA/Padova subjects over one day of standard meals (docs/therapies/insulin.md); not a published value";

    /// <summary>The parameter definitions.</summary>
    public static ParameterSchema Schema { get; } = new(
    [
        new ParameterDefinition(CorrectionTarget, "mg/dL", "Glucose a correction bolus aims at: (G − target)/CF is added to the meal bolus"),
        new ParameterDefinition(CorrectionThreshold, "mg/dL", "A correction bolus is added only when the glucose seen exceeds this"),
        new ParameterDefinition(ActionDuration, "min", "Duration of insulin action (the insulin-on-board curve reaches 0)") { PlausibleMinimum = 180, PlausibleMaximum = 480, RangeSource = "rapid-acting analogues: 3–8 h settings in pump practice (assumption)" },
        new ParameterDefinition(ActionPeak, "min", "Time of peak insulin activity of the insulin-on-board curve") { PlausibleMinimum = 45, PlausibleMaximum = 100, RangeSource = "assumption: rapid-acting analogues" },
        new ParameterDefinition(PidTarget, "mg/dL", "Glucose the PID controller regulates to"),
        new ParameterDefinition(PidReferenceExcess, "mg/dL", "Proportional gain as a glucose excess: Kp = (TDI/24 h)/this, so glucose this far above target adds the mean hourly insulin"),
        new ParameterDefinition(PidIntegralTime, "min", "Integral time TI of the PID (I = Kp/TI·∫(G − target)dt)"),
        new ParameterDefinition(PidDerivativeTime, "min", "Derivative time TD of the PID (D = Kp·TD·dG/dt)"),
        new ParameterDefinition(PidSampleTime, "min", "Control interval: the controller reads glucose and sets the basal rate this often"),
        new ParameterDefinition(MaxBasalMultiple, "1", "Highest basal rate the controller may set, as a multiple of the subject's basal rate"),
        new ParameterDefinition(MaxIobFraction, "1", "Insulin-on-board limit as a fraction of TDI: above it the controller adds no insulin beyond the basal rate") { PlausibleMinimum = 0, PlausibleMaximum = 1, RangeSource = "assumption" },
    ]);

    /// <summary>The default settings.</summary>
    public static ParameterSet Default { get; } = ParameterSet.Create("insulin-default", Schema)
        .Set(CorrectionTarget, 140, ParameterOrigin.Literature, Simglucose)
        .Set(CorrectionThreshold, 150, ParameterOrigin.Literature, Simglucose)
        .Set(ActionDuration, 360, ParameterOrigin.Assumption,
            "assumption: a common 6 h setting for rapid-acting insulin in the exponential insulin-on-board curve (Maksimovic 2017, LoopKit/Loop issue 388)")
        .Set(ActionPeak, 75, ParameterOrigin.Assumption, "assumption: peak activity of a rapid-acting analogue at 75 min")
        .Set(PidTarget, 120, ParameterOrigin.Literature,
            "Steil et al. 2006, Diabetes 55:3344 (doi:10.2337/db06-0419), abstract: closed-loop target 120 mg/dL")
        .Set(PidReferenceExcess, 60, ParameterOrigin.Assumption,
            "assumption: gain proportional to the daily insulin requirement as in Steil et al. 2006 and Panteleon et al. 2006 (Diabetes 55:1995); the constant is " + TunedAssumption)
        .Set(PidIntegralTime, 450, ParameterOrigin.Assumption, TunedAssumption)
        .Set(PidDerivativeTime, 60, ParameterOrigin.Assumption, TunedAssumption)
        .Set(PidSampleTime, 5, ParameterOrigin.Assumption, "assumption: one decision per CGM reading (Dexcom-type sensors read every 5 min)")
        .Set(MaxBasalMultiple, 4, ParameterOrigin.Assumption, "assumption: pump safety limit of 4× the basal rate")
        .Set(MaxIobFraction, 0.1, ParameterOrigin.Assumption, "assumption: net insulin on board kept below 10 % of the daily insulin")
        .Build();
}
