using System.Net;
using System.Text.RegularExpressions;
using ExoSim.Reports.Glossary;
using ExoSim.Reports.Html;
using ExoSim.Reports.Plots;
using ExoSim.Trials.Scenarios;

namespace ExoSim.Reports.Tests.Html;

public partial class ScenarioReportsTests
{
    [Fact]
    public void A_simulation_report_is_self_contained_and_lists_every_parameter_with_its_source()
    {
        var (summary, result, html) = ReportFixtures.T1dDay();

        // Offline: no scripts, no external resources; every image is an inline PNG.
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(ExternalResource(), html);
        var images = InlineImage().Matches(html);
        Assert.Equal(1 + summary.Columns.Count - 1, images.Count); // the glucose plot and one plot per written column
        foreach (Match image in images)
        {
            byte[] png = Convert.FromBase64String(image.Groups[1].Value);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        }

        // The research-use notice at the top and bottom.
        Assert.Equal(2, Regex.Count(html, Regex.Escape(ReportFixtures.Notice)));

        // Every parameter with value, unit and (HTML-encoded) source.
        foreach (var parameter in summary.Parameters)
        {
            Assert.Contains($"<td>{System.Net.WebUtility.HtmlEncode(parameter.Name)}</td>", html, StringComparison.Ordinal);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(parameter.Source), html, StringComparison.Ordinal);
        }

        Assert.Contains(summary.Model.Reference, System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(summary.Events.Count, Regex.Count(html, "<tr><td class=\"num\">")); // one event row each
        Assert.True(result.RowCount > 0);
    }

