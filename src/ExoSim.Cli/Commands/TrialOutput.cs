using System.Globalization;
using System.Text.Json;
using ExoSim.Reports.Html;
using ExoSim.Storage;
using ExoSim.Trials.Endpoints;
using ExoSim.Trials.Scenarios;
using ExoSim.Trials.Trials;

namespace ExoSim.Cli.Commands;

/// <summary>
/// The output directory of a trial (layout in docs/trials.md): <c>trial.json</c>, <c>chunks/chunk-NNNNN.csv</c> (one
/// file per <see cref="TrialEngine.ChunkSize"/> patients, written atomically as they finish, after the chunk's
/// glucose-profile counts <c>chunks/agp-NNNNN.csv</c>: what <c>--resume</c> and <c>exosim merge</c> build on), and
/// once every chunk is there <c>patients.parquet</c>, optionally <c>patients.csv</c>, <c>plots/*.png</c>,
/// <c>report.html</c>, and <c>summary.json</c> last.
/// </summary>
internal static class TrialOutput
{
    public const string ManifestFileName = "trial.json";
    public const string SummaryFileName = "summary.json";
    public const string ReportFileName = "report.html";
    public const string ChunkDirectory = "chunks";
    public const string PlotDirectory = "plots";
    public const string TimeSeriesDirectory = "timeseries";
    private const string ProfileHeader = "arm_index,time_bin,glucose_bin,count";

    public static string ChunkPath(string directory, int chunk)
        => Path.Combine(directory, ChunkDirectory, string.Create(CultureInfo.InvariantCulture, $"chunk-{chunk:D5}.csv"));

    /// <summary>The chunk's glucose-profile counts per arm (AGP): written before its patient rows, so a chunk file implies its profile.</summary>
    public static string ProfilePath(string directory, int chunk)
        => Path.Combine(directory, ChunkDirectory, string.Create(CultureInfo.InvariantCulture, $"agp-{chunk:D5}.csv"));

    /// <summary>The chunk's per-patient time series (<c>--timeseries</c>): written before its patient rows, so a chunk file implies them.</summary>
    public static string TimeSeriesPath(string directory, int chunk)
        => Path.Combine(directory, TimeSeriesDirectory, string.Create(CultureInfo.InvariantCulture, $"chunk-{chunk:D5}.csv"));

    public static PatientTableSchema Schema(ResolvedTrial trial) => new(TrialColumns.Text, TrialManifest.PatientColumns(trial));

    public static PatientTableRow ToRow(ResolvedTrial trial, PatientOutcome p)
        => new(p.Index, [p.Id, p.Cohort, p.Subject, p.Arm, p.Stratum], [p.AgeYears, p.WeightKg, .. p.Values, .. trial.ReportsAdverseEvents ? p.AdverseEvents.Values : []]);

    public static PatientOutcome FromRow(ResolvedTrial trial, PatientTableRow row)
    {
        int endpoints = row.Numbers.Count - TrialColumns.Covariates.Count - (trial.ReportsAdverseEvents ? AdverseEvents.Columns.Count : 0);
        var numbers = row.Numbers.Skip(TrialColumns.Covariates.Count).ToArray();
        return new(row.Index, row.Text[0], row.Text[1], row.Text[2], row.Text[3], row.Text[4], row.Numbers[0], row.Numbers[1], numbers[..endpoints])
        {
            AdverseEvents = trial.ReportsAdverseEvents ? PatientAdverseEvents.FromValues(numbers[endpoints..]) : PatientAdverseEvents.None,
        };
    }

    /// <summary>The chunks already written in <paramref name="directory"/>.</summary>
    public static HashSet<int> CompletedChunks(string directory, int patients)
        => Enumerable.Range(0, TrialEngine.ChunkCount(patients)).Where(c => File.Exists(ChunkPath(directory, c))).ToHashSet();

