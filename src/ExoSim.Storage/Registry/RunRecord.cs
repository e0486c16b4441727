using System.Security.Cryptography;
using System.Text;

namespace ExoSim.Storage.Registry;

/// <summary>How a recorded run ended.</summary>
public enum RunStatus
{
    /// <summary>The run finished and wrote its results.</summary>
    Completed,

    /// <summary>The run failed (solver failure, unwritable output); <see cref="RunRecord.Message"/> says why.</summary>
    Failed,
}

/// <summary>One recorded <c>simulate</c> or <c>trial</c> run: what was run, how it ended, where its results are.</summary>
public sealed record RunRecord
{
    /// <summary>Unique id (see <see cref="NewId"/>).</summary>
    public required string Id { get; init; }

    /// <summary>When the run started (UTC).</summary>
    public required DateTimeOffset StartedUtc { get; init; }

    /// <summary>The command, e.g. <c>simulate</c>.</summary>
    public required string Command { get; init; }

    /// <summary>The command line's arguments as given.</summary>
    public required string Arguments { get; init; }

    /// <summary>The spec file as given (scenario or trial file).</summary>
    public required string SpecPath { get; init; }

    /// <summary>The spec's full text, so the run can be repeated even if the file changes.</summary>
    public required string SpecText { get; init; }

    /// <summary>SHA-256 of <see cref="SpecText"/> (lower-case hex).</summary>
    public string SpecHash => HashOf(SpecText);

    /// <summary>The seed of the run's random draws, when it has any.</summary>
    public ulong? Seed { get; init; }

    /// <summary>The ExoSim version that ran it.</summary>
    public required string ExosimVersion { get; init; }

    /// <summary>How it ended.</summary>
    public required RunStatus Status { get; init; }

    /// <summary>Why it failed (null when completed).</summary>
    public string? Message { get; init; }

    /// <summary>Wall-clock duration (ms).</summary>
    public required double DurationMs { get; init; }

    /// <summary>The output directory (absolute).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Headline results by name with the unit in the name (e.g. <c>mean_glucose_mg_dl</c>).</summary>
    public IReadOnlyDictionary<string, double> Headline { get; init; } = new Dictionary<string, double>();

    /// <summary>A new id: the start time to the second and 6 random hex digits, e.g. <c>20261201-212442-3fa9c1</c>.</summary>
    public static string NewId(DateTimeOffset startedUtc)
        => $"{startedUtc.UtcDateTime:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";

    /// <summary>SHA-256 of a text (UTF-8), lower-case hex.</summary>
    public static string HashOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
