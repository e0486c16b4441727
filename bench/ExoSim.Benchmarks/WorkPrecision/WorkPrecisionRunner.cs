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
    double MedianSeconds,
    int Runs,
    string? Failure)
{
    public bool Succeeded => Result is not null;

    /// <summary>Significant correct digits, −log10(error).</summary>
    public double Digits => -Math.Log10(Error);
}

/// <summary>Runs every solver on every problem at every tolerance of its ladder and measures error and cost.</summary>
internal static class WorkPrecisionRunner
{
    public static List<Measurement> Run(IReadOnlyList<BenchProblem> problems, TimingPolicy policy, TextWriter progress)
    {
        var measurements = new List<Measurement>();
        foreach (BenchProblem bench in problems)
        {
            OdeProblem problem = bench.Problem.ToOdeProblem();
            foreach (IBenchSolver solver in BenchCatalog.SolversFor(bench.Problem))
            {
                foreach (double rtol in bench.RelativeTolerances)
                {
                    double[] atol = bench.AbsoluteTolerances(rtol);
                    Measurement m = Measure(bench, problem, solver, rtol, atol, policy);
                    measurements.Add(m);
                    progress.WriteLine(m.Succeeded
                        ? $"{bench.Name,-12} {solver.Name,-16} rtol {rtol:0e0}  error {m.Error:0.00e0}  steps {m.Result!.Steps,7}  time {m.MedianSeconds * 1e3,10:F3} ms ({m.Runs} runs)"
                        : $"{bench.Name,-12} {solver.Name,-16} rtol {rtol:0e0}  FAILED: {m.Failure}");
                }
            }
        }

        return measurements;
    }

    private static Measurement Measure(BenchProblem bench, OdeProblem problem, IBenchSolver solver, double rtol, double[] atol, TimingPolicy policy)
    {
        RunResult result;
        try
        {
            result = solver.Solve(problem, rtol, atol);
        }
#pragma warning disable CA1031 // A failing configuration is a result to report, not a reason to stop the study.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new Measurement(bench, solver.Name, rtol, atol[0], null, double.NaN, double.NaN, 0, e.Message);
        }

        double error = bench.Error(result.FinalState);
        (double median, int runs) = Timing.Median(() => solver.Solve(problem, rtol, atol), policy);
        return new Measurement(bench, solver.Name, rtol, atol[0], result, error, median, runs, null);
    }
}
