using ExoSim.Storage.Registry;

namespace ExoSim.Storage.Tests.Registry;

/// <summary>The same contract for the SQLite file and the PostgreSQL database.</summary>
public class RunRegistryTests
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

    [SkippableTheory]
    [MemberData(nameof(RegistryBackend.Names), MemberType = typeof(RegistryBackend))]
    public void Records_round_trip_and_are_listed_newest_first(string backend)
    {
        using var location = RegistryBackend.Create(backend);
        var registry = RunRegistry.Open(location.Location);
        Assert.Equal(backend == "postgresql", registry.IsPostgreSql);
        var t0 = new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);
        var older = Run("20261201-200000-aaaaaa", t0);
        var newer = Run("20261201-210000-bbbbbb", t0.AddHours(1), RunStatus.Failed);
        registry.Add(older);
        registry.Add(newer);

        Assert.Equal([newer.Id, older.Id], registry.List().Select(r => r.Id));
        var back = registry.Get(older.Id);
        Assert.Equal(older.StartedUtc, back.StartedUtc);
        Assert.Equal(older.SpecText, back.SpecText);
        Assert.Equal(RunRecord.HashOf(older.SpecText), back.SpecHash);
        Assert.Equal(42UL, back.Seed);
        Assert.Equal(older.Headline, back.Headline);
        Assert.Equal(12.5, back.DurationMs);
        Assert.Equal(RunStatus.Failed, registry.Get(newer.Id).Status);
        Assert.Equal("solver failed at t = 3 min", registry.Get(newer.Id).Message);
        Assert.Single(registry.List(limit: 1));
    }

    [SkippableTheory]
    [MemberData(nameof(RegistryBackend.Names), MemberType = typeof(RegistryBackend))]
    public void A_unique_prefix_finds_a_run_and_an_ambiguous_or_unknown_one_says_so(string backend)
    {
        using var location = RegistryBackend.Create(backend);
        var registry = RunRegistry.Open(location.Location);
        registry.Add(Run("20261201-200000-aaaaaa", DateTimeOffset.UnixEpoch));
        registry.Add(Run("20261201-200000-abbbbb", DateTimeOffset.UnixEpoch));

        Assert.Equal("20261201-200000-abbbbb", registry.Get("20261201-200000-ab").Id);
        Assert.Contains("matches several runs", Assert.Throws<RegistryException>(() => registry.Get("20261201-200000-a")).Message, StringComparison.Ordinal);
        Assert.Contains("No run 'zzz'", Assert.Throws<RegistryException>(() => registry.Get("zzz")).Message, StringComparison.Ordinal);

        Assert.Equal("20261201-200000-aaaaaa", registry.Remove("20261201-200000-aa").Id);
        Assert.Single(registry.List());
    }

    [SkippableTheory]
    [MemberData(nameof(RegistryBackend.Names), MemberType = typeof(RegistryBackend))]
    public void The_schema_is_versioned_and_a_newer_database_is_refused(string backend)
    {
        using var location = RegistryBackend.Create(backend);
        var registry = RunRegistry.Open(location.Location);
        Assert.Equal(RunRegistry.SchemaVersion, registry.StoredSchemaVersion());

        // Reopening does not re-run migrations (they would fail: the table exists) and keeps the records.
        registry.Add(Run("20261201-200000-aaaaaa", DateTimeOffset.UnixEpoch));
        Assert.Single(RunRegistry.Open(location.Location).List());

        location.Execute($"UPDATE exosim_schema SET version = {RunRegistry.SchemaVersion + 1}");
        var error = Assert.Throws<RegistryException>(() => RunRegistry.Open(location.Location));
        Assert.Contains("newer ExoSim", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db.example.org;Database=exosim;Username=me;Password=secret", true)]
    [InlineData("postgresql://me:secret@db.example.org:5433/exosim", true)]
    [InlineData("postgres://me@localhost/exosim", true)]
    [InlineData("/home/me/.local/share/ExoSim/registry.db", false)]
    [InlineData("registry.db", false)]
    public void Postgresql_locations_are_told_from_sqlite_files(string location, bool postgres)
        => Assert.Equal(postgres, RunRegistry.IsPostgreSqlLocation(location));

    [Fact]
    public void An_unreachable_postgresql_server_is_a_registry_error_without_the_password()
    {
        var error = Assert.Throws<RegistryException>(() => RunRegistry.Open("postgresql://me:secret@127.0.0.1:1/exosim"));
        Assert.Contains("postgresql://me@127.0.0.1:1/exosim", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
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
}
