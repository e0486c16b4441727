using BenchmarkDotNet.Attributes;
using ExoSim.Benchmarks.Cvode;
using ExoSim.Benchmarks.Problems;
using ExoSim.Benchmarks.Solvers;
using ExoSim.Numerics.Ode;
using ExoSim.Numerics.Ode.ExplicitRungeKutta;
using ExoSim.Numerics.Ode.Rosenbrock;

namespace ExoSim.Benchmarks.Benchmarks;

/// <summary>
/// Stiff problems at rtol 1e-6 (atol per the work–precision conventions): Rodas5P against CVODE BDF, the baseline of
/// BenchmarkDotNet's ratio column. Note that equal tolerances do not mean equal accuracy — see the work–precision
/// report for the comparison at equal error.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class StiffSolverBenchmarks
{
    public const double RelativeTolerance = 1e-6;

    private readonly CvodeBdf cvode = new();
    private readonly ExoSimBenchSolver rodas5P = new(new Rodas5P());
    private OdeProblem problem = null!;
    private double[] atol = [];

    [Params("ROBER", "HIRES")]
    public string Problem { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        if (!CvodeNative.IsAvailable)
        {
            throw new InvalidOperationException(CvodeNative.NotAvailableMessage);
        }

        BenchProblem bench = BenchCatalog.Find(Problem);
        problem = bench.Problem.ToOdeProblem();
        atol = bench.AbsoluteTolerances(RelativeTolerance);
    }

    [Benchmark(Baseline = true, Description = "CVODE-BDF")]
    public double Cvode() => cvode.Solve(problem, RelativeTolerance, atol).FinalState[0];

    [Benchmark(Description = "Rodas5P")]
    public double Rodas5P() => rodas5P.Solve(problem, RelativeTolerance, atol).FinalState[0];
}

/// <summary>Non-stiff problems at rtol 1e-6 with the explicit solver (no external baseline).</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class NonStiffSolverBenchmarks
{
    public const double RelativeTolerance = 1e-6;

    private readonly ExoSimBenchSolver dp54 = new(new DormandPrince54());
    private OdeProblem problem = null!;
    private double[] atol = [];

    [Params("Arenstorf")]
    public string Problem { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        BenchProblem bench = BenchCatalog.Find(Problem);
        problem = bench.Problem.ToOdeProblem();
        atol = bench.AbsoluteTolerances(RelativeTolerance);
    }

    [Benchmark(Description = "DormandPrince54")]
    public double DormandPrince54() => dp54.Solve(problem, RelativeTolerance, atol).FinalState[0];
}
