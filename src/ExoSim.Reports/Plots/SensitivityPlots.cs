using ExoSim.Trials.Sensitivity;
using ScottPlot;

namespace ExoSim.Reports.Plots;

/// <summary>
/// Plots of a sensitivity analysis: a tornado plot (horizontal bars, largest at the top) of the local coefficients or
/// of Morris μ* beside σ, and a bar plot of Sobol first- and total-order indices with their bootstrap intervals. Same
/// style as the other plots: headless ScottPlot, DejaVu Sans.
/// </summary>
public static class SensitivityPlots
{
    private const string FontName = "DejaVu Sans";

    /// <summary>
    /// Tornado plot of a local or Morris analysis (null for Sobol): one row per factor ordered by |coefficient| or μ*;
    /// local coefficients as signed bars from 0, Morris μ* (dark) with σ (light) beneath it; PNG bytes.
    /// </summary>
    public static byte[]? TornadoPng(SensitivitySummary summary, int widthPx = 1000)
    {
        ArgumentNullException.ThrowIfNull(summary);
        bool local = summary.Method.Name == "local";
        if (!local && summary.Method.Name != "morris")
        {
            return null;
        }

        var rows = summary.Ranking.Select(name => summary.Indices.Single(i => i.Factor == name)).ToList();
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(local ? "Local normalised sensitivity coefficients" : "Morris screening: μ* and σ");
        plot.XLabel(local
            ? "(∂y/∂p)·(p/y): % change of the output per % change of the parameter"
            : $"elementary effect ({summary.Output.Unit} per whole range of the factor)");
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (int i = 0; i < rows.Count; i++)
        {
            double y = rows.Count - 1 - i; // most influential at the top
            if (local)
            {
                bars.Add(new Bar { Position = y, Value = rows[i].LocalCoefficient!.Value, FillColor = Colors.Navy, Size = 0.7 });
            }
            else
            {
                bars.Add(new Bar { Position = y + 0.18, Value = rows[i].MorrisMuStar!.Value, FillColor = Colors.Navy, Size = 0.36 });
                bars.Add(new Bar { Position = y - 0.18, Value = rows[i].MorrisSigma!.Value, FillColor = Colors.OrangeRed.WithAlpha(0.6), Size = 0.36 });
            }

            ticks.Add(new Tick(y, rows[i].Factor));
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        var zero = plot.Add.VerticalLine(0);
        zero.Color = Colors.Gray;
        if (!local)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "μ* (mean |elementary effect|)", FillColor = Colors.Navy });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "σ (interactions, non-linearity)", FillColor = Colors.OrangeRed.WithAlpha(0.6) });
            plot.ShowLegend(Alignment.LowerRight);
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.SetLimitsY(-0.7, Math.Max(rows.Count, 1) - 0.3);
        return plot.GetImageBytes(widthPx, 160 + (55 * Math.Max(rows.Count, 1)), ImageFormat.Png);
    }

    /// <summary>
    /// Sobol first-order (dark) and total-order (light) indices per factor as horizontal bars, in ranking order (most
    /// influential at the top), with their bootstrap intervals as whiskers (null for other methods); PNG bytes.
    /// </summary>
    public static byte[]? SobolPng(SensitivitySummary summary, int widthPx = 1000)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.Method.Name != "sobol")
        {
            return null;
        }

        var rows = summary.Ranking.Select(name => summary.Indices.Single(i => i.Factor == name)).ToList();
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title("Sobol first- and total-order indices");
        plot.XLabel("share of the output variance");
        var bars = new List<Bar>();
        var whiskers = new List<(double Position, ExoSim.Analysis.Sensitivity.IntervalEstimate Interval)>();
        var ticks = new List<Tick>();
        for (int i = 0; i < rows.Count; i++)
        {
            double y = rows.Count - 1 - i; // most influential at the top
            var first = rows[i].FirstOrder!;
            var total = rows[i].TotalOrder!;
            bars.Add(new Bar { Position = y + 0.2, Value = first.Estimate, FillColor = Colors.Navy, Size = 0.38 });
            bars.Add(new Bar { Position = y - 0.2, Value = total.Estimate, FillColor = Colors.OrangeRed.WithAlpha(0.7), Size = 0.38 });
            whiskers.Add((y + 0.2, first));
            whiskers.Add((y - 0.2, total));
            ticks.Add(new Tick(y, rows[i].Factor));
        }

        plot.Add.Bars(bars).Horizontal = true;
        foreach (var (position, interval) in whiskers)
        {
            var whisker = plot.Add.Line(interval.Lower, position, interval.Upper, position); // after the bars, so drawn over them
            whisker.Color = Colors.Black;
            whisker.LineWidth = 2;
        }

        var zero = plot.Add.VerticalLine(0);
        zero.Color = Colors.Gray;
        double level = summary.Method.Confidence ?? 0.95;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "first order S", FillColor = Colors.Navy });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "total order S_T", FillColor = Colors.OrangeRed.WithAlpha(0.7) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{level * 100:0.#} % bootstrap interval", LineColor = Colors.Black, LineWidth = 2 });
        plot.ShowLegend(Alignment.LowerRight);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.SetLimitsY(-0.7, Math.Max(rows.Count, 1) - 0.3);
        double right = Math.Max(1.05, rows.Max(r => Math.Max(r.TotalOrder!.Upper, r.FirstOrder!.Upper)) + 0.05);
        double left = Math.Min(-0.05, rows.Min(r => Math.Min(r.TotalOrder!.Lower, r.FirstOrder!.Lower)) - 0.05);
        plot.Axes.SetLimitsX(left, right);
        int heightPx = 160 + (70 * Math.Max(rows.Count, 1));
        return plot.GetImageBytes(widthPx, heightPx, ImageFormat.Png);
    }
}
