using BenchmarkDotNet.Attributes;
using ExoSim.Benchmarks.Cvode;
using ExoSim.Benchmarks.Problems;
using ExoSim.Benchmarks.Solvers;
using ExoSim.Numerics.Ode;
using ExoSim.Numerics.Ode.ExplicitRungeKutta;

namespace ExoSim.Benchmarks.Benchmarks;

/// <summary>Stiff problems at rtol 1e-6: ExoSim against CVODE BDF (the baseline of the ratio column).</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class StiffSolverBenchmarks
{
    private BenchProblem bench = null!;
    private OdeProblem problem = null!;
    private double[] atol = [];
    private readonly CvodeBdf cvode = new();

    [Params("TEMP-StiffLinear")]
    public string Problem { get; set; } = "";

    public const double RelativeTolerance = 1e-6;

    [GlobalSetup]
    public void Setup()
    {
        if (!CvodeNative.IsAvailable)
        {
            throw new InvalidOperationException(CvodeNative.NotAvailableMessage);
        }

        bench = BenchCatalog.All().Single(p => p.Name == Problem);
        problem = bench.Problem.ToOdeProblem();
        atol = bench.AbsoluteTolerances(RelativeTolerance);
    }

    [Benchmark(Baseline = true, Description = "CVODE-BDF")]
    public double Cvode() => cvode.Solve(problem, RelativeTolerance, atol).FinalState[0];
}

/// <summary>Non-stiff problems at rtol 1e-6 with the explicit solver.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class NonStiffSolverBenchmarks
{
    private OdeProblem problem = null!;
    private double[] atol = [];
    private readonly ExoSimBenchSolver dp54 = new(new DormandPrince54());

    [Params("TEMP-Oscillator")]
    public string Problem { get; set; } = "";

    public const double RelativeTolerance = 1e-6;

    [GlobalSetup]
    public void Setup()
    {
        BenchProblem bench = BenchCatalog.All().Single(p => p.Name == Problem);
        problem = bench.Problem.ToOdeProblem();
        atol = bench.AbsoluteTolerances(RelativeTolerance);
    }

    [Benchmark(Description = "DormandPrince54")]
    public double DormandPrince54() => dp54.Solve(problem, RelativeTolerance, atol).FinalState[0];
}
