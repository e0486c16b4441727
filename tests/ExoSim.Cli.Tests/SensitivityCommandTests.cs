using System.Text.Json;
using ExoSim.Trials.Sensitivity;

namespace ExoSim.Cli.Tests;

public sealed class SensitivityCommandTests : IDisposable
{
    private const string Scenario = "model: bergman-minimal\nduration: 120 min\n";

    private const string Morris = """
        name: IVGTT screening
        scenario: ivgtt.yaml
        output: {column: glucose_mg_dl, at: 60 min}
        factors:
          - {parameter: p1, range: ±30%}
          - {parameter: p3, range: [0.5e-5, 2e-5]}
          - {parameter: n, range: ±30%}
        method: {name: morris, trajectories: 6, seed: 4}
        """;

    private const string Sobol = """
        scenario: ivgtt.yaml
        output: {column: glucose_mg_dl, mean: {from: 0 min, to: 120 min}}
        factors:
          - {parameter: p1, range: ±30%}
          - {parameter: G0, range: ±10%}
        method: {name: sobol, samples: 32, bootstrap: 50, seed: 2}
        """;

    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private string Write(string name, string text)
    {
        string path = Path.Combine(directory.Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Spec(string text)
    {
        Write("ivgtt.yaml", Scenario);
        return Write("spec.yaml", text);
    }

    private static CliResult Run(params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.True(result.ExitCode == 0, result.Err);
        return result;
    }

    [Fact]
    public void Morris_writes_the_json_csvs_tornado_plot_and_report_and_prints_the_ranking()
    {
        string outDir = Path.Combine(directory.Path, "out");
        var result = Run("sensitivity", Spec(Morris), "--out", outDir, "--threads", "2");

        Assert.Contains("not medical advice", result.Out, StringComparison.Ordinal);
        Assert.Contains("μ*", result.Out, StringComparison.Ordinal);
        Assert.Contains("24 model evaluations", result.Err, StringComparison.Ordinal); // r(k + 1) = 6 · 4, announced before the run
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "sensitivity.json")));
        var root = json.RootElement;
        Assert.Equal(SensitivitySummary.SchemaName, root.GetProperty("schema").GetString());
        Assert.Equal(24, root.GetProperty("model_evaluations").GetInt32());
        Assert.Equal("morris", root.GetProperty("method").GetProperty("name").GetString());
        Assert.Equal(["p1", "p3", "n"], root.GetProperty("factors").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal(0.03082 * 0.7, root.GetProperty("factors")[0].GetProperty("lower").GetDouble(), 12);
        var indices = root.GetProperty("indices").EnumerateArray().ToList();
        Assert.All(indices, i => Assert.True(i.GetProperty("morris_mu_star").GetDouble() >= Math.Abs(i.GetProperty("morris_mu").GetDouble())));
        Assert.Equal(3, root.GetProperty("ranking").GetArrayLength());

        string[] samples = File.ReadAllLines(Path.Combine(outDir, "samples.csv"));
        Assert.Equal("evaluation,design,p1,p3,n,output", samples[0]);
        Assert.Equal(25, samples.Length);
        Assert.StartsWith("0,trajectory 1 start,", samples[1], StringComparison.Ordinal);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(outDir, "indices.csv")).Length);
        Assert.True(new FileInfo(Path.Combine(outDir, "plots", "tornado.png")).Length > 1000);

        string html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("<title>IVGTT screening</title>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"tornado-plot\"", html, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", html, StringComparison.Ordinal);
        Assert.Contains("id=\"indices-table\"", html, StringComparison.Ordinal);
        Assert.Contains("not medical advice", html, StringComparison.Ordinal);
        Assert.DoesNotContain("sobol-plot", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Sobol_report_has_the_bar_plot_with_intervals_and_json_matches_the_file()
    {
        string outDir = Path.Combine(directory.Path, "out");
        var result = Run("sensitivity", Spec(Sobol), "--out", outDir, "--json");

        Assert.Equal(File.ReadAllText(Path.Combine(outDir, "sensitivity.json")), result.Out);
        using var json = JsonDocument.Parse(result.Out);
        var g0 = json.RootElement.GetProperty("indices")[1].GetProperty("total_order");
        Assert.True(g0.GetProperty("lower").GetDouble() <= g0.GetProperty("estimate").GetDouble());
        Assert.True(g0.GetProperty("estimate").GetDouble() <= g0.GetProperty("upper").GetDouble());
        Assert.Equal(32 * 4, json.RootElement.GetProperty("model_evaluations").GetInt32());

        string html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("id=\"sobol-plot\"", html, StringComparison.Ordinal);
        Assert.Contains("95 % CI", html, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "plots", "sobol.png")));
        Assert.Contains("A_B(G0) row 32,", File.ReadAllText(Path.Combine(outDir, "samples.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Results_are_byte_identical_for_any_thread_count()
    {
        string spec = Spec(Sobol);
        Run("sensitivity", spec, "--out", Path.Combine(directory.Path, "one"), "--threads", "1");
        Run("sensitivity", spec, "--out", Path.Combine(directory.Path, "four"), "--threads", "4");
        foreach (string file in new[] { "sensitivity.json", "indices.csv", "samples.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(directory.Path, "one", file)), File.ReadAllBytes(Path.Combine(directory.Path, "four", file)));
        }

        // --seed replaces the spec's seed, and another seed draws another sample.
        Run("sensitivity", spec, "--out", Path.Combine(directory.Path, "other"), "--seed", "99");
        Assert.NotEqual(File.ReadAllText(Path.Combine(directory.Path, "one", "samples.csv")), File.ReadAllText(Path.Combine(directory.Path, "other", "samples.csv")));
        Assert.Contains("\"seed\": 99", File.ReadAllText(Path.Combine(directory.Path, "other", "sensitivity.json")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("method: {name: morris, trajectories: 6, seed: 4}", "method: {name: morris, trajectories: 6, sed: 4}", ":8:41: method.sed: unknown field. Did you mean 'seed'?")]
    [InlineData("{parameter: n, range: ±30%}", "{parameter: nn, range: ±30%}", ":7:17: factors[2].parameter: no parameter 'nn'. Did you mean 'n'?")]
    [InlineData("scenario: ivgtt.yaml", "scenario: nowhere.yaml", ":2:11: scenario: the scenario file")]
    public void Mistakes_in_the_spec_exit_2_with_file_line_and_field(string from, string to, string expected)
    {
        string spec = Spec(Morris.Replace(from, to, StringComparison.Ordinal));
        var result = CliRunner.Run("sensitivity", spec, "--out", Path.Combine(directory.Path, "out"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(spec + expected, result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(directory.Path, "out")));
    }

    [Fact]
    public void Missing_spec_and_bad_threads_exit_2()
    {
        Assert.Equal(2, CliRunner.Run("sensitivity", Path.Combine(directory.Path, "none.yaml")).ExitCode);
        Assert.Equal(2, CliRunner.Run("sensitivity", Spec(Morris), "--threads", "0").ExitCode);
    }

    [Fact]
    public void A_failing_evaluation_exits_1_naming_the_factor_values()
    {
        Write("ivgtt.yaml", "model: bergman-minimal\nduration: 120 min\nevents:\n  - at: 10 min\n    exosome: {dose: 1e12 particles}\n");
        string spec = Write("spec.yaml", """
            scenario: ivgtt.yaml
            output: {column: glucose_mg_dl, at: 60 min}
            factors:
              - {parameter: exosome.fraction_liver, range: [0.3, 0.95]}
            method: {name: morris, trajectories: 4, seed: 1}
            """);
        var result = CliRunner.Run("sensitivity", spec, "--out", Path.Combine(directory.Path, "out"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("exosome.fraction_liver = ", result.Err, StringComparison.Ordinal);
        Assert.Contains("add up to", result.Err, StringComparison.Ordinal); // the organ shares exceed 1 at such a point
    }

    [Fact]
    public void A_run_is_recorded_in_the_registry_with_its_indices()
    {
        string registry = Path.Combine(directory.Path, "registry.db");
        Run("sensitivity", Spec(Morris), "--out", Path.Combine(directory.Path, "out"), "--registry", registry);
        using var runs = JsonDocument.Parse(Run("runs", "list", "--registry", registry, "--json").Out);
        var run = runs.RootElement.GetProperty("runs")[0];
        Assert.Equal("sensitivity", run.GetProperty("command").GetString());
        Assert.Equal(24, run.GetProperty("headline").GetProperty("evaluations").GetDouble());
        Assert.True(run.GetProperty("headline").TryGetProperty("mu_star_p1", out _));
    }

    [Theory]
    [InlineData("bergman-ivgtt-sobol.yaml")]
    [InlineData("exosome-t1d-hba1c-sobol.yaml")]
    [InlineData("exosome-t1d-hba1c-local.yaml")]
    public void Every_example_spec_resolves(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "examples", "sensitivity", name);
        var study = SensitivityStudy.Resolve(SensitivitySpecReader.Read(File.ReadAllText(path), path));
        Assert.NotEmpty(study.Factors);
        Assert.True(study.PlannedEvaluations > 0);
    }
}
