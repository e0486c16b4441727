using System.Globalization;
using System.Net;
using System.Text;
using ExoSim.Burden;

namespace ExoSim.Reports.Burden;

/// <summary>
/// The self-contained HTML report of a burden analysis (plots embedded as PNG data URIs, no external files or
/// scripts, readable offline), marked throughout as illustrative scenario analysis.
/// </summary>
public static class BurdenReport
{
    /// <summary>The notice at the top of every burden report and output.</summary>
    public const string Notice = "Illustrative scenario analysis; research tool, not medical advice.";

    /// <summary>Builds the HTML page.</summary>
    /// <param name="result">The analysis.</param>
    /// <param name="version">ExoSim version, printed in the footer.</param>
    public static string Html(BurdenResult result, string version)
    {
        ArgumentNullException.ThrowIfNull(result);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>").Append(E($"ExoSim burden — {result.Region.Name}")).Append("</title>\n")
            .Append("<style>body{font-family:'DejaVu Sans',sans-serif;max-width:1050px;margin:2em auto;padding:0 1em;color:#222}")
            .Append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:.25em .6em;text-align:right}")
            .Append("th{background:#eee}td.l,th.l{text-align:left}.notice{background:#fff3cd;border:1px solid #e0c060;padding:.7em 1em;font-weight:bold}")
            .Append("img{max-width:100%}</style>\n</head>\n<body>\n")
            .Append("<p class=\"notice\">").Append(E(Notice)).Append("</p>\n")
            .Append("<h1>").Append(E($"Diabetes burden — {result.Region.Name} ({result.Region.Code}), {result.Cases[0].Year}–{result.Cases[^1].Year}")).Append("</h1>\n");

        AppendCases(html, result);
        if (result.Therapy is { } therapy)
        {
            AppendTherapy(html, result, therapy);
        }

