using ExoSim.Analysis.Estimation;
using ExoSim.Models.Simulation;
using ScottPlot;

namespace ExoSim.Reports.Plots;

/// <summary>
/// Plots of a fit: data against the fitted model for one observable, weighted residuals against time, and a profile
/// likelihood with its 95 % threshold. Rendered headless with ScottPlot in DejaVu Sans.
/// </summary>
public static class FitPlots
{
    private const string FontName = "DejaVu Sans";

    /// <summary>Observed values (points) and the model at the estimate (line) of one model column.</summary>
    /// <param name="points">The fitted observations (only those of <paramref name="observable"/> are drawn).</param>
    /// <param name="curve">The model at the estimate on a fine grid, or null.</param>
    /// <param name="observable">The model column.</param>
    /// <param name="unit">Its unit.</param>
    /// <param name="title">Plot title.</param>
    public static byte[] FitPng(IReadOnlyList<FittedPoint> points, SimulationResult? curve, string observable, string unit, string title)
    {
        ArgumentNullException.ThrowIfNull(points);
        var plot = NewPlot(title, "time (min)", $"{observable} ({unit})");
        if (curve is not null && curve.HasColumn(observable))
        {
            var line = plot.Add.ScatterLine(curve.Column(Simulator.TimeColumn), curve.Column(observable));
            line.LineWidth = 2;
            line.Color = Colors.Navy;
            line.LegendText = "model at the estimate";
        }

        var own = points.Where(p => p.Observable == observable).ToArray();
        var data = plot.Add.ScatterPoints(own.Select(p => p.TimeMin).ToArray(), own.Select(p => p.Observed).ToArray());
        data.MarkerSize = 7;
        data.Color = Colors.OrangeRed;
        data.LegendText = "data";
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(800, 480, ImageFormat.Png);
    }

    /// <summary>Weighted residuals (observed − predicted)/SD against time, one colour per observable, with the ±2 band.</summary>
    public static byte[] ResidualsPng(IReadOnlyList<FittedPoint> points, string title)
    {
        ArgumentNullException.ThrowIfNull(points);
        var plot = NewPlot(title, "time (min)", "weighted residual (observed − predicted)/SD");
        Color[] palette = [Colors.Navy, Colors.DarkOrange, Colors.Teal, Colors.DarkMagenta];
        int k = 0;
        foreach (var group in points.GroupBy(p => p.Observable))
        {
            var markers = plot.Add.ScatterPoints(group.Select(p => p.TimeMin).ToArray(), group.Select(p => p.WeightedResidual).ToArray());
            markers.MarkerSize = 6;
            markers.Color = palette[k++ % palette.Length];
            markers.LegendText = group.Key;
        }

        plot.Add.HorizontalLine(0, 1, Colors.Gray);
        plot.Add.HorizontalLine(2, 1, Colors.Gray, LinePattern.Dashed);
        plot.Add.HorizontalLine(-2, 1, Colors.Gray, LinePattern.Dashed);
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(800, 420, ImageFormat.Png);
    }

    /// <summary>Δ(−2 ln L) of a profile against the parameter (log axis), with the χ²₁ 95 % threshold and the Wald CI.</summary>
    public static byte[] ProfilePng(ProfileLikelihood profile, string unit)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var plot = NewPlot($"Profile likelihood of {profile.Parameter} ({profile.Identifiability})", $"log10 {profile.Parameter} ({unit})", "Δ(−2 ln L)");
        var line = plot.Add.ScatterLine(profile.Points.Select(p => Math.Log10(p.Value)).ToArray(), profile.Points.Select(p => p.DeltaMinusTwoLogLikelihood).ToArray());
        line.LineWidth = 2;
        line.MarkerSize = 5;
        line.Color = Colors.Navy;
        line.LegendText = "profile";
        var threshold = plot.Add.HorizontalLine(profile.Threshold, 1.5f, Colors.OrangeRed, LinePattern.Dashed);
        threshold.LegendText = "95 % threshold (χ²₁ = 3.84)";
        bool labelled = false;
        foreach (double wald in new[] { profile.WaldLower, profile.WaldUpper }.Where(x => x > 0 && double.IsFinite(x)))
        {
            var marker = plot.Add.VerticalLine(Math.Log10(wald), 1, Colors.Teal, LinePattern.Dotted);
            marker.LegendText = labelled ? string.Empty : "Wald 95 % CI";
            labelled = true;
        }

        plot.ShowLegend(Alignment.UpperCenter);
        return plot.GetImageBytes(600, 400, ImageFormat.Png);
    }

    private static Plot NewPlot(string title, string x, string y)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        return plot;
    }
}
