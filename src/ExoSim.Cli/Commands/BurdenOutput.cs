using System.Globalization;
using ExoSim.Burden;
using ExoSim.Reports.Burden;
using ExoSim.Storage;

namespace ExoSim.Cli.Commands;

/// <summary>The files of a burden output directory.</summary>
internal sealed record BurdenOutputFiles(string Csv, string CasesPlot, string? EventsPlot, string Report, string Summary);

/// <summary>Writes <c>exosim burden</c>'s output directory, every file atomically, summary.json last.</summary>
internal static class BurdenOutput
{
    public const string CsvFileName = "burden.csv";
    public const string ReportFileName = "report.html";
    public static readonly string CasesPlotFile = Path.Combine("plots", "cases.png");
    public static readonly string EventsPlotFile = Path.Combine("plots", "events-averted.png");

    /// <exception cref="RunFailureException">A file cannot be written.</exception>
    public static BurdenOutputFiles Write(string directory, BurdenResult result, string summaryText, string version)
    {
        try
        {
            string csv = AtomicFile.WriteText(Path.Combine(directory, CsvFileName), writer => WriteCsv(writer, result));
            byte[] casesPng = BurdenPlots.CasesPng(result);
            string casesPlot = AtomicFile.Write(Path.Combine(directory, CasesPlotFile), stream => stream.Write(casesPng));
            string? eventsPlot = null;
            if (BurdenPlots.EventsAvertedPng(result) is { } eventsPng)
            {
                eventsPlot = AtomicFile.Write(Path.Combine(directory, EventsPlotFile), stream => stream.Write(eventsPng));
            }

            string report = AtomicFile.WriteAllText(Path.Combine(directory, ReportFileName), BurdenReport.Html(result, version));
            string summary = AtomicFile.WriteAllText(Path.Combine(directory, SimulationOutput.SummaryFileName), summaryText);
            return new BurdenOutputFiles(csv, casesPlot, eventsPlot, report, summary);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RunFailureException($"Cannot write the results to '{directory}': {exception.Message}", exception);
        }
    }

    /// <summary>One row per year: cases, and with a therapy uptake, treated and events averted (central, 95 % UI) per outcome with an incidence.</summary>
    private static void WriteCsv(TextWriter writer, BurdenResult result)
    {
        var therapy = result.Therapy;
        var outcomes = therapy?.Outcomes.Where(o => o.EventsAvertedByYear is not null).ToList() ?? [];
        var header = new List<string> { "year", "cases_millions", "is_anchor" };
        if (therapy is not null)
        {
            header.AddRange(["uptake_percent", "treated_millions"]);
        }

        foreach (var outcome in outcomes)
        {
            header.AddRange([$"{outcome.Outcome}_events_averted", $"{outcome.Outcome}_events_averted_low95", $"{outcome.Outcome}_events_averted_high95"]);
        }

        writer.WriteLine(string.Join(',', header));
        for (int i = 0; i < result.Cases.Count; i++)
        {
            var row = new List<string> { result.Cases[i].Year.ToString(CultureInfo.InvariantCulture), R(result.Cases[i].CasesMillions), result.Cases[i].IsAnchor ? "1" : "0" };
            if (therapy is not null)
            {
                row.AddRange([R(therapy.Years[i].UptakePercent), R(therapy.Years[i].TreatedMillions)]);
            }

            foreach (var outcome in outcomes)
            {
                var value = outcome.EventsAvertedByYear![i];
                row.AddRange([R(value.Central), R(value.Low), R(value.High)]);
            }

            writer.WriteLine(string.Join(',', row));
        }
    }

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
