namespace ExoSim.Numerics.Testing.Problems;

/// <summary>The stiff test problems with published references (Mazzia &amp; Magherini, Test Set for IVP Solvers 2.4).</summary>
public static class StiffProblems
{
    /// <summary>ROBER (t = 1e11), HIRES, VDPOL (μ = 1000), OREGO and POLLU.</summary>
    public static IReadOnlyList<TestProblem> All { get; } =
        [Rober.Problem, Hires.Problem, VanDerPol.Problem, Orego.Problem, Pollution.Problem];
}
