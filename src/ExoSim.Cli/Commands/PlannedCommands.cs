using System.CommandLine;

namespace ExoSim.Cli.Commands;

/// <summary>
/// Command slots of the stable interface (BRIEF.md "Interfaces") that are not built yet. They parse their arguments
/// and show help, but running them prints one line naming the issue that will deliver them and exits with 3.
/// </summary>
internal static class PlannedCommands
{
    /// <summary>Creates every planned command; <paramref name="issues"/> receives the issue number of each.</summary>
    public static IEnumerable<Command> Create(CliContext context, Dictionary<Command, int> issues)
    {
        // Every command of the stable interface is built now; a new slot is added here with Planned(...).
        _ = context;
        _ = issues;
        yield break;
    }

    /// <summary>The one-line message for a command that is not built yet.</summary>
    public static string UnavailableMessage(Command command, int issue) =>
        $"`exosim {command.Name}` is not available yet in this version (planned: issue #{issue}).";

    private static Command Planned(CliContext context, Dictionary<Command, int> issues, int issue, Command command, string example)
    {
        command.Description += $" Not available yet in this version (planned: issue #{issue}).";
        command.SetAction(_ =>
        {
            context.Error.WriteLine(UnavailableMessage(command, issue));
            return ExitCodes.NotYetAvailable;
        });
        issues[command] = issue;
        context.AddExamples(command, example);
        return command;
    }
}
