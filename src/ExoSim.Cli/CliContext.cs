using System.CommandLine;
using System.Reflection;
using Spectre.Console;

namespace ExoSim.Cli;

/// <summary>What every command needs from the process: its output writers and the help examples registry.</summary>
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

    /// <summary>Examples shown at the end of each command's --help.</summary>
    public IReadOnlyDictionary<Command, string[]> Examples => examples;

    /// <summary>The tool version (from Directory.Build.props; may carry the source revision after '+').</summary>
    public static string Version { get; } =
        typeof(CliContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(CliContext).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public void AddExamples(Command command, params string[] lines) => examples[command] = lines;

    /// <summary>A Spectre console writing to <see cref="Out"/>; plain text when the output is not a terminal.</summary>
    public IAnsiConsole CreateConsole()
    {
        var output = new AnsiConsoleOutput(Out);
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
