using System.Globalization;
using System.Text.Json;

namespace ExoSim.Cli.Tests;

public class SimulateCommandTests
{
    private const string Day = """
        model: uva-padova-t1d
        patient: adolescent#002
        duration: 6 h
        output_interval: 5 min
        outputs: [glucose_mg_dl, Gp, insulin_pmol_l]
        events:
          - at: 60 min
            meal: {carbs: 50 g, duration: 10 min}
          - at: 60 min
            insulin: {bolus: 4 U}
        """;

    [Fact]
    public void A_multiscale_course_writes_daily_rows_a_course_plot_and_a_course_summary()
    {
        using var directory = new TemporaryDirectory();
        string scenario = Path.Combine(directory.Path, "course.yaml");
        File.WriteAllText(scenario, """
            model: dalla-man-2007
            duration: 14 d
            output_interval: 7 d
            multiscale:
              every: 7 d
              verify: true
              day:
                - {at: 8 h, meal: {carbs: 45 g}}
                - {at: 12 h, meal: {carbs: 70 g}}
            """);
        string outDir = Path.Combine(directory.Path, "out");

        var result = CliRunner.Run("simulate", scenario, "--out", outDir);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Check against brute force", result.Out, StringComparison.Ordinal);
        string[] lines = File.ReadAllLines(Path.Combine(outDir, "timeseries.csv"));
        Assert.Equal("time_min,day,beta_rel,si_factor,mean_glucose_mg_dl,fasting_glucose_mg_dl", lines[0]);
        Assert.Equal(["0,0,", "10080,7,"], lines.Skip(1).Select(l => l[..(l.IndexOf(',', l.IndexOf(',') + 1) + 1)]));
        Assert.True(new FileInfo(Path.Combine(outDir, "plots", "glucose.png")).Length > 10_000);
        Assert.Contains("verification-table", File.ReadAllText(Path.Combine(outDir, "report.html")), StringComparison.Ordinal);

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var root = summary.RootElement;
        Assert.Equal("exosim.simulate.course/1", root.GetProperty("schema").GetString());
        Assert.Equal(14, root.GetProperty("days").GetInt32());
        Assert.Equal(2, root.GetProperty("daily_events").GetArrayLength());
        Assert.Equal("topp-2000", root.GetProperty("multiscale").GetProperty("beta_cell_law").GetProperty("model").GetString());
        var verification = root.GetProperty("verification");
        Assert.True(verification.GetProperty("max_daily_mean_glucose_error_mg_per_dl").GetDouble() < 0.6);
        Assert.True(verification.GetProperty("cost_ratio").GetDouble() > 1);
        Assert.Equal(
            double.Parse(lines[1].Split(',')[4], CultureInfo.InvariantCulture),
            root.GetProperty("outcome").GetProperty("first_day_mean_glucose_mg_per_dl").GetDouble());
    }

