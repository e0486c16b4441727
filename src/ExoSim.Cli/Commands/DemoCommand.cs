using System.CommandLine;
using System.Globalization;
using ExoSim.Cli.Demo;
using ExoSim.Storage;
using ExoSim.Trials.Endpoints;
using ExoSim.Trials.Scenarios;
using ExoSim.Trials.Trials;
using Spectre.Console;

namespace ExoSim.Cli.Commands;

/// <summary>
/// <c>exosim demo</c>: runs every built-in example scenario (an IVGTT, a mixed meal in a normal and a type 2 subject,
/// a T1D day with CGM) exactly as <c>exosim simulate</c> would, each into <c>DIR/NAME/</c>, then ExoSim's ODE solvers on
/// problems with known answers; before them the built-in trial (exosome vs MSC vs insulin only) into <c>DIR/trial/</c>
/// with its report copied to <c>DIR/report.html</c>; prints the tables and writes <c>DIR/summary.json</c>.
/// </summary>
internal static class DemoCommand
{
    public const string DefaultOutputDirectory = "exosim-out/demo";

    public const string SummaryFileName = "summary.json";

    public const string TrialNote =
        "The demo trial is one week of 24 virtual T1D adults (8 per arm): differences of a few tenths of a point arise by chance at this size, "
        + "and every therapy effect size is an assumption calibrated to a rodent dose (docs/therapies/exosome.md). "
        + "For a one-year trial on the long-horizon models (β-cell mass, new-onset T1D): exosim trial examples/trials/exosome-msc-insulin-new-onset-t1d-1y.yaml.";


    public static Command Create(CliContext context)
    {
        var outOption = new Option<string>("--out", "-o")
        {
            Description = "Directory for the results (created if missing).",
            DefaultValueFactory = _ => DefaultOutputDirectory,
            HelpName = "DIR",
        };
        var jsonOption = new Option<bool>("--json")
        {
            Description = "Print the summary as JSON on standard output instead of the table.",
        };
        var registryOption = RunRegistryAccess.CreateOption();

        var command = new Command(
            "demo",
            "Run the built-in demo on defaults: a one-week in-silico trial (exosome vs MSC vs insulin only, 24 virtual T1D "
            + "adults) into DIR/trial/ with its report as DIR/report.html, every example scenario of examples/ (IVGTT, mixed "
            + "meal normal vs type 2, T1D day with CGM, β-cell and disease-progression courses, MSC-exosome and MSC-cell add-ons "
            + "in T1D and T2D) into DIR/NAME/, and the ODE solvers on problems with known answers. Writes DIR/summary.json.")
        {
            outOption,
            jsonOption,
            registryOption,
        };
        command.SetAction(parseResult => Execute(
            context,
            parseResult.GetValue(outOption) ?? DefaultOutputDirectory,
            parseResult.GetValue(jsonOption),
            parseResult.GetValue(registryOption)));
        context.AddExamples(command, "exosim demo", "exosim demo --out results/demo --json");
        return command;
    }

