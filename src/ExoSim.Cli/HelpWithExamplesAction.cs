using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace ExoSim.Cli;

/// <summary>The standard help, followed by an "Examples:" section for commands that registered examples.</summary>
internal sealed class HelpWithExamplesAction(HelpAction standard, CliContext context) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        int code = standard.Invoke(parseResult);
        if (context.Examples.TryGetValue(parseResult.CommandResult.Command, out string[]? lines))
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (string line in lines)
            {
                output.WriteLine($"  {line}");
            }

            output.WriteLine();
        }

        return code;
    }
}

/// <summary>Prints the version of the ExoSim assembly (not of the host process, which differs under test runners).</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(CliContext.Version);
        return ExitCodes.Ok;
    }
}