    [Fact]
    public void Writes_timeseries_and_summary_with_the_selected_columns()
    {
        using var directory = new TemporaryDirectory();
        string scenario = Path.Combine(directory.Path, "day.yaml");
        File.WriteAllText(scenario, Day);
        string outDir = Path.Combine(directory.Path, "out");

        var result = CliRunner.Run("simulate", scenario, "--out", outDir);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("not medical advice", result.Out, StringComparison.Ordinal);
        string[] lines = File.ReadAllLines(Path.Combine(outDir, "timeseries.csv"));
        Assert.Equal("time_min,glucose_mg_dl,Gp,insulin_pmol_l", lines[0]);
        Assert.Contains("not medical advice", File.ReadAllText(Path.Combine(outDir, "report.html")), StringComparison.Ordinal);
        Assert.Contains(Path.Combine(outDir, "report.html"), result.Out, StringComparison.Ordinal);
        Assert.Equal(1 + 73, lines.Length); // 0, 5, …, 360 min
        Assert.StartsWith("360,", lines[^1], StringComparison.Ordinal);

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var root = summary.RootElement;
        Assert.Equal("exosim.simulate.summary/1", root.GetProperty("schema").GetString());
        Assert.Equal("uva-padova-t1d", root.GetProperty("model").GetProperty("id").GetString());
        Assert.Equal("adolescent#002", root.GetProperty("patient").GetString());
        Assert.True(root.GetProperty("solver").GetProperty("rhs_evaluations").GetInt64() > 0);
        Assert.Equal(2, root.GetProperty("events").GetArrayLength());
        Assert.Equal(50, root.GetProperty("events")[0].GetProperty("amounts").GetProperty("carbs_g").GetDouble());

        // The summary's glucose statistics agree with the CSV it was written with.
        var glucose = lines.Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(glucose.Max(), root.GetProperty("glucose").GetProperty("max").GetDouble());
        Assert.Equal(glucose.Min(), root.GetProperty("glucose").GetProperty("min").GetDouble());
        var parameter = root.GetProperty("parameters").EnumerateArray().First(p => p.GetProperty("name").GetString() == "BW");
        Assert.Equal("kg", parameter.GetProperty("unit").GetString());
        Assert.Equal("literature", parameter.GetProperty("origin").GetString());
        Assert.True(new FileInfo(Path.Combine(outDir, "plots", "glucose.png")).Length > 0);
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Json_prints_the_summary()
    {
        using var directory = new TemporaryDirectory();
        string scenario = Path.Combine(directory.Path, "day.yaml");
        File.WriteAllText(scenario, Day);
        var result = CliRunner.Run("simulate", scenario, "--out", Path.Combine(directory.Path, "o"), "--json");
        Assert.Equal(0, result.ExitCode);
        using var summary = JsonDocument.Parse(result.Out);
        Assert.Equal("adolescent#002", summary.RootElement.GetProperty("patient").GetString());
    }

    [Fact]
    public void A_mistake_in_the_scenario_exits_2_with_file_line_and_field_and_writes_nothing()
    {
        using var directory = new TemporaryDirectory();
        string scenario = Path.Combine(directory.Path, "bad.yaml");
        File.WriteAllText(scenario, "model: uva-padova-t1d\nduration: 6 h\nparameters: {Vmxx: 0.05}\n");
        string outDir = Path.Combine(directory.Path, "out");

        var result = CliRunner.Run("simulate", scenario, "--out", outDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"exosim: {scenario}:3:20: parameters.Vmxx: model 'uva-padova-t1d' has no parameter 'Vmxx'.", result.Err.Split(" Did you mean")[0]);
        Assert.Contains("Did you mean 'Vmx'", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal); // no stack trace
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void A_missing_scenario_file_exits_2()
    {
        var result = CliRunner.Run("simulate", "/nonexistent/day.yaml");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/nonexistent/day.yaml", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sensor_adds_cgm_csv_and_cgm_statistics()
    {
        using var directory = new TemporaryDirectory();
        string scenario = Path.Combine(directory.Path, "cgm.yaml");
        File.WriteAllText(scenario, Day + "\nsensor: {type: Dexcom, seed: 3}\n");
        string outDir = Path.Combine(directory.Path, "out");

        var result = CliRunner.Run("simulate", scenario, "--out", outDir);

        Assert.Equal(0, result.ExitCode);
        string[] lines = File.ReadAllLines(Path.Combine(outDir, "cgm.csv"));
        Assert.Equal("time_min,cgm_glucose_mg_dl,cgm_reading_mg_dl", lines[0]);
        Assert.Equal(1 + 121, lines.Length); // Dexcom: every 3 min over 6 h
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var cgm = summary.RootElement.GetProperty("cgm");
        Assert.Equal("Dexcom", cgm.GetProperty("sensor").GetString());
        Assert.Equal(3UL, cgm.GetProperty("seed").GetUInt64());
        Assert.Equal(121, cgm.GetProperty("readings").GetInt32());
    }

    [Fact]
    public void Readouts_become_columns_and_the_summary_has_clinical_values()
    {
        using var directory = new TemporaryDirectory();
        string scenario = Path.Combine(directory.Path, "readouts.yaml");
        File.WriteAllText(scenario, Day + "\nreadouts: [hba1c_percent, homa_ir]\n");
        string outDir = Path.Combine(directory.Path, "out");

        var result = CliRunner.Run("simulate", scenario, "--out", outDir);

        Assert.Equal(0, result.ExitCode);
        string[] lines = File.ReadAllLines(Path.Combine(outDir, "timeseries.csv"));
        Assert.Equal("time_min,glucose_mg_dl,Gp,insulin_pmol_l,hba1c_percent,homa_ir", lines[0]);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var clinical = summary.RootElement.GetProperty("clinical");
        double mean = summary.RootElement.GetProperty("glucose").GetProperty("mean").GetDouble();
        Assert.Equal((mean + 46.7) / 28.7, clinical.GetProperty("hba1c_from_mean_percent").GetDouble(), 12);
        Assert.True(clinical.GetProperty("homa_ir_start").GetDouble() > 0);
        Assert.Equal("%", summary.RootElement.GetProperty("columns")[4].GetProperty("unit").GetString());
    }
}
