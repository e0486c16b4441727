using ExoSim.Analysis.Sensitivity;
using ExoSim.Reports.Html;
using ExoSim.Reports.Plots;
using ExoSim.Trials.Sensitivity;

namespace ExoSim.Reports.Tests.Html;

/// <summary>The sensitivity report and plots render what a summary holds (summaries built here, so the rendering is tested alone).</summary>
public class SensitivityReportTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static SensitivitySummary Summary(string method, IReadOnlyList<FactorIndices> indices, IReadOnlyList<string> ranking) => new(
        SensitivitySummary.SchemaName, "test", "Research use only, not medical advice.", "spec.yaml", "A <test> analysis", null,
        new SensitivityTargetInfo("scenario", "x.yaml"), new SensitivityOutputInfo("glucose_mg_dl at 60 min", "mg/dL"),
        new SensitivityMethodInfo(method, method == "local" ? null : 3UL, method == "sobol" ? 64 : null, method == "sobol" ? 100 : null, method == "sobol" ? 0.9 : null, null, null, method == "local" ? 1e-3 : null),
        [
            new ResolvedFactor("p1", FactorKind.Model, "p1", "1/min", 0.03, 0.02, 0.04, "uniform", "[0.02, 0.04]", "MINMOD example", null, null),
            new ResolvedFactor("exosome.hill", FactorKind.Exosome, "hill", "1", 1, 0.5, 3, "log_uniform", "[0.5, 3]", "assumption", 0.5, 3),
        ],
        128, method == "local" ? 120 : null, method == "sobol" ? 120 : null, method == "sobol" ? 25 : null, indices,
        "measure", ranking);

    [Fact]
    public void A_sobol_report_has_its_plot_with_intervals_the_indices_and_the_notice()
    {
        var summary = Summary("sobol",
            [
                new FactorIndices("p1", null, null, null, null, new IntervalEstimate(0.61, 0.55, 0.66), new IntervalEstimate(0.7, 0.64, 0.75)),
                new FactorIndices("exosome.hill", null, null, null, null, new IntervalEstimate(0.2, 0.15, 0.26), new IntervalEstimate(0.31, 0.27, 0.36)),
            ],
            ["p1", "exosome.hill"]);
        Assert.Equal(PngSignature, SensitivityPlots.SobolPng(summary)![..8]);
        Assert.Null(SensitivityPlots.TornadoPng(summary));

        string html = SensitivityReport.Build(summary);
        Assert.Contains("<title>A &lt;test&gt; analysis</title>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"sobol-plot\"", html, StringComparison.Ordinal);
        Assert.Contains("90 % CI", html, StringComparison.Ordinal);
        Assert.Contains("[0.55, 0.66]", html, StringComparison.Ordinal);
        Assert.Contains("p1 &gt; exosome.hill", html, StringComparison.Ordinal);
        Assert.Contains("id=\"factors-table\"", html, StringComparison.Ordinal);
        Assert.Contains("Research use only, not medical advice.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_local_report_has_a_tornado_plot_and_the_coefficients()
    {
        var summary = Summary("local",
            [new FactorIndices("p1", -0.46, null, null, null, null, null), new FactorIndices("exosome.hill", 0.12, null, null, null, null, null)],
            ["p1", "exosome.hill"]);
        Assert.Equal(PngSignature, SensitivityPlots.TornadoPng(summary)![..8]);
        Assert.Null(SensitivityPlots.SobolPng(summary));

        string html = SensitivityReport.Build(summary);
        Assert.Contains("id=\"tornado-plot\"", html, StringComparison.Ordinal);
        Assert.Contains("-0.46", html, StringComparison.Ordinal);
        Assert.Contains("relative step h = 0.001", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_morris_tornado_plot_renders_mu_star_and_sigma()
    {
        var summary = Summary("morris",
            [new FactorIndices("p1", null, -3, 3, 1, null, null), new FactorIndices("exosome.hill", null, 0.5, 1.5, 2, null, null)],
            ["p1", "exosome.hill"]);
        Assert.Equal(PngSignature, SensitivityPlots.TornadoPng(summary)![..8]);
        Assert.Contains("σ (mg/dL)", SensitivityReport.Build(summary), StringComparison.Ordinal);
    }
}
