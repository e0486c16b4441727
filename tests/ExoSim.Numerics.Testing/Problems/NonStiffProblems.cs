namespace ExoSim.Numerics.Testing.Problems;

/// <summary>The non-stiff test problems with reference solutions, for tests and benchmarks.</summary>
public static class NonStiffProblems
{
    /// <summary>Arenstorf orbit over one period.</summary>
    public static TestProblem Arenstorf => Problems.Arenstorf.OnePeriod();

    /// <summary>Kepler orbit with e = 0.5 over three periods.</summary>
    public static TestProblem KeplerModerate => Kepler.Orbits(0.5, 3);

    /// <summary>Kepler orbit with e = 0.9 (close pericentre passages) over three periods.</summary>
    public static TestProblem KeplerEccentric => Kepler.Orbits(0.9, 3);

    /// <summary>Lotka–Volterra, DETEST B1.</summary>
    public static TestProblem LotkaVolterra => Problems.LotkaVolterra.DetestB1();

    /// <summary>Every non-stiff problem (each access builds fresh instances).</summary>
    public static IReadOnlyList<TestProblem> All => [Arenstorf, KeplerModerate, KeplerEccentric, LotkaVolterra];
}
