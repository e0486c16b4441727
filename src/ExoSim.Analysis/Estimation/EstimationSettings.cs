namespace ExoSim.Analysis.Estimation;

/// <summary>Which optimiser finds the estimate.</summary>
public enum OptimizerKind
{
    /// <summary>Levenberg–Marquardt (Fisher scoring with Marquardt damping) from the initial values; finite-difference Jacobian.</summary>
    LevenbergMarquardt,

    /// <summary>
    /// Nelder–Mead simplex from the initial values and from seeded random starts in the bounds (derivative-free,
    /// global), then Levenberg–Marquardt from the best point for the Fisher information.
    /// </summary>
    MultiStartNelderMead,
}

/// <summary>How to fit: optimiser, its budget and tolerances, the finite-difference step, and the profiles.</summary>
public sealed record EstimationSettings
{
    /// <summary>The optimiser.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.LevenbergMarquardt;

    /// <summary>Maximum Levenberg–Marquardt iterations (each one Jacobian).</summary>
    public int MaxIterations { get; init; } = 200;

    /// <summary>Convergence: relative change of the objective below this (and steps below <see cref="StepTolerance"/>).</summary>
    public double ObjectiveTolerance { get; init; } = 1e-9;

    /// <summary>Convergence: largest step in ln(parameter) below this.</summary>
    public double StepTolerance { get; init; } = 1e-7;

    /// <summary>Central-difference step in ln(parameter) for the Jacobian.</summary>
    public double FiniteDifferenceStep { get; init; } = 1e-4;

    /// <summary>Number of Nelder–Mead starts (the first at the initial values) for <see cref="OptimizerKind.MultiStartNelderMead"/>.</summary>
    public int Starts { get; init; } = 10;

    /// <summary>Seed of the random starts (Xoshiro256** stream k for start k).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Objective evaluations per Nelder–Mead start, per estimated quantity.</summary>
    public int NelderMeadEvaluationsPerDimension { get; init; } = 300;

    /// <summary>Parameters whose profile likelihood is computed (names of estimated parameters).</summary>
    public IReadOnlyList<string> Profiles { get; init; } = [];

    /// <summary>Largest number of profile points on each side of the estimate.</summary>
    public int ProfilePointsPerSide { get; init; } = 20;

    /// <summary>Largest number of threads (starts and profiles run in parallel; results do not depend on it).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
