using System.Globalization;
using ExoSim.Burden;
using ExoSim.Reports.Html;

namespace ExoSim.Reports.Burden;

/// <summary>
/// The self-contained HTML report of a burden analysis (plots embedded as PNG data URIs, no external files or
/// scripts, readable offline; built with <see cref="HtmlReportBuilder"/> like every ExoSim report), marked at the top
/// and bottom as illustrative scenario analysis.
/// </summary>
public static class BurdenReport
{
    /// <summary>The notice at the top of every burden report and output.</summary>
    public const string Notice = "Illustrative scenario analysis; research tool, not medical advice.";

    /// <summary>Builds the HTML page.</summary>
    /// <param name="result">The analysis.</param>
    /// <param name="version">ExoSim version, shown under the title.</param>
    public static string Html(BurdenResult result, string version)
    {
        ArgumentNullException.ThrowIfNull(result);
        var page = new HtmlReportBuilder(
            $"Diabetes burden — {result.Region.Name} ({result.Region.Code}), {result.Cases[0].Year}–{result.Cases[^1].Year}",
            $"ExoSim {version} · exosim burden · method, sources and limits: docs/burden.md",
            Notice);
        AppendCases(page, result);
        if (result.Therapy is { } therapy)
        {
            AppendTherapy(page, result, therapy);
        }

        AppendMethod(page, result);
        return page.Build();
    }

    private static void AppendCases(HtmlReportBuilder page, BurdenResult result)
    {
        page.Section("Adults 20–79 years with diabetes", "cases");
        page.Figure("cases-plot", BurdenPlots.CasesPng(result), "Adults with diabetes by year");
        page.Table(
            "cases-table",
            ["year", "adults with diabetes (millions)", "value"],
            result.Cases.Select(year => (IReadOnlyList<string>)[
                year.Year.ToString(CultureInfo.InvariantCulture),
                F(year.CasesMillions, "0.0"),
                year.IsAnchor ? "published (IDF Diabetes Atlas 10th ed.)" : "interpolated"]),
            numericColumns: [0, 1]);
    }

    private static void AppendTherapy(HtmlReportBuilder page, BurdenResult result, TherapyResult therapy)
    {
        page.Section("Therapy scenario", "therapy");
        string interval = therapy.Effect.IsUncertain
            ? $" (95 % interval {F(therapy.Effect.Ci95LowPercentPoints!.Value, "0.###")} to {F(therapy.Effect.Ci95HighPercentPoints!.Value, "0.###")})"
            : " (fixed)";
        page.BulletList(
        [
            $"HbA1c change in treated people: {F(therapy.Effect.ChangePercentPoints, "0.###")} percentage points{interval}; from {therapy.Effect.Origin}",
            $"Uptake: {F(therapy.Uptake.RatePercentPerYear, "0.##")} % of adults with diabetes per year, up to {F(therapy.Uptake.CeilingPercent, "0.##")} %",
            $"Monte Carlo: {therapy.Draws} draws, seed {therapy.Seed}",
        ]);
        page.Table(
            "outcomes-table",
            ["outcome (UKPDS 35)", "risk reduction among treated, % [95 % UI]", "baseline incidence (per 1,000 person-years)", "events averted, all years [95 % UI]"],
            therapy.Outcomes.Select(outcome => (IReadOnlyList<string>)[
                outcome.Name,
                Interval(outcome.RelativeRiskReductionPercent, "0.0"),
                outcome.IncidencePer1000PersonYears is double rate ? F(rate, "0.###") : "not given",
                outcome.EventsAvertedCumulative is { } total ? Interval(total, "#,0") : "— (needs --incidence)"]),
            numericColumns: [1, 2, 3]);
        if (BurdenPlots.EventsAvertedPng(result) is { } averted)
        {
            page.Figure("events-plot", averted, "Events averted per year");
        }

        var withEvents = therapy.Outcomes.Where(o => o.EventsAvertedByYear is not null).ToList();
        page.Table(
            "years-table",
            ["year", "uptake (%)", "treated (millions)", .. withEvents.Select(o => $"{o.Name}: events averted [95 % UI]")],
            therapy.Years.Select((year, i) => (IReadOnlyList<string>)[
                year.Year.ToString(CultureInfo.InvariantCulture),
                F(year.UptakePercent, "0.#"),
                F(year.TreatedMillions, "0.00"),
                .. withEvents.Select(o => Interval(o.EventsAvertedByYear![i], "#,0"))]),
            numericColumns: [.. Enumerable.Range(0, 3 + withEvents.Count)]);
    }

    private static void AppendMethod(HtmlReportBuilder page, BurdenResult result)
    {
        page.Section("Method, sources and limits", "method");
        page.BulletList(
        [
            "Cases between the Atlas anchor years grow at the constant annual rate that joins two anchors (log-linear interpolation); years outside the anchors are not projected.",
            "People treated in a year = cases × uptake, each counted as one person-year. Relative risk among them = HR₁^(−ΔHbA1c) with HR₁ the UKPDS 35 hazard ratio per 1 percentage point lower HbA1c; events averted = person-years × baseline incidence × (1 − relative risk).",
            "95 % uncertainty intervals: Monte Carlo over the UKPDS 35 confidence intervals (log scale) and, from a trial, the HbA1c difference's interval. Atlas counts are taken as exact; the Atlas's own uncertainty is not included.",
            "Limits: UKPDS 35 is an observational analysis of people with newly diagnosed type 2 diabetes; applying its relations to all adults with diabetes, to an HbA1c change caused by a new therapy, and with immediate effect, are assumptions. Baseline incidences are user input.",
        ]);
        page.Subheading("Sources");
        page.BulletList(
            result.Region.Figures.Select(figure => $"{result.Region.Code} {figure.Year} ({figure.Edition}th ed.): {F(figure.CasesMillions, "0.####")} million — {figure.Source}")
                .Concat(ExoSim.Burden.Complications.Ukpds35.Relations.Select(relation =>
                    $"{relation.Name}: {F(relation.RiskReductionPercent, "0")} % ({F(relation.Ci95LowPercent, "0")}–{F(relation.Ci95HighPercent, "0")} %) lower risk per 1 % lower HbA1c — {relation.Source}, doi:10.1136/bmj.321.7258.405")));
    }

    private static string Interval(UncertainValue value, string format) =>
        $"{F(value.Central, format)} [{F(value.Low, format)} to {F(value.High, format)}]";

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
