namespace ExoSim.Benchmarks.WorkPrecision;

/// <summary>A cost read off a work–precision curve; <see cref="IsUpperBound"/> when the curve never reached the
/// requested error from above (every measured point was already more accurate), so only a bound is known.</summary>
internal readonly record struct CurveCost(double Value, bool IsUpperBound);

/// <summary>Reads a work–precision curve at a chosen error by piecewise-linear interpolation in log–log space.</summary>
internal static class EqualAccuracy
{
    /// <summary>
    /// The cost (time, RHS calls, …) at which the curve through (<paramref name="errors"/>, <paramref name="costs"/>)
    /// reaches <paramref name="targetError"/>. Points are sorted by error; where the curve is not monotone the first
    /// bracketing segment from the accurate end is used. When every point is more accurate than the target, the
    /// cheapest point is an upper bound. Null when the target is more accurate than every point.
    /// </summary>
    public static CurveCost? CostAt(IReadOnlyList<double> errors, IReadOnlyList<double> costs, double targetError)
    {
        var points = new List<(double X, double Y)>();
        for (int i = 0; i < errors.Count; i++)
        {
            if (errors[i] > 0 && costs[i] > 0 && double.IsFinite(errors[i]) && double.IsFinite(costs[i]))
            {
                points.Add((Math.Log10(errors[i]), Math.Log10(costs[i])));
            }
        }

        if (points.Count == 0)
        {
            return null;
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
                return new CurveCost(Math.Pow(10, y0 + (w * (y1 - y0))), false);
            }
        }

        if (x >= points[^1].X)
        {
            return new CurveCost(Math.Pow(10, points.Min(p => p.Y)), true);
        }

        return null;
    }
}
