using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ExoSim.Reports.Glossary;
using ExoSim.Reports.Html;
using ExoSim.Trials.Trials;

namespace ExoSim.Reports.Tests.Html;

/// <summary>The trial report of a real run of the example trial (20 patients, 1 week).</summary>
public partial class TrialReportTests
{
    private static readonly Lazy<(TrialManifest Manifest, TrialSummary Summary, IReadOnlyList<PatientOutcome> Patients, string Html)> Trial = new(() => ReportFixtures.SmallTrial());

    [Fact]
    public void The_trial_report_is_self_contained_with_the_notice_top_and_bottom()
    {
        string html = Trial.Value.Html;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(ExternalResource(), html);
        Assert.Equal(2, Regex.Count(html, Regex.Escape(ReportFixtures.Notice)));

        // The forest plot, one per-patient plot for each of HbA1c, mean glucose, GMI and fasting glucose, one AGP per arm.
        var images = InlineImage().Matches(html);
        Assert.Equal(1 + 4 + 2, images.Count);
        foreach (Match image in images)
        {
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], Convert.FromBase64String(image.Groups[1].Value)[..4]);
        }

        Assert.Matches("<figure id=\"forest-plot\"><img alt=\"[^\"]+\" src=\"data:image/png;base64,", html);
        Assert.DoesNotContain("id=\"power\"", html, StringComparison.Ordinal); // no power.json, no power section
        Assert.DoesNotContain("id=\"adverse-events\"", html, StringComparison.Ordinal); // no therapy, no adverse events
        Assert.Matches("<figure id=\"agp-plots-0\"><img alt=\"AGP of arm control: [0-9]+ samples", html);
    }

    [Fact]
    public void A_therapy_trial_shows_its_adverse_events_by_arm_with_wilson_intervals_and_the_hazards_used()
    {
        var (manifest, summary, patients, html) = ReportFixtures.TherapyTrial();
        var rates = summary.AdverseEvents!;
        var rows = Rows(html, "adverse-event-table");
        Assert.Equal(rates.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rates[i];
            Assert.Equal([r.Event, r.Arm, I(r.N), I(r.Exposed), I(r.Patients), I(r.Events), F(r.Rate), $"[{F(r.Ci95Low)}, {F(r.Ci95High)}]"], rows[i]);
        }

        Assert.Equal(manifest.AdverseEventHazards!.Select(h => h.Parameter), Rows(html, "hazard-table").Select(r => r[1]));

        // The flow's last column: patients with any adverse event, per arm and in all.
        var flow = Rows(html, "flow-table");
        for (int a = 0; a < summary.Arms.Count; a++)
        {
            Assert.Equal(I(patients.Count(p => p.Arm == summary.Arms[a].Name && p.AdverseEvents.Any)), flow[a][^1]);
        }

        Assert.Equal(I(patients.Count(p => p.AdverseEvents.Any)), flow[^1][^1]);
        Assert.Equal(rates.Where(r => r.Event == AdverseEventRate.AnyEvent).Sum(r => r.Patients), patients.Count(p => p.AdverseEvents.Any));
    }

    [Fact]
    public void The_flow_counts_are_the_summary_s_patients_per_arm()
    {
        var (_, summary, _, html) = Trial.Value;
        var rows = Rows(html, "flow-table");
        Assert.Equal(summary.Arms.Count + 1, rows.Count);
        for (int a = 0; a < summary.Arms.Count; a++)
        {
            var arm = summary.Arms[a];

            // Completed = patients with every endpoint's change defined at the last visit: here every patient, as the
            // summary's n of each change at the last visit shows.
            int completed = arm.Endpoints.Where(e => e.Timepoint == summary.Visits[^1] && e.Measure == TrialSummary.ChangeFromBaseline).Min(e => e.N);
            Assert.Equal([arm.Name, I(arm.N), I(completed), I(arm.N - completed), "0"], rows[a]);
        }

        Assert.Equal(summary.Patients, summary.Arms.Sum(a => a.N));
        Assert.Equal(["All", I(summary.Patients)], rows[^1][..2]);
    }

    [Fact]
    public void Every_endpoint_has_its_baseline_change_and_comparison_rows()
    {
        var (_, summary, _, html) = Trial.Value;
        var endpoints = summary.Arms[0].Endpoints.Select(e => e.Endpoint).Distinct().ToList();
        Assert.Equal(10, endpoints.Count);

        var baseline = Rows(html, "baseline-table");
        Assert.Equal(["age_years", "weight_kg", .. endpoints], baseline.Select(r => r[0]));
        var hba1cControl = summary.Arms[0].Endpoints.Single(e => e.Endpoint == "hba1c_percent" && e.Timepoint == "baseline");
        Assert.Equal($"{F(hba1cControl.Mean)} ± {F(hba1cControl.Sd)} ({hba1cControl.N})", baseline[2][1]);

        var changes = Rows(html, "change-table");
        Assert.Equal(endpoints.Count * summary.Visits.Count * summary.Arms.Count, changes.Count);
        Assert.Equal(endpoints, changes.Select(r => r[0]).Distinct());

        var comparisons = Rows(html, "comparison-table");
        Assert.Equal(summary.Comparisons.Count, comparisons.Count);
        for (int i = 0; i < comparisons.Count; i++)
        {
            var c = summary.Comparisons[i];
            Assert.Equal(c.Endpoint, comparisons[i][0]);
            Assert.Equal(F(c.Difference), comparisons[i][4]);
            Assert.Equal($"[{F(c.Ci95Low)}, {F(c.Ci95High)}]", comparisons[i][5]);
        }

        Assert.Equal(summary.Responders!.Arms.Count, Rows(html, "responder-table").Count);
    }

    [Fact]
    public void The_methods_name_the_model_cohort_arms_randomisation_seed_and_version()
    {
        var (manifest, summary, _, html) = Trial.Value;
        string methods = WebUtility.HtmlDecode(Regex.Replace(html[html.IndexOf("id=\"methods\"", StringComparison.Ordinal)..html.IndexOf("id=\"glossary\"", StringComparison.Ordinal)], "<[^>]+>", string.Empty));
        Assert.Contains("model uva-padova-t1d", methods, StringComparison.Ordinal);
        Assert.Contains("adults: 20 t1d patients", methods, StringComparison.Ordinal);
        Assert.Contains("sensitised (ratio 1, insulin basal-bolus, Vmx × 1.3 from 3 to 10 d)", methods, StringComparison.Ordinal);
        Assert.Contains($"block (blocks of 4), allocation seed {manifest.RandomisationSeed}", methods, StringComparison.Ordinal);
        Assert.Contains($"Seed {summary.Seed}; ExoSim test", methods, StringComparison.Ordinal);
        Assert.Equal(2026UL, summary.Seed);
    }

    [Fact]
    public void Every_glossary_link_has_its_entry()
    {
        var (_, summary, _, html) = Trial.Value;
        var entries = ReportGlossary.For(summary, GlossaryCatalog.Default);
        Assert.Contains(entries, t => t.Entry.Term == "in-silico trial");
        foreach (Match link in Regex.Matches(html, "<a class=\"term\" href=\"#([^\"]+)\">"))
        {
            Assert.Contains($"<dt id=\"{link.Groups[1].Value}\">", html, StringComparison.Ordinal);
        }

        Assert.Equal(entries.Count, Regex.Count(html, "<dt id="));
    }

    [Fact]
    public void A_power_analysis_adds_its_curve_and_one_row_per_point()
    {
        var (manifest, summary, patients, _) = Trial.Value;
        string html = TrialReport.Build(manifest, summary, patients, ReportFixtures.PowerCurve());
        Assert.Contains("<h2 id=\"power\">Power</h2>", html, StringComparison.Ordinal);
        Assert.Matches("<figure id=\"power-plot\"><img alt=\"[^\"]+\" src=\"data:image/png;base64,", html);
        Assert.Equal([["8", "sensitised", "0.45", "[0.26, 0.66]", "-0.5"], ["16", "sensitised", "0.85", "[0.64, 0.95]", "-0.52"]], Rows(html, "power-table"));
    }

    /// <summary>The decoded cell texts of each body row of a table.</summary>
    private static List<string[]> Rows(string html, string id)
    {
        int start = html.IndexOf($"<table id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table {id}");
        string body = html[html.IndexOf("<tbody>", start, StringComparison.Ordinal)..html.IndexOf("</tbody>", start, StringComparison.Ordinal)];
        return Regex.Matches(body, "<tr>(.*?)</tr>")
            .Select(row => Regex.Matches(row.Groups[1].Value, "<td[^>]*>(.*?)</td>").Select(c => WebUtility.HtmlDecode(Regex.Replace(c.Groups[1].Value, "<[^>]+>", string.Empty))).ToArray())
            .ToList();
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double? value) => value!.Value.ToString("0.###", CultureInfo.InvariantCulture);

    [GeneratedRegex("""(?:src|href)\s*=\s*["'](?:https?:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalResource();

    [GeneratedRegex("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")]
    private static partial Regex InlineImage();
}
