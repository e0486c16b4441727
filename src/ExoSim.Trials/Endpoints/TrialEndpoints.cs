using ExoSim.Models.Simulation;

namespace ExoSim.Trials.Endpoints;

/// <summary>The doses given in a measurement window, from a patient's interventions.</summary>
/// <param name="Interventions">Every intervention of the run.</param>
/// <param name="DefaultBasalUPerH">The basal rate that holds before the first basal event (U/h).</param>
public sealed record InsulinRecord(IReadOnlyList<Intervention> Interventions, double DefaultBasalUPerH)
{
    /// <summary>Insulin given in [<paramref name="startMin"/>, <paramref name="endMin"/>) (U): boluses plus the basal rate integrated.</summary>
    public double TotalUnits(double startMin, double endMin)
    {
        double units = 0;
        double rate = DefaultBasalUPerH;
        double from = startMin;
        foreach (var intervention in Interventions.Where(i => i is InsulinBasal or InsulinBolus).OrderBy(i => i.TimeMin))
        {
            if (intervention is InsulinBolus bolus)
            {
                units += bolus.TimeMin >= startMin && bolus.TimeMin < endMin ? bolus.DoseU : 0;
                continue;
            }

            double t = Math.Clamp(intervention.TimeMin, startMin, endMin);
            units += rate * Math.Max(t - from, 0) / 60;
            from = Math.Max(from, t);
            rate = ((InsulinBasal)intervention).RateUPerH;
        }

        return units + (rate * Math.Max(endMin - from, 0) / 60);
    }
}

/// <summary>
/// The per-patient endpoints of a trial, each computed over a measurement window (the days before a visit):
/// glucose statistics (<see cref="GlucoseSummary"/>: consensus target range 70–180 mg/dL, Battelino et al. 2019,
/// doi:10.2337/dci19-0028), HbA1c by ADAG and GMI from the window's mean glucose (<see cref="ClinicalReadouts"/>),
/// fasting glucose, glycaemic variability (CV), level-1 hypoglycaemia events, insulin dose and HOMA.
/// </summary>
public static class TrialEndpoints
{
    /// <summary>Mean glucose (mg/dL), time-weighted.</summary>
    public const string MeanGlucose = "mean_glucose_mg_dl";

    /// <summary>HbA1c (%) by ADAG from the window's mean glucose.</summary>
    public const string Hba1c = "hba1c_percent";

    /// <summary>GMI (%) from the window's mean glucose.</summary>
    public const string Gmi = "gmi_percent";

    /// <summary>Mean of the samples at the fasting time of day (mg/dL).</summary>
    public const string FastingGlucose = "fasting_glucose_mg_dl";

    /// <summary>Time in range 70–180 mg/dL (%).</summary>
    public const string TimeInRange = "tir_percent";

    /// <summary>Time below 70 mg/dL (%).</summary>
    public const string TimeBelowRange = "tbr_percent";

    /// <summary>Time above 180 mg/dL (%).</summary>
    public const string TimeAboveRange = "tar_percent";

    /// <summary>Coefficient of variation of glucose (%).</summary>
    public const string Cv = "cv_percent";

    /// <summary>Level-1 hypoglycaemia events per week.</summary>
    public const string HypoEvents = "hypo_events_per_week";

    /// <summary>Insulin dose (U/day).</summary>
    public const string InsulinDose = "insulin_u_per_day";

    /// <summary>HOMA-IR from fasting glucose and insulin.</summary>
    public const string HomaIr = "homa_ir";

    /// <summary>HOMA-B (%) from fasting glucose and insulin.</summary>
    public const string HomaB = "homa_b_percent";

    /// <summary>Every endpoint, in the documented order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [MeanGlucose, Hba1c, Gmi, FastingGlucose, TimeInRange, TimeBelowRange, TimeAboveRange, Cv, HypoEvents, InsulinDose, HomaIr, HomaB];

    /// <summary>Glucose below which a sample counts towards a level-1 hypoglycaemia event (mg/dL; Battelino et al. 2019).</summary>
    public const double HypoThresholdMgPerDl = 70;

    /// <summary>Shortest run below <see cref="HypoThresholdMgPerDl"/> that is an event (min; Battelino et al. 2019: ≥ 15 consecutive minutes).</summary>
    public const double HypoMinimumDurationMin = 15;

    private const double MinutesPerDay = 1440;

