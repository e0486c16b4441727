using System.CommandLine;
using System.Globalization;
using ExoSim.Cli.Demo;
using ExoSim.Storage;
using Spectre.Console;

namespace ExoSim.Cli.Commands;

/// <summary>
/// <c>exosim demo</c>: for now the solver showcase (the physiology demo arrives with the models, issue #9). Solves
/// built-in problems with known answers, prints a table and writes <c>DIR/summary.json</c>.
/// </summary>
internal static class DemoCommand
{
    public const string DefaultOutputDirectory = "exosim-out/demo";

    public const string SummaryFileName = "summary.json";

    public const string PhysiologyNote =
        "The physiology demo (virtual patients, exosome vs MSC vs insulin) arrives with the models (issue #9).";


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

        var command = new Command(
            "demo",
            "Run the built-in demo on defaults: for now, ExoSim's ODE solvers on problems with known answers "
            + "(achieved error vs reference, steps, RHS evaluations, time). Writes DIR/summary.json.")
        {
            outOption,
            jsonOption,
        };
        command.SetAction(parseResult => Execute(
            context,
            parseResult.GetValue(outOption) ?? DefaultOutputDirectory,
            parseResult.GetValue(jsonOption)));
        context.AddExamples(command, "exosim demo", "exosim demo --out results/demo --json");
        return command;
    }

    private static int Execute(CliContext context, string outputDirectory, bool json)
    {
        if (string.IsNullOrWhiteSpace(outputDirectory))
        {
            throw new UsageException("--out needs a directory name.");
        }

        var results = SolverShowcase.Run();
        var summary = new DemoSummary(
            "exosim.demo.summary/1",
            CliContext.Version,
            "solver-showcase",
            PhysiologyNote,
            CliContext.Notice,
            results);
        string text = CliJson.Serialize(summary);
        string path = WriteSummary(outputDirectory, text);

        if (json)
        {
            context.Out.Write(text);
            return ExitCodes.Ok;
        }

        var console = context.CreateConsole();
        console.Write(BuildTable(results));
        console.WriteLine("Error/tol = max |error_i| / (tol·(1 + |reference_i|)) at the end time; references are listed in summary.json.");
        console.WriteLine("Tolerances bound the error made per step; on the Arenstorf orbit close passes by the Moon amplify it,");
        console.WriteLine("so its global error exceeds the tolerance while still shrinking as the tolerance is tightened.");
        console.WriteLine();
        console.WriteLine(PhysiologyNote);
        console.WriteLine(CliContext.Notice);
        console.WriteLine($"Summary written to {path}");
        return ExitCodes.Ok;
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
/// <param name="Kind">What the demo ran.</param>
/// <param name="Note">What is still to come.</param>
/// <param name="Notice">The research-use notice.</param>
/// <param name="Results">One entry per problem and tolerance.</param>
internal sealed record DemoSummary(
    string Schema,
    string ExosimVersion,
    string Kind,
    string Note,
    string Notice,
    IReadOnlyList<ShowcaseResult> Results);
