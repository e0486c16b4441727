using ExoSim.Burden;
using ExoSim.Burden.Therapy;
using ExoSim.Reports.Burden;

namespace ExoSim.Reports.Tests.Burden;

public class BurdenReportTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static BurdenResult CasesOnly() => BurdenAnalysis.Run(new BurdenScenario("AFR", 2021, 2030, null));

    private static BurdenResult WithTherapy(params BaselineIncidence[] incidences) => BurdenAnalysis.Run(new BurdenScenario(
        "GLOBAL", 2021, 2025, new TherapyScenario(HbA1cEffect.Parse("-0.8 %"), UptakeRamp.Parse("5 %/year up to 30 %"), incidences, 1000, 1)));

    [Fact]
    public void Cases_plot_is_a_png()
    {
        byte[] png = BurdenPlots.CasesPng(CasesOnly());

        Assert.Equal(PngSignature, png[..8]);
    }

    [Fact]
    public void Events_plot_exists_only_with_an_incidence()
    {
        Assert.Null(BurdenPlots.EventsAvertedPng(CasesOnly()));
        Assert.Null(BurdenPlots.EventsAvertedPng(WithTherapy()));
        Assert.Equal(PngSignature, BurdenPlots.EventsAvertedPng(WithTherapy(new BaselineIncidence("microvascular", 20)))![..8]);
    }

    [Fact]
    public void Report_is_self_contained_and_marked_illustrative()
    {
        string html = BurdenReport.Html(WithTherapy(new BaselineIncidence("microvascular", 20)), "0.0.0-test");

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split(BurdenReport.Notice).Length - 1); // top and bottom
        Assert.Equal(2, html.Split("data:image/png;base64,").Length - 1);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.Contains("doi:10.1136/bmj.321.7258.405", html, StringComparison.Ordinal);
        Assert.Contains("— (needs --incidence)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_lists_the_Atlas_figures_with_their_sources()
    {
        string html = BurdenReport.Html(CasesOnly(), "0.0.0-test");

        Assert.Contains("AFR 2021 (10th ed.): 23.6339 million", html, StringComparison.Ordinal);
        Assert.Contains("diabetesatlas.org/data/en/region/2/afr.html", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">2030</td><td class=\"num\">33.4</td><td>published (IDF Diabetes Atlas 10th ed.)</td>", html, StringComparison.Ordinal);
    }
}
