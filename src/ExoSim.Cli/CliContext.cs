using System.CommandLine;
using System.Reflection;
using Spectre.Console;

namespace ExoSim.Cli;

/// <summary>How much a command prints: the global <c>--quiet</c> and <c>--verbose</c> options (docs/cli.md).</summary>
internal enum Verbosity
{
    /// <summary>Tables, notices, where files went, progress.</summary>
    Normal,

    /// <summary><c>--quiet</c>: errors and each command's essential result line only (JSON with <c>--json</c>).</summary>
    Quiet,

    /// <summary><c>--verbose</c>: normal output plus details (per-chunk progress, stack traces of failures).</summary>
    Verbose,
}

/// <summary>What every command needs from the process: its output writers, the verbosity and the help examples registry.</summary>
internal sealed class CliContext
{
    /// <summary>The notice every result carries.</summary>
    public const string Notice = "ExoSim is a research and teaching tool: research use only, not medical advice.";

    private readonly Dictionary<Command, string[]> examples = [];

    public CliContext(TextWriter output, TextWriter error, Func<string, string?>? environment = null)
    {
        Out = output;
        Error = error;
        Environment = environment ?? System.Environment.GetEnvironmentVariable;
    }

    /// <summary>Reads an environment variable (replaceable, so that tests and hosts can isolate settings).</summary>
    public Func<string, string?> Environment { get; }

    /// <summary>Standard output (results).</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error (diagnostics).</summary>
    public TextWriter Error { get; }

    /// <summary>The verbosity of this invocation (set once the command line is parsed).</summary>
    public Verbosity Verbosity { get; set; } = Verbosity.Normal;

    /// <summary>Whether <c>--quiet</c> is in effect.</summary>
    public bool Quiet => Verbosity == Verbosity.Quiet;

    /// <summary>Where progress lines go: standard error, or nowhere with <c>--quiet</c>.</summary>
    public TextWriter Progress => Quiet ? TextWriter.Null : Error;

    /// <summary>A detail for <c>--verbose</c> (standard error); nothing otherwise.</summary>
    public void Detail(string line)
    {
        if (Verbosity == Verbosity.Verbose)
        {
            Error.WriteLine(line);
        }
    }

    /// <summary>
    /// The command's essential result with <c>--quiet</c> (e.g. the path of the summary it wrote), one line on standard
    /// output; without <c>--quiet</c> the tables and "written to" lines already say it, so nothing is printed.
    /// </summary>
    public void QuietResult(string line)
    {
        if (Quiet)
        {
            Out.WriteLine(line);
        }
    }

    /// <summary>Examples shown at the end of each command's --help.</summary>
    public IReadOnlyDictionary<Command, string[]> Examples => examples;

    /// <summary>The tool version (from Directory.Build.props; may carry the source revision after '+').</summary>
    public static string Version { get; } =
        typeof(CliContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(CliContext).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public void AddExamples(Command command, params string[] lines) => examples[command] = lines;

    /// <summary>
    /// A Spectre console for tables and notices around a command's result: writing to <see cref="Out"/>, or to nothing
    /// with <c>--quiet</c>; plain text when the output is not a terminal.
    /// </summary>
    public IAnsiConsole CreateConsole() => CreateConsole(Quiet ? TextWriter.Null : Out);

    /// <summary>A Spectre console for output that is itself the result (a listing, a glossary entry): <see cref="Out"/> even with <c>--quiet</c>.</summary>
    public IAnsiConsole CreateResultConsole() => CreateConsole(Out);

    private static IAnsiConsole CreateConsole(TextWriter writer)
    {
        var output = new AnsiConsoleOutput(writer);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = output,
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Detect,
        });

        // Logs and pipes default to 80 columns, which wraps the demo table; 120 keeps one row per line.
        if (!output.IsTerminal)
        {
            console.Profile.Width = 120;
        }

        return console;
    }
}
