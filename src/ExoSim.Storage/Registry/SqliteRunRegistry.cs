using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ExoSim.Storage.Registry;

/// <summary>
/// The run registry in one SQLite file. The schema is versioned: <see cref="Migrations"/> are applied in order inside
/// a transaction when the file is opened, and <c>PRAGMA user_version</c> records how far a file is; a file written by
/// a newer ExoSim (a higher version) is refused rather than misread.
/// </summary>
public sealed class SqliteRunRegistry
{
    /// <summary>The schema's migrations; index i brings a file from version i to version i + 1.</summary>
    internal static readonly string[] Migrations =
    [
        """
        CREATE TABLE runs (
            id TEXT PRIMARY KEY,
            started_utc TEXT NOT NULL,
            command TEXT NOT NULL,
            arguments TEXT NOT NULL,
            spec_path TEXT NOT NULL,
            spec_text TEXT NOT NULL,
            spec_hash TEXT NOT NULL,
            seed TEXT,
            exosim_version TEXT NOT NULL,
            status TEXT NOT NULL,
            message TEXT,
            duration_ms REAL NOT NULL,
            output_directory TEXT NOT NULL,
            headline_json TEXT NOT NULL
        );
        CREATE INDEX runs_started ON runs (started_utc);
        """,
    ];

    private readonly string connectionString;

    private SqliteRunRegistry(string path)
    {
        Path = path;
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 30 }.ToString();
    }

    /// <summary>The schema version this ExoSim writes.</summary>
    public static int SchemaVersion => Migrations.Length;

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating if needed, and migrating to <see cref="SchemaVersion"/>) the registry at a path.</summary>
    /// <exception cref="RegistryException">The file cannot be opened or is from a newer ExoSim.</exception>
    public static SqliteRunRegistry Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { Length: > 0 } directory)
            {
                Directory.CreateDirectory(directory);
            }

            var registry = new SqliteRunRegistry(path);
            registry.Migrate();
            return registry;
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new RegistryException($"Cannot open the run registry '{path}': {exception.Message}", exception);
        }
    }

    /// <summary>Records a run.</summary>
    /// <exception cref="RegistryException">The database cannot be written.</exception>
    public void Add(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Execute(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO runs (id, started_utc, command, arguments, spec_path, spec_text, spec_hash, seed, exosim_version, status, message, duration_ms, output_directory, headline_json)
                VALUES ($id, $started, $command, $arguments, $specPath, $specText, $specHash, $seed, $version, $status, $message, $duration, $output, $headline);
                """;
            command.Parameters.AddWithValue("$id", run.Id);
            command.Parameters.AddWithValue("$started", run.StartedUtc.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$command", run.Command);
            command.Parameters.AddWithValue("$arguments", run.Arguments);
            command.Parameters.AddWithValue("$specPath", run.SpecPath);
            command.Parameters.AddWithValue("$specText", run.SpecText);
            command.Parameters.AddWithValue("$specHash", run.SpecHash);
            command.Parameters.AddWithValue("$seed", run.Seed is ulong seed ? seed.ToString(CultureInfo.InvariantCulture) : DBNull.Value);
            command.Parameters.AddWithValue("$version", run.ExosimVersion);
            command.Parameters.AddWithValue("$status", run.Status.ToString());
            command.Parameters.AddWithValue("$message", (object?)run.Message ?? DBNull.Value);
            command.Parameters.AddWithValue("$duration", run.DurationMs);
            command.Parameters.AddWithValue("$output", run.OutputDirectory);
            command.Parameters.AddWithValue("$headline", JsonSerializer.Serialize(run.Headline));
            command.ExecuteNonQuery();
            return 0;
        });
    }

    /// <summary>The most recent runs first, at most <paramref name="limit"/>.</summary>
    /// <exception cref="RegistryException">The database cannot be read.</exception>
    public IReadOnlyList<RunRecord> List(int limit = 50)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Query("SELECT * FROM runs ORDER BY started_utc DESC, id DESC LIMIT $limit", ("$limit", limit));
    }

    /// <summary>The run whose id is <paramref name="idOrPrefix"/> or uniquely starts with it.</summary>
    /// <exception cref="RegistryException">No run, or several runs, match.</exception>
    public RunRecord Get(string idOrPrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idOrPrefix);
        var exact = Query("SELECT * FROM runs WHERE id = $id", ("$id", idOrPrefix));
        if (exact.Count == 1)
        {
            return exact[0];
        }

        var matches = Query("SELECT * FROM runs WHERE substr(id, 1, length($prefix)) = $prefix ORDER BY id LIMIT 6", ("$prefix", idOrPrefix));
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new RegistryException($"No run '{idOrPrefix}' in the registry '{Path}' (list them with: exosim runs list)."),
            _ => throw new RegistryException($"'{idOrPrefix}' matches several runs ({string.Join(", ", matches.Take(5).Select(m => m.Id))}{(matches.Count > 5 ? ", …" : string.Empty)}): give more of the id."),
        };
    }

    /// <summary>Removes a run's record (not its output directory).</summary>
    /// <returns>The removed record.</returns>
    /// <exception cref="RegistryException">No unique run matches.</exception>
    public RunRecord Remove(string idOrPrefix)
    {
        var run = Get(idOrPrefix);
        Execute(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM runs WHERE id = $id";
            command.Parameters.AddWithValue("$id", run.Id);
            return command.ExecuteNonQuery();
        });
        return run;
    }

    private void Migrate()
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        int version = Convert.ToInt32(Scalar(connection, transaction, "PRAGMA user_version"), CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
        {
            throw new RegistryException($"The run registry '{Path}' has schema version {version}, written by a newer ExoSim; this one reads up to version {SchemaVersion}.");
        }

        for (int v = version; v < SchemaVersion; v++)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Migrations[v] + string.Create(CultureInfo.InvariantCulture, $"\nPRAGMA user_version = {v + 1};");
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private List<RunRecord> Query(string sql, params (string Name, object Value)[] parameters)
        => Execute(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            using var reader = command.ExecuteReader();
            var runs = new List<RunRecord>();
            while (reader.Read())
            {
                runs.Add(Read(reader));
            }

            return runs;
        });

    private static RunRecord Read(SqliteDataReader reader)
    {
        string Text(string column) => reader.GetString(reader.GetOrdinal(column));
        string? Nullable(string column) => reader.IsDBNull(reader.GetOrdinal(column)) ? null : Text(column);
        return new RunRecord
        {
            Id = Text("id"),
            StartedUtc = DateTimeOffset.Parse(Text("started_utc"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            Command = Text("command"),
            Arguments = Text("arguments"),
            SpecPath = Text("spec_path"),
            SpecText = Text("spec_text"),
            Seed = Nullable("seed") is { } seed ? ulong.Parse(seed, CultureInfo.InvariantCulture) : null,
            ExosimVersion = Text("exosim_version"),
            Status = Enum.Parse<RunStatus>(Text("status")),
            Message = Nullable("message"),
            DurationMs = reader.GetDouble(reader.GetOrdinal("duration_ms")),
            OutputDirectory = Text("output_directory"),
            Headline = JsonSerializer.Deserialize<Dictionary<string, double>>(Text("headline_json")) ?? [],
        };
    }

    private T Execute<T>(Func<SqliteConnection, T> action)
    {
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            return action(connection);
        }
        catch (SqliteException exception)
        {
            throw new RegistryException($"Run registry '{Path}': {exception.Message}", exception);
        }
    }
}

/// <summary>The run registry cannot be used (file, lock, schema) or has no such run.</summary>
public sealed class RegistryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RegistryException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
