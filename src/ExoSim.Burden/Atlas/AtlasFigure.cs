namespace ExoSim.Burden.Atlas;

/// <summary>
/// One published IDF Diabetes Atlas figure: adults 20–79 years with diabetes in a region and year, as printed.
/// </summary>
/// <param name="Region">IDF region code (<c>GLOBAL</c>, <c>AFR</c>, <c>SEA</c>, <c>WP</c>).</param>
/// <param name="Edition">Atlas edition (10 = 2021, 9 = 2019).</param>
/// <param name="Year">Calendar year of the estimate or projection.</param>
/// <param name="CasesMillions">Adults 20–79 years with diabetes, millions (diagnosed and undiagnosed).</param>
/// <param name="UndiagnosedMillions">Of these, undiagnosed, millions, where the Atlas publishes it.</param>
/// <param name="UndiagnosedPercent">Undiagnosed share as the Atlas prints it (%), where published.</param>
/// <param name="Source">Edition and page/table the value was read from.</param>
public sealed record AtlasFigure(
    string Region, int Edition, int Year, double CasesMillions, double? UndiagnosedMillions, double? UndiagnosedPercent, string Source);

/// <summary>An IDF region with its published figures.</summary>
/// <param name="Code">IDF code (<c>GLOBAL</c> for the world).</param>
/// <param name="Name">Name as the Atlas writes it.</param>
/// <param name="Figures">Every figure of the region, by edition then year.</param>
public sealed record AtlasRegion(string Code, string Name, IReadOnlyList<AtlasFigure> Figures)
{
    /// <summary>The edition whose figures serve as projection anchors (the 10th, 2021).</summary>
    public const int AnchorEdition = 10;

    /// <summary>The anchor figures (10th edition), by year: the points the projection passes through.</summary>
    public IReadOnlyList<AtlasFigure> Anchors => [.. Figures.Where(f => f.Edition == AnchorEdition).OrderBy(f => f.Year)];

    /// <summary>First anchor year.</summary>
    public int FirstAnchorYear => Anchors[0].Year;

    /// <summary>Last anchor year.</summary>
    public int LastAnchorYear => Anchors[^1].Year;
}
