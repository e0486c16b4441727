using System.Text.RegularExpressions;
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
    }

    [GeneratedRegex("""(?:src|href)\s*=\s*["'](?:https?:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalResource();

    [GeneratedRegex("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")]
    private static partial Regex InlineImage();
}