        AppendMethod(html, result);
        html.Append("<p class=\"notice\">").Append(E(Notice)).Append("</p>\n")
            .Append("<footer><p>").Append(E($"ExoSim {version} — exosim burden. Method, sources and limits: docs/burden.md.")).Append("</p></footer>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendCases(StringBuilder html, BurdenResult result)
    {
        html.Append("<h2>Adults 20–79 years with diabetes</h2>\n");
        AppendImage(html, BurdenPlots.CasesPng(result), "Adults with diabetes by year");
        html.Append("<table>\n<tr><th>year</th><th>adults with diabetes (millions)</th><th class=\"l\">value</th></tr>\n");
        foreach (var year in result.Cases)
        {
            html.Append("<tr><td>").Append(year.Year.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(F(year.CasesMillions, "0.0")).Append("</td><td class=\"l\">")
                .Append(year.IsAnchor ? "published (IDF Diabetes Atlas 10th ed.)" : "interpolated").Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void AppendTherapy(StringBuilder html, BurdenResult result, TherapyResult therapy)
    {
        html.Append("<h2>Therapy scenario</h2>\n<ul>\n")
            .Append("<li>").Append(E($"HbA1c change in treated people: {F(therapy.Effect.ChangePercentPoints, "0.###")} percentage points"))
            .Append(therapy.Effect.IsUncertain
                ? E($" (95 % interval {F(therapy.Effect.Ci95LowPercentPoints!.Value, "0.###")} to {F(therapy.Effect.Ci95HighPercentPoints!.Value, "0.###")})")
                : E(" (fixed)"))
            .Append(E($"; from {therapy.Effect.Origin}")).Append("</li>\n")
            .Append("<li>").Append(E($"Uptake: {F(therapy.Uptake.RatePercentPerYear, "0.##")} % of adults with diabetes per year, up to {F(therapy.Uptake.CeilingPercent, "0.##")} %")).Append("</li>\n")
            .Append("<li>").Append(E($"Monte Carlo: {therapy.Draws} draws, seed {therapy.Seed}")).Append("</li>\n</ul>\n");

        html.Append("<table>\n<tr><th class=\"l\">outcome (UKPDS 35)</th><th>risk reduction among treated, % [95 % UI]</th>")
            .Append("<th>baseline incidence (per 1,000 person-years)</th><th>events averted, all years [95 % UI]</th></tr>\n");
        foreach (var outcome in therapy.Outcomes)
        {
            html.Append("<tr><td class=\"l\">").Append(E(outcome.Name)).Append("</td><td>").Append(E(Interval(outcome.RelativeRiskReductionPercent, "0.0")))
                .Append("</td><td>").Append(outcome.IncidencePer1000PersonYears is double rate ? F(rate, "0.###") : "not given")
                .Append("</td><td>").Append(outcome.EventsAvertedCumulative is { } total ? E(Interval(total, "#,0")) : "— (needs --incidence)")
                .Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        if (BurdenPlots.EventsAvertedPng(result) is { } averted)
        {
            AppendImage(html, averted, "Events averted per year");
        }

        var withEvents = therapy.Outcomes.Where(o => o.EventsAvertedByYear is not null).ToList();
        html.Append("<table>\n<tr><th>year</th><th>uptake (%)</th><th>treated (millions)</th>");
        foreach (var outcome in withEvents)
        {
            html.Append("<th>").Append(E($"{outcome.Name}: events averted [95 % UI]")).Append("</th>");
        }

        html.Append("</tr>\n");
        for (int i = 0; i < therapy.Years.Count; i++)
        {
            var year = therapy.Years[i];
            html.Append("<tr><td>").Append(year.Year.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(F(year.UptakePercent, "0.#"))
                .Append("</td><td>").Append(F(year.TreatedMillions, "0.00")).Append("</td>");
            foreach (var outcome in withEvents)
            {
                html.Append("<td>").Append(E(Interval(outcome.EventsAvertedByYear![i], "#,0"))).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void AppendMethod(StringBuilder html, BurdenResult result)
    {
        html.Append("<h2>Method, sources and limits</h2>\n<ul>\n")
            .Append("<li>Cases between the Atlas anchor years grow at the constant annual rate that joins two anchors (log-linear interpolation); ")
            .Append("years outside the anchors are not projected.</li>\n")
            .Append("<li>People treated in a year = cases × uptake, each counted as one person-year. Relative risk among them = HR₁^(−ΔHbA1c) ")
            .Append("with HR₁ the UKPDS 35 hazard ratio per 1 percentage point lower HbA1c; events averted = person-years × baseline incidence × (1 − relative risk).</li>\n")
            .Append("<li>95 % uncertainty intervals: Monte Carlo over the UKPDS 35 confidence intervals (log scale) and, from a trial, the HbA1c difference's ")
            .Append("interval. Atlas counts are taken as exact; the Atlas's own uncertainty is not included.</li>\n")
            .Append("<li>Limits: UKPDS 35 is an observational analysis of people with newly diagnosed type 2 diabetes; applying its relations to all adults with ")
            .Append("diabetes, to an HbA1c change caused by a new therapy, and with immediate effect, are assumptions. Baseline incidences are user input.</li>\n</ul>\n")
            .Append("<h3>Sources</h3>\n<ul>\n");
        foreach (var figure in result.Region.Figures)
        {
            html.Append("<li>").Append(E($"{result.Region.Code} {figure.Year} ({figure.Edition}th ed.): {F(figure.CasesMillions, "0.####")} million — {figure.Source}")).Append("</li>\n");
        }

        foreach (var relation in ExoSim.Burden.Complications.Ukpds35.Relations)
        {
            html.Append("<li>").Append(E($"{relation.Name}: {F(relation.RiskReductionPercent, "0")} % ({F(relation.Ci95LowPercent, "0")}–{F(relation.Ci95HighPercent, "0")} %) lower risk per 1 % lower HbA1c — {relation.Source}, doi:10.1136/bmj.321.7258.405")).Append("</li>\n");
        }

        html.Append("</ul>\n");
    }

    private static void AppendImage(StringBuilder html, byte[] png, string alt) =>
        html.Append("<p><img alt=\"").Append(E(alt)).Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(png)).Append("\"></p>\n");

    private static string Interval(UncertainValue value, string format) =>
        $"{F(value.Central, format)} [{F(value.Low, format)} to {F(value.High, format)}]";

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
