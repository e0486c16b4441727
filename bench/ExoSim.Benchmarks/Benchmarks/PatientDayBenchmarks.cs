using BenchmarkDotNet.Attributes;
using ExoSim.Benchmarks.PatientDay;
using ExoSim.Models.Simulation;

namespace ExoSim.Benchmarks.Benchmarks;

/// <summary>
/// One <c>uva-padova-t1d</c> patient-day (<see cref="PatientDayProtocol"/>) through the whole <c>Simulator.Run</c>, for
/// three subjects: the meal day with the default solver is the baseline of the ratio column; the other variants are
/// the same day without meals, with 1-min output, and with Rodas5P. The console mode <c>patientday</c> separates
/// solver time from set-up and covers all 30 subjects.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class PatientDayBenchmarks
{
    private SimulationRequest[] requests = [];

    [Params("adult#001", "adolescent#001", "child#001")]
    public string Subject { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var parameters = PatientDayProtocol.Model.Patient(Subject);
        requests = [.. PatientDayProtocol.Variants.Select(v => PatientDayProtocol.Request(parameters, v))];
    }

    [Benchmark(Baseline = true, Description = "meals, 5-min output")]
    public int MealDay() => Run(0);

    [Benchmark(Description = "no meals, 5-min output")]
    public int NoMealDay() => Run(1);

    [Benchmark(Description = "meals, 1-min output")]
    public int MealDayMinuteOutput() => Run(2);

    [Benchmark(Description = "meals, 5-min output, Rodas5P")]
    public int MealDayRodas5P() => Run(3);

    private int Run(int variant)
        => Simulator.Run(requests[variant], PatientDayProtocol.Variants[variant].Solver, PatientDayProtocol.Options).RowCount;
}
