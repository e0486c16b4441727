namespace ExoSim.Burden.Atlas;

/// <summary>
/// The IDF Diabetes Atlas figures shipped with ExoSim (Data/idf-diabetes-atlas.csv, under version control with the
/// edition and page/table of every number). Only figures checked against an IDF source are included; see the file's
/// header and docs/burden.md for what is left out and why.
/// </summary>
public static class DiabetesAtlas
{
    /// <summary>Code of the world total.</summary>
    public const string Global = "GLOBAL";

    private const string ResourceName = "ExoSim.Burden.Data.idf-diabetes-atlas.csv";

    private static readonly Lazy<IReadOnlyList<AtlasRegion>> LazyRegions = new(Load);

    /// <summary>Every region with figures, the world first.</summary>
    public static IReadOnlyList<AtlasRegion> Regions => LazyRegions.Value;

    /// <summary>The region with code <paramref name="code"/> (case-insensitive).</summary>
    /// <exception cref="BurdenInputException">No such region in the data; the message lists those there are.</exception>
    public static AtlasRegion Region(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Regions.FirstOrDefault(r => string.Equals(r.Code, code.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new BurdenInputException(
                "--region",
                $"'{code}' is not a region with checked IDF Diabetes Atlas figures; use one of {string.Join(", ", Regions.Select(r => r.Code))} "
                + "(EUR, MENA, NAC and SACA are not included: their figures could not be checked, see docs/burden.md).");
    }

    private static List<AtlasRegion> Load()
    {
        var table = EmbeddedTable.Load(ResourceName);
        var regions = new List<AtlasRegion>();
        foreach (var group in table.Rows.GroupBy(row => table.Text(row, "region")))
        {
            var figures = group
                .Select(row => new AtlasFigure(
                    group.Key,
                    (int)table.Number(row, "edition"),
                    (int)table.Number(row, "year"),
                    table.Number(row, "cases_millions"),
                    table.OptionalNumber(row, "undiagnosed_millions"),
                    table.OptionalNumber(row, "undiagnosed_percent"),
                    table.Text(row, "source")))
                .OrderByDescending(f => f.Edition)
                .ThenBy(f => f.Year)
                .ToList();
            regions.Add(new AtlasRegion(group.Key, table.Text(group.First(), "region_name"), figures));
        }

        return regions;
    }
}
