using System.CommandLine;
using System.Diagnostics;
using ExoSim.Storage.Registry;

namespace ExoSim.Cli.Commands;

/// <summary>
/// Where the run registry is and how commands record into it: <c>--registry LOCATION</c> (SQLite file or PostgreSQL), else the environment variable
/// <see cref="EnvironmentVariable"/>, else <c>registry.db</c> in the user's data folder (on Linux
/// <c>~/.local/share/ExoSim/</c>). The value <c>off</c> turns recording off.
/// </summary>
internal static class RunRegistryAccess
{
    public const string EnvironmentVariable = "EXOSIM_REGISTRY";

    public const string Off = "off";

    /// <summary>The <c>--registry</c> option (one instance per command).</summary>
    public static Option<string?> CreateOption() => new("--registry")
    {
        Description = $"Run registry: a SQLite file or a PostgreSQL connection string/URL. Default: ${EnvironmentVariable}, else registry.db in the user's data folder; '{Off}' records nothing.",
        HelpName = "LOCATION",
    };

    /// <summary>The registry file to use, or null when recording is off.</summary>
    public static string? Location(CliContext context, string? option)
    {
        string? configured = option ?? context.Environment(EnvironmentVariable);
        if (string.Equals(configured, Off, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        string data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(data) ? null : Path.Combine(data, "ExoSim", "registry.db");
    }

    /// <summary>Opens the registry for the <c>runs</c> commands (which need one).</summary>
    /// <exception cref="UsageException">Recording is off or no location is known.</exception>
    /// <exception cref="RunFailureException">The registry cannot be opened.</exception>
    public static RunRegistry OpenForReading(CliContext context, string? option)
    {
        string location = Location(context, option)
            ?? throw new UsageException($"No run registry: give --registry PATH or set {EnvironmentVariable} (it is '{Off}' or no user data folder exists).");
        try
        {
            return RunRegistry.Open(location);
        }
        catch (RegistryException exception)
        {
            throw new RunFailureException(exception.Message, exception);
        }
    }

    /// <summary>Starts recording a run that is about to start (see <see cref="RunRecorder"/>).</summary>
    public static RunRecorder StartRecording(CliContext context, string? option, string command, string arguments, string specPath, string specText, string outputDirectory, ulong? seed)
        => new(context, Location(context, option), command, arguments, specPath, specText, outputDirectory, seed);
}

/// <summary>
/// Records one run in the registry when it ends, completed with its headline results or failed with its message. A
/// registry that cannot be written only warns: the results on disk matter more than their index.
/// </summary>
internal sealed class RunRecorder
{
    private readonly CliContext context;
    private readonly string? location;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly RunRecord draft;

    public RunRecorder(CliContext context, string? location, string command, string arguments, string specPath, string specText, string outputDirectory, ulong? seed)
    {
        this.context = context;
        this.location = location;
        var started = DateTimeOffset.UtcNow;
        draft = new RunRecord
        {
            Id = RunRecord.NewId(started),
            StartedUtc = started,
            Command = command,
            Arguments = arguments,
            SpecPath = specPath,
            SpecText = specText,
            Seed = seed,
            ExosimVersion = CliContext.Version,
            Status = RunStatus.Completed,
            DurationMs = 0,
            OutputDirectory = Path.GetFullPath(outputDirectory),
        };
    }

    /// <summary>The run's id in the registry.</summary>
    public string Id => draft.Id;

    /// <summary>Whether runs are recorded at all.</summary>
    public bool Enabled => location is not null;

    /// <summary>Records the run as completed.</summary>
    public void Completed(IReadOnlyDictionary<string, double> headline) => Save(draft with { Headline = headline, DurationMs = clock.Elapsed.TotalMilliseconds });

    /// <summary>Records the run as failed.</summary>
    public void Failed(string message) => Save(draft with { Status = RunStatus.Failed, Message = message, DurationMs = clock.Elapsed.TotalMilliseconds });

    private void Save(RunRecord entry)
    {
        if (location is null)
        {
            return;
        }

        try
        {
            RunRegistry.Open(location).Add(entry);
        }
        catch (RegistryException exception)
        {
            context.Error.WriteLine($"exosim: warning: the run was not recorded: {exception.Message}");
        }
    }
}
