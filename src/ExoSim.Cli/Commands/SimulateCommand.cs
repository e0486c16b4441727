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
        var registryOption = RunRegistryAccess.CreateOption();
        var command = new Command(
            "simulate",
            "Simulate one virtual patient from a scenario file; writes DIR/timeseries.csv (time_min, every state and "
            + "observable, one row per output_interval), DIR/plots/glucose.png, DIR/cgm.csv with a sensor, DIR/report.html "
            + "and DIR/summary.json (parameters used, solver statistics, glucose and clinical read-outs), and records the "
            + "run in the run registry (exosim runs). A scenario with a multiscale block runs as a long-horizon course with daily rows.")
        {
            scenarioArgument,
            outOption,
            jsonOption,
            registryOption,
        };
        command.SetAction(parseResult => Execute(
            context,
            parseResult.GetValue(scenarioArgument)!,
            parseResult.GetValue(outOption),
            parseResult.GetValue(jsonOption),
            parseResult.GetValue(registryOption)));
        context.AddExamples(
            command,
            "exosim simulate examples/uva-padova-t1d-day.yaml",
            "exosim simulate examples/bergman-ivgtt.yaml --out results/ivgtt --json",
            "exosim simulate examples/dalla-man-2007-glucotoxic-year.yaml --registry off");
        return command;
    }

    private static int Execute(CliContext context, string scenarioPath, string? outputDirectory, bool json, string? registry)
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

        string directory = outputDirectory ?? Path.Combine("exosim-out", Path.GetFileNameWithoutExtension(scenarioPath));
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new UsageException("--out needs a directory name.");
        }

        var recorder = RunRegistryAccess.StartRecording(context, registry, "simulate", scenarioPath, scenarioPath, scenario.Document.Text, directory, scenario.Sensor is null ? null : scenario.SensorSeed);
        try
        {
            return scenario.Course is not null
                ? ExecuteCourse(context, scenario, directory, json, recorder)
                : ExecuteSimulation(context, scenario, directory, json, recorder);
        }
        catch (RunFailureException exception)
        {
            recorder.Failed(exception.Message);
            throw;
        }
    }

    private static int ExecuteSimulation(CliContext context, ResolvedScenario scenario, string directory, bool json, RunRecorder recorder)
    {
        var run = SimulationOutput.Run(scenario);

        var summary = SimulationSummary.Build(scenario, run, CliContext.Version, CliContext.Notice);
        string summaryText = CliJson.Serialize(summary);
        var files = SimulationOutput.Write(directory, scenario, run, summary, summaryText);
        recorder.Completed(Headline(summary));

        if (json)
        {
            context.Out.Write(summaryText);
            return ExitCodes.Ok;
        }

        context.QuietResult(files.Summary);
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

        console.WriteLine($"Report written to {files.Report}");

        console.WriteLine($"Summary written to {files.Summary}");
        WriteRecorded(console, recorder);
        return ExitCodes.Ok;
    }

    private static int ExecuteCourse(CliContext context, ResolvedScenario scenario, string directory, bool json, RunRecorder recorder)
    {
        var run = SimulationOutput.RunCourse(scenario);
        var summary = CourseSummary.Build(scenario, run, CliContext.Version, CliContext.Notice);
        string summaryText = CliJson.Serialize(summary);
        var files = SimulationOutput.WriteCourse(directory, run, summary, summaryText);
        recorder.Completed(Headline(summary));
        if (json)
        {
            context.Out.Write(summaryText);
            return ExitCodes.Ok;
        }

        context.QuietResult(files.Summary);
        var console = context.CreateConsole();
        console.Write(BuildCourseTable(summary));
        console.WriteLine(CliContext.Notice);
        console.WriteLine($"Daily course written to {files.Timeseries}");
        console.WriteLine($"Course plot written to {files.Plot}");
        console.WriteLine($"Report written to {files.Report}");
        console.WriteLine($"Summary written to {files.Summary}");
        WriteRecorded(console, recorder);
        return ExitCodes.Ok;
    }

    private static void WriteRecorded(IAnsiConsole console, RunRecorder recorder)
    {
        if (recorder.Enabled)
        {
            console.WriteLine($"Recorded as run {recorder.Id} (exosim runs show {recorder.Id})");
        }
    }

    /// <summary>The headline results a run is recorded with (names carry their units).</summary>
    private static Dictionary<string, double> Headline(SimulationSummary summary)
    {
        var headline = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["duration_min"] = summary.DurationMin,
            ["rhs_evaluations"] = summary.Solver.RhsEvaluations,
        };
        if (summary.Glucose is { } g)
        {
            headline["mean_glucose_mg_dl"] = g.Mean;
            headline["min_glucose_mg_dl"] = g.Min;
            headline["max_glucose_mg_dl"] = g.Max;
            headline["time_in_range_percent"] = g.InRangePercent;
            headline["time_below_range_percent"] = g.BelowRangePercent;
        }

        if (summary.Clinical is { } c)
        {
            headline["hba1c_from_mean_percent"] = c.Hba1cFromMeanPercent;
            headline["gmi_percent"] = c.GmiPercent;
        }

        return headline;
    }

    private static Dictionary<string, double> Headline(CourseSummary summary)
    {
        var headline = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["days"] = summary.Days,
            ["fast_rhs_evaluations"] = summary.Solver.FastRhsEvaluations,
            ["last_day_mean_glucose_mg_dl"] = summary.Outcome.LastDayMeanGlucoseMgPerDl,
            ["last_day_fasting_glucose_mg_dl"] = summary.Outcome.LastDayFastingGlucoseMgPerDl,
            ["hba1c_lagged_end_percent"] = summary.Outcome.Hba1cLaggedEndPercent,
        };
        foreach (var state in summary.Outcome.SlowEnd)
        {
            headline[state.Name + "_end"] = state.Value;
        }

        return headline;
    }

    private static Table BuildCourseTable(CourseSummary summary)
    {
        var table = new Table().Title($"exosim simulate (multiscale course): {Markup.Escape(summary.Scenario.Name ?? summary.Scenario.File)}").AddColumn("Quantity").AddColumn("Value");
        table.AddRow("Model", Markup.Escape($"{summary.Model.Id}, patient {summary.Patient}"));
        table.AddRow("Course", $"{Time(summary.Days * 1440.0)}, {summary.Rows} rows every {summary.OutputIntervalDays} d, {summary.DailyEvents.Count} events a day");
        table.AddRow("Scheme", Markup.Escape(summary.Multiscale.Scheme));
        table.AddRow("Coupled", Markup.Escape(
            $"β-cell mass × [{string.Join(", ", summary.Multiscale.SecretionParameters)}], insulin sensitivity × [{string.Join(", ", summary.Multiscale.SensitivityParameters)}] "
            + $"(→ {F(summary.Multiscale.SensitivityTarget)}, τ {F(summary.Multiscale.SensitivityTimeConstantDays)} d)"));
        foreach (var (start, end) in summary.Outcome.SlowStart.Zip(summary.Outcome.SlowEnd))
        {
            table.AddRow(Markup.Escape($"{start.Name} start → end"), $"{start.Value.ToString("0.0000", CultureInfo.InvariantCulture)} → {end.Value.ToString("0.0000", CultureInfo.InvariantCulture)}");
        }

        var outcome = summary.Outcome;
        table.AddRow("Daily mean glucose, first → last day", $"{F1(outcome.FirstDayMeanGlucoseMgPerDl)} → {F1(outcome.LastDayMeanGlucoseMgPerDl)} mg/dL");
        table.AddRow("Fasting glucose, first → last day", $"{F1(outcome.FirstDayFastingGlucoseMgPerDl)} → {F1(outcome.LastDayFastingGlucoseMgPerDl)} mg/dL");
        table.AddRow("HbA1c lagged at the end / ADAG of the last day", $"{F1(outcome.Hba1cLaggedEndPercent)} % / {F1(outcome.Hba1cFromLastDayPercent)} %");
        table.AddRow("Fast-model RHS evaluations", summary.Solver.FastRhsEvaluations.ToString(CultureInfo.InvariantCulture));
        if (summary.Verification is { } check)
        {
            table.AddRow("Check against brute force", string.Create(
                CultureInfo.InvariantCulture,
                $"max relative slow-state error {check.MaxRelativeSlowError:0.0E+0}, max daily mean glucose error {check.MaxDailyMeanGlucoseErrorMgPerDl:0.000} mg/dL, ×{check.CostRatio:0.0} fewer fast evaluations"));
        }

        return table;
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
