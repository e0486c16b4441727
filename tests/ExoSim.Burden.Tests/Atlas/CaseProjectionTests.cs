using ExoSim.Burden.Atlas;

namespace ExoSim.Burden.Tests.Atlas;

public class CaseProjectionTests
{
    private static AtlasRegion World => DiabetesAtlas.Region(DiabetesAtlas.Global);

    [Fact]
    public void Anchor_years_return_the_published_value_exactly()
    {
        foreach (var region in DiabetesAtlas.Regions)
        {
            foreach (var anchor in region.Anchors)
            {
                Assert.Equal(anchor.CasesMillions, CaseProjection.CasesMillions(region, anchor.Year));
            }
        }
    }

    [Fact]
    public void Between_anchors_the_growth_rate_is_constant()
    {
        // log-linear: N(2025) = 537 · (643/537)^(4/9) = 581.763066888647 (computed independently).
        Assert.Equal(581.763066888647, CaseProjection.CasesMillions(World, 2025), 9);

        double[] ratios = [.. Enumerable.Range(2021, 9).Select(y => CaseProjection.CasesMillions(World, y + 1) / CaseProjection.CasesMillions(World, y))];
        Assert.All(ratios, r => Assert.Equal(ratios[0], r, 12));
    }

    [Fact]
    public void Annual_growth_rates_between_anchors()
    {
        var anchors = World.Anchors;

        // (643/537)^(1/9) − 1 and (783/643)^(1/15) − 1.
        Assert.Equal(0.02021796147835131, CaseProjection.AnnualGrowthRate(anchors[0], anchors[1]), 14);
        Assert.Equal(0.01321914186406925, CaseProjection.AnnualGrowthRate(anchors[1], anchors[2]), 14);
    }

    [Fact]
    public void Projections_are_strictly_increasing_in_every_region()
    {
        foreach (var region in DiabetesAtlas.Regions)
        {
            var series = CaseProjection.Series(region, region.FirstAnchorYear, region.LastAnchorYear);
            for (int i = 1; i < series.Count; i++)
            {
                Assert.True(series[i].CasesMillions > series[i - 1].CasesMillions, $"{region.Code} {series[i].Year}");
            }
        }
    }

    [Fact]
    public void Series_covers_every_year_inclusive()
    {
        var series = CaseProjection.Series(World, 2021, 2045);

        Assert.Equal(Enumerable.Range(2021, 25), series.Select(s => s.Year));
    }

    [Theory]
    [InlineData(2019, 2030, "--from")]
    [InlineData(2021, 2050, "--to")]
    public void Years_outside_the_anchors_are_refused(int from, int to, string field)
    {
        var error = Assert.Throws<BurdenInputException>(() => CaseProjection.Series(World, from, to));

        Assert.Equal(field, error.Field);
        Assert.Contains("2021–2045", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not extrapolate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_range_is_refused()
    {
        var error = Assert.Throws<BurdenInputException>(() => CaseProjection.Series(World, 2030, 2025));

        Assert.Equal("--to", error.Field);
    }
}
