using System.Globalization;
using ExoSim.Trials.Endpoints;
using ExoSim.Trials.Trials;
using ScottPlot;

namespace ExoSim.Reports.Plots;

/// <summary>
/// Plots of an in-silico trial: a forest plot of the between-arm differences, per-patient endpoint values at baseline
/// and each visit by arm with median and 90 % band (the engine keeps endpoints at visits, not time courses), each
/// arm's ambulatory glucose profile, and the simulated power curve.
/// Same style as the simulation plots: headless ScottPlot, DejaVu Sans.
/// </summary>
public static class TrialPlots
{
    private const string FontName = "DejaVu Sans";
    private static readonly Color[] Palette = [Colors.Navy, Colors.OrangeRed, Colors.DarkGreen, Colors.DarkMagenta, Colors.Teal];

    /// <summary>
    /// One row per comparison: the difference of mean change (arm − reference) as a point with its Welch 95 % CI as
    /// whiskers, and a vertical line at zero; comparisons without a difference are left out; PNG bytes.
    /// </summary>
    /// <param name="comparisons">The comparisons (summary.json's <c>comparisons</c>).</param>
    /// <param name="widthPx">Width in pixels.</param>
    /// <param name="heightPx">Height in pixels, or 0 for 60 px per row.</param>
    public static byte[] ForestPng(IReadOnlyList<ArmComparison> comparisons, int widthPx = 1000, int heightPx = 0)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        var rows = comparisons.Where(c => c.Difference is not null).ToList();
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title("Between-arm differences in change from baseline (arm − reference, 95 % CI)");
        plot.XLabel("difference of mean change (endpoint units)");
        var zero = plot.Add.VerticalLine(0);
        zero.Color = Colors.Gray;
        zero.LinePattern = LinePattern.Dashed;
        var ticks = new List<Tick>();
        for (int i = 0; i < rows.Count; i++)
        {
            var c = rows[i];
            double y = rows.Count - 1 - i; // first comparison at the top
            if (c.Ci95Low is double low && c.Ci95High is double high)
            {
                var whisker = plot.Add.Line(low, y, high, y);
                whisker.LineWidth = 2;
                whisker.Color = Colors.Navy;
            }

            var point = plot.Add.Marker(c.Difference!.Value, y);
            point.Size = 9;
            point.Color = Colors.Navy;
            ticks.Add(new Tick(y, $"{c.Endpoint} ({c.Arm} − {c.ReferenceArm})"));
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.SetLimitsY(-0.7, Math.Max(rows.Count, 1) - 0.3);
        return plot.GetImageBytes(widthPx, heightPx > 0 ? heightPx : 140 + (60 * Math.Max(rows.Count, 1)), ImageFormat.Png);
    }

