using ExoSim.Storage.Registry;
using ExoSim.Testing;
using Microsoft.Data.Sqlite;

namespace ExoSim.Storage.Tests.Registry;

public class SqliteRunRegistryTests
{
    private static RunRecord Run(string id, DateTimeOffset started, RunStatus status = RunStatus.Completed) => new()
    {
        Id = id,
        StartedUtc = started,
        Command = "simulate",
        Arguments = "day.yaml",
        SpecPath = "day.yaml",
        SpecText = "model: uva-padova-t1d\nduration: 1 d\n",
        Seed = 42,
        ExosimVersion = "test",
        Status = status,
        Message = status == RunStatus.Failed ? "solver failed at t = 3 min" : null,
        DurationMs = 12.5,
        OutputDirectory = "/tmp/out",
        Headline = new Dictionary<string, double> { ["mean_glucose_mg_dl"] = 147.1, ["time_in_range_percent"] = 95.2 },
    };

    [Fact]
    public void Records_round_trip_and_are_listed_newest_first()
    {
        using var directory = new TemporaryDirectory();
        var registry = SqliteRunRegistry.Open(Path.Combine(directory.Path, "sub", "registry.db"));
        var t0 = new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);
        var older = Run("20261201-200000-aaaaaa", t0);
        var newer = Run("20261201-210000-bbbbbb", t0.AddHours(1), RunStatus.Failed);
        registry.Add(older);
        registry.Add(newer);

        var listed = registry.List();
        Assert.Equal([newer.Id, older.Id], listed.Select(r => r.Id));
        var back = registry.Get(older.Id);
        Assert.Equal(older.StartedUtc, back.StartedUtc);
        Assert.Equal(older.SpecText, back.SpecText);
        Assert.Equal(RunRecord.HashOf(older.SpecText), back.SpecHash);
        Assert.Equal(42UL, back.Seed);
        Assert.Equal(older.Headline, back.Headline);
        Assert.Equal(RunStatus.Failed, registry.Get(newer.Id).Status);
        Assert.Equal("solver failed at t = 3 min", registry.Get(newer.Id).Message);
        Assert.Single(registry.List(limit: 1));
    }

    [Fact]
    public void A_unique_prefix_finds_a_run_and_an_ambiguous_or_unknown_one_says_so()
    {
        using var directory = new TemporaryDirectory();
        var registry = SqliteRunRegistry.Open(Path.Combine(directory.Path, "registry.db"));
        var t0 = DateTimeOffset.UnixEpoch;
        registry.Add(Run("20261201-200000-aaaaaa", t0));
        registry.Add(Run("20261201-200000-abbbbb", t0));

        Assert.Equal("20261201-200000-abbbbb", registry.Get("20261201-200000-ab").Id);
        Assert.Contains("matches several runs", Assert.Throws<RegistryException>(() => registry.Get("20261201-200000-a")).Message, StringComparison.Ordinal);
        Assert.Contains("No run 'zzz'", Assert.Throws<RegistryException>(() => registry.Get("zzz")).Message, StringComparison.Ordinal);

        Assert.Equal("20261201-200000-aaaaaa", registry.Remove("20261201-200000-aa").Id);
        Assert.Single(registry.List());
    }

    [Fact]
    public void The_schema_is_versioned_and_a_newer_file_is_refused()
    {
        using var directory = new TemporaryDirectory();
        string path = Path.Combine(directory.Path, "registry.db");
        _ = SqliteRunRegistry.Open(path);
        Assert.Equal(SqliteRunRegistry.SchemaVersion, UserVersion(path));

        // Reopening does not re-run migrations (it would fail: the table exists).
        _ = SqliteRunRegistry.Open(path);

        SetUserVersion(path, SqliteRunRegistry.SchemaVersion + 1);
        var error = Assert.Throws<RegistryException>(() => SqliteRunRegistry.Open(path));
        Assert.Contains("newer ExoSim", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void New_ids_start_with_the_start_time_and_differ()
    {
        var t = new DateTimeOffset(2026, 12, 1, 21, 24, 42, TimeSpan.Zero);
        string a = RunRecord.NewId(t), b = RunRecord.NewId(t);
        Assert.StartsWith("20261201-212442-", a, StringComparison.Ordinal);
        Assert.Equal(22, a.Length);
        Assert.NotEqual(a, b);
    }

    private static long UserVersion(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return (long)command.ExecuteScalar()!;
    }

    private static void SetUserVersion(string path, int version)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA user_version = {version}";
        command.ExecuteNonQuery();
    }
}