    [Fact]
    public void A_simulation_report_ends_with_a_glossary_of_its_terms_and_links_their_first_mentions()
    {
        var (summary, _, html) = ReportFixtures.T1dDay();
        var terms = ReportGlossary.For(summary, GlossaryCatalog.Default);

        // The read-outs of this run (CGM, HbA1c, GMI, time in range) and the model's key terms are among them.
        string[] expected = ["CGM", "HbA1c", "GMI", "time in range", "type 1 diabetes", "virtual patient", "ODE"];
        Assert.Subset(terms.Select(t => t.Entry.Term).ToHashSet(), expected.ToHashSet());

        // The section comes last, after Methods; every term has one entry with its definition and sources as text.
        Assert.True(html.IndexOf("<h2 id=\"glossary\">Glossary</h2>", StringComparison.Ordinal) > html.IndexOf("<h2 id=\"methods\">", StringComparison.Ordinal));
        foreach (var term in terms)
        {
            var entry = term.Entry;
            Assert.Equal(1, Regex.Count(html, $"<dt id=\"{entry.Anchor}\">"));
            Assert.Contains(WebUtility.HtmlEncode(entry.Definition), html, StringComparison.Ordinal);
            Assert.Contains(WebUtility.HtmlEncode(string.Join(" · ", entry.Sources)), html, StringComparison.Ordinal);

            // Only the first mention links, and every term of this report is mentioned.
            Assert.True(Regex.Count(html, $"href=\"#{entry.Anchor}\"") == 1, $"{entry.Term}: expected exactly one link");
        }

        // The metrics table's labels carry the links of its read-outs.
        string metrics = html[html.IndexOf("<table id=\"metrics\">", StringComparison.Ordinal)..];
        metrics = metrics[..metrics.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains("<td><a class=\"term\" href=\"#glossary-hba1c\">HbA1c</a> from mean glucose", metrics, StringComparison.Ordinal);
        foreach (string anchor in new[] { "glossary-gmi", "glossary-time-in-range", "glossary-cgm" })
        {
            Assert.Contains($"href=\"#{anchor}\"", metrics, StringComparison.Ordinal);
        }

        // Every in-page link has a target.
        var ids = Regex.Matches(html, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet();
        var links = Regex.Matches(html, "href=\"#([^\"]+)\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(terms.Count, links.Length);
        Assert.All(links, link => Assert.Contains(link, ids));
    }

    [Fact]
    public void Every_model_has_key_terms_that_are_in_the_glossary()
    {
        foreach (var model in Models.ModelCatalog.All)
        {
            var terms = ReportGlossary.ModelKeyTerms(model.Id);
            Assert.True(terms.Count > 0, $"{model.Id} has no key terms in ReportGlossary");
            Assert.All(terms, t => Assert.NotNull(GlossaryCatalog.Default.Find(t)));
        }
    }

    [Fact]
    public void Glossary_text_and_linked_text_are_encoded_not_interpreted()
    {
        var entry = GlossaryCatalog.Load("""
            - term: <b>x</b> & y
              category: methods
              definition: 1 < 2 & "q"
              in_exosim: the `<i>` tag
              sources: ["A & B <2020>"]
            """, "g.yaml").Entries[0];
        string html = new HtmlReportBuilder("t", "s", ReportFixtures.Notice)
            .LinkTerms([new ReportTerm(entry, ["<b>x</b>"])])
            .Paragraph("see <b>x</b> & <script>")
            .GlossarySection()
            .Build();

        Assert.Contains("see <a class=\"term\" href=\"#glossary-b-x-b-y\">&lt;b&gt;x&lt;/b&gt;</a> &amp; &lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<dt id=\"glossary-b-x-b-y\">&lt;b&gt;x&lt;/b&gt; &amp; y</dt>", html, StringComparison.Ordinal);
        Assert.Contains("1 &lt; 2 &amp; &quot;q&quot;", html, StringComparison.Ordinal);
        Assert.Contains("the <code>&lt;i&gt;</code> tag", html, StringComparison.Ordinal);
        Assert.Contains("A &amp; B &lt;2020&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_term_links_only_as_a_whole_word()
    {
        var ode = GlossaryCatalog.Default.Find("ODE")!;
        var betaCell = GlossaryCatalog.Default.Find("β-cell")!;
        string html = new HtmlReportBuilder("t", "s", ReportFixtures.Notice)
            .LinkTerms([new ReportTerm(ode, [.. ode.Names]), new ReportTerm(betaCell, [.. betaCell.Names])])
            .Paragraph("The CODE and the episode, then the ODEs and β-cells; ODE again.")
            .Build();

        // "ODEs" is an alias (the longest phrase wins); "β-cells" is the plural of "β-cell"; later mentions stay text.
        Assert.Contains(
            "The CODE and the episode, then the <a class=\"term\" href=\"#glossary-ode\">ODEs</a> and <a class=\"term\" href=\"#glossary-beta-cell\">β-cell</a>s; ODE again.",
            html,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_the_scenario_is_encoded_not_interpreted()
    {
        var builder = new HtmlReportBuilder("<b>name</b> & co", "subtitle", ReportFixtures.Notice).Paragraph("<script>alert(1)</script>");
        string html = builder.Build();
        Assert.Contains("&lt;b&gt;name&lt;/b&gt; &amp; co", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_course_report_shows_the_check_against_brute_force_and_the_growth_law_sources()
    {
        var scenario = ScenarioResolver.Resolve(ScenarioReader.Read("""
            model: dalla-man-2007
            duration: 14 d
            multiscale:
              verify: true
              day:
                - {at: 8 h, meal: {carbs: 45 g}}
            """, "c.yaml"));
        var run = CourseRunner.Run(scenario);
        var summary = CourseSummary.Build(scenario, run, "test", ReportFixtures.Notice);
        var course = run.Course;
        byte[] png = SimulationPlots.CoursePng(course.DayStartTimesMin(), course.DailyMeanGlucoseMgPerDl, course.DayStartGlucoseMgPerDl, [("beta_rel", course.SlowStates.Take(14).Select(s => s[0]).ToArray())], "course");
        string html = ScenarioReports.Course(summary, png);

        Assert.Contains("id=\"verification-table\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"growth-parameters-table\"", html, StringComparison.Ordinal);
        foreach (var parameter in summary.Multiscale.BetaCellLaw.Parameters)
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(parameter.Source), html, StringComparison.Ordinal);
        }

        Assert.Single(InlineImage().Matches(html));
        foreach (var term in ReportGlossary.For(summary, GlossaryCatalog.Default))
        {
            Assert.Contains($"<dt id=\"{term.Entry.Anchor}\">", html, StringComparison.Ordinal);
        }

        Assert.Contains("href=\"#glossary-multiscale\"", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("""(?:src|href)\s*=\s*["'](?:https?:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalResource();

    [GeneratedRegex("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")]
    private static partial Regex InlineImage();
}
