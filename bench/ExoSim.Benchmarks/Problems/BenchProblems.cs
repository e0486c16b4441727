using ExoSim.Benchmarks.Cvode;
using ExoSim.Benchmarks.Solvers;
using ExoSim.Numerics.Ode.ExplicitRungeKutta;
using ExoSim.Numerics.Ode.Rosenbrock;
using ExoSim.Numerics.Testing.Problems;

namespace ExoSim.Benchmarks.Problems;

/// <summary>
/// A shared test problem plus the conventions of its work–precision run: the tolerance ladder and how the absolute
/// tolerance follows from the relative one.
/// </summary>
/// <param name="Problem">The shared problem with its published reference.</param>
/// <param name="RelativeTolerances">The tolerance ladder.</param>
/// <param name="AbsoluteToleranceFactor">atol = factor · rtol for every component. Also the floor of the error
/// measure, so that components below the absolute tolerance are judged absolutely.</param>
/// <param name="Convention">Why this factor.</param>
internal sealed record BenchProblem(
    TestProblem Problem, IReadOnlyList<double> RelativeTolerances, double AbsoluteToleranceFactor, string Convention)
{
    public string Name => Problem.Name;

    /// <summary>Floor of <see cref="TestProblem.MaxMixedError"/> = atol/rtol.</summary>
    public double ErrorFloor => AbsoluteToleranceFactor;

    public double[] AbsoluteTolerances(double relativeTolerance)
    {
        var atol = new double[Problem.System.Dimension];
        Array.Fill(atol, AbsoluteToleranceFactor * relativeTolerance);
        return atol;
    }

    /// <summary>
    /// Mixed error at the end time against the published reference: max_i |y_i − ref_i| / max(|ref_i|, atol/rtol).
    /// Modelled on the "mescd" measure of the Bari test set (Mazzia &amp; Magherini), whose denominator is
    /// atol/rtol + |ref_i|; the two differ by at most a factor 2.
    /// </summary>
    public double Error(IReadOnlyList<double> finalState) => Problem.MaxMixedError(finalState, ErrorFloor);
}

/// <summary>The problems and solvers of the work–precision study.</summary>
internal static class BenchCatalog
{
    /// <summary>rtol = 1e-2 … 1e-10, one point per decade.</summary>
    private static readonly double[] Ladder = [1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10];

    /// <summary>Problems compared "at equal accuracy" between ExoSim's stiff solver and CVODE.</summary>
    public static IReadOnlyList<string> EqualAccuracyProblems { get; } = ["ROBER", "HIRES", "VDPOL", "OREGO", "POLLU"];

    public static IReadOnlyList<double> EqualAccuracyLevels { get; } = [1e-4, 1e-6, 1e-8];

    // The atol/rtol ratios are this study's choice (stated in the report), picked so that every component that matters
    // at the end time lies above atol: ROBER's y1 ≈ 2e-8 at t = 1e11 needs a tiny ratio; HIRES and POLLU have
    // components of 1e-3…1e-8; the others are O(1) or larger.
    public static IReadOnlyList<BenchProblem> All() =>
    [
        new(Rober.Problem, Ladder, 1e-6, "atol = 1e-6·rtol (y1 ≈ 2e-8 at t = 1e11)"),
        new(Hires.Problem, Ladder, 1e-4, "atol = 1e-4·rtol (components 6e-5…6e-3)"),
        new(VanDerPol.Problem, Ladder, 1.0, "atol = rtol (O(1) states)"),
        new(Orego.Problem, Ladder, 1.0, "atol = rtol (states 1…1e5)"),
        new(Pollution.Problem, Ladder, 1e-4, "atol = 1e-4·rtol (concentrations 1e-8…0.3)"),
        new(NonStiffProblems.Arenstorf, Ladder, 1.0, "atol = rtol"),
        new(NonStiffProblems.KeplerModerate, Ladder, 1.0, "atol = rtol"),
        new(NonStiffProblems.KeplerEccentric, Ladder, 1.0, "atol = rtol"),
        new(NonStiffProblems.LotkaVolterra, Ladder, 1.0, "atol = rtol"),
    ];

    /// <summary>Finds a problem by name (case-insensitive).</summary>
    public static BenchProblem Find(string name) =>
        All().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown problem '{name}'.", nameof(name));

    /// <summary>DormandPrince54 for non-stiff problems; Rodas5P and CVODE BDF for stiff ones.</summary>
    public static IReadOnlyList<IBenchSolver> SolversFor(TestProblem problem)
    {
        if (!problem.IsStiff)
        {
            return [new ExoSimBenchSolver(new DormandPrince54())];
        }

        var solvers = new List<IBenchSolver> { new ExoSimBenchSolver(new Rodas5P()) };
        if (CvodeNative.IsAvailable)
        {
            solvers.Add(new CvodeBdf());
        }

        return solvers;
    }
}
