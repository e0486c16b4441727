using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Models.UvaPadova;
using ExoSim.Numerics.Ode;

namespace ExoSim.Benchmarks.PatientDay;

/// <summary>One way of simulating the patient-day: with or without meals, an output interval and a solver.</summary>
/// <param name="Key">Short label used in tables.</param>
/// <param name="Meals">Whether the three meals and their boluses are given.</param>
/// <param name="OutputIntervalMin">Spacing of the output rows (min).</param>
/// <param name="Solver">The solver.</param>
internal sealed record PatientDayVariant(string Key, bool Meals, double OutputIntervalMin, IOdeSolver Solver);

/// <summary>
/// The benchmark protocol of issue #9: one 24-h day of a <c>uva-padova-t1d</c> subject with three meals and
/// carbs/CR boluses, through the public <see cref="Simulator"/> API with the model's default solver.
/// </summary>
internal static class PatientDayProtocol
{
    public const double DayMin = 24 * 60;

    public const double RelativeTolerance = 1e-6;

    /// <summary>Meals: start (h) and carbohydrate (g), eaten at simglucose's 5 g/min (duration 0).</summary>
    public static readonly (double Hour, double CarbsG)[] Meals = [(7, 50), (12, 70), (19, 80)];

    public static UvaPadovaT1DModel Model { get; } = new();

    /// <summary>rtol 1e-6 and the library's default atol (1e-8 on every state).</summary>
    public static SolverOptions Options { get; } = new() { RelativeTolerance = RelativeTolerance };

    /// <summary>The model's default solver by the documented rule (<see cref="OdeSolvers.For"/> with <c>IsStiff</c>).</summary>
    public static IOdeSolver DefaultSolver => OdeSolvers.For(Model.IsStiff);

    /// <summary>The measured day (default solver, 5-min output) first, then the baselines it is compared with.</summary>
    public static IReadOnlyList<PatientDayVariant> Variants { get; } =
    [
        new("meals, 5-min output", Meals: true, 5, DefaultSolver),
        new("no meals, 5-min output", Meals: false, 5, DefaultSolver),
        new("meals, 1-min output", Meals: true, 1, DefaultSolver),
        new("meals, 5-min output, Rodas5P", Meals: true, 5, OdeSolvers.Rodas5P),
    ];

    public static string Describe() =>
        $"24 h ({DayMin} min) from the subject's basal state; meals "
        + string.Join(", ", Meals.Select(m => $"{m.CarbsG} g at {m.Hour:00}:00"))
        + " eaten at 5 g/min (duration 0, simglucose's convention), each with an insulin bolus of carbs/CR U at the meal start; "
        + "basal insulin at the subject's steady-state rate u2ss throughout (the model's default, no basal event); "
        + $"rtol {RelativeTolerance:0e0}, atol {Options.AbsoluteTolerance:0e0} (SolverOptions default) on every state; "
        + $"default solver {DefaultSolver.Name} (OdeSolvers.For(IsStiff = {Model.IsStiff})). No-meal days have no events.";

    /// <summary>The request for one subject; <paramref name="parameters"/> come from <c>Model.Patient</c>.</summary>
    public static SimulationRequest Request(ParameterSet parameters, PatientDayVariant variant)
    {
        var interventions = new List<Intervention>();
        if (variant.Meals)
        {
            double cr = parameters["CR"];
            foreach (var (hour, carbs) in Meals)
            {
                interventions.Add(new MealIntake(hour * 60, carbs, 0));
                interventions.Add(new InsulinBolus(hour * 60, carbs / cr));
            }
        }

        return new SimulationRequest
        {
            Model = Model,
            Parameters = parameters,
            DurationMin = DayMin,
            OutputIntervalMin = variant.OutputIntervalMin,
            Interventions = interventions,
        };
    }
}
