using System.Data.Common;
using ExoSim.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ExoSim.Storage.Tests.Registry;

/// <summary>
/// A fresh, empty registry location for each test: a SQLite file in a temporary folder, or a new schema in the
/// PostgreSQL database named by <c>EXOSIM_TEST_POSTGRES</c> (a connection string; <c>.ci/run</c> starts a local server
/// and sets it). Without it the PostgreSQL cases are skipped with that reason.
/// </summary>
internal sealed class RegistryBackend : IDisposable
{
    public const string PostgresVariable = "EXOSIM_TEST_POSTGRES";

    private readonly TemporaryDirectory? directory;
    private readonly string? adminConnection;
    private readonly string? schema;

    private RegistryBackend(string location, TemporaryDirectory? directory, string? adminConnection, string? schema)
    {
        Location = location;
        this.directory = directory;
        this.adminConnection = adminConnection;
        this.schema = schema;
    }

    public static TheoryData<string> Names => new() { "sqlite", "postgresql" };

    /// <summary>The location to open.</summary>
    public string Location { get; }

    public static RegistryBackend Create(string name)
    {
        if (name == "sqlite")
        {
            var directory = new TemporaryDirectory();
            return new RegistryBackend(Path.Combine(directory.Path, "sub", "registry.db"), directory, null, null);
        }

        string? connection = Environment.GetEnvironmentVariable(PostgresVariable);
        Skip.If(string.IsNullOrWhiteSpace(connection), $"PostgreSQL registry not tested: set {PostgresVariable} to a connection string of a database the test may create schemas in (.ci/run does).");
        string schema = "exosim_test_" + Guid.NewGuid().ToString("N")[..12];
        Run(new NpgsqlConnection(connection), $"CREATE SCHEMA {schema}");
        var builder = new NpgsqlConnectionStringBuilder(connection) { SearchPath = schema };
        return new RegistryBackend(builder.ConnectionString, null, connection, schema);
    }

    /// <summary>Runs SQL directly against the registry's database (to tamper with it).</summary>
    public void Execute(string sql)
        => Run(adminConnection is null ? new SqliteConnection($"Data Source={Location};Pooling=False") : new NpgsqlConnection(Location), sql);

    public void Dispose()
    {
        directory?.Dispose();
        if (adminConnection is not null)
        {
            Run(new NpgsqlConnection(adminConnection), $"DROP SCHEMA {schema} CASCADE");
        }
    }

    private static void Run(DbConnection newConnection, string sql)
    {
        using var connection = newConnection;
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
