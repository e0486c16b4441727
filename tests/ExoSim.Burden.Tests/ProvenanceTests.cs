using ExoSim.Burden.Atlas;
using ExoSim.Burden.Complications;

namespace ExoSim.Burden.Tests;

/// <summary>Every shipped number names where it comes from.</summary>
public class ProvenanceTests
{
    [Fact]
    public void Every_Atlas_figure_names_its_edition_and_page_or_table()
    {
        foreach (var figure in DiabetesAtlas.Regions.SelectMany(r => r.Figures))
        {
            Assert.StartsWith($"IDF Diabetes Atlas {figure.Edition}th ed.", figure.Source, StringComparison.Ordinal);
            Assert.True(figure.Source.Contains("page", StringComparison.Ordinal) || figure.Source.Contains("cover", StringComparison.Ordinal)
                || figure.Source.Contains("Chapter", StringComparison.Ordinal), figure.Source);
            Assert.True(figure.CasesMillions > 0);
        }
    }

    [Fact]
    public void Every_region_has_the_three_10th_edition_anchor_years()
    {
        Assert.All(DiabetesAtlas.Regions, region => Assert.Equal([2021, 2030, 2045], region.Anchors.Select(a => a.Year)));
    }

    [Fact]
    public void Every_relation_cites_UKPDS_35_and_has_an_interval_around_its_estimate()
    {
        Assert.Equal(4, Ukpds35.Relations.Count);
        foreach (var relation in Ukpds35.Relations)
        {
            Assert.Contains("UKPDS 35", relation.Source, StringComparison.Ordinal);
            Assert.True(relation.Ci95LowPercent < relation.RiskReductionPercent && relation.RiskReductionPercent < relation.Ci95HighPercent);
        }
    }
}
