using System.Globalization;
using ExoSim.Analysis.Sensitivity;
using ExoSim.Reports.Plots;
using ExoSim.Trials.Sensitivity;

namespace ExoSim.Reports.Html;

/// <summary>
/// The <c>report.html</c> of <c>exosim sensitivity</c>: what was analysed, the factors with their ranges and sources,
/// the tornado plot (local, Morris) or the Sobol bar plot with bootstrap intervals, the indices table, the ranking
/// and the method with its limits. Self-contained like every ExoSim report.
/// </summary>
public static class SensitivityReport
{
    /// <summary>Builds the page.</summary>
    /// <param name="summary">The analysis (sensitivity.json).</param>
    public static string Build(SensitivitySummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        string seed = summary.Method.Seed is ulong s ? $" · seed {s}" : string.Empty;
        var page = new HtmlReportBuilder(
            summary.Name ?? summary.Spec,
            $"Sensitivity analysis · {summary.Method.Name} · {summary.ModelEvaluations} model evaluations{seed} · ExoSim {summary.ExosimVersion}",
            summary.Notice).OptionalParagraph(summary.Description);

        page.Section("What was analysed", "analysed");
        page.KeyValues("analysed-table",
        [
            ($"{summary.Target.Kind} file", summary.Target.File),
            ("output", $"{summary.Output.Description} ({summary.Output.Unit})"),
            ("method", MethodText(summary.Method)),
            ("model evaluations", I(summary.ModelEvaluations)),
            .. summary.NominalOutput is double y ? [("output at the nominal point", $"{F(y)} {summary.Output.Unit}")] : Array.Empty<(string, string)>(),
            .. summary.OutputMean is double mean ? [("output mean and variance over the base sample", $"{F(mean)} {summary.Output.Unit}; {F(summary.OutputVariance!.Value)} ({summary.Output.Unit})²")] : Array.Empty<(string, string)>(),
        ]);

        page.Section("Factors", "factors");
        page.Paragraph(summary.Method.Name == "local"
            ? "Each factor is moved by ± the relative step around its nominal value (the value the analysed file uses), the others held there."
            : "Each factor is sampled independently over its range (uniform, or uniform in the logarithm for log_uniform); the others are not fixed.");
        page.Table(
            "factors-table",
            ["Factor", "Unit", "Nominal", "Lower", "Upper", "Distribution", "Range as written", "Nominal value's source"],
            summary.Factors.Select(f => (IReadOnlyList<string>)[f.Name, f.Unit, F(f.Nominal), F(f.Lower), F(f.Upper), f.Distribution, f.RangeAsWritten, f.NominalSource]),
            numericColumns: [2, 3, 4]);

        page.Section("Results", "results");
        if (SensitivityPlots.TornadoPng(summary) is { } tornado)
        {
            page.Figure("tornado-plot", tornado, summary.Method.Name == "local"
                ? $"Tornado plot: normalised local sensitivity coefficients of {summary.Output.Description}, most influential at the top."
                : $"Tornado plot: Morris μ* (ranking measure) and σ of {summary.Output.Description} ({summary.Output.Unit} per whole range of each factor), most influential at the top.");
        }

        if (SensitivityPlots.SobolPng(summary) is { } sobol)
        {
            page.Figure("sobol-plot", sobol, $"Sobol first- and total-order indices of {summary.Output.Description} with {Percent(summary.Method.Confidence)} percentile bootstrap intervals, most influential at the top.");
        }

        IndicesTable(page, summary);
        page.Paragraph($"Ranking by {summary.RankingMeasure}: {string.Join(" > ", summary.Ranking)}.");

        Method(page, summary);
        return page.Build();
    }

