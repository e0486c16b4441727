using ExoSim.Models.Simulation;
using ExoSim.Reports.Plots;
using ExoSim.Trials.Scenarios;

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
}
