using ExoSim.Burden.Atlas;

namespace ExoSim.Burden.Tests.Atlas;

/// <summary>The shipped figures are exactly the published IDF Diabetes Atlas values (sources in Data/idf-diabetes-atlas.csv).</summary>
public class DiabetesAtlasTests
{
    [Theory]
    // IDF Diabetes Atlas 10th ed. (2021), Foreword / Chapter 3 key messages: 537, 643 and 783 million adults 20–79.
    [InlineData("GLOBAL", 10, 2021, 537.0)]
    [InlineData("GLOBAL", 10, 2030, 643.0)]
    [InlineData("GLOBAL", 10, 2045, 783.0)]
    // IDF Diabetes Atlas 9th ed. (2019): 463 million.
    [InlineData("GLOBAL", 9, 2019, 463.0)]
    // 10th ed. regional data pages, 'At a glance' tables (thousands, one decimal).
    [InlineData("AFR", 10, 2021, 23.6339)]
    [InlineData("AFR", 10, 2030, 33.446)]
    [InlineData("AFR", 10, 2045, 55.2544)]
    [InlineData("SEA", 10, 2021, 90.2045)]
    [InlineData("SEA", 10, 2030, 113.3)]
    [InlineData("SEA", 10, 2045, 151.5)]
    [InlineData("WP", 10, 2021, 205.6402)]
    [InlineData("WP", 10, 2030, 238.3)]
    [InlineData("WP", 10, 2045, 260.2)]
    public void Figures_are_the_published_Atlas_values(string region, int edition, int year, double expectedMillions)
    {
        var figure = DiabetesAtlas.Region(region).Figures.Single(f => f.Edition == edition && f.Year == year);

        Assert.Equal(expectedMillions, figure.CasesMillions);
        Assert.Contains($"{edition}th ed.", figure.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void The_2021_world_figure_is_the_Atlas_537_million_not_the_527_of_secondary_texts()
    {
        var world = DiabetesAtlas.Region(DiabetesAtlas.Global);

        Assert.Equal(537.0, world.Anchors[0].CasesMillions);
        Assert.Equal(2021, world.Anchors[0].Year);
    }

    [Fact]
    public void Projection_anchors_are_the_10th_edition_only()
    {
        var world = DiabetesAtlas.Region(DiabetesAtlas.Global);

        Assert.Equal([2021, 2030, 2045], world.Anchors.Select(a => a.Year));
        Assert.All(world.Anchors, a => Assert.Equal(10, a.Edition));
    }

    [Theory]
    // Undiagnosed: 10th ed. (world: 240 million, Chapter 3 key messages; regions: 'At a glance' tables); shares also in
    // Ogurtsova et al. 2022 (PMID 34883189): world 44.7 %, AFR 53.6 %, WP 52.8 %, SEA 51.3 %.
    [InlineData("GLOBAL", 240.0, 44.7)]
    [InlineData("AFR", 12.6586, 53.6)]
    [InlineData("SEA", 46.2303, 51.3)]
    [InlineData("WP", 108.6696, 52.8)]
    public void Undiagnosed_figures_are_the_published_values(string region, double undiagnosedMillions, double? percent)
    {
        var figure = DiabetesAtlas.Region(region).Anchors[0];

        Assert.Equal(undiagnosedMillions, figure.UndiagnosedMillions);
        Assert.Equal(percent, figure.UndiagnosedPercent);
    }

    [Theory]
    [InlineData("GLOBAL")]
    [InlineData("AFR")]
    [InlineData("SEA")]
    [InlineData("WP")]
    public void Published_undiagnosed_share_agrees_with_the_published_counts_to_its_rounding(string region)
    {
        var figure = DiabetesAtlas.Region(region).Anchors[0];

        double share = figure.UndiagnosedMillions!.Value / figure.CasesMillions * 100;

        // The share is printed to 0.1 %, so it may differ from the ratio of the counts by up to 0.05 points.
        Assert.InRange(share, figure.UndiagnosedPercent!.Value - 0.05, figure.UndiagnosedPercent!.Value + 0.05);
    }

    [Fact]
    public void Regions_together_stay_below_the_world_total()
    {
        foreach (int year in new[] { 2021, 2030, 2045 })
        {
            double regions = DiabetesAtlas.Regions.Where(r => r.Code != DiabetesAtlas.Global)
                .Sum(r => r.Anchors.Single(a => a.Year == year).CasesMillions);
            Assert.True(regions < DiabetesAtlas.Region(DiabetesAtlas.Global).Anchors.Single(a => a.Year == year).CasesMillions);
        }
    }

    [Theory]
    [InlineData("wp", "WP")]
    [InlineData(" global ", "GLOBAL")]
    public void Region_codes_are_case_insensitive(string given, string expected) =>
        Assert.Equal(expected, DiabetesAtlas.Region(given).Code);

    [Theory]
    [InlineData("EUR")]
    [InlineData("Atlantis")]
    public void An_unknown_or_unverified_region_is_refused_with_the_codes_that_exist(string code)
    {
        var error = Assert.Throws<BurdenInputException>(() => DiabetesAtlas.Region(code));

        Assert.Equal("--region", error.Field);
        Assert.Contains("GLOBAL, AFR, SEA, WP", error.Message, StringComparison.Ordinal);
        Assert.Contains("could not be checked", error.Message, StringComparison.Ordinal);
    }
}
