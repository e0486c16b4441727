using ExoSim.Models;
using ExoSim.Models.Simulation;
using ScottPlot;

namespace ExoSim.Reports.Plots;

/// <summary>
/// Plots of one simulation: plasma glucose with the 70–180 mg/dL target band (Battelino et al. 2019,
/// doi:10.2337/dci19-0028), plus CGM readings when given, meals and insulin doses marked, and plasma insulin on the
/// right axis when the model has it. Rendered headless with ScottPlot; fonts are fixed to DejaVu Sans so that the layout does
/// not depend on the machine's default font.
/// </summary>
public static class SimulationPlots
{
    private const string FontName = "DejaVu Sans";
    private const double TargetLowMgPerDl = 70;
    private const double TargetHighMgPerDl = 180;

    /// <summary>Renders the glucose (and insulin) plot as PNG bytes.</summary>
    /// <param name="result">The simulation.</param>
    /// <param name="title">Plot title.</param>
    /// <param name="interventions">Meals and doses to mark (may be empty).</param>
    /// <param name="cgm">CGM readings (time min, mg/dL) to overlay, or null.</param>
    /// <param name="widthPx">Width in pixels.</param>
    /// <param name="heightPx">Height in pixels.</param>
    /// <exception cref="ArgumentException">The model has no glucose column.</exception>
    public static byte[] GlucosePng(
        SimulationResult result, string title, IReadOnlyList<Intervention> interventions,
        IReadOnlyList<(double TimeMin, double MgPerDl)>? cgm = null, int widthPx = 1000, int heightPx = 650)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(interventions);
        if (!result.HasColumn(Observable.GlucoseMgPerDl))
        {
            throw new ArgumentException($"Model '{result.Model.Id}' has no {Observable.GlucoseMgPerDl} column to plot.", nameof(result));
        }

        double duration = result.Row(result.RowCount - 1)[0];
        var (scale, timeLabel) = TimeAxis(duration);
        double[] time = result.Column(Simulator.TimeColumn).Select(t => t * scale).ToArray();

        var glucosePlot = GlucoseAxes(title);
        var glucose = glucosePlot.Add.ScatterLine(time, result.Column(Observable.GlucoseMgPerDl));
        glucose.LineWidth = 2;
        glucose.Color = Colors.Navy;
        glucose.LegendText = "plasma glucose";
        if (cgm is { Count: > 0 })
        {
            var readings = glucosePlot.Add.ScatterPoints(cgm.Select(c => c.TimeMin * scale).ToArray(), cgm.Select(c => c.MgPerDl).ToArray());
            readings.MarkerSize = 3;
            readings.Color = Colors.OrangeRed;
            readings.LegendText = "CGM readings";
        }

        if (result.HasColumn(Observable.InsulinPmolPerL))
        {
            // Insulin on the right axis, so that both curves keep their own scale on one time axis.
            var insulin = glucosePlot.Add.ScatterLine(time, result.Column(Observable.InsulinPmolPerL));
            insulin.LineWidth = 1.5f;
            insulin.Color = Colors.DarkMagenta.WithAlpha(0.8);
            insulin.LegendText = "plasma insulin (right axis)";
            insulin.Axes.YAxis = glucosePlot.Axes.Right;
            glucosePlot.Axes.Right.Label.Text = "insulin (pmol/L)";
        }

