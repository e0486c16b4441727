using System.Text.Json;
using ExoSim.Cli.Demo;

namespace ExoSim.Cli.Tests;

public class DemoCommandTests
{
    [Fact]
    public void Demo_writes_a_summary_with_real_errors_within_tolerance_for_exact_problems()
    {
        using var directory = new TemporaryDirectory();
        string outDir = Path.Combine(directory.Path, "demo");

        string registry = Path.Combine(directory.Path, "registry.db");
        var result = CliRunner.Run("demo", "--out", outDir, "--registry", registry);

        Assert.Equal(0, result.ExitCode);
        using (var runs = JsonDocument.Parse(CliRunner.Run("runs", "list", "--registry", registry, "--json").Out))
        {
            var run = Assert.Single(runs.RootElement.GetProperty("runs").EnumerateArray());
            Assert.Equal("demo", run.GetProperty("command").GetString());
            Assert.Contains($"Recorded as run {run.GetProperty("id").GetString()}", result.Out, StringComparison.Ordinal);
        }

        string summaryPath = Path.Combine(outDir, "summary.json");
        Assert.True(File.Exists(summaryPath));
        Assert.Contains(summaryPath, result.Out, StringComparison.Ordinal);
        Assert.Contains("not medical advice", result.Out, StringComparison.Ordinal);
        Assert.Contains("one-year trial on the long-horizon models", result.Out.ReplaceLineEndings(" "), StringComparison.Ordinal);

        // The front page is the built-in trial's report: three arms, the notice, and the trial's own files beside it.
        string report = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Equal(File.ReadAllText(Path.Combine(outDir, "trial", "report.html")), report);
        Assert.Contains("not medical advice", report, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(outDir, "report.html"), result.Out, StringComparison.Ordinal);
        using (var trial = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "trial", "summary.json"))))
        {
            Assert.Equal(["insulin_only", "exosome", "msc"], trial.RootElement.GetProperty("arms").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
            Assert.Equal(24, trial.RootElement.GetProperty("patients").GetInt32());
        }

        using var json = JsonDocument.Parse(File.ReadAllText(summaryPath));
        var results = json.RootElement.GetProperty("solver_showcase");
        Assert.Equal(DemoProblems.All.Count * SolverShowcase.Tolerances.Count, results.GetArrayLength());
        foreach (var entry in results.EnumerateArray())
        {
            string problem = entry.GetProperty("problem").GetString()!;
            double tolerance = entry.GetProperty("tolerance").GetDouble();
            double error = entry.GetProperty("max_abs_error").GetDouble();
            double scaled = entry.GetProperty("scaled_error").GetDouble();
            Assert.True(double.IsFinite(error) && error >= 0, $"{problem}: error {error}");
            Assert.True(entry.GetProperty("rhs_evaluations").GetInt64() > 0);
            Assert.True(entry.GetProperty("accepted_steps").GetInt64() > 0);
            Assert.False(string.IsNullOrWhiteSpace(entry.GetProperty("reference").GetString()));

            // Exact solutions: on these smooth, non-amplifying problems the global error of Dormand–Prince 5(4)
            // stays within a small factor of the requested tolerance.
            if (problem is "exponential decay" or "harmonic oscillator")
            {
                Assert.True(scaled < 10, $"{problem} at tol {tolerance:E0}: error/tol = {scaled:G3}");
            }
        }
    }

    [Fact]
    public void Demo_json_prints_the_same_summary_on_standard_output()
    {
        using var directory = new TemporaryDirectory();

        var result = CliRunner.Run("demo", "--json", "--out", directory.Path);

        Assert.Equal(0, result.ExitCode);
        using var printed = JsonDocument.Parse(result.Out);
        Assert.Equal("exosim.demo.summary/4", printed.RootElement.GetProperty("schema").GetString());
        Assert.Contains("not medical advice", printed.RootElement.GetProperty("notice").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(directory.Path, "summary.json")));
    }

    [Fact]
    public void Demo_runs_every_built_in_example_into_its_own_directory()
    {
        using var directory = new TemporaryDirectory();
        var result = CliRunner.Run("demo", "--out", directory.Path);
        Assert.Equal(0, result.ExitCode);

        string[] examples = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.yaml")
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray()!;
        Assert.Equal(examples, BuiltInScenarios.All.Select(s => s.Name));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory.Path, "summary.json")));
        var scenarios = json.RootElement.GetProperty("scenarios");
        Assert.Equal(examples.Length, scenarios.GetArrayLength());
        foreach (var scenario in scenarios.EnumerateArray())
        {
            string name = scenario.GetProperty("name").GetString()!;
            string dir = Path.Combine(directory.Path, name);
            Assert.True(File.Exists(Path.Combine(dir, "timeseries.csv")), name);
            Assert.True(File.Exists(Path.Combine(dir, "plots", "glucose.png")), name);
            using var own = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
            string glucose = scenario.GetProperty("kind").GetString() == "course" ? "daily_mean_glucose" : "glucose";
            Assert.Equal(
                own.RootElement.GetProperty(glucose).GetProperty("mean").GetDouble(),
                scenario.GetProperty("glucose").GetProperty("mean").GetDouble());
            Assert.Contains(name, result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Arenstorf_orbit_error_shrinks_when_the_tolerance_is_tightened()
    {
        // One period of the orbit must return to its start (Hairer, Nørsett & Wanner I, II.0). The global error is
        // larger than the per-step tolerance, but it must converge.
        var problem = DemoProblems.ArenstorfOrbit();
        var solver = new ExoSim.Numerics.Ode.ExplicitRungeKutta.DormandPrince54();

        var loose = SolverShowcase.Solve(problem, solver, 1e-6);
        var tight = SolverShowcase.Solve(problem, solver, 1e-10);

        Assert.True(tight.MaxAbsError < loose.MaxAbsError / 1000, $"loose {loose.MaxAbsError:E2}, tight {tight.MaxAbsError:E2}");
        Assert.True(tight.MaxAbsError < 1e-4, $"tight {tight.MaxAbsError:E2}");
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("burden")]
    public void Writing_commands_exit_1_with_one_message_when_the_output_cannot_be_written(string command)
    {
        using var directory = new TemporaryDirectory();
        string blocker = Path.Combine(directory.Path, "file");
        File.WriteAllText(blocker, "not a directory");

        var result = CliRunner.Run(command, "--out", Path.Combine(blocker, command));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("exosim: Cannot write", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Verbose_adds_the_stack_trace_to_a_failure()
    {
        using var directory = new TemporaryDirectory();
        string blocker = Path.Combine(directory.Path, "file");
        File.WriteAllText(blocker, "not a directory");

        var result = CliRunner.Run("demo", "--verbose", "--out", Path.Combine(blocker, "demo"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("   at ", result.Err, StringComparison.Ordinal);
    }
}
