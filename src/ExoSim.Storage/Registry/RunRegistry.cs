using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ExoSim.Storage.Registry;

/// <summary>
/// The run registry: where every <c>simulate</c>/<c>trial</c> run is recorded. One SQLite file by default, or a
/// PostgreSQL database shared by a team (<see cref="Open"/> tells them apart by the location's form). The schema is
/// versioned: <see cref="Migrations"/> are applied in order inside a transaction when the registry is opened and the
/// table <c>exosim_schema</c> records how far a database is; a database written by a newer ExoSim is refused rather
/// than misread. The SQL is written once for both engines (named <c>@parameters</c>, standard types).
/// </summary>
public sealed class RunRegistry
{
    /// <summary>The schema's migrations; index i brings a database from version i to version i + 1.</summary>
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
            duration_ms DOUBLE PRECISION NOT NULL,
            output_directory TEXT NOT NULL,
            headline_json TEXT NOT NULL
        );
        CREATE INDEX runs_started ON runs (started_utc);
        """,
    ];

    private readonly Func<DbConnection> connect;

    private RunRegistry(string location, Func<DbConnection> connect)
    {
        Location = location;
        this.connect = connect;
    }

    /// <summary>The schema version this ExoSim writes.</summary>
    public static int SchemaVersion => Migrations.Length;

    /// <summary>Where the registry is, for messages: the SQLite file, or the PostgreSQL host and database (never the password).</summary>
    public string Location { get; }

    /// <summary>Whether the registry is a PostgreSQL database.</summary>
    public bool IsPostgreSql { get; private init; }

    /// <summary>
    /// Opens (creating and migrating as needed) the registry at <paramref name="location"/>: a PostgreSQL connection
    /// string (<c>Host=…;Database=…;Username=…</c>) or URL (<c>postgresql://user@host/db</c>), else a SQLite file path.
    /// </summary>
    /// <exception cref="RegistryException">It cannot be opened, or it is from a newer ExoSim.</exception>
    public static RunRegistry Open(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        var registry = IsPostgreSqlLocation(location) ? PostgreSql(location) : Sqlite(location);
        registry.Execute(registry.Migrate);
        return registry;
    }

    /// <summary>Whether a registry location names a PostgreSQL database rather than a SQLite file.</summary>
    public static bool IsPostgreSqlLocation(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || location.Contains("Host=", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Records a run.</summary>
    /// <exception cref="RegistryException">The database cannot be written.</exception>
    public void Add(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Execute(connection =>
        {
            using var command = Command(
                connection,
                """
                INSERT INTO runs (id, started_utc, command, arguments, spec_path, spec_text, spec_hash, seed, exosim_version, status, message, duration_ms, output_directory, headline_json)
                VALUES (@id, @started, @command, @arguments, @spec_path, @spec_text, @spec_hash, @seed, @version, @status, @message, @duration, @output, @headline)
                """,
                ("id", run.Id),
                ("started", run.StartedUtc.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
                ("command", run.Command),
                ("arguments", run.Arguments),
                ("spec_path", run.SpecPath),
                ("spec_text", run.SpecText),
                ("spec_hash", run.SpecHash),
                ("seed", run.Seed?.ToString(CultureInfo.InvariantCulture)),
                ("version", run.ExosimVersion),
                ("status", run.Status.ToString()),
                ("message", run.Message),
                ("duration", run.DurationMs),
                ("output", run.OutputDirectory),
                ("headline", JsonSerializer.Serialize(run.Headline)));
            command.ExecuteNonQuery();
        });
    }

    /// <summary>The most recent runs first, at most <paramref name="limit"/>.</summary>
    /// <exception cref="RegistryException">The database cannot be read.</exception>
    public IReadOnlyList<RunRecord> List(int limit = 50)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Query("SELECT * FROM runs ORDER BY started_utc DESC, id DESC LIMIT @limit", ("limit", limit));
    }

    /// <summary>The run whose id is <paramref name="idOrPrefix"/> or uniquely starts with it.</summary>
    /// <exception cref="RegistryException">No run, or several runs, match.</exception>
    public RunRecord Get(string idOrPrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idOrPrefix);
        var exact = Query("SELECT * FROM runs WHERE id = @id", ("id", idOrPrefix));
        if (exact.Count == 1)
        {
            return exact[0];
        }

        var matches = Query("SELECT * FROM runs WHERE substr(id, 1, length(@prefix)) = @prefix ORDER BY id LIMIT 6", ("prefix", idOrPrefix));
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new RegistryException($"No run '{idOrPrefix}' in the registry {Location} (list them with: exosim runs list)."),
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
            using var command = Command(connection, "DELETE FROM runs WHERE id = @id", ("id", run.Id));
            command.ExecuteNonQuery();
        });
        return run;
    }

    /// <summary>The schema version of the database (0 for an empty one).</summary>
    /// <exception cref="RegistryException">The database cannot be read.</exception>
    public int StoredSchemaVersion() => Execute(connection => ReadVersion(connection, null));

    private static RunRegistry Sqlite(string path)
    {
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } directory)
            {
                Directory.CreateDirectory(directory);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new RegistryException($"Cannot create the folder of the run registry '{path}': {exception.Message}", exception);
        }

        string connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 30 }.ToString();
        return new RunRegistry(path, () => new SqliteConnection(connectionString));
    }

    private static RunRegistry PostgreSql(string location)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = location.Contains("://", StringComparison.Ordinal) ? FromUrl(location) : new NpgsqlConnectionStringBuilder(location);
        }
        catch (ArgumentException exception)
        {
            throw new RegistryException($"Not a PostgreSQL connection string: {exception.Message} (expected e.g. 'Host=localhost;Database=exosim;Username=me' or 'postgresql://me@localhost/exosim').", exception);
        }

        string shown = $"postgresql://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
        string connectionString = builder.ConnectionString;
        return new RunRegistry(shown, () => new NpgsqlConnection(connectionString)) { IsPostgreSql = true };
    }

    /// <summary>A <c>postgresql://user:password@host:port/database</c> URL as a connection string.</summary>
    private static NpgsqlConnectionStringBuilder FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.AbsolutePath.Length <= 1)
        {
            throw new ArgumentException($"'{url}' is not a URL of the form postgresql://user@host[:port]/database");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        string[] user = uri.UserInfo.Split(':', 2);
        if (user[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(user[0]);
        }

        if (user.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(user[1]);
        }

        return builder;
    }

    private void Migrate(DbConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        using (var create = Command(connection, "CREATE TABLE IF NOT EXISTS exosim_schema (version INTEGER NOT NULL)"))
        {
            create.Transaction = transaction;
            create.ExecuteNonQuery();
        }

        int version = ReadVersion(connection, transaction);
        if (version > SchemaVersion)
        {
            throw new RegistryException($"The run registry {Location} has schema version {version}, written by a newer ExoSim; this one reads up to version {SchemaVersion}.");
        }

        for (int v = version; v < SchemaVersion; v++)
        {
            using var step = Command(connection, Migrations[v]);
            step.Transaction = transaction;
            step.ExecuteNonQuery();
        }

        if (version < SchemaVersion)
        {
            using var clear = Command(connection, "DELETE FROM exosim_schema");
            clear.Transaction = transaction;
            clear.ExecuteNonQuery();
            using var record = Command(connection, "INSERT INTO exosim_schema (version) VALUES (@version)", ("version", SchemaVersion));
            record.Transaction = transaction;
            record.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static int ReadVersion(DbConnection connection, DbTransaction? transaction)
    {
        using var command = Command(connection, "SELECT version FROM exosim_schema");
        command.Transaction = transaction;
        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : 0;
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private List<RunRecord> Query(string sql, params (string Name, object? Value)[] parameters)
        => Execute(connection =>
        {
            using var command = Command(connection, sql, parameters);
            using var reader = command.ExecuteReader();
            var runs = new List<RunRecord>();
            while (reader.Read())
            {
                runs.Add(Read(reader));
            }

            return runs;
        });

    private static RunRecord Read(DbDataReader reader)
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

    private void Execute(Action<DbConnection> action) => Execute(connection =>
    {
        action(connection);
        return 0;
    });

    private T Execute<T>(Func<DbConnection, T> action)
    {
        try
        {
            using var connection = connect();
            connection.Open();
            return action(connection);
        }
        catch (DbException exception)
        {
            throw new RegistryException($"Run registry {Location}: {exception.Message}", exception);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            throw new RegistryException($"Cannot use the run registry {Location}: {exception.Message}", exception);
        }
    }
}

/// <summary>The run registry cannot be used (file, server, lock, schema) or has no such run.</summary>
public sealed class RegistryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RegistryException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
