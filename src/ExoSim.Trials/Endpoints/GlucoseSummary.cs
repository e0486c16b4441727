namespace ExoSim.Trials.Endpoints;

/// <summary>
/// Summary statistics of a glucose trace: time-weighted mean (trapezoidal rule over the output times), minimum,
/// maximum, and the share of output samples below, within and above the consensus target range 70–180 mg/dL
/// (Battelino et al. 2019, Diabetes Care 42:1593, doi:10.2337/dci19-0028; on equally spaced samples the share of
/// samples equals the share of time).
/// </summary>
/// <param name="MeanMgPerDl">Time-weighted mean (mg/dL).</param>
/// <param name="MinMgPerDl">Minimum over the samples (mg/dL).</param>
/// <param name="MaxMgPerDl">Maximum over the samples (mg/dL).</param>
/// <param name="BelowRangePercent">Samples &lt; 70 mg/dL (%).</param>
/// <param name="InRangePercent">Samples in 70–180 mg/dL inclusive (%).</param>
/// <param name="AboveRangePercent">Samples &gt; 180 mg/dL (%).</param>
public sealed record GlucoseSummary(
    double MeanMgPerDl, double MinMgPerDl, double MaxMgPerDl, double BelowRangePercent, double InRangePercent, double AboveRangePercent)
{
    /// <summary>Lower limit of the target range (mg/dL).</summary>
    public const double TargetLowMgPerDl = 70;

    /// <summary>Upper limit of the target range (mg/dL).</summary>
    public const double TargetHighMgPerDl = 180;

    /// <summary>Summarises glucose samples at increasing times.</summary>
    /// <exception cref="ArgumentException">Empty or mismatched arrays, or times not increasing.</exception>
    public static GlucoseSummary From(ReadOnlySpan<double> timesMin, ReadOnlySpan<double> glucoseMgPerDl)
    {
        if (timesMin.Length != glucoseMgPerDl.Length || timesMin.Length == 0)
        {
            throw new ArgumentException($"Expected as many times as glucose values (at least one); got {timesMin.Length} and {glucoseMgPerDl.Length}.");
        }

        double min = double.PositiveInfinity, max = double.NegativeInfinity, area = 0;
        int below = 0, above = 0;
        for (int i = 0; i < glucoseMgPerDl.Length; i++)
        {
            double g = glucoseMgPerDl[i];
            min = Math.Min(min, g);
            max = Math.Max(max, g);
            below += g < TargetLowMgPerDl ? 1 : 0;
            above += g > TargetHighMgPerDl ? 1 : 0;
            if (i > 0)
            {
                double dt = timesMin[i] - timesMin[i - 1];
                if (!(dt > 0))
                {
                    throw new ArgumentException($"Times must increase; got {timesMin[i - 1]} then {timesMin[i]}.");
                }

                area += 0.5 * dt * (g + glucoseMgPerDl[i - 1]);
            }
        }

        double span = timesMin[^1] - timesMin[0];
        double mean = span > 0 ? area / span : glucoseMgPerDl[0];
        double n = glucoseMgPerDl.Length;
        return new GlucoseSummary(mean, min, max, 100 * below / n, 100 * (n - below - above) / n, 100 * above / n);
    }
}
