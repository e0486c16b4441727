namespace ExoSim.Burden.Atlas;

/// <summary>
/// Adults with diabetes by calendar year between the Atlas anchor years, by log-linear interpolation: between two
/// consecutive anchors (a, Nₐ) and (b, N_b) the number grows at the constant annual rate that joins them,
/// N(y) = Nₐ · (N_b / Nₐ)^((y − a)/(b − a)). This is the compound growth the Atlas itself quotes between its years; it
/// passes through every anchor exactly (anchor years return the published value), and it is monotone between two
/// anchors, so the series is monotone wherever the anchors are. Years outside the anchors are refused rather than
/// extrapolated (assumption: the Atlas gives no basis for the trend beyond its own projection years).
/// </summary>
public static class CaseProjection
{
    /// <summary>Adults 20–79 years with diabetes in <paramref name="year"/>, millions.</summary>
    /// <exception cref="BurdenInputException">The year is outside the region's anchors.</exception>
    public static double CasesMillions(AtlasRegion region, int year)
    {
        ArgumentNullException.ThrowIfNull(region);
        var anchors = region.Anchors;
        RequireWithinAnchors(region, year, "year");

        for (int i = 0; i < anchors.Count; i++)
        {
            if (anchors[i].Year == year)
            {
                return anchors[i].CasesMillions;
            }

            if (anchors[i].Year > year)
            {
                var (a, b) = (anchors[i - 1], anchors[i]);
                double fraction = (double)(year - a.Year) / (b.Year - a.Year);
                return a.CasesMillions * Math.Pow(b.CasesMillions / a.CasesMillions, fraction);
            }
        }

        throw new InvalidOperationException("unreachable: the year is within the anchors");
    }

    /// <summary>The constant annual growth rate between two consecutive anchors (fraction per year, e.g. 0.02 = 2 %/year).</summary>
    public static double AnnualGrowthRate(AtlasFigure from, AtlasFigure to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return Math.Pow(to.CasesMillions / from.CasesMillions, 1.0 / (to.Year - from.Year)) - 1;
    }

    /// <summary>Cases for every year from <paramref name="fromYear"/> to <paramref name="toYear"/> inclusive.</summary>
    /// <exception cref="BurdenInputException">The range is empty or leaves the anchors.</exception>
    public static IReadOnlyList<(int Year, double CasesMillions)> Series(AtlasRegion region, int fromYear, int toYear)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (toYear < fromYear)
        {
            throw new BurdenInputException("--to", $"{toYear} is before --from {fromYear}; give --to at or after --from.");
        }

        foreach (var (option, year) in new[] { ("--from", fromYear), ("--to", toYear) })
        {
            RequireWithinAnchors(region, year, option);
        }

        return [.. Enumerable.Range(fromYear, toYear - fromYear + 1).Select(y => (y, CasesMillions(region, y)))];
    }

    private static void RequireWithinAnchors(AtlasRegion region, int year, string field)
    {
        if (year < region.FirstAnchorYear || year > region.LastAnchorYear)
        {
            throw new BurdenInputException(
                field,
                $"{year} is outside the IDF Diabetes Atlas anchors for {region.Code} ({region.FirstAnchorYear}–{region.LastAnchorYear}); "
                + "ExoSim interpolates between anchors and does not extrapolate.");
        }
    }
}
