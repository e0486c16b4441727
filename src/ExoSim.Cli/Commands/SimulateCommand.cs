using System.CommandLine;
using System.Globalization;
using ExoSim.Trials.Scenarios;
using Spectre.Console;

namespace ExoSim.Cli.Commands;

/// <summary>
/// <c>exosim simulate SCENARIO.yaml [--out DIR]</c>: one virtual patient from a scenario file. Writes
/// <c>DIR/timeseries.csv</c> and <c>DIR/summary.json</c> atomically and prints a short summary.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(CliContext context)
    {
        var scenarioArgument = new Argument<string>("SCENARIO") { Description = "Scenario file (YAML); format in docs/scenarios.md." };
        var outOption = new Option<string?>("--out", "-o")
        {
            Description = "Directory for timeseries.csv and summary.json (created if missing). Default: exosim-out/<scenario name>.",
            HelpName = "DIR",
        };
        var jsonOption = new Option<bool>("--json") { Description = "Print summary.json on standard output instead of the table." };
        var command = new Command(
            "simulate",
            "Simulate one virtual patient from a scenario file; writes DIR/timeseries.csv (time_min, every state and "
            + "observable, one row per output_interval), DIR/plots/glucose.png, DIR/cgm.csv with a sensor, and "
            + "DIR/summary.json (parameters used, solver statistics, glucose and clinical read-outs).")
        {
            scenarioArgument,
            outOption,
            jsonOption,
        };
        command.SetAction(parseResult => Execute(
            context,
            parseResult.GetValue(scenarioArgument)!,
            parseResult.GetValue(outOption),
            parseResult.GetValue(jsonOption)));
        context.AddExamples(
            command,
            "exosim simulate examples/uva-padova-t1d-day.yaml",
            "exosim simulate examples/bergman-ivgtt.yaml --out results/ivgtt --json");
        return command;
    }

    private static int Execute(CliContext context, string scenarioPath, string? outputDirectory, bool json)
    {
        ResolvedScenario scenario;
        try
        {
            scenario = ScenarioResolver.Resolve(ScenarioReader.ReadFile(scenarioPath));
        }
        catch (ScenarioException exception)
        {
            throw new UsageException(exception.Message, exception);
        }
        catch (FileNotFoundException exception)
        {
            throw new UsageException(exception.Message, exception);
        }

        var run = SimulationOutput.Run(scenario);
        string directory = outputDirectory ?? Path.Combine("exosim-out", Path.GetFileNameWithoutExtension(scenarioPath));
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new UsageException("--out needs a directory name.");
        }

        var summary = SimulationSummary.Build(scenario, run, CliContext.Version, CliContext.Notice);
        string summaryText = CliJson.Serialize(summary);
        var files = SimulationOutput.Write(directory, scenario, run, summary, summaryText);

        if (json)
        {
            context.Out.Write(summaryText);
            return ExitCodes.Ok;
        }

        var console = context.CreateConsole();
        console.Write(BuildTable(summary));
        console.WriteLine(CliContext.Notice);
        console.WriteLine($"Time series written to {files.Timeseries}");
        if (files.Cgm is not null)
        {
            console.WriteLine($"CGM readings written to {files.Cgm}");
        }

        if (files.Plot is not null)
        {
            console.WriteLine($"Glucose plot written to {files.Plot}");
        }

        console.WriteLine($"Summary written to {files.Summary}");
        return ExitCodes.Ok;
    }

    private static Table BuildTable(SimulationSummary summary)
    {
        var table = new Table().Title($"exosim simulate: {Markup.Escape(summary.Scenario.Name ?? summary.Scenario.File)}").AddColumn("Quantity").AddColumn("Value");
        table.AddRow("Model", Markup.Escape(summary.Model.Id));
        table.AddRow("Patient", Markup.Escape(summary.Patient));
        table.AddRow("Duration", $"{Time(summary.DurationMin)}, {summary.Rows} rows every {Time(summary.OutputIntervalMin)}");
        table.AddRow("Events", summary.Events.Count.ToString(CultureInfo.InvariantCulture)
            + (summary.Modulations.Count > 0 ? $" (+{summary.Modulations.Count} modulations)" : string.Empty)
            + (summary.Exosome is { } exosome ? $" (+{exosome.Doses.Count} exosome doses, {exosome.Infusions.Count} MSC infusions)" : string.Empty));
        var solver = summary.Solver;
        table.AddRow("Solver", Markup.Escape($"{solver.Method}, rtol {F(solver.RelativeTolerance)}, atol {F(solver.AbsoluteTolerance)}"));
        table.AddRow("Steps (accepted + rejected)", $"{solver.AcceptedSteps} + {solver.RejectedSteps}");
        table.AddRow("RHS evaluations", solver.RhsEvaluations.ToString(CultureInfo.InvariantCulture));
        if (summary.Glucose is { } g)
        {
            table.AddRow("Glucose mean / min / max", $"{F1(g.Mean)} / {F1(g.Min)} / {F1(g.Max)} mg/dL");
            table.AddRow("Time below / in / above 70–180 mg/dL", $"{F1(g.BelowRangePercent)} / {F1(g.InRangePercent)} / {F1(g.AboveRangePercent)} %");
        }

        if (summary.Clinical is { } clinical)
        {
            table.AddRow("HbA1c (ADAG of mean) / GMI", $"{F1(clinical.Hba1cFromMeanPercent)} % / {F1(clinical.GmiPercent)} %");
            if (clinical.HomaIrStart is double homaIr)
            {
                string homaB = clinical.HomaBStartPercent is double b ? $"{F1(b)} %" : "n/a";
                table.AddRow("HOMA-IR / HOMA-B at the fasting start", $"{homaIr.ToString("0.00", CultureInfo.InvariantCulture)} / {homaB}");
            }
        }

        if (summary.Cgm is { } cgm)
        {
            table.AddRow("CGM", Markup.Escape($"{cgm.Sensor}, {cgm.Readings} readings every {F(cgm.SampleTimeMin)} min, seed {cgm.Seed}"));
            table.AddRow("CGM mean / min / max", $"{F1(cgm.Glucose.Mean)} / {F1(cgm.Glucose.Min)} / {F1(cgm.Glucose.Max)} mg/dL");
            table.AddRow("CGM time below / in / above range", $"{F1(cgm.Glucose.BelowRangePercent)} / {F1(cgm.Glucose.InRangePercent)} / {F1(cgm.Glucose.AboveRangePercent)} %");
        }

        return table;
    }

    /// <summary>A time in the largest unit that keeps it readable: min up to 2 h, then h, d (from 2 d) and years (from 2 y).</summary>
    private static string Time(double minutes) => minutes switch
    {
        < 120 => $"{F(minutes)} min",
        < 2 * 1440 => $"{F(minutes / 60)} h",
        < 2 * 525960 => $"{F(minutes / 1440)} d",
        _ => $"{F(minutes / 525960)} years",
    };

    private static string F(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string F1(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
