using ExoSim.Benchmarks.Problems;
using ExoSim.Benchmarks.Solvers;
using ExoSim.Numerics.Ode;

namespace ExoSim.Benchmarks.WorkPrecision;

/// <summary>One point of a work–precision curve.</summary>
internal sealed record Measurement(
    BenchProblem Problem,
    string Solver,
    double RelativeTolerance,
    double AbsoluteTolerance,
    RunResult? Result,
    double Error,
    string? Failure)
{
    public TimeSamples Times { get; } = new();

    public bool Succeeded => Result is not null;

    /// <summary>Significant correct digits, −log10(error).</summary>
    public double Digits => -Math.Log10(Error);

    public double MedianSeconds => Times.Median();

    public double MinSeconds => Times.Min();
}

/// <summary>Runs every solver on every problem at every tolerance of its ladder and measures error and cost.</summary>
internal static class WorkPrecisionRunner
{
    public static List<Measurement> Run(IReadOnlyList<BenchProblem> problems, TimingPolicy policy, TextWriter progress)
    {
        // 1. Accuracy and counts (one run each), then warm-up runs, configuration by configuration.
        var measurements = new List<Measurement>();
        var runs = new List<Action>();
        foreach (BenchProblem bench in problems)
        {
            OdeProblem problem = bench.Problem.ToOdeProblem();
            foreach (double rtol in bench.RelativeTolerances)
            {
                // Solvers alternate at each tolerance so that they see similar machine load.
                foreach (IBenchSolver solver in BenchCatalog.SolversFor(bench.Problem))
                {
                    double[] atol = bench.AbsoluteTolerances(rtol);
                    Measurement m = Check(bench, problem, solver, rtol, atol);
                    measurements.Add(m);
                    if (!m.Succeeded)
                    {
                        runs.Add(() => { });
                        progress.WriteLine($"{bench.Name,-14} {solver.Name,-16} rtol {rtol:0e0}  FAILED: {m.Failure}");
                        continue;
                    }

                    void Run() => solver.Solve(problem, rtol, atol);
                    runs.Add(Run);
                    for (int i = 0; i < policy.WarmupRuns; i++)
                    {
                        Run();
                    }

                    progress.WriteLine($"{bench.Name,-14} {solver.Name,-16} rtol {rtol:0e0}  error {m.Error:0.00e0}  steps {m.Result!.Steps,7}  rejected {m.Result.Rejected,5}");
                }
            }
        }

        // 2. Timing in interleaved rounds.
        for (int round = 0; round < policy.Rounds; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            for (int i = 0; i < measurements.Count; i++)
            {
                if (measurements[i].Succeeded)
                {
                    measurements[i].Times.Collect(runs[i], policy);
                }
            }

            progress.WriteLine($"timing round {round + 1}/{policy.Rounds} done");
        }

        return measurements;
    }

    private static Measurement Check(BenchProblem bench, OdeProblem problem, IBenchSolver solver, double rtol, double[] atol)
    {
        try
        {
            RunResult result = solver.Solve(problem, rtol, atol);
            return new Measurement(bench, solver.Name, rtol, atol[0], result, bench.Error(result.FinalState), null);
        }
#pragma warning disable CA1031 // A failing configuration is a result to report, not a reason to stop the study.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new Measurement(bench, solver.Name, rtol, atol[0], null, double.NaN, e.Message);
        }
    }
}
