using ExoSim.Models;
using ExoSim.Models.Simulation;
using ExoSim.Reports.Html;
using ExoSim.Reports.Plots;
using ExoSim.Storage;
using ExoSim.Trials.Scenarios;

namespace ExoSim.Cli.Commands;

/// <summary>The files of one simulation's output directory (null: not written for this run).</summary>
/// <param name="Timeseries">timeseries.csv.</param>
/// <param name="Cgm">cgm.csv, with a sensor.</param>
/// <param name="Plot">plots/glucose.png, for models with glucose.</param>
/// <param name="Report">report.html.</param>
/// <param name="Summary">summary.json.</param>
internal sealed record SimulationOutputFiles(string Timeseries, string? Cgm, string? Plot, string Report, string Summary);

/// <summary>Writes a simulation's output directory (the layout documented in docs/scenarios.md), every file atomically.</summary>
internal static class SimulationOutput
{
    public const string SummaryFileName = "summary.json";

    /// <summary>The self-contained HTML report.</summary>
    public const string ReportFileName = "report.html";

    /// <summary>Column of <c>cgm.csv</c> with the sensor's readings (mg/dL).</summary>
    public const string CgmReadingColumn = "cgm_reading_mg_dl";

    /// <summary>The glucose plot, relative to the output directory.</summary>
    public static readonly string GlucosePlotFile = Path.Combine("plots", "glucose.png");

    /// <summary>Writes the files; summary.json last, so that its presence means the directory is complete.</summary>
    /// <exception cref="RunFailureException">A file cannot be written.</exception>
    public static SimulationOutputFiles Write(string directory, ResolvedScenario scenario, ScenarioRun run, SimulationSummary summary, string summaryText)
    {
        try
        {
            string timeseriesPath = Path.Combine(directory, TimeseriesCsv.FileName);
            string timeseries = run.Readouts.Count == 0
                ? TimeseriesCsv.Write(timeseriesPath, run.Result, scenario.OutputColumns)
                : TimeseriesCsv.WriteColumns(
                    timeseriesPath,
                    [.. scenario.OutputColumns, .. scenario.Readouts],
                    [.. scenario.OutputColumns.Select(run.Result.Column), .. scenario.Readouts.Select(r => run.Readouts[r])]);
            string? cgmPath = null;
            if (run.Cgm is { } cgm)
            {
                cgmPath = TimeseriesCsv.WriteColumns(
                    Path.Combine(directory, TimeseriesCsv.CgmFileName),
                    [Simulator.TimeColumn, Observable.InterstitialGlucoseMgPerDl, CgmReadingColumn],
                    [cgm.Readings.Select(r => r.TimeMin).ToArray(), cgm.Interstitial.Select(r => r.MgDl).ToArray(), cgm.Readings.Select(r => r.MgDl).ToArray()]);
            }

            string? plotPath = null;
            byte[]? png = null;
            if (run.Result.HasColumn(Observable.GlucoseMgPerDl))
            {
                png = SimulationPlots.GlucosePng(
                    run.Result,
                    $"{summary.Model.Id} — {summary.Patient}",
                    scenario.Request.Interventions,
                    run.Cgm?.Readings.Select(r => (r.TimeMin, r.MgDl)).ToArray());
                plotPath = AtomicFile.Write(Path.Combine(directory, GlucosePlotFile), stream => stream.Write(png));
            }

            string reportPath = AtomicFile.WriteAllText(Path.Combine(directory, ReportFileName), ScenarioReports.Simulation(summary, run.Result, png));
            string summaryPath = AtomicFile.WriteAllText(Path.Combine(directory, SummaryFileName), summaryText);
            return new SimulationOutputFiles(timeseries, cgmPath, plotPath, reportPath, summaryPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RunFailureException($"Cannot write the results to '{directory}': {exception.Message}", exception);
        }
    }

    /// <summary>Writes a multiscale course's directory: timeseries.csv (daily rows), plots/glucose.png, report.html, then summary.json.</summary>
    /// <exception cref="RunFailureException">A file cannot be written.</exception>
    public static SimulationOutputFiles WriteCourse(string directory, CourseRun run, CourseSummary summary, string summaryText)
    {
        try
        {
            string timeseries = TimeseriesCsv.WriteColumns(Path.Combine(directory, TimeseriesCsv.FileName), run.Columns, run.Values);
            var course = run.Course;
            var slow = course.SlowStateNames.Select((name, i) => (name, course.SlowStates.Take(course.DailyMeanGlucoseMgPerDl.Count).Select(x => x[i]).ToArray())).ToArray();
            byte[] png = SimulationPlots.CoursePng(
                course.DayStartTimesMin(),
                course.DailyMeanGlucoseMgPerDl,
                course.DayStartGlucoseMgPerDl,
                slow,
                $"{summary.Model.Id} — {summary.Patient}: {course.Scheme}");
            string plotPath = AtomicFile.Write(Path.Combine(directory, GlucosePlotFile), stream => stream.Write(png));
            string reportPath = AtomicFile.WriteAllText(Path.Combine(directory, ReportFileName), ScenarioReports.Course(summary, png));
            string summaryPath = AtomicFile.WriteAllText(Path.Combine(directory, SummaryFileName), summaryText);
            return new SimulationOutputFiles(timeseries, null, plotPath, reportPath, summaryPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RunFailureException($"Cannot write the results to '{directory}': {exception.Message}", exception);
        }
    }

    /// <summary>Runs a scenario's multiscale course, turning a solver failure into a run failure that names the subject.</summary>
    /// <exception cref="RunFailureException">A solver failed.</exception>
    public static CourseRun RunCourse(ResolvedScenario scenario)
    {
        try
        {
            return CourseRunner.Run(scenario);
        }
        catch (SimulationFailedException exception)
        {
            throw new RunFailureException(exception.Message, exception);
        }
    }

    /// <summary>Runs a resolved scenario, turning a solver failure into a run failure that names the subject.</summary>
    /// <exception cref="RunFailureException">The solver failed.</exception>
    public static ScenarioRun Run(ResolvedScenario scenario)
    {
        try
        {
            return ScenarioRunner.Run(scenario);
        }
        catch (SimulationFailedException exception)
        {
            throw new RunFailureException(exception.Message, exception);
        }
    }
}
