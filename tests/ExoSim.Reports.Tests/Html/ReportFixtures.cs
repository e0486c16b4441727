using ExoSim.Models.Simulation;
using ExoSim.Reports.Plots;
using ExoSim.Trials.Endpoints;
using ExoSim.Trials.Scenarios;
using ExoSim.Trials.Trials;

namespace ExoSim.Reports.Tests.Html;

/// <summary>Reports of real runs of the shipped examples, built the way <c>exosim simulate</c> builds them.</summary>
internal static class ReportFixtures
{
    public const string Notice = "ExoSim is a research and teaching tool: research use only, not medical advice.";

    public static ResolvedScenario Example(string name)
        => ScenarioResolver.Resolve(ScenarioReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "examples", name + ".yaml")));

    /// <summary>The T1D day (states, CGM, boluses): its summary, result and report.</summary>
    public static (SimulationSummary Summary, SimulationResult Result, string Html) T1dDay()
    {
        var scenario = Example("uva-padova-t1d-day");
        var run = ScenarioRunner.Run(scenario);
        var summary = SimulationSummary.Build(scenario, run, "test", Notice);
        byte[] png = SimulationPlots.GlucosePng(run.Result, "t1d day", scenario.Request.Interventions, run.Cgm?.Readings.Select(r => (r.TimeMin, r.MgDl)).ToArray());
        return (summary, run.Result, Reports.Html.ScenarioReports.Simulation(summary, run.Result, png));
    }

    /// <summary>The example trial (20 T1D adults, 2 arms, 1 week) run on 2 threads: what its report is built from, and the report (with the arms' glucose profiles).</summary>
    public static (TrialManifest Manifest, TrialSummary Summary, IReadOnlyList<PatientOutcome> Patients, string Html) SmallTrial(PowerResult? power = null)
        => RunTrial("insulin-sensitivity-t1d-small.yaml", power);

    /// <summary>The demo trial (24 T1D adults: insulin only, exosome, MSC; 1 week), with adverse events and glucose profiles.</summary>
    public static (TrialManifest Manifest, TrialSummary Summary, IReadOnlyList<PatientOutcome> Patients, string Html) TherapyTrial(PowerResult? power = null)
        => RunTrial("demo-exosome-msc-insulin.yaml", power);

    private static (TrialManifest Manifest, TrialSummary Summary, IReadOnlyList<PatientOutcome> Patients, string Html) RunTrial(string file, PowerResult? power)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "examples", "trials", file);
        var trial = TrialResolver.Resolve(TrialReader.ReadFile(path));
        var patients = new List<PatientOutcome>();
        var profiles = trial.Arms.ToDictionary(a => a.Name, _ => new GlucoseProfile(), StringComparer.Ordinal);
        TrialEngine.Run(trial, new TrialRunOptions(2), chunk =>
        {
            patients.AddRange(chunk.Patients);
            foreach (var (arm, profile) in chunk.Profiles)
            {
                profiles[arm].Add(profile);
            }
        });
        var manifest = TrialManifest.Build(trial, File.ReadAllText(path), "test", Notice, shard: null);
        var summary = TrialSummary.Build(trial, patients, "test", Notice);
        var report = Reports.Html.TrialReport.Render(manifest, summary, patients, power, [.. trial.Arms.Select(a => (a.Name, profiles[a.Name]))]);
        return (manifest, summary, patients, report.Html);
    }

    /// <summary>A power curve of the shape power.json has: input of the renderer only, not a simulated result.</summary>
    public static PowerResult PowerCurve() => new(PowerResult.SchemaName, "hba1c_percent", "d7", 0.05, 20,
    [
        new PowerPoint(8, "sensitised", 9, 0.45, 0.26, 0.66, -0.5),
        new PowerPoint(16, "sensitised", 17, 0.85, 0.64, 0.95, -0.52),
    ]);
}
