using ExoSim.Reports.Glossary;
using ExoSim.Reports.Html;
using ExoSim.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ExoSim.Reports.Tests.Html;

/// <summary>
/// Opens a real report in headless Chromium (Debian package <c>chromium</c>, driven by Microsoft.Playwright with the
/// system browser's executable path) and checks that the key elements render; keeps a screenshot as a test artefact
/// under <c>artifacts/screenshots/</c>. Skipped, with the reason shown, when no Chromium is installed
/// (<c>.ci/run</c> installs it; set <c>EXOSIM_CHROMIUM</c> to use another executable).
/// </summary>
public class BrowserRenderingTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task The_simulation_report_renders_in_headless_chromium()
    {
        string? chromium = FindChromium();
        Skip.If(chromium is null, "No Chromium found (install the Debian package 'chromium' or set EXOSIM_CHROMIUM): the report was not opened in a browser.");

        var (summary, _, html) = ReportFixtures.T1dDay();
        using var directory = new TemporaryDirectory();
        string file = Path.Combine(directory.Path, "report.html");
        await File.WriteAllTextAsync(file, html);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        await page.GotoAsync(new Uri(file).AbsoluteUri);

        Assert.Equal(summary.Scenario.Name, await page.TitleAsync());
        Assert.True(await page.Locator("#notice").IsVisibleAsync());
        Assert.Contains("not medical advice", await page.Locator("#notice").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("footer").IsVisibleAsync());

        // Every image decoded by the browser, with the glucose plot at its full width of 1000 px.
        int images = await page.EvaluateAsync<int>("() => document.images.length");
        int decoded = await page.EvaluateAsync<int>("() => [...document.images].filter(i => i.complete && i.naturalWidth > 0).length");
        Assert.Equal(summary.Columns.Count, images);
        Assert.Equal(images, decoded);
        Assert.Equal(1000, await page.EvaluateAsync<int>("() => document.querySelector('#glucose-plot img').naturalWidth"));

        // Tables: one row per parameter and per event; the sections in order.
        Assert.Equal(summary.Parameters.Count, await page.Locator("#parameters-table tbody tr").CountAsync());
        Assert.Equal(summary.Events.Count, await page.Locator("#event-table tbody tr").CountAsync());
        Assert.Equal(["Results", "States and observables", "Events", "Parameters", "Methods", "Glossary"], await page.Locator("h2").AllInnerTextsAsync());

        // Glossary: one entry per term; every term link has its target, and following one brings the entry into view.
        int terms = ReportGlossary.For(summary, GlossaryCatalog.Default).Count;
        Assert.Equal(terms, await page.Locator("#glossary-list dt").CountAsync());
        Assert.Equal(terms, await page.Locator("a.term").CountAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('a.term')].filter(a => !document.getElementById(a.getAttribute('href').slice(1))).length"));
        var hba1c = page.Locator("#metrics a.term[href='#glossary-hba1c']");
        await hba1c.ClickAsync();
        Assert.EndsWith("#glossary-hba1c", page.Url, StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("() => { const r = document.getElementById('glossary-hba1c').getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; }"));
        Assert.Contains("ADAG", await page.Locator("#glossary-hba1c + dd").InnerTextAsync(), StringComparison.Ordinal);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");

        string screenshot = Path.Combine(ArtifactsDirectory(), "screenshots", "simulation-report.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = false });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
        output.WriteLine($"screenshot: {screenshot} (Chromium {browser.Version}, {chromium})");
    }

    [SkippableFact]
    public async Task The_trial_report_renders_in_headless_chromium()
    {
        string? chromium = FindChromium();
        Skip.If(chromium is null, "No Chromium found (install the Debian package 'chromium' or set EXOSIM_CHROMIUM): the report was not opened in a browser.");

        var (_, summary, _, html) = ReportFixtures.TherapyTrial(ReportFixtures.PowerCurve());
        using var directory = new TemporaryDirectory();
        string file = Path.Combine(directory.Path, "report.html");
        await File.WriteAllTextAsync(file, html);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        await page.GotoAsync(new Uri(file).AbsoluteUri);

        Assert.Equal(summary.Trial.Name, await page.TitleAsync());
        Assert.Contains("not medical advice", await page.Locator("#notice").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("footer").IsVisibleAsync());

        // Forest plot, two per-patient plots (HbA1c, mean glucose), one AGP per arm and the power curve, all decoded by the browser.
        int figures = 1 + 2 + summary.Arms.Count + 1;
        Assert.Equal(figures, await page.EvaluateAsync<int>("() => document.images.length"));
        Assert.Equal(figures, await page.EvaluateAsync<int>("() => [...document.images].filter(i => i.complete && i.naturalWidth > 0).length"));
        Assert.Equal(1000, await page.EvaluateAsync<int>("() => document.querySelector('#forest-plot img').naturalWidth"));
        Assert.Equal(
            ["Flow of patients", "Baseline characteristics", "Endpoints", "Adverse events", "Individual patients", "Ambulatory glucose profile", "Power", "Methods", "Glossary"],
            await page.Locator("h2").AllInnerTextsAsync());
        Assert.Equal(summary.Arms.Count + 1, await page.Locator("#flow-table tbody tr").CountAsync());
        Assert.Equal("With adverse events", await page.Locator("#flow-table thead th").Last.InnerTextAsync());
        Assert.Equal(summary.AdverseEvents!.Count, await page.Locator("#adverse-event-table tbody tr").CountAsync());
        Assert.Equal(summary.Arms.Count, await page.Locator("#agp-plots figure").CountAsync());
        Assert.True(await page.Locator("#agp-plots-0 img").IsVisibleAsync());
        Assert.Equal(summary.Comparisons.Count, await page.Locator("#comparison-table tbody tr").CountAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('a.term')].filter(a => !document.getElementById(a.getAttribute('href').slice(1))).length"));

        string screenshot = Path.Combine(ArtifactsDirectory(), "screenshots", "trial-report.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = false });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
        // A second artefact: the adverse events and the glucose profiles, scrolled into view.
        string agp = Path.Combine(ArtifactsDirectory(), "screenshots", "trial-report-agp.png");
        await page.Locator("#agp").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = agp, FullPage = false });
        Assert.True(new FileInfo(agp).Length > 10_000);
        output.WriteLine($"screenshot: {screenshot} (Chromium {browser.Version}, {chromium})");
    }

    private static string? FindChromium()
    {
        if (Environment.GetEnvironmentVariable("EXOSIM_CHROMIUM") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        return new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);
    }

    /// <summary>The repository's <c>artifacts/</c> folder (found from the test binaries), else the temp folder.</summary>
    private static string ArtifactsDirectory()
        => RepositoryPaths.FindRoot() is { } root ? Path.Combine(root, "artifacts") : Path.Combine(Path.GetTempPath(), "exosim-artifacts");
}
