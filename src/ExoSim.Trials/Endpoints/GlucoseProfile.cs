namespace ExoSim.Trials.Endpoints;

/// <summary>
/// Glucose by time of day as a two-dimensional histogram — the data of an ambulatory glucose profile (AGP; the
/// international consensus report, Battelino et al. 2019, Diabetes Care 42:1593, doi:10.2337/dci19-0028: median,
/// 25–75 % and 5–95 % of glucose by time of day). Samples are counted in <see cref="TimeBins"/> bins of
/// <see cref="TimeBinMin"/> min and <see cref="GlucoseBins"/> bins of <see cref="GlucoseBinMgPerDl"/> mg/dL; glucose
/// at or above the top edge falls in the last bin. Whole-number counts add up in any order, so a profile summed over
/// patients, chunks, resumed runs or shards is exactly the same (memory: one histogram per arm, whatever the number of
/// patients). Percentiles are read from the histogram with linear interpolation inside a bin, so they are exact to
/// within one glucose bin.
/// </summary>
public sealed class GlucoseProfile
{
    /// <summary>Width of a time-of-day bin (min).</summary>
    public const double TimeBinMin = 15;

    /// <summary>Number of time-of-day bins (one day).</summary>
    public const int TimeBins = 96;

    /// <summary>Width of a glucose bin (mg/dL).</summary>
    public const double GlucoseBinMgPerDl = 2;

    /// <summary>Number of glucose bins: 0 to 600 mg/dL.</summary>
    public const int GlucoseBins = 300;

    private const double MinutesPerDay = 1440;

    private readonly long[] counts = new long[TimeBins * GlucoseBins];

    /// <summary>Number of samples counted.</summary>
    public long Samples { get; private set; }

    /// <summary>Counts a sample at trial time <paramref name="timeMin"/> (time of day = time mod 1 day); non-finite glucose is skipped.</summary>
    public void Add(double timeMin, double glucoseMgPerDl)
    {
        if (!double.IsFinite(glucoseMgPerDl) || !double.IsFinite(timeMin))
        {
            return;
        }

        double timeOfDay = ((timeMin % MinutesPerDay) + MinutesPerDay) % MinutesPerDay;
        int time = Math.Min(TimeBins - 1, (int)(timeOfDay / TimeBinMin));
        int glucose = Math.Clamp((int)(glucoseMgPerDl / GlucoseBinMgPerDl), 0, GlucoseBins - 1);
        Add(time, glucose, 1);
    }

    /// <summary>Adds <paramref name="count"/> samples to one bin (reading a stored profile back).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bin outside the histogram or a negative count.</exception>
    public void Add(int timeBin, int glucoseBin, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (timeBin is < 0 or >= TimeBins)
        {
            throw new ArgumentOutOfRangeException(nameof(timeBin), timeBin, $"a time-of-day bin from 0 to {TimeBins - 1}");
        }

        if (glucoseBin is < 0 or >= GlucoseBins)
        {
            throw new ArgumentOutOfRangeException(nameof(glucoseBin), glucoseBin, $"a glucose bin from 0 to {GlucoseBins - 1}");
        }

        counts[(timeBin * GlucoseBins) + glucoseBin] += count;
        Samples += count;
    }

    /// <summary>Counts the samples of <paramref name="samples"/> after <see cref="GlucoseSamples.AfterMin"/>.</summary>
    public void Add(GlucoseSamples samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        for (int i = 0; i < samples.TimesMin.Count; i++)
        {
            if (samples.TimesMin[i] > samples.AfterMin)
            {
                Add(samples.TimesMin[i], samples.GlucoseMgPerDl[i]);
            }
        }
    }

    /// <summary>Adds every sample of <paramref name="other"/>.</summary>
    public void Add(GlucoseProfile other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (int i = 0; i < counts.Length; i++)
        {
            counts[i] += other.counts[i];
        }

        Samples += other.Samples;
    }

    /// <summary>The non-empty bins, in time then glucose order.</summary>
    public IEnumerable<(int TimeBin, int GlucoseBin, long Count)> Bins()
    {
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                yield return (i / GlucoseBins, i % GlucoseBins, counts[i]);
            }
        }
    }

    /// <summary>
    /// The <paramref name="probability"/> quantile (0–1) of glucose in one time-of-day bin: the glucose below which
    /// that share of the bin's samples lie, interpolated linearly inside the glucose bin it falls in; NaN without samples.
    /// </summary>
    public double Quantile(int timeBin, double probability)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(timeBin);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(timeBin, TimeBins);
        var bin = counts.AsSpan(timeBin * GlucoseBins, GlucoseBins);
        long total = 0;
        foreach (long c in bin)
        {
            total += c;
        }

        if (total == 0)
        {
            return double.NaN;
        }

        double rank = Math.Clamp(probability, 0, 1) * total;
        long below = 0;
        for (int g = 0; g < GlucoseBins; g++)
        {
            if (bin[g] > 0 && below + bin[g] >= rank)
            {
                return (g + ((rank - below) / bin[g])) * GlucoseBinMgPerDl;
            }

            below += bin[g];
        }

        return GlucoseBins * GlucoseBinMgPerDl;
    }

    /// <summary>The middle of a time-of-day bin (min after midnight).</summary>
    public static double TimeOfDayMin(int timeBin) => (timeBin + 0.5) * TimeBinMin;
}

/// <summary>
/// One patient's glucose samples, of which those after <paramref name="AfterMin"/> (the randomisation) go into its arm's
/// profile. The patient hands over the arrays it already has rather than a histogram of its own.
/// </summary>
/// <param name="TimesMin">Sample times (trial time, min).</param>
/// <param name="GlucoseMgPerDl">Glucose at those times (mg/dL).</param>
/// <param name="AfterMin">Only samples strictly after this time count (min).</param>
public sealed record GlucoseSamples(IReadOnlyList<double> TimesMin, IReadOnlyList<double> GlucoseMgPerDl, double AfterMin);