    /// <summary>The endpoints over the window [<paramref name="startMin"/>, <paramref name="endMin"/>].</summary>
    /// <param name="names">Endpoints to compute (from <see cref="Names"/>).</param>
    /// <param name="timesMin">Sample times, equally spaced.</param>
    /// <param name="glucoseMgPerDl">Glucose at those times (plasma, or CGM readings).</param>
    /// <param name="insulinPmolPerL">Plasma insulin at those times, or null; HOMA is NaN without it.</param>
    /// <param name="insulin">Doses given, for the insulin endpoint.</param>
    /// <param name="startMin">Window start.</param>
    /// <param name="endMin">Window end.</param>
    /// <param name="fastingTimeOfDayMin">Time of day of the fasting sample (min after midnight).</param>
    /// <returns>One value per name; NaN where not defined (e.g. no fasting sample in the window).</returns>
    public static double[] Compute(
        IReadOnlyList<string> names, ReadOnlySpan<double> timesMin, ReadOnlySpan<double> glucoseMgPerDl, ReadOnlySpan<double> insulinPmolPerL,
        InsulinRecord insulin, double startMin, double endMin, double fastingTimeOfDayMin)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(insulin);
        int first = LowerBound(timesMin, startMin - 1e-9);
        int last = LowerBound(timesMin, endMin + 1e-9);
        var times = timesMin[first..last];
        var glucose = glucoseMgPerDl[first..last];
        var summary = GlucoseSummary.From(times, glucose);
        double step = times.Length > 1 ? times[1] - times[0] : 0;

        double fastingGlucose = 0, fastingInsulin = 0;
        int fastingSamples = 0;
        for (int i = 0; i < times.Length; i++)
        {
            double timeOfDay = times[i] - (Math.Floor(times[i] / MinutesPerDay) * MinutesPerDay);
            if (Math.Abs(timeOfDay - fastingTimeOfDayMin) < (step / 2) + 1e-9)
            {
                fastingGlucose += glucose[i];
                fastingInsulin += insulinPmolPerL.IsEmpty ? double.NaN : insulinPmolPerL[first + i];
                fastingSamples++;
            }
        }

        fastingGlucose = fastingSamples > 0 ? fastingGlucose / fastingSamples : double.NaN;
        fastingInsulin = fastingSamples > 0 ? fastingInsulin / fastingSamples : double.NaN;
        double days = (endMin - startMin) / MinutesPerDay;

        var values = new double[names.Count];
        for (int k = 0; k < names.Count; k++)
        {
            values[k] = names[k] switch
            {
                MeanGlucose => summary.MeanMgPerDl,
                Hba1c => ClinicalReadouts.Hba1cFromMeanGlucose(summary.MeanMgPerDl),
                Gmi => ClinicalReadouts.GlucoseManagementIndicator(summary.MeanMgPerDl),
                FastingGlucose => fastingGlucose,
                TimeInRange => summary.InRangePercent,
                TimeBelowRange => summary.BelowRangePercent,
                TimeAboveRange => summary.AboveRangePercent,
                Cv => CoefficientOfVariationPercent(glucose),
                HypoEvents => HypoglycaemiaEvents(glucose, step) * 7 / days,
                InsulinDose => insulin.TotalUnits(startMin, endMin) / days,
                HomaIr => ClinicalReadouts.HomaIr(fastingGlucose, fastingInsulin),
                HomaB => ClinicalReadouts.HomaB(fastingGlucose, fastingInsulin),
                _ => throw new ArgumentException($"Unknown endpoint '{names[k]}'.", nameof(names)),
            };
        }

        return values;
    }

    /// <summary>Sample standard deviation over the mean of the samples (%).</summary>
    public static double CoefficientOfVariationPercent(ReadOnlySpan<double> glucose)
    {
        if (glucose.Length < 2)
        {
            return double.NaN;
        }

        double mean = 0;
        foreach (double g in glucose)
        {
            mean += g;
        }

        mean /= glucose.Length;
        double squares = 0;
        foreach (double g in glucose)
        {
            squares += (g - mean) * (g - mean);
        }

        return 100 * Math.Sqrt(squares / (glucose.Length - 1)) / mean;
    }

    /// <summary>
    /// Level-1 hypoglycaemia events: runs of consecutive samples below 70 mg/dL lasting at least 15 min (a run of k
    /// samples spaced <paramref name="stepMin"/> apart counts as k·step minutes). Simplification of the consensus
    /// definition (Battelino et al. 2019): an event ends at the first sample at or above 70 mg/dL, not after 15 min there.
    /// </summary>
    public static int HypoglycaemiaEvents(ReadOnlySpan<double> glucose, double stepMin)
    {
        int events = 0, run = 0;
        foreach (double g in glucose)
        {
            run = g < HypoThresholdMgPerDl ? run + 1 : 0;
            if (run > 0 && run * stepMin >= HypoMinimumDurationMin - 1e-9 && (run - 1) * stepMin < HypoMinimumDurationMin - 1e-9)
            {
                events++;
            }
        }

        return events;
    }

    private static int LowerBound(ReadOnlySpan<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
