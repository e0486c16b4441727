using ExoSim.Models;
using ExoSim.Models.Simulation;
using ExoSim.Models.UvaPadova;
using ExoSim.Numerics.Ode;
using ExoSim.Therapies.Insulin;
using Xunit;
using Xunit.Abstractions;

namespace ExoSim.Therapies.Tests.Insulin;

/// <summary>
/// Closed loop against open-loop basal–bolus on the 30 UVA/Padova subjects (10 adults, 10 adolescents, 10 children)
/// over one day of standard meals (07:00 45 g, 12:30 70 g, 19:00 80 g, the trial examples' plan without
/// variability), plasma glucose every 5 min, from each subject's basal state at midnight.
/// </summary>
public sealed class ClosedLoopValidationTests(ITestOutputHelper output)
{
    private const double DayMin = 1440;
    private static readonly MealIntake[] Meals = [new(420, 45, 0), new(750, 70, 0), new(1140, 80, 0)];

    internal static (double Tir, double Tbr, double Min, PidController? Controller) Day(string subject, InsulinPlan plan)
    {
        var model = ModelCatalog.Get(UvaPadovaT1DModel.ModelId);
        var parameters = model.Patient(subject);
        PidController? controller = null;
        var doses = plan.Interventions(parameters, Meals, 0, DayMin);
        var interventions = doses.Select(d => d is InsulinFeedback f
            ? f with { CreateController = () => { var c = f.CreateController(); controller = c as PidController; return c; } }
            : d).Concat(Meals).ToList();
        var request = new SimulationRequest { Model = model, Parameters = parameters, DurationMin = DayMin, OutputIntervalMin = 5, Interventions = interventions };
        var result = Simulator.Run(request, OdeSolvers.For(model.IsStiff), SolverOptions.Default);
        var glucose = result.Column(Observable.GlucoseMgPerDl);
        double tir = 100.0 * glucose.Count(g => g >= 70 && g <= 180) / glucose.Length;
        double tbr = 100.0 * glucose.Count(g => g < 70) / glucose.Length;
        return (tir, tbr, glucose.Min(), controller);
    }

    [Fact]
    public void ClosedLoopGivesMoreTimeInRangeThanBasalBolusOnThe30Subjects()
    {
        var open = new InsulinPlan { Kind = "basal-bolus" };
        var closed = new InsulinPlan { Kind = "closed-loop" };
        var subjects = ModelCatalog.Get(UvaPadovaT1DModel.ModelId).PatientNames;
        var rows = subjects.Select(s => (Subject: s, Open: Day(s, open), Closed: Day(s, closed))).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine($"{row.Subject}: open TIR {row.Open.Tir:F1} TBR {row.Open.Tbr:F1} min {row.Open.Min:F0} | closed TIR {row.Closed.Tir:F1} TBR {row.Closed.Tbr:F1} min {row.Closed.Min:F0}");
        }

        double openTir = rows.Average(r => r.Open.Tir), closedTir = rows.Average(r => r.Closed.Tir);
        double openTbr = rows.Average(r => r.Open.Tbr), closedTbr = rows.Average(r => r.Closed.Tbr);
        output.WriteLine($"mean: open TIR {openTir:F1} % TBR {openTbr:F1} % | closed TIR {closedTir:F1} % TBR {closedTbr:F1} %");
        Assert.Equal(30, rows.Length);
        Assert.True(closedTir > openTir, $"closed-loop TIR {closedTir:F1} % should exceed open-loop {openTir:F1} %");
    }
}