    private static void IndicesTable(HtmlReportBuilder page, SensitivitySummary summary)
    {
        switch (summary.Method.Name)
        {
            case "local":
                page.Table("indices-table", ["Factor", "Normalised coefficient (∂y/∂p)·(p/y)"],
                    summary.Indices.Select(i => (IReadOnlyList<string>)[i.Factor, F(i.LocalCoefficient)]), numericColumns: [1]);
                break;
            case "morris":
                page.Table("indices-table", ["Factor", $"μ ({summary.Output.Unit})", $"μ* ({summary.Output.Unit})", $"σ ({summary.Output.Unit})"],
                    summary.Indices.Select(i => (IReadOnlyList<string>)[i.Factor, F(i.MorrisMu), F(i.MorrisMuStar), F(i.MorrisSigma)]), numericColumns: [1, 2, 3]);
                break;
            default:
                string level = Percent(summary.Method.Confidence);
                page.Table("indices-table", ["Factor", "First order S", $"{level} CI", "Total order S_T", $"{level} CI"],
                    summary.Indices.Select(i => (IReadOnlyList<string>)[i.Factor, F(i.FirstOrder!.Estimate), Ci(i.FirstOrder), F(i.TotalOrder!.Estimate), Ci(i.TotalOrder)]),
                    numericColumns: [1, 2, 3, 4]);
                break;
        }
    }

    private static void Method(HtmlReportBuilder page, SensitivitySummary summary)
    {
        page.Section("Method and limits", "method");
        var items = summary.Method.Name switch
        {
            "local" => new List<string>
            {
                "Local normalised coefficients (∂y/∂p)·(p/y) by central differences with relative step h: the % change of the output per % change of one parameter at the nominal point. They say nothing about behaviour away from it.",
                "Choose h well above the solver's relative tolerance (1e-6 by default): the difference of two ODE solutions carries the solver's error divided by h.",
            },
            "morris" => new List<string>
            {
                "Morris elementary effects (Morris 1991, Technometrics 33:161): random one-at-a-time trajectories on a p-level grid of each factor's range; μ* (Campolongo, Cariboni & Saltelli 2007, Environ Model Softw 22:1509) ranks the factors, σ signals non-linearity or interactions. A screening method: it ranks, it does not apportion variance.",
                "Effects are in output units per whole range of a factor (of its natural logarithm for log_uniform), so they depend on the ranges chosen.",
            },
            _ => new List<string>
            {
                "Sobol indices with the sampling scheme and estimators of Saltelli et al. 2010 (Comput Phys Commun 181:259, doi:10.1016/j.cpc.2009.09.018): first order by Table 2 (b), total order by Jansen's estimator, Table 2 (f); N·(k + 2) evaluations.",
                "The base sample is plain seeded Monte Carlo (error ∝ N^−1/2), not a quasi-random sequence; intervals are percentile bootstrap over the N base rows (no extra evaluations). Estimates may fall slightly outside [0, 1]; they are reported as estimated.",
                "Indices apportion the output variance under the chosen ranges and distributions, taken as independent: other ranges give other indices.",
            },
        };
        items.Add("Every evaluation reruns the analysed file with the factors' values as parameter overrides; a trial's evaluations keep its seed, so the same virtual patients, meals and allocation are compared (common random numbers) and only the factors change. The same spec and seed give bit-identical results for any number of threads.");
        items.Add("The models and the therapy's effect sizes carry their own assumptions (docs/therapies/exosome.md): a sensitivity ranking is a statement about the model, not about patients.");
        page.BulletList(items);
    }

    private static string MethodText(SensitivityMethodInfo method) => method.Name switch
    {
        "local" => $"local normalised coefficients, relative step h = {F(method.Step)}",
        "morris" => $"Morris elementary effects, r = {method.Trajectories} trajectories, p = {method.Levels} levels, seed {method.Seed}",
        _ => $"Sobol indices (Saltelli sampling), N = {method.Samples}, {method.Bootstrap} bootstrap resamples, {Percent(method.Confidence)} intervals, seed {method.Seed}",
    };

    private static string Ci(IntervalEstimate interval) => $"[{F(interval.Lower)}, {F(interval.Upper)}]";

    private static string Percent(double? level) => (level ?? 0.95).ToString("0.#%", CultureInfo.InvariantCulture).Replace("%", " %", StringComparison.Ordinal);

    private static string F(double? value) => value is double v ? v.ToString("G4", CultureInfo.InvariantCulture) : "—";

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
