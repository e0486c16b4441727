using System.CommandLine;
using System.Globalization;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using ExoSim.Storage.Registry;
using Spectre.Console;

namespace ExoSim.Cli.Commands;

/// <summary>
/// <c>exosim runs list|show ID|compare ID ID|rm ID</c>: the run registry, where every <c>simulate</c> (and later
/// <c>trial</c>) run is recorded with its spec, seed, version, status, duration, output folder and headline results.
/// </summary>
internal static class RunsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("runs", "List, show, compare and remove recorded runs (the run registry; see docs/cli.md).");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Compare(context));
        command.Subcommands.Add(Remove(context));
        context.AddExamples(command, "exosim runs list", "exosim runs show 20261201-2124", "exosim runs compare ID1 ID2", "exosim runs rm ID");
        return command;
    }

    private static Command List(CliContext context)
    {
        var registry = RunRegistryAccess.CreateOption();
        var limit = new Option<int>("--limit") { Description = "Most runs to show (newest first).", DefaultValueFactory = _ => 20, HelpName = "N" };
        var json = JsonOption();
        var command = new Command("list", "The most recent runs, newest first.") { registry, limit, json };
        command.SetAction(parse =>
        {
            int n = parse.GetValue(limit);
            if (n < 1)
            {
                throw new UsageException($"--limit must be at least 1; got {n}.");
            }

            var store = RunRegistryAccess.OpenForReading(context, parse.GetValue(registry));
            var runs = Guard(() => store.List(n));
            if (parse.GetValue(json))
            {
                context.Out.Write(CliJson.Serialize(new RunList(store.Location, runs.Select(RunInfo.From).ToArray())));
                return ExitCodes.Ok;
            }

            var console = context.CreateResultConsole();
            if (runs.Count == 0)
            {
                console.WriteLine($"No runs recorded in {store.Location} yet (exosim simulate records each run).");
                return ExitCodes.Ok;
            }

            var table = new Table().Title($"Runs in {Markup.Escape(store.Location)}")
                .AddColumn("Id").AddColumn("Started (UTC)").AddColumn("Command").AddColumn("Spec").AddColumn("Status").AddColumn(new TableColumn("Duration").RightAligned()).AddColumn("Output");
            foreach (var run in runs)
            {
                table.AddRow(
                    Markup.Escape(run.Id),
                    run.StartedUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    run.Command,
                    Markup.Escape(run.SpecPath),
                    run.Status == RunStatus.Completed ? "completed" : "[red]failed[/]",
                    Seconds(run.DurationMs),
                    Markup.Escape(run.OutputDirectory));
            }

            console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var registry = RunRegistryAccess.CreateOption();
        var id = new Argument<string>("ID") { Description = "The run's id, or a unique start of it." };
        var json = JsonOption();
        var command = new Command("show", "Everything recorded about one run, including its spec file's text.") { id, registry, json };
        command.SetAction(parse =>
        {
            var store = RunRegistryAccess.OpenForReading(context, parse.GetValue(registry));
            var run = Guard(() => store.Get(parse.GetValue(id)!));
            if (parse.GetValue(json))
            {
                context.Out.Write(CliJson.Serialize(RunInfo.From(run) with { SpecText = run.SpecText }));
                return ExitCodes.Ok;
            }

            var console = context.CreateResultConsole();
            var table = new Table().Title($"Run {Markup.Escape(run.Id)}").AddColumn("Field").AddColumn("Value");
            table.AddRow("Started (UTC)", run.StartedUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            table.AddRow("Command", Markup.Escape($"exosim {run.Command} {run.Arguments}"));
            table.AddRow("Spec", Markup.Escape($"{run.SpecPath} (SHA-256 {run.SpecHash[..16]}…)"));
            table.AddRow("Seed", run.Seed?.ToString(CultureInfo.InvariantCulture) ?? "none");
            table.AddRow("ExoSim version", Markup.Escape(run.ExosimVersion));
            table.AddRow("Status", run.Status == RunStatus.Completed ? "completed" : Markup.Escape($"failed: {run.Message}"));
            table.AddRow("Duration", Seconds(run.DurationMs));
            table.AddRow("Output", Markup.Escape(run.OutputDirectory));
            foreach (var (name, value) in run.Headline)
            {
                table.AddRow(Markup.Escape(name), Number(value));
            }

            console.Write(table);
            console.WriteLine("Spec file as run:");
            console.WriteLine(run.SpecText);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Compare(CliContext context)
    {
        var registry = RunRegistryAccess.CreateOption();
        var first = new Argument<string>("ID1") { Description = "The first run (the reference)." };
        var second = new Argument<string>("ID2") { Description = "The second run." };
        var json = JsonOption();
        var command = new Command("compare", "Differences between two runs: their spec files line by line, and their headline results (ID2 − ID1).") { first, second, registry, json };
        command.SetAction(parse =>
        {
            var store = RunRegistryAccess.OpenForReading(context, parse.GetValue(registry));
            var a = Guard(() => store.Get(parse.GetValue(first)!));
            var b = Guard(() => store.Get(parse.GetValue(second)!));
            var comparison = RunComparison.Between(a, b);
            if (parse.GetValue(json))
            {
                context.Out.Write(CliJson.Serialize(comparison));
                return ExitCodes.Ok;
            }

            var console = context.CreateResultConsole();
            console.WriteLine($"Spec: {a.SpecPath} ({a.Id}) → {b.SpecPath} ({b.Id}){(a.SpecHash == b.SpecHash ? ": identical" : ":")}");
            foreach (string line in comparison.SpecDiff)
            {
                console.WriteLine(line);
            }

            var table = new Table().Title("Headline results").AddColumn("Result").AddColumn(new TableColumn(Markup.Escape(a.Id)).RightAligned())
                .AddColumn(new TableColumn(Markup.Escape(b.Id)).RightAligned()).AddColumn(new TableColumn("difference").RightAligned());
            foreach (var row in comparison.Results)
            {
                table.AddRow(Markup.Escape(row.Name), Optional(row.First), Optional(row.Second), Optional(row.Difference));
            }

            console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Remove(CliContext context)
    {
        var registry = RunRegistryAccess.CreateOption();
        var id = new Argument<string>("ID") { Description = "The run's id, or a unique start of it." };
        var command = new Command("rm", "Remove a run's record from the registry (its output directory is left alone).") { id, registry };
        command.SetAction(parse =>
        {
            var store = RunRegistryAccess.OpenForReading(context, parse.GetValue(registry));
            var run = Guard(() => store.Remove(parse.GetValue(id)!));
            context.Out.WriteLine($"Removed run {run.Id} from {store.Location}; its output directory {run.OutputDirectory} is unchanged.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<bool> JsonOption() => new("--json") { Description = "Print JSON instead of the table." };

    /// <summary>Runs a registry call; an unknown or ambiguous id is a usage mistake (exit 2).</summary>
    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (RegistryException exception)
        {
            throw new UsageException(exception.Message, exception);
        }
    }

    private static string Seconds(double ms) => (ms / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " s";

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string Optional(double? value) => value is double v ? Number(v) : "—";
}

/// <summary>Recorded runs, as <c>exosim runs list --json</c> prints them.</summary>
/// <param name="Registry">The registry file.</param>
/// <param name="Runs">Newest first.</param>
internal sealed record RunList(string Registry, IReadOnlyList<RunInfo> Runs);

/// <summary>One recorded run as printed in JSON.</summary>
internal sealed record RunInfo(
    string Id, DateTimeOffset StartedUtc, string Command, string Arguments, string SpecPath, string SpecHash, ulong? Seed, string ExosimVersion,
    RunStatus Status, string? Message, double DurationMs, string OutputDirectory, IReadOnlyDictionary<string, double> Headline)
{
    /// <summary>The spec's text (only in <c>runs show --json</c>).</summary>
    public string? SpecText { get; init; }

    public static RunInfo From(RunRecord run) => new(
        run.Id, run.StartedUtc, run.Command, run.Arguments, run.SpecPath, run.SpecHash, run.Seed, run.ExosimVersion, run.Status, run.Message,
        run.DurationMs, run.OutputDirectory, run.Headline);
}

/// <summary>Two runs compared: a unified-style line diff of their specs and their headline results side by side.</summary>
/// <param name="First">The reference run's id.</param>
/// <param name="Second">The other run's id.</param>
/// <param name="SpecsIdentical">Whether the spec texts are identical (same SHA-256).</param>
/// <param name="SpecDiff">Changed lines: "- " removed from the first, "+ " added in the second (unchanged lines left out).</param>
/// <param name="Results">Every headline result of either run.</param>
internal sealed record RunComparison(string First, string Second, bool SpecsIdentical, IReadOnlyList<string> SpecDiff, IReadOnlyList<ResultComparison> Results)
{
    public static RunComparison Between(RunRecord first, RunRecord second)
    {
        var diff = InlineDiffBuilder.Diff(first.SpecText, second.SpecText, ignoreWhiteSpace: false);
        var lines = diff.Lines
            .Where(l => l.Type is ChangeType.Deleted or ChangeType.Inserted)
            .Select(l => (l.Type == ChangeType.Deleted ? "- " : "+ ") + l.Text)
            .ToArray();
        var names = first.Headline.Keys.Concat(second.Headline.Keys.Where(k => !first.Headline.ContainsKey(k)));
        var results = names.Select(name =>
        {
            double? a = first.Headline.TryGetValue(name, out double x) ? x : null;
            double? b = second.Headline.TryGetValue(name, out double y) ? y : null;
            return new ResultComparison(name, a, b, a is double p && b is double q ? q - p : null);
        }).ToArray();
        return new RunComparison(first.Id, second.Id, first.SpecHash == second.SpecHash, lines, results);
    }
}

/// <summary>One headline result of two runs.</summary>
/// <param name="Name">Result name (unit in the name).</param>
/// <param name="First">Its value in the first run, if recorded.</param>
/// <param name="Second">Its value in the second run, if recorded.</param>
/// <param name="Difference">Second − first, when both have it.</param>
internal sealed record ResultComparison(string Name, double? First, double? Second, double? Difference);