    private static int Execute(CliContext context, string outputDirectory, bool json, string? registry)
    {
        if (string.IsNullOrWhiteSpace(outputDirectory))
        {
            throw new UsageException("--out needs a directory name.");
        }

        var scenarios = new List<DemoScenario>();
        foreach (var builtIn in BuiltInScenarios.All)
        {
            var scenario = ScenarioResolver.Resolve(ScenarioReader.Read(builtIn.Text, builtIn.FileName));
            string directory = Path.Combine(outputDirectory, builtIn.Name);
            scenarios.Add(scenario.Course is null ? RunSimulation(builtIn, scenario, directory) : RunCourse(builtIn, scenario, directory));
        }

        var trial = RunTrial(context, outputDirectory, registry);
        var results = SolverShowcase.Run();
        var summary = new DemoSummary(
            "exosim.demo.summary/4",
            CliContext.Version,
            TrialNote,
            CliContext.Notice,
            trial,
            scenarios,
            results);
        string text = CliJson.Serialize(summary);
        string path = WriteSummary(outputDirectory, text);

        if (json)
        {
            context.Out.Write(text);
            return ExitCodes.Ok;
        }

        context.QuietResult(trial.Report);
        var console = context.CreateConsole();
        console.Write(BuildTrialTable(trial));
        console.WriteLine($"The trial's report (open it in a browser): {trial.Report}");
        if (trial.RecordedAs is { } id)
        {
            console.WriteLine($"Recorded as run {id} (exosim runs list)");
        }
        console.WriteLine();
        console.Write(BuildScenarioTable(scenarios));
        console.WriteLine($"Each scenario's timeseries.csv, plots/glucose.png and summary.json are in {Path.GetFullPath(outputDirectory)}/SCENARIO/;");
        console.WriteLine("the scenario files are examples/SCENARIO.yaml (run one with: exosim simulate examples/SCENARIO.yaml).");
        console.WriteLine();
        console.Write(BuildTable(results));
        console.WriteLine("Error/tol = max |error_i| / (tol·(1 + |reference_i|)) at the end time; references are listed in summary.json.");
        console.WriteLine("Tolerances bound the error made per step; on the Arenstorf orbit close passes by the Moon amplify it,");
        console.WriteLine("so its global error exceeds the tolerance while still shrinking as the tolerance is tightened.");
        console.WriteLine();
        console.WriteLine(TrialNote);
        console.WriteLine(CliContext.Notice);
        console.WriteLine($"Summary written to {path}");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The built-in trial (exosome vs MSC vs insulin only) into DIR/trial/, its report copied to DIR/report.html, the
    /// demo's front page.
    /// </summary>
    private static DemoTrial RunTrial(CliContext context, string outputDirectory, string? registry)
    {
        var text = DemoTrialFile.Text;
        ResolvedTrial trial;
        try
        {
            trial = TrialResolver.Resolve(TrialReader.Read(text, DemoTrialFile.Name), null);
        }
        catch (ScenarioException exception)
        {
            throw new RunFailureException($"The built-in demo trial does not resolve: {exception.Message}", exception);
        }

        string directory = Path.Combine(outputDirectory, "trial");
        var recorder = RunRegistryAccess.StartRecording(context, registry, "demo", $"--out {outputDirectory}", DemoTrialFile.Name, text, directory, trial.Document.Seed);
        TrialSummary summary;
        try
        {
            summary = TrialCommand.RunQuietly(context, trial, text, directory);
        }
        catch (RunFailureException exception)
        {
            recorder.Failed(exception.Message);
            throw;
        }

        recorder.Completed(TrialCommand.Headline(summary));
        string report;
        try
        {
            report = AtomicFile.WriteAllText(Path.Combine(outputDirectory, SimulationOutput.ReportFileName), File.ReadAllText(Path.Combine(directory, TrialOutput.ReportFileName)));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RunFailureException($"Cannot write '{Path.Combine(outputDirectory, SimulationOutput.ReportFileName)}': {exception.Message}", exception);
        }

        var hba1c = summary.Comparisons.Where(c => c.Endpoint == ClinicalReadouts.Hba1cColumn).ToArray();
        return new DemoTrial(recorder.Enabled ? recorder.Id : null, summary.Trial.Name ?? summary.Trial.File, Path.GetFullPath(directory), report, summary.Patients, summary.Arms.Select(a => a.Name).ToArray(), hba1c);
    }

    private static Table BuildTrialTable(DemoTrial trial)
    {
        var table = new Table()
            .Title(Markup.Escape($"ExoSim demo trial: {trial.Name} ({trial.Patients} virtual patients)"))
            .AddColumn("Arm")
            .AddColumn(new TableColumn(Markup.Escape("HbA1c change vs insulin only (points) [95 % CI]")).RightAligned())
            .AddColumn(new TableColumn("Welch p").RightAligned());
        foreach (var comparison in trial.Hba1cComparisons)
        {
            string difference = comparison.Difference is double d
                ? string.Create(CultureInfo.InvariantCulture, $"{d:0.00} [{comparison.Ci95Low:0.00}, {comparison.Ci95High:0.00}]")
                : "—";
            string p = comparison.PValue is double value ? value.ToString("0.000", CultureInfo.InvariantCulture) : "—";
            table.AddRow(Markup.Escape(comparison.Arm), Markup.Escape(difference), p);
        }

        return table;
    }

    private static DemoScenario RunSimulation(BuiltInScenario builtIn, ResolvedScenario scenario, string directory)
    {
        var run = SimulationOutput.Run(scenario);
        var summary = SimulationSummary.Build(scenario, run, CliContext.Version, CliContext.Notice);
        var files = SimulationOutput.Write(directory, scenario, run, summary, CliJson.Serialize(summary));
        return new DemoScenario(
            builtIn.Name, "simulation", summary.Scenario.Name, summary.Model.Id, summary.Patient, Path.GetFullPath(directory), files.Plot,
            summary.Glucose, summary.Cgm?.Glucose, summary.Solver.Method, summary.Solver.RhsEvaluations, null);
    }

    private static DemoScenario RunCourse(BuiltInScenario builtIn, ResolvedScenario scenario, string directory)
    {
        var run = SimulationOutput.RunCourse(scenario);
        var summary = CourseSummary.Build(scenario, run, CliContext.Version, CliContext.Notice);
        var files = SimulationOutput.WriteCourse(directory, run, summary, CliJson.Serialize(summary));
        return new DemoScenario(
            builtIn.Name, "course", summary.Scenario.Name, summary.Model.Id, summary.Patient, Path.GetFullPath(directory), files.Plot,
            summary.DailyMeanGlucose, null, summary.Solver.Method, summary.Solver.FastRhsEvaluations, summary.Verification);
    }

    private static Table BuildScenarioTable(IReadOnlyList<DemoScenario> scenarios)
    {
        var table = new Table()
            .Title("ExoSim demo: built-in scenarios")
            .AddColumn(new TableColumn("Scenario").NoWrap())
            .AddColumn(new TableColumn("Model").NoWrap())
            .AddColumn(new TableColumn("Patient").NoWrap())
            .AddColumn(new TableColumn("Glucose mg/dL").RightAligned())
            .AddColumn(new TableColumn("In 70–180").RightAligned())
            .AddColumn(new TableColumn("RHS evals").RightAligned());
        foreach (var s in scenarios)
        {
            string glucose = s.Glucose is { } g
                ? string.Create(CultureInfo.InvariantCulture, $"mean {g.Mean:0} ({g.Min:0}–{g.Max:0})")
                : "—";
            string range = s.Glucose is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r.InRangePercent:0} %") : "—";
            table.AddRow(
                Markup.Escape(s.Name),
                Markup.Escape(s.Model),
                Markup.Escape(s.Patient),
                glucose,
                range,
                s.RhsEvaluations.ToString(CultureInfo.InvariantCulture));
        }

        return table;
    }