    public static void WriteChunk(string directory, ResolvedTrial trial, TrialChunk chunk)
    {
        AtomicFile.WriteText(ProfilePath(directory, chunk.Index), writer =>
        {
            // One line per non-empty bin: arm by its position in the trial, time-of-day and glucose bin indices (GlucoseProfile).
            writer.Write(ProfileHeader + "\n");
            for (int arm = 0; arm < trial.Arms.Count; arm++)
            {
                if (chunk.Profiles.TryGetValue(trial.Arms[arm].Name, out var profile))
                {
                    foreach (var (time, glucose, count) in profile.Bins())
                    {
                        writer.Write(string.Create(CultureInfo.InvariantCulture, $"{arm},{time},{glucose},{count}\n"));
                    }
                }
            }
        });
        if (chunk.Patients.Any(p => p.TimeSeries is not null))
        {
            PatientTimeSeriesCsv.Write(
                TimeSeriesPath(directory, chunk.Index),
                PatientTimeSeries.ColumnNames(trial.Model),
                chunk.Patients.Select(p => (p.Index, p.Arm, p.TimeSeries!.Values)));
        }

        PatientTableCsv.Write(ChunkPath(directory, chunk.Index), Schema(trial), chunk.Patients.Select(p => ToRow(trial, p)));
    }

