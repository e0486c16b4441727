using System.Text.Json;

namespace ExoSim.Cli.Tests;

public class FitCommandTests
{
    private static readonly string Example = Path.Combine(AppContext.BaseDirectory, "fit-examples", "fit-ivgtt.yaml");

    [Fact]
    public void The_example_fit_writes_its_outputs_and_a_versioned_fit_json()
    {
        using var directory = new TemporaryDirectory();
        string outDir = Path.Combine(directory.Path, "out");

        var result = CliRunner.Run("fit", Example, "--out", outDir);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("exosim fit: IVGTT fit, MINMOD example subject", result.Out, StringComparison.Ordinal);
        Assert.Contains("research use only", result.Out, StringComparison.Ordinal);
        foreach (string file in new[] { "fit.json", "fit.csv", "profiles.csv", "report.html", "plots/fit-glucose_mg_dl.png", "plots/residuals.png", "plots/profile-p1.png", "plots/profile-p3.png" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, file)), file);
        }

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "fit.json")));
        var root = json.RootElement;
        Assert.Equal("exosim.fit/1", root.GetProperty("schema").GetString());
        var subject = root.GetProperty("subjects")[0];
        Assert.True(subject.GetProperty("convergence").GetProperty("converged").GetBoolean());
        var estimates = subject.GetProperty("estimates").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        Assert.Equal(["p1", "p2", "p3", "G0", "b(glucose_mg_dl)"], estimates.Keys);
        foreach (var estimate in estimates.Values)
        {
            double value = estimate.GetProperty("estimate").GetDouble();
            Assert.InRange(value, estimate.GetProperty("ci95_lower").GetDouble(), estimate.GetProperty("ci95_upper").GetDouble());
        }

        // SI = p3/p2 is reported as a derived parameter.
        var si = subject.GetProperty("derived")[0];
        Assert.Equal("SI", si.GetProperty("name").GetString());
        Assert.Equal(estimates["p3"].GetProperty("estimate").GetDouble() / estimates["p2"].GetProperty("estimate").GetDouble(), si.GetProperty("estimate").GetDouble(), 1e-12);

        string[] rows = File.ReadAllLines(Path.Combine(outDir, "fit.csv"));
        Assert.Equal("subject,time_min,observable,observed,predicted,residual,sd,weighted_residual", rows[0]);
        Assert.Equal(21, rows.Length);
        string report = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("research use only", report, StringComparison.Ordinal);
        Assert.Contains("Profile likelihood (identifiability)", report, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_prints_the_same_fit_json()
    {
        using var directory = new TemporaryDirectory();
        string outDir = Path.Combine(directory.Path, "out");
        var result = CliRunner.Run("fit", Example, "--out", outDir, "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(outDir, "fit.json")), result.Out);
    }

    [Fact]
    public void A_mistake_in_the_fit_file_exits_2_with_its_location()
    {
        using var directory = new TemporaryDirectory();
        string fit = Path.Combine(directory.Path, "fit.yaml");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "fit-examples", "bergman-ivgtt.yaml"), Path.Combine(directory.Path, "bergman-ivgtt.yaml"));
        File.WriteAllText(Path.Combine(directory.Path, "data.csv"), "time [min],glucose [mg/dL]\n10,200\n20,180\n40,120\n");
        File.WriteAllText(fit, """
            scenario: bergman-ivgtt.yaml
            data: {file: data.csv, columns: {glucose: glucose_mg_dl}}
            parameters:
              p11: {initial: 0.03}
            """);

        var result = CliRunner.Run("fit", fit);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("fit.yaml:4:3: parameters.p11: the model has no parameter 'p11'. Did you mean 'p1'", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_subject_is_fitted_separately_with_an_inline_scenario()
    {
        using var directory = new TemporaryDirectory();
        string fit = Path.Combine(directory.Path, "fit.yaml");
        double[] times = [8, 12, 16, 22, 32, 42, 62, 82, 122, 182];
        double[] glucose = [240, 211, 196, 172, 142, 124, 92, 77, 82, 90];
        var rows = times.Select((t, i) => $"a,{t},{glucose[i]}").Concat(times.Select((t, i) => $"b,{t},{(glucose[i] - 92) * 0.8 + 92}"));
        File.WriteAllText(Path.Combine(directory.Path, "data.csv"), "subject,time [min],glucose [mg/dL]\n" + string.Join("\n", rows) + "\n");
        File.WriteAllText(fit, """
            scenario:
              model: bergman-minimal
              duration: 182 min
            data: {file: data.csv, columns: {glucose: glucose_mg_dl}}
            parameters:
              p1: {initial: 0.03, lower: 0.001, upper: 0.2}
              G0: {initial: 250 mg/dL, lower: 100 mg/dL, upper: 500 mg/dL}
            error_model:
              glucose: {type: additive, a: estimate 5 mg/dL}
            """);
        string outDir = Path.Combine(directory.Path, "out");

        var result = CliRunner.Run("fit", fit, "--out", outDir);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "fit.json")));
        var subjects = json.RootElement.GetProperty("subjects");
        Assert.Equal(["a", "b"], subjects.EnumerateArray().Select(s => s.GetProperty("subject").GetString()));
        Assert.All(subjects.EnumerateArray(), s => Assert.Equal(10, s.GetProperty("observations").GetInt32()));

        // b's excursion above basal is 80 % of a's: its fitted G0 is lower.
        double g0A = subjects[0].GetProperty("estimates")[1].GetProperty("estimate").GetDouble();
        double g0B = subjects[1].GetProperty("estimates")[1].GetProperty("estimate").GetDouble();
        Assert.True(g0B < g0A, $"G0 a {g0A}, b {g0B}");
        Assert.True(File.Exists(Path.Combine(outDir, "plots", "a-fit-glucose_mg_dl.png")));
        Assert.True(File.Exists(Path.Combine(outDir, "plots", "b-residuals.png")));
    }

    [Fact]
    public void A_missing_fit_file_exits_2()
    {
        var result = CliRunner.Run("fit", "no-such-fit.yaml");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no-such-fit.yaml", result.Err, StringComparison.Ordinal);
    }
}