    private static string WriteSummary(string outputDirectory, string text)
    {
        string target = Path.Combine(outputDirectory, SummaryFileName);
        try
        {
            return AtomicFile.WriteAllText(target, text);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RunFailureException($"Cannot write '{target}': {exception.Message}", exception);
        }
    }

    private static Table BuildTable(IReadOnlyList<ShowcaseResult> results)
    {
        var table = new Table()
            .Title("ExoSim solver showcase: error at the end time vs reference")
            .AddColumn("Problem")
            .AddColumn("Method")
            .AddColumn(new TableColumn("Tolerance").RightAligned())
            .AddColumn(new TableColumn("Max abs error").RightAligned())
            .AddColumn(new TableColumn("Error/tol").RightAligned())
            .AddColumn(new TableColumn("Steps").RightAligned())
            .AddColumn(new TableColumn("RHS evals").RightAligned())
            .AddColumn(new TableColumn("Time (ms)").RightAligned());
        foreach (var result in results)
        {
            table.AddRow(
                Markup.Escape(result.Problem),
                Markup.Escape(result.Method),
                result.Tolerance.ToString("0E+0", CultureInfo.InvariantCulture),
                result.MaxAbsError.ToString("0.0E+0", CultureInfo.InvariantCulture),
                result.ScaledError.ToString(result.ScaledError < 1000 ? "0.00" : "0.0E+0", CultureInfo.InvariantCulture),
                (result.AcceptedSteps + result.RejectedSteps).ToString(CultureInfo.InvariantCulture),
                result.RhsEvaluations.ToString(CultureInfo.InvariantCulture),
                result.TimeMs.ToString("0.000", CultureInfo.InvariantCulture));
        }

        return table;
    }
}

