namespace ExoSim.Benchmarks.WorkPrecision;

/// <summary>Reads a work–precision curve at a chosen error by piecewise-linear interpolation in log–log space.</summary>
internal static class EqualAccuracy
{
    /// <summary>
    /// The cost (time, RHS calls, …) at which the curve through (<paramref name="errors"/>, <paramref name="costs"/>)
    /// reaches <paramref name="targetError"/>, or null when the target lies outside the measured error range.
    /// Points are sorted by error; where the curve is not monotone the first bracketing segment (lowest error side
    /// first) is used.
    /// </summary>
    public static double? CostAt(IReadOnlyList<double> errors, IReadOnlyList<double> costs, double targetError)
    {
        var points = new List<(double X, double Y)>();
        for (int i = 0; i < errors.Count; i++)
        {
            if (errors[i] > 0 && costs[i] > 0 && double.IsFinite(errors[i]) && double.IsFinite(costs[i]))
            {
                points.Add((Math.Log10(errors[i]), Math.Log10(costs[i])));
            }
        }

        points.Sort((a, b) => a.X.CompareTo(b.X));
        double x = Math.Log10(targetError);
        for (int i = 0; i + 1 < points.Count; i++)
        {
            (double x0, double y0) = points[i];
            (double x1, double y1) = points[i + 1];
            if (x0 <= x && x <= x1)
            {
                double w = x1 > x0 ? (x - x0) / (x1 - x0) : 0;
                return Math.Pow(10, y0 + (w * (y1 - y0)));
            }
        }

        return null;
    }
}
