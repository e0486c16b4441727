using ExoSim.Burden;
using ScottPlot;

namespace ExoSim.Reports.Burden;

/// <summary>
/// Plots of a burden analysis: adults with diabetes by year (published Atlas anchors marked), and events averted per
/// year with their 95 % uncertainty interval. Same style as the simulation plots: headless ScottPlot, DejaVu Sans.
/// </summary>
public static class BurdenPlots
{
    private const string FontName = "DejaVu Sans";

    /// <summary>Adults 20–79 years with diabetes by year (millions), anchors as points; PNG bytes.</summary>
    public static byte[] CasesPng(BurdenResult result, int widthPx = 1000, int heightPx = 560)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = NewPlot($"Adults 20–79 with diabetes — {result.Region.Name} (IDF Diabetes Atlas 10th ed.)", "adults with diabetes (millions)");
        var line = plot.Add.ScatterLine(Years(result), [.. result.Cases.Select(c => c.CasesMillions)]);
        line.LineWidth = 2;
        line.Color = Colors.Navy;
        line.LegendText = "log-linear interpolation between anchors";
        var anchors = result.Cases.Where(c => c.IsAnchor).ToList();
        var points = plot.Add.ScatterPoints(anchors.Select(a => (double)a.Year).ToArray(), anchors.Select(a => a.CasesMillions).ToArray());
        points.MarkerSize = 9;
        points.Color = Colors.OrangeRed;
        points.LegendText = "published Atlas value";
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImageBytes(widthPx, heightPx, ImageFormat.Png);
    }

    /// <summary>Events averted per year for every outcome with a baseline incidence (central line, dashed 95 % limits); PNG bytes, or null when none has one.</summary>
    public static byte[]? EventsAvertedPng(BurdenResult result, int widthPx = 1000, int heightPx = 560)
    {
        ArgumentNullException.ThrowIfNull(result);
        var outcomes = result.Therapy?.Outcomes.Where(o => o.EventsAvertedByYear is not null).ToList();
        if (outcomes is not { Count: > 0 })
        {
            return null;
        }

        var plot = NewPlot("Events averted per year (illustrative scenario; 95 % uncertainty interval dashed)", "events averted per year");
        double[] years = Years(result);
        Color[] palette = [Colors.Navy, Colors.DarkGreen, Colors.DarkMagenta, Colors.OrangeRed];
        for (int i = 0; i < outcomes.Count; i++)
        {
            var values = outcomes[i].EventsAvertedByYear!;
            var color = palette[i % palette.Length];
            var central = plot.Add.ScatterLine(years, [.. values.Select(v => v.Central)]);
            central.LineWidth = 2;
            central.Color = color;
            central.LegendText = outcomes[i].Name;
            foreach (var limit in new[] { values.Select(v => v.Low), values.Select(v => v.High) })
            {
                var dashed = plot.Add.ScatterLine(years, [.. limit]);
                dashed.Color = color.WithAlpha(0.6);
                dashed.LinePattern = LinePattern.Dashed;
            }
        }

        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImageBytes(widthPx, heightPx, ImageFormat.Png);
    }

    private static double[] Years(BurdenResult result) => [.. result.Cases.Select(c => (double)c.Year)];

    private static Plot NewPlot(string title, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title);
        plot.XLabel("year");
        plot.YLabel(yLabel);

        // Calendar years: whole numbers without a thousands separator ("2030", not "2,030").
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true,
            LabelFormatter = year => year.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
        };
        return plot;
    }
}