    /// <summary>Copies the time-series files of every chunk from the directories that hold them into <paramref name="directory"/> (merge).</summary>
    /// <exception cref="RunFailureException">A chunk's time series is in none of them, or cannot be copied.</exception>
    public static void CopyTimeSeries(string directory, IReadOnlyList<string> sources, int patients)
    {
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, TimeSeriesDirectory));
            for (int c = 0; c < TrialEngine.ChunkCount(patients); c++)
            {
                string source = sources.Select(d => TimeSeriesPath(d, c)).FirstOrDefault(File.Exists)
                    ?? throw new RunFailureException($"The time series of chunk {c} (patients {c * TrialEngine.ChunkSize}…) are missing from {string.Join(", ", sources)}.");
                AtomicFile.Write(TimeSeriesPath(directory, c), stream =>
                {
                    using var input = File.OpenRead(source);
                    input.CopyTo(stream);
                });
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RunFailureException($"Cannot copy the time series to '{directory}': {exception.Message}", exception);
        }
    }

    /// <summary>Adds the counts of one chunk's profile file to the arms' profiles.</summary>
    /// <exception cref="InvalidDataException">The file is not a profile of this trial.</exception>
    private static void ReadProfile(string path, GlucoseProfile[] arms)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path} is missing (written before its chunk by this ExoSim version).");
        }

        using var reader = new StreamReader(path);
        if (reader.ReadLine() != ProfileHeader)
        {
            throw new InvalidDataException($"{path}:1: expected the header '{ProfileHeader}'.");
        }

        int line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var fields = text.Split(',');
            if (fields.Length != 4
                || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out int arm) || arm >= arms.Length
                || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out int time) || time >= GlucoseProfile.TimeBins
                || !int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out int glucose) || glucose >= GlucoseProfile.GlucoseBins
                || !long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out long count))
            {
                throw new InvalidDataException($"{path}:{line}: expected {ProfileHeader} with an arm of the trial and bins inside the profile; got '{text}'.");
            }

            arms[arm].Add(time, glucose, count);
        }
    }

    /// <summary>Reads what resume and merge need from trial.json of a directory, or null when there is none.</summary>
    /// <exception cref="UsageException">It is not a trial.json ExoSim can read.</exception>
    public static ManifestHeader? ReadManifest(string directory)
    {
        string path = Path.Combine(directory, ManifestFileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var root = json.RootElement;
            if (root.GetProperty("schema").GetString() != TrialManifest.SchemaName)
            {
                throw new UsageException($"{path}: not a {TrialManifest.SchemaName} file.");
            }

            var shard = root.GetProperty("shard");
            bool timeSeries = root.TryGetProperty("time_series", out var requested) && requested.GetBoolean();
            return new ManifestHeader(
                path,
                root.GetProperty("fingerprint").GetString()!,
                root.GetProperty("seed").GetUInt64(),
                root.GetProperty("trial").GetProperty("file").GetString()!,
                root.GetProperty("source_text").GetString()!,
                shard.ValueKind == JsonValueKind.Null ? null : new ShardInfo(shard.GetProperty("index").GetInt32(), shard.GetProperty("count").GetInt32()),
                timeSeries);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new UsageException($"{path}: not a trial.json of this ExoSim version ({exception.Message}).", exception);
        }
    }

    /// <summary>The resolved trial a manifest describes, rebuilt from the trial text it carries.</summary>
    public static ResolvedTrial Resolve(ManifestHeader manifest)
    {
        try
        {
            return TrialResolver.Resolve(TrialReader.Read(manifest.SourceText, manifest.TrialFile), manifest.Seed);
        }
        catch (ScenarioException exception)
        {
            throw new UsageException(exception.Message, exception);
        }
    }

    /// <summary>
    /// Writes patients.parquet (one row group per chunk), patients.csv when asked, report.html (with the power curve
    /// when <paramref name="power"/> is given) and summary.json from the chunk files found in
    /// <paramref name="chunkDirectories"/>, in patient order.
    /// </summary>
    /// <returns>The summary and its JSON text.</returns>
    public static (TrialSummary Summary, string Text) WriteResults(
        string directory, TrialManifest manifest, ResolvedTrial trial, IReadOnlyList<string> chunkDirectories, bool csv, PowerResult? power)
    {
        var schema = Schema(trial);
        int chunks = TrialEngine.ChunkCount(trial.Population.Count);
        var paths = new string[chunks];
        for (int c = 0; c < chunks; c++)
        {
            paths[c] = chunkDirectories.Select(d => ChunkPath(d, c)).FirstOrDefault(File.Exists)
                ?? throw new RunFailureException($"Chunk {c} of the trial (patients {c * TrialEngine.ChunkSize}…) is missing from {string.Join(", ", chunkDirectories)}.");
        }

        IEnumerable<IReadOnlyList<PatientTableRow>> Batches() => paths.Select(p => (IReadOnlyList<PatientTableRow>)PatientTableCsv.Read(p, schema));
        try
        {
            // Each chunk's profile is next to its patient rows (same directory); the sums do not depend on the order.
            var profiles = trial.Arms.Select(_ => new GlucoseProfile()).ToArray();
            for (int c = 0; c < chunks; c++)
            {
                ReadProfile(ProfilePath(Path.GetDirectoryName(Path.GetDirectoryName(paths[c])!)!, c), profiles);
            }

            PatientTableParquet.Write(Path.Combine(directory, PatientTableParquet.FileName), schema, Batches());
            if (csv)
            {
                PatientTableCsv.Write(Path.Combine(directory, PatientTableCsv.FileName), schema, Batches().SelectMany(b => b));
            }

            var patients = Batches().SelectMany(b => b).Select(r => FromRow(trial, r)).ToList();
            var summary = TrialSummary.Build(trial, patients, CliContext.Version, CliContext.Notice);
            var report = TrialReport.Render(manifest, summary, patients, power, [.. trial.Arms.Select((a, i) => (a.Name, profiles[i]))]);
            foreach (var figure in report.Figures)
            {
                AtomicFile.Write(Path.Combine(directory, PlotDirectory, figure.Id + ".png"), stream => stream.Write(figure.Png));
            }

            AtomicFile.WriteAllText(Path.Combine(directory, ReportFileName), report.Html);
            string text = CliJson.Serialize(summary);
            AtomicFile.WriteAllText(Path.Combine(directory, SummaryFileName), text);
            return (summary, text);
        }
        catch (InvalidDataException exception)
        {
            throw new RunFailureException($"A chunk file cannot be read back: {exception.Message}", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RunFailureException($"Cannot write the results to '{directory}': {exception.Message}", exception);
        }
    }
}

/// <summary>What resume and merge read from a trial.json.</summary>
/// <param name="Path">The file.</param>
/// <param name="Fingerprint">The trial's fingerprint.</param>
/// <param name="Seed">The seed in effect.</param>
/// <param name="TrialFile">The trial file's path as given.</param>
/// <param name="SourceText">The trial file's text.</param>
/// <param name="Shard">The shard, or null.</param>
/// <param name="TimeSeries">Whether per-patient time series were requested.</param>
internal sealed record ManifestHeader(string Path, string Fingerprint, ulong Seed, string TrialFile, string SourceText, ShardInfo? Shard, bool TimeSeries);