    /// <summary>
    /// Every patient's value of one endpoint at baseline and each visit, one thin line per patient coloured by arm,
    /// with each arm's median as a thick line and its 5th–95th percentile band (the middle 90 % of its patients,
    /// linear interpolation between order statistics) shaded; PNG bytes.
    /// </summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <param name="timepoints">Labels of the time points in order (baseline first).</param>
    /// <param name="arms">Per arm (in order): its name and, per patient, the endpoint at each time point.</param>
    /// <param name="widthPx">Width in pixels.</param>
    /// <param name="heightPx">Height in pixels.</param>
    public static byte[] IndividualPng(string endpoint, IReadOnlyList<string> timepoints, IReadOnlyList<(string Arm, IReadOnlyList<double[]> Patients)> arms, int widthPx = 500, int heightPx = 340)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(timepoints);
        ArgumentNullException.ThrowIfNull(arms);
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(endpoint);
        plot.YLabel(endpoint);
        double[] x = [.. Enumerable.Range(0, timepoints.Count).Select(i => (double)i)];
        for (int a = 0; a < arms.Count; a++)
        {
            var color = Palette[a % Palette.Length];
            foreach (var values in arms[a].Patients)
            {
                var line = plot.Add.ScatterLine(x, values);
                line.Color = color.WithAlpha(0.25);
                line.LineWidth = 1;
            }

            double[] low = [.. x.Select((_, t) => Percentile(arms[a].Patients.Select(p => p[t]), 0.05))];
            double[] high = [.. x.Select((_, t) => Percentile(arms[a].Patients.Select(p => p[t]), 0.95))];
            if (low.All(double.IsFinite) && high.All(double.IsFinite))
            {
                var band = plot.Add.FillY(x, low, high);
                band.FillStyle.Color = color.WithAlpha(0.15);
                band.LineStyle.Width = 0;
            }

            double[] median = [.. x.Select((_, t) => Percentile(arms[a].Patients.Select(p => p[t]), 0.5))];
            var arm = plot.Add.ScatterLine(x, median);
            arm.Color = color;
            arm.LineWidth = 3;
            arm.MarkerSize = 7;
            arm.LegendText = $"{arms[a].Arm} (median)";
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. x.Select((v, i) => new Tick(v, timepoints[i]))]);
        plot.Axes.SetLimitsX(-0.3, timepoints.Count - 0.7);
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(widthPx, heightPx, ImageFormat.Png);
    }

    /// <summary>
    /// An arm's ambulatory glucose profile (Battelino et al. 2019, doi:10.2337/dci19-0028): glucose by time of day,
    /// median line, 25–75 % band dark, 5–95 % band light, dashed lines at the 70 and 180 mg/dL target limits; PNG bytes.
    /// </summary>
    /// <param name="arm">The arm's name (title).</param>
    /// <param name="profile">Its glucose by time of day.</param>
    /// <param name="widthPx">Width in pixels.</param>
    /// <param name="heightPx">Height in pixels.</param>
    public static byte[] AgpPng(string arm, GlucoseProfile profile, int widthPx = 500, int heightPx = 340)
    {
        ArgumentNullException.ThrowIfNull(arm);
        ArgumentNullException.ThrowIfNull(profile);
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title($"AGP: {arm}");
        plot.XLabel("time of day (h)");
        plot.YLabel("glucose (mg/dL)");
        int[] bins = [.. Enumerable.Range(0, GlucoseProfile.TimeBins).Where(b => double.IsFinite(profile.Quantile(b, 0.5)))];
        double[] hours = [.. bins.Select(b => GlucoseProfile.TimeOfDayMin(b) / 60)];
        double[] Q(double p) => [.. bins.Select(b => profile.Quantile(b, p))];
        foreach (double limit in new[] { 70.0, 180.0 })
        {
            var line = plot.Add.HorizontalLine(limit);
            line.Color = Colors.DarkGreen;
            line.LinePattern = LinePattern.Dashed;
        }

        if (bins.Length > 0)
        {
            var outer = plot.Add.FillY(hours, Q(0.05), Q(0.95));
            outer.FillStyle.Color = Colors.Navy.WithAlpha(0.15);
            outer.LineStyle.Width = 0;
            outer.LegendText = "5–95 %";
            var inner = plot.Add.FillY(hours, Q(0.25), Q(0.75));
            inner.FillStyle.Color = Colors.Navy.WithAlpha(0.35);
            inner.LineStyle.Width = 0;
            inner.LegendText = "25–75 %";
            var median = plot.Add.ScatterLine(hours, Q(0.5));
            median.Color = Colors.Navy;
            median.LineWidth = 2.5f;
            median.LegendText = "median";
        }

        plot.Axes.SetLimitsX(0, 24);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. Enumerable.Range(0, 9).Select(i => new Tick(i * 3, string.Create(CultureInfo.InvariantCulture, $"{i * 3:00}:00")))]);
        plot.Axes.SetLimitsY(0, 400);
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(widthPx, heightPx, ImageFormat.Png);
    }

    /// <summary>Simulated power against total trial size, one line per compared arm, Wilson 95 % intervals as dashed limits; PNG bytes.</summary>
    public static byte[] PowerPng(PowerResult power, int widthPx = 1000, int heightPx = 560)
    {
        ArgumentNullException.ThrowIfNull(power);
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"Power by simulation: change in {power.Endpoint} at {power.Visit}, Welch p < {power.Alpha}, {power.Replicates} trials per size"));
        plot.XLabel("patients in the trial");
        plot.YLabel("power");
        var arms = power.Points.Select(p => p.Arm).Distinct().ToList();
        for (int a = 0; a < arms.Count; a++)
        {
            var points = power.Points.Where(p => p.Arm == arms[a]).OrderBy(p => p.Size).ToList();
            double[] sizes = [.. points.Select(p => (double)p.Size)];
            var color = Palette[a % Palette.Length];
            var line = plot.Add.ScatterLine(sizes, [.. points.Select(p => p.Power)]);
            line.Color = color;
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.LegendText = $"{arms[a]} vs reference";
            foreach (double[] limit in new[] { points.Select(p => p.Ci95Low).ToArray(), points.Select(p => p.Ci95High).ToArray() })
            {
                var dashed = plot.Add.ScatterLine(sizes, limit);
                dashed.Color = color.WithAlpha(0.6);
                dashed.LinePattern = LinePattern.Dashed;
            }
        }

        plot.Axes.SetLimitsY(0, 1.02);
        plot.ShowLegend(Alignment.LowerRight);
        return plot.GetImageBytes(widthPx, heightPx, ImageFormat.Png);
    }

    /// <summary>The <paramref name="p"/> quantile of the finite values, interpolating linearly between order statistics (Hyndman &amp; Fan 1996 type 7; p = 0.5 is the median); NaN without values.</summary>
    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        double position = p * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
