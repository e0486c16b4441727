using ExoSim.Models;
using ExoSim.Models.Simulation;
using ExoSim.Models.T1dProgression;

namespace ExoSim.Trials.Endpoints;

/// <summary>
/// The sampled course of one long-horizon patient (fasting-level glucose, one sample per output interval, from the
/// model's start): what <see cref="CourseEndpoints"/> are computed from.
/// </summary>
/// <param name="TimesMin">Sample times from the model's start (min).</param>
/// <param name="GlucoseMgPerDl">Plasma (fasting-level) glucose.</param>
/// <param name="InsulinPmolPerL">Plasma insulin.</param>
/// <param name="BetaCellMassMg">β-cell mass.</param>
/// <param name="BetaCellFunctionFraction">β-cell function relative to the start (see <see cref="CourseEndpoints.BetaCellFunction"/>).</param>
/// <param name="Hba1cPercent">Lagged HbA1c (<see cref="ClinicalReadouts.LaggedHba1c"/>) at each sample.</param>
public sealed record CourseTrace(
    double[] TimesMin, double[] GlucoseMgPerDl, double[] InsulinPmolPerL, double[] BetaCellMassMg, double[] BetaCellFunctionFraction, double[] Hba1cPercent)
{
    /// <summary>The state of Ha, Satin &amp; Sherman's model that is β-cell function (σ, mU/(mg·d)).</summary>
    public const string SecretoryCapacityState = "sigma";

    /// <summary>The β-cell mass observable both long-horizon models have (mg).</summary>
    public const string BetaCellMassObservable = "beta_cell_mass_mg";

    /// <summary>The trace of a simulation of a long-horizon model.</summary>
    /// <exception cref="ArgumentException">The model has no β-cell mass or function output.</exception>
    public static CourseTrace From(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        double[] times = result.Column(Simulator.TimeColumn);
        double[] glucose = result.Column(Observable.GlucoseMgPerDl);
        double[] function;
        if (result.HasColumn(T1dProgressionModel.BetaCellFunctionFraction))
        {
            function = result.Column(T1dProgressionModel.BetaCellFunctionFraction);
        }
        else if (result.HasColumn(SecretoryCapacityState))
        {
            double[] sigma = result.Column(SecretoryCapacityState);
            function = sigma.Select(s => s / sigma[0]).ToArray();
        }
        else
        {
            throw new ArgumentException($"Model '{result.Model.Id}' has neither {T1dProgressionModel.BetaCellFunctionFraction} nor a '{SecretoryCapacityState}' state.", nameof(result));
        }

        return new CourseTrace(
            times, glucose, result.Column(Observable.InsulinPmolPerL), result.Column(BetaCellMassObservable), function, ClinicalReadouts.LaggedHba1c(times, glucose));
    }
}

/// <summary>
/// Endpoints of long-horizon trial cohorts (t1d-progression, t2d-progression), whose glucose is a fasting-level value
/// with no meals: values at a visit are the last sample at or before it; the mean and the insulin dose are over the
/// measurement window ending there. Endpoints that need meal-scale glucose (time in range, CV, hypoglycaemia, GMI) are
/// not defined for these models.
/// </summary>
public static class CourseEndpoints
{
    /// <summary>Fasting glucose: the model's glucose at the visit (mg/dL).</summary>
    public const string FastingGlucose = TrialEndpoints.FastingGlucose;

    /// <summary>Time-weighted mean of the model's glucose over the window (mg/dL).</summary>
    public const string MeanGlucose = TrialEndpoints.MeanGlucose;

    /// <summary>Lagged HbA1c at the visit: ADAG of the 30-day half-life weighted mean of glucose since the model's start (%).</summary>
    public const string Hba1c = TrialEndpoints.Hba1c;

    /// <summary>HOMA-IR of the glucose and insulin at the visit.</summary>
    public const string HomaIr = TrialEndpoints.HomaIr;

    /// <summary>HOMA-B (%) of the glucose and insulin at the visit.</summary>
    public const string HomaB = TrialEndpoints.HomaB;

    /// <summary>Exogenous insulin over the window (U/day).</summary>
    public const string InsulinDose = TrialEndpoints.InsulinDose;

    /// <summary>β-cell mass at the visit (mg).</summary>
    public const string BetaCellMass = "beta_cell_mass_mg";

    /// <summary>
    /// β-cell function at the visit relative to the patient's start (1): t1d-progression's residual function (active
    /// mass relative to the healthy start); t2d-progression's σ (secretory capacity per mass) over σ at the start.
    /// </summary>
    public const string BetaCellFunction = "beta_cell_function_fraction";

    /// <summary>Endpoints only long-horizon cohorts have.</summary>
    public static IReadOnlyList<string> LongHorizonOnly { get; } = [BetaCellMass, BetaCellFunction];

    private const double MinutesPerDay = 1440;

    /// <summary>The endpoints at <paramref name="visitMin"/> (time from the model's start), the window starting <paramref name="windowMin"/> before.</summary>
    /// <returns>One value per name.</returns>
    /// <exception cref="ArgumentException">A name that is not a long-horizon endpoint.</exception>
    public static double[] Compute(IReadOnlyList<string> names, CourseTrace trace, InsulinRecord insulin, double visitMin, double windowMin)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(insulin);
        int at = LastAtOrBefore(trace.TimesMin, visitMin);
        double start = Math.Max(0, visitMin - windowMin);
        int first = Math.Min(LastAtOrBefore(trace.TimesMin, start), at);
        var window = new Range(first, at + 1);
        double mean = at > first
            ? GlucoseSummary.From(trace.TimesMin.AsSpan(window), trace.GlucoseMgPerDl.AsSpan(window)).MeanMgPerDl
            : trace.GlucoseMgPerDl[at];
        double glucose = trace.GlucoseMgPerDl[at], insulinPmol = trace.InsulinPmolPerL[at];
        double days = (visitMin - start) / MinutesPerDay;
        var values = new double[names.Count];
        for (int k = 0; k < names.Count; k++)
        {
            values[k] = names[k] switch
            {
                FastingGlucose => glucose,
                MeanGlucose => mean,
                Hba1c => trace.Hba1cPercent[at],
                HomaIr => ClinicalReadouts.HomaIr(glucose, insulinPmol),
                HomaB => ClinicalReadouts.HomaB(glucose, insulinPmol),
                InsulinDose => days > 0 ? insulin.TotalUnits(start, visitMin) / days : double.NaN,
                BetaCellMass => trace.BetaCellMassMg[at],
                BetaCellFunction => trace.BetaCellFunctionFraction[at],
                _ => throw new ArgumentException($"'{names[k]}' is not an endpoint of long-horizon cohorts.", nameof(names)),
            };
        }

        return values;
    }

    /// <summary>Index of the last sample at or before <paramref name="timeMin"/> (the first sample if none is).</summary>
    private static int LastAtOrBefore(double[] times, double timeMin)
    {
        int index = Array.BinarySearch(times, timeMin + 1e-6);
        index = index >= 0 ? index : ~index - 1;
        return Math.Max(index, 0);
    }
}
