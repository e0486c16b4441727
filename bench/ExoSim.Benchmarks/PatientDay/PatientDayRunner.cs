using ExoSim.Benchmarks.WorkPrecision;
using ExoSim.Models.Simulation;
using ExoSim.Numerics.Ode;

namespace ExoSim.Benchmarks.PatientDay;

/// <summary>The counts and timings of one subject under one variant of the protocol.</summary>
internal sealed class DayMeasurement
{
    private readonly SimulationRequest request;
    private readonly TimedSolver solver;

    public DayMeasurement(string subject, PatientDayVariant variant)
    {
        Subject = subject;
        Variant = variant;
        request = PatientDayProtocol.Request(PatientDayProtocol.Model.Patient(subject), variant);
        solver = new TimedSolver(variant.Solver);
        Run();
        OdeSolution first = solver.LastSolution!;
        Statistics = first.Statistics;
        Events = first.Events.Count;
        Stops = first.Events.Select(e => e.Time).Distinct().Count();
    }

    public string Subject { get; }

    public PatientDayVariant Variant { get; }

    public OdeStatistics Statistics { get; }

    /// <summary>Discrete events that occurred (simultaneous ones counted separately).</summary>
    public int Events { get; }

    /// <summary>Distinct event times: the solver stops and restarts at each.</summary>
    public int Stops { get; }

    /// <summary>Wall time of the solver's Solve call inside Simulator.Run.</summary>
    public TimeSamples SolverTimes { get; } = new();

    /// <summary>Wall time of the whole Simulator.Run (set-up, solve, output table).</summary>
    public TimeSamples RunTimes { get; } = new();

    /// <summary>One Simulator.Run; the solver time is recorded as a side effect.</summary>
    public void Run()
    {
        _ = Simulator.Run(request, solver, PatientDayProtocol.Options);
        SolverTimes.Add(solver.LastSeconds);
    }

    /// <summary>One timing round: <see cref="RunTimes"/> times the same runs whose solver times are recorded.</summary>
    public void Collect(TimingPolicy policy)
    {
        RunTimes.Collect(Run, policy);
        if (solver.LastSolution!.Statistics != Statistics)
        {
            throw new InvalidOperationException($"{Subject} ({Variant.Key}): the counts changed between runs; the solve is not deterministic.");
        }
    }

    /// <summary>Forgets the solver times of the warm-up runs.</summary>
    public void ClearSolverTimes() => SolverTimes.Clear();
}

/// <summary>Measures every subject under every variant: warm-up first, then timing in interleaved rounds.</summary>
internal static class PatientDayRunner
{
    /// <summary>A meal day takes ≈ 0.5 ms, so rounds are short and many; ≈ 1 min for all 30 subjects and 4 variants.</summary>
    public static TimingPolicy Standard { get; } = new(3, 7, 5, 40, 0.02);

    /// <summary>Smoke test, a few seconds.</summary>
    public static TimingPolicy Quick { get; } = new(2, 2, 3, 5, 0.002);

    public static List<DayMeasurement> Run(IReadOnlyList<string> subjects, TimingPolicy policy, TextWriter progress)
    {
        var measurements = new List<DayMeasurement>();
        foreach (string subject in subjects)
        {
            foreach (PatientDayVariant variant in PatientDayProtocol.Variants)
            {
                var m = new DayMeasurement(subject, variant);
                measurements.Add(m);
                OdeStatistics s = m.Statistics;
                progress.WriteLine($"{subject,-16} {variant.Key,-30} steps {s.AcceptedSteps,5}+{s.RejectedSteps,-3} RHS {s.RhsEvaluations,6}  events {m.Events}");
            }
        }

        // Warm-up passes over all configurations (JIT tiering), then drop their solver times.
        for (int pass = 0; pass < policy.WarmupRuns; pass++)
        {
            measurements.ForEach(m => m.Run());
        }

        measurements.ForEach(m => m.ClearSolverTimes());
        for (int round = 0; round < policy.Rounds; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            measurements.ForEach(m => m.Collect(policy));
            progress.WriteLine($"round {round + 1}/{policy.Rounds} done");
        }

        return measurements;
    }
}