        MarkEvents(glucosePlot, interventions, scale);
        glucosePlot.XLabel(timeLabel);
        glucosePlot.ShowLegend(Alignment.UpperLeft);
        return glucosePlot.GetImageBytes(widthPx, heightPx, ImageFormat.Png);
    }

    /// <summary>Renders one column of a simulation (a state or observable) against time as a small PNG.</summary>
    /// <param name="result">The simulation.</param>
    /// <param name="column">The column's name.</param>
    /// <param name="unit">Its unit (for the axis label).</param>
    /// <param name="widthPx">Width in pixels.</param>
    /// <param name="heightPx">Height in pixels.</param>
    /// <exception cref="KeyNotFoundException">No such column.</exception>
    public static byte[] ColumnPng(SimulationResult result, string column, string unit, int widthPx = 420, int heightPx = 260)
    {
        ArgumentNullException.ThrowIfNull(result);
        double duration = result.Row(result.RowCount - 1)[0];
        var (scale, timeLabel) = TimeAxis(duration);
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(column);
        plot.YLabel(unit);
        plot.XLabel(timeLabel);
        var line = plot.Add.ScatterLine(result.Column(Simulator.TimeColumn).Select(t => t * scale).ToArray(), result.Column(column));
        line.LineWidth = 1.5f;
        line.Color = Colors.Navy;
        return plot.GetImageBytes(widthPx, heightPx, ImageFormat.Png);
    }

    /// <summary>
    /// Renders a long-horizon course as PNG bytes: each day's mean and starting (fasting) plasma glucose with the
    /// target band, and relative β-cell mass (and any other dimensionless slow state) on the right axis.
    /// </summary>
    /// <param name="dayStartMin">Start of each plotted day (min).</param>
    /// <param name="meanGlucoseMgPerDl">Mean glucose of each day.</param>
    /// <param name="fastingGlucoseMgPerDl">Glucose at the start of each day.</param>
    /// <param name="slowStates">Slow states to draw on the right axis, by label, one value per day.</param>
    /// <param name="title">Plot title.</param>
    /// <param name="widthPx">Width in pixels.</param>
    /// <param name="heightPx">Height in pixels.</param>
    /// <exception cref="ArgumentException">The series differ in length or are empty.</exception>
    public static byte[] CoursePng(
        IReadOnlyList<double> dayStartMin, IReadOnlyList<double> meanGlucoseMgPerDl, IReadOnlyList<double> fastingGlucoseMgPerDl,
        IReadOnlyList<(string Label, double[] Values)> slowStates, string title, int widthPx = 1000, int heightPx = 650)
    {
        ArgumentNullException.ThrowIfNull(dayStartMin);
        ArgumentNullException.ThrowIfNull(meanGlucoseMgPerDl);
        ArgumentNullException.ThrowIfNull(fastingGlucoseMgPerDl);
        ArgumentNullException.ThrowIfNull(slowStates);
        int n = dayStartMin.Count;
        if (n == 0 || meanGlucoseMgPerDl.Count != n || fastingGlucoseMgPerDl.Count != n || slowStates.Any(s => s.Values.Length != n))
        {
            throw new ArgumentException("A course plot needs one value per day in every series.");
        }

        var (scale, timeLabel) = TimeAxis(Math.Max(dayStartMin[^1], 3 * 1440 + 1));
        double[] time = dayStartMin.Select(t => t * scale).ToArray();
        var plot = GlucoseAxes(title);
        var mean = plot.Add.ScatterLine(time, meanGlucoseMgPerDl.ToArray());
        mean.LineWidth = 2;
        mean.Color = Colors.Navy;
        mean.LegendText = "daily mean glucose";
        var fasting = plot.Add.ScatterLine(time, fastingGlucoseMgPerDl.ToArray());
        fasting.LineWidth = 1.5f;
        fasting.Color = Colors.SteelBlue;
        fasting.LinePattern = LinePattern.Dashed;
        fasting.LegendText = "fasting glucose (day start)";
        Color[] palette = [Colors.DarkMagenta, Colors.DarkOrange, Colors.Teal];
        for (int i = 0; i < slowStates.Count; i++)
        {
            var line = plot.Add.ScatterLine(time, slowStates[i].Values);
            line.LineWidth = 1.5f;
            line.Color = palette[i % palette.Length];
            line.LegendText = $"{slowStates[i].Label} (right axis)";
            line.Axes.YAxis = plot.Axes.Right;
        }

        if (slowStates.Count > 0)
        {
            plot.Axes.Right.Label.Text = "relative to start (1)";
        }

        plot.XLabel(timeLabel);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImageBytes(widthPx, heightPx, ImageFormat.Png);
    }

    /// <summary>A plot in the house font with a title and a glucose axis showing the 70–180 mg/dL target band.</summary>
    private static Plot GlucoseAxes(string title)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title);
        plot.YLabel("glucose (mg/dL)");
        var band = plot.Add.VerticalSpan(TargetLowMgPerDl, TargetHighMgPerDl);
        band.FillStyle.Color = Colors.Green.WithAlpha(0.12);
        band.LineStyle.Width = 0;
        band.LegendText = "target 70–180 mg/dL";
        return plot;
    }

    /// <summary>The time unit of the axis: minutes up to 6 h, hours up to 3 days, days up to 2 years, years beyond.</summary>
    private static (double Scale, string Label) TimeAxis(double durationMin) => durationMin switch
    {
        <= 360 => (1.0, "time (min)"),
        <= 3 * 1440 => (1.0 / 60, "time (h)"),
        <= 2 * 525960 => (1.0 / 1440, "time (days)"),
        _ => (1.0 / 525960, "time (years)"),
    };

    private static void MarkEvents(Plot plot, IReadOnlyList<Intervention> interventions, double scale)
    {
        bool mealLabelled = false, insulinLabelled = false;
        foreach (var intervention in interventions)
        {
            var (color, isMeal) = intervention switch
            {
                MealIntake => (Colors.Orange, true),
                InsulinBolus => (Colors.Purple, false),
                _ => (Colors.Gray, false),
            };
            if (intervention is InsulinBasal)
            {
                continue; // a rate, not a moment: the insulin curve shows it
            }

            var line = plot.Add.VerticalLine(intervention.TimeMin * scale);
            line.Color = color.WithAlpha(0.7);
            line.LineWidth = 1;
            line.LinePattern = isMeal ? LinePattern.Solid : LinePattern.Dashed;
            if (isMeal && !mealLabelled)
            {
                line.LegendText = "meal";
                mealLabelled = true;
            }
            else if (intervention is InsulinBolus && !insulinLabelled)
            {
                line.LegendText = "insulin bolus";
                insulinLabelled = true;
            }
        }
    }
}
