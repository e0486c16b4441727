using ExoSim.Benchmarks.Cvode;
using ExoSim.Benchmarks.Solvers;
using ExoSim.Numerics.Ode.ExplicitRungeKutta;
using ExoSim.Numerics.Testing.Problems;

namespace ExoSim.Benchmarks.Problems;

/// <summary>
/// A shared test problem plus the conventions of its work–precision run: which relative tolerances, how the absolute
/// tolerance follows from them, and the floor of the mixed error measure.
/// </summary>
/// <param name="Problem">The shared problem with its published reference.</param>
/// <param name="RelativeTolerances">The tolerance ladder.</param>
/// <param name="AbsoluteToleranceFactor">atol = factor · rtol for every component.</param>
/// <param name="ErrorFloor">Floor of <see cref="TestProblem.MaxMixedError"/>: components smaller than this are measured absolutely.</param>
/// <param name="Convention">Where the tolerance convention comes from.</param>
internal sealed record BenchProblem(
    TestProblem Problem, IReadOnlyList<double> RelativeTolerances, double AbsoluteToleranceFactor, double ErrorFloor, string Convention)
{
    public string Name => Problem.Name;

    public double[] AbsoluteTolerances(double relativeTolerance)
    {
        var atol = new double[Problem.System.Dimension];
        Array.Fill(atol, AbsoluteToleranceFactor * relativeTolerance);
        return atol;
    }

    /// <summary>Mixed error at the end time against the published reference.</summary>
    public double Error(IReadOnlyList<double> finalState) => Problem.MaxMixedError(finalState, ErrorFloor);
}

/// <summary>The problems and solvers of the work–precision study.</summary>
internal static class BenchCatalog
{
    private static readonly double[] StiffLadder = [1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10];
    private static readonly double[] NonStiffLadder = [1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10];

    /// <summary>Problems compared "at equal accuracy" between Rodas5P and CVODE.</summary>
    public static IReadOnlyList<string> EqualAccuracyProblems { get; } = ["ROBER", "HIRES", "TEMP-StiffLinear"];

    public static IReadOnlyList<double> EqualAccuracyLevels { get; } = [1e-4, 1e-6, 1e-8];

    public static IReadOnlyList<BenchProblem> All() =>
    [
        new(TemporaryProblems.StiffLinear, StiffLadder, 1.0, 1e-6, "atol = rtol (temporary problem)"),
        new(TemporaryProblems.Oscillator, NonStiffLadder, 1.0, 1e-6, "atol = rtol (temporary problem)"),
    ];

    /// <summary>DormandPrince54 for non-stiff problems; Rodas5P and CVODE BDF for stiff ones.</summary>
    public static IReadOnlyList<IBenchSolver> SolversFor(TestProblem problem)
    {
        if (!problem.IsStiff)
        {
            return [new ExoSimBenchSolver(new DormandPrince54())];
        }

        var solvers = new List<IBenchSolver>();
        if (CvodeNative.IsAvailable)
        {
            solvers.Add(new CvodeBdf());
        }

        return solvers;
    }
}
