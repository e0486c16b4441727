using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using ExoSim.Cli.Commands;
using ExoSim.Models;
using ExoSim.Numerics.Ode;

namespace ExoSim.Cli;

/// <summary>
/// The <c>exosim</c> command tree and its error policy: usage mistakes print one message (exit 2), run failures one
/// message (exit 1); stack traces only with --verbose; the
/// global --quiet and --verbose set <see cref="CliContext.Verbosity"/>.
/// </summary>
internal sealed class CliApplication
{
    private readonly CliContext context;
    private readonly RootCommand root;
    private readonly Option<bool> verbose;
    private readonly Option<bool> quiet;

    public CliApplication(TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        context = new CliContext(output, error, environment);
        verbose = new Option<bool>("--verbose", "-v")
        {
            Description = "Show details: per-chunk progress of trials, and stack traces of errors.",
            Recursive = true,
        };
        quiet = new Option<bool>("--quiet", "-q")
        {
            Description = "Print only errors and the essential result (e.g. the path of the summary written; docs/cli.md); --json output is unchanged.",
            Recursive = true,
        };

        root = new RootCommand(
            "ExoSim: an in-silico laboratory for diabetes therapy research (exosomes, stem cells, insulin) — "
            + "physiology models, virtual patients and trials. Research use only, not medical advice.")
        {
            verbose, quiet,
        };
        root.Subcommands.Add(DemoCommand.Create(context));
        root.Subcommands.Add(SimulateCommand.Create(context));
        root.Subcommands.Add(ModelsCommand.Create(context));
        root.Subcommands.Add(ParamsCommand.Create(context));
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(TrialCommand.Create(context));
        root.Subcommands.Add(SensitivityCommand.Create(context));
        root.Subcommands.Add(MergeCommand.Create(context));
        root.Subcommands.Add(RunsCommand.Create(context));
        root.Subcommands.Add(BurdenCommand.Create(context));
        root.Subcommands.Add(FitCommand.Create(context));
        root.Subcommands.Add(ExplainCommand.Create(context));
        context.AddExamples(root, "exosim demo", "exosim simulate examples/uva-padova-t1d-day.yaml", "exosim models", "exosim --version");
        foreach (var option in root.Options)
        {
            if (option is HelpOption help && help.Action is HelpAction standard)
            {
                help.Action = new HelpWithExamplesAction(standard, context);
            }
            else if (option is VersionOption version)
            {
                version.Action = new VersionAction();
            }
        }
    }

    /// <summary>The command tree (for tests that check command lines quoted in docs and the glossary).</summary>
    public RootCommand Root => root;

    public int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);

        // Bare `exosim` shows what there is rather than a "command required" error.
        var parseResult = root.Parse(args.Length == 0 ? ["--help"] : args);
        bool showDetails = parseResult.GetResult(verbose) is not null && parseResult.GetValue(verbose);
        bool beQuiet = parseResult.GetResult(quiet) is not null && parseResult.GetValue(quiet);
        if (showDetails && beQuiet)
        {
            context.Error.WriteLine("exosim: --quiet and --verbose exclude each other; give one of them.");
            return ExitCodes.BadInput;
        }

        context.Verbosity = beQuiet ? Verbosity.Quiet : showDetails ? Verbosity.Verbose : Verbosity.Normal;

        if (parseResult.Action is ParseErrorAction)
        {
            return ReportParseErrors(parseResult);
        }

        try
        {
            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (UsageException exception)
        {
            return Fail(ExitCodes.BadInput, exception.Message, exception, showDetails);
        }
        catch (RunFailureException exception)
        {
            return Fail(ExitCodes.RunFailure, exception.Message, exception, showDetails);
        }
        catch (OdeSolverException exception)
        {
            return Fail(ExitCodes.RunFailure, $"The solver failed: {exception.Message}", exception, showDetails);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Fail(ExitCodes.RunFailure, exception.Message, exception, showDetails);
        }
#pragma warning disable CA1031 // Last line of defence: one message and an exit code instead of a crash dump.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            string hint = showDetails ? string.Empty : " (run again with --verbose for details)";
            return Fail(ExitCodes.RunFailure, $"Internal error: {exception.Message}{hint}", exception, showDetails);
        }
    }

    private int ReportParseErrors(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;

        if (command == root && parseResult.UnmatchedTokens.Count > 0)
        {
            // "Required command was not provided" next to "unrecognized 'simualte'" says the same thing twice.
            context.Error.WriteLine($"exosim: '{parseResult.UnmatchedTokens[0]}' is not an exosim command.");
        }
        else
        {
            foreach (var error in parseResult.Errors)
            {
                context.Error.WriteLine($"exosim: {error.Message}");
            }
        }

        foreach (string token in parseResult.UnmatchedTokens)
        {
            string? suggestion = Suggest(token, command);
            if (suggestion is not null)
            {
                context.Error.WriteLine($"Did you mean '{suggestion}'?");
            }
        }

        string helpCommand = command == root ? "exosim --help" : $"exosim {command.Name} --help";
        context.Error.WriteLine($"Run '{helpCommand}' for usage.");
        return ExitCodes.BadInput;
    }

    private int Fail(int exitCode, string message, Exception exception, bool showDetails)
    {
        context.Error.WriteLine($"exosim: {message}");
        if (showDetails)
        {
            context.Error.WriteLine(exception.ToString());
        }

        return exitCode;
    }

    /// <summary>The closest sub-command or option name to a mistyped token, if it is close enough to be a typo.</summary>
    private static string? Suggest(string token, Command command)
    {
        var candidates = new List<string>();
        foreach (var sub in command.Subcommands)
        {
            candidates.Add(sub.Name);
        }

        foreach (var option in command.Options)
        {
            candidates.Add(option.Name);
        }

        // NameSuggestions allows about one edit per two characters (at most 3): "simualte" → "simulate", not "xyz" → "fit".
        var closest = NameSuggestions.Closest(token, candidates, maximum: 1);
        return closest.Count > 0 ? closest[0] : null;
    }
}