/// <summary>The content of <c>summary.json</c> written by <c>exosim demo</c>.</summary>
/// <param name="Schema">Name and version of this file's layout.</param>
/// <param name="ExosimVersion">Version of the tool that wrote it.</param>
/// <param name="Note">What is still to come.</param>
/// <param name="Notice">The research-use notice.</param>
/// <param name="Trial">The built-in trial.</param>
/// <param name="Scenarios">One entry per built-in scenario.</param>
/// <param name="SolverShowcase">One entry per test problem and tolerance.</param>
internal sealed record DemoSummary(
    string Schema,
    string ExosimVersion,
    string Note,
    string Notice,
    DemoTrial Trial,
    IReadOnlyList<DemoScenario> Scenarios,
    IReadOnlyList<ShowcaseResult> SolverShowcase);

/// <summary>One built-in scenario as run by the demo.</summary>
/// <param name="Name">Example name (examples/NAME.yaml).</param>
/// <param name="Kind"><c>simulation</c> (one run) or <c>course</c> (a multiscale course with daily rows).</param>
/// <param name="Title">The scenario's own name.</param>
/// <param name="Model">Model id.</param>
/// <param name="Patient">Subject.</param>
/// <param name="Directory">Where its files are.</param>
/// <param name="Plot">Its glucose plot, if any.</param>
/// <param name="Glucose">Plasma glucose statistics (of a course: of its daily mean glucose).</param>
/// <param name="CgmGlucose">Statistics of the CGM readings, with a sensor.</param>
/// <param name="SolverMethod">The (fast) model's solver.</param>
/// <param name="RhsEvaluations">Right-hand-side evaluations of the (fast) model.</param>
/// <param name="CourseCheck">A course's agreement with its brute-force reference, when the scenario verifies it.</param>
internal sealed record DemoScenario(
    string Name, string Kind, string? Title, string Model, string Patient, string Directory, string? Plot, GlucoseInfo? Glucose, GlucoseInfo? CgmGlucose,
    string SolverMethod, long RhsEvaluations, CourseVerification? CourseCheck);

/// <summary>The built-in trial as run by the demo.</summary>
/// <param name="RecordedAs">Its id in the run registry, or null when recording is off.</param>
/// <param name="Name">The trial's name.</param>
/// <param name="Directory">Its output directory (trial.json, patients.parquet, summary.json, report.html).</param>
/// <param name="Report">The demo's front page: a copy of the trial's report.html.</param>
/// <param name="Patients">Virtual patients.</param>
/// <param name="Arms">Arm names, the reference first.</param>
/// <param name="Hba1cComparisons">HbA1c change of each arm against the reference, at the last visit.</param>
internal sealed record DemoTrial(string? RecordedAs, string Name, string Directory, string Report, int Patients, IReadOnlyList<string> Arms, IReadOnlyList<ArmComparison> Hba1cComparisons);

/// <summary>The demo trial file embedded at build time (a copy of examples/trials/demo-exosome-msc-insulin.yaml).</summary>
internal static class DemoTrialFile
{
    /// <summary>How messages name it.</summary>
    public const string Name = "examples/trials/demo-exosome-msc-insulin.yaml (built in)";

    /// <summary>The YAML text.</summary>
    public static string Text { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(DemoTrialFile).Assembly.GetManifestResourceStream("ExoSim.Cli.DemoTrial.yaml")
            ?? throw new InvalidOperationException("The demo trial is not embedded in the tool (ExoSim.Cli.csproj).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
