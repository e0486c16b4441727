namespace ExoSim.Numerics.Ode;

/// <summary>
/// How a problem is integrated: tolerances, step limits and what is kept. The error of a step is measured as the
/// root-mean-square over components of e_i / (atol_i + rtol·max(|y_i|, |y_i,new|)) and must be at most 1.
/// </summary>
public sealed record SolverOptions
{
    /// <summary>Relative tolerance (default 1e-6).</summary>
    public double RelativeTolerance { get; init; } = 1e-6;

    /// <summary>Absolute tolerance for every component (default 1e-8), used when <see cref="AbsoluteTolerances"/> is null.</summary>
    public double AbsoluteTolerance { get; init; } = 1e-8;

    /// <summary>Per-component absolute tolerances; overrides <see cref="AbsoluteTolerance"/> when set.</summary>
    public IReadOnlyList<double>? AbsoluteTolerances { get; init; }

    /// <summary>First step size; 0 chooses it automatically (Hairer, Nørsett &amp; Wanner, Solving ODEs I, II.4).</summary>
    public double InitialStep { get; init; }

    /// <summary>Largest step size allowed (default: unbounded).</summary>
    public double MaxStep { get; init; } = double.PositiveInfinity;

    /// <summary>Largest number of step attempts (accepted + rejected) before the solve fails (default 1,000,000).</summary>
    public long MaxSteps { get; init; } = 1_000_000;

    /// <summary>
    /// Times at which the solution is stored, ascending. When null, the state after every accepted step is stored
    /// (plus the initial state, and the state both before and after every event that changes it).
    /// At a discrete event time the stored value is the state after the event.
    /// </summary>
    public IReadOnlyList<double>? SaveAt { get; init; }

    /// <summary>Keep the interpolation data of every step so that <see cref="OdeSolution.Interpolate(double, Span{double})"/> works anywhere.</summary>
    public bool DenseOutput { get; init; }

    /// <summary>Absolute accuracy of located continuous-event times (default: 1e-10 relative to the time span, at least 4 ulp).</summary>
    public double EventTimeTolerance { get; init; }

    /// <summary>Use a finite-difference Jacobian even when the system provides an analytic one (stiff solvers only).</summary>
    public bool ForceFiniteDifferenceJacobian { get; init; }

    /// <summary>Default options: rtol 1e-6, atol 1e-8.</summary>
    public static SolverOptions Default { get; } = new();

    internal void Validate(int dimension)
    {
        if (!(RelativeTolerance > 0) || !double.IsFinite(RelativeTolerance))
        {
            throw new ArgumentException($"RelativeTolerance must be a positive finite number; got {RelativeTolerance}.");
        }

        if (AbsoluteTolerances is null)
        {
            if (!(AbsoluteTolerance > 0) || !double.IsFinite(AbsoluteTolerance))
            {
                throw new ArgumentException($"AbsoluteTolerance must be a positive finite number; got {AbsoluteTolerance}.");
            }
        }
        else
        {
            if (AbsoluteTolerances.Count != dimension)
            {
                throw new ArgumentException($"AbsoluteTolerances has {AbsoluteTolerances.Count} entries; the system has dimension {dimension}.");
            }

            for (int i = 0; i < dimension; i++)
            {
                if (!(AbsoluteTolerances[i] > 0) || !double.IsFinite(AbsoluteTolerances[i]))
                {
                    throw new ArgumentException($"AbsoluteTolerances[{i}] must be a positive finite number; got {AbsoluteTolerances[i]}.");
                }
            }
        }

        if (InitialStep < 0 || !double.IsFinite(InitialStep))
        {
            throw new ArgumentException($"InitialStep must be 0 (automatic) or positive; got {InitialStep}.");
        }

        if (!(MaxStep > 0))
        {
            throw new ArgumentException($"MaxStep must be positive; got {MaxStep}.");
        }

        if (MaxSteps <= 0)
        {
            throw new ArgumentException($"MaxSteps must be positive; got {MaxSteps}.");
        }

        if (EventTimeTolerance < 0 || !double.IsFinite(EventTimeTolerance))
        {
            throw new ArgumentException($"EventTimeTolerance must be 0 (automatic) or positive; got {EventTimeTolerance}.");
        }

        if (SaveAt is not null)
        {
            for (int i = 0; i < SaveAt.Count; i++)
            {
                if (!double.IsFinite(SaveAt[i]) || (i > 0 && SaveAt[i] < SaveAt[i - 1]))
                {
                    throw new ArgumentException($"SaveAt must be finite and ascending; entry {i} is {SaveAt[i]}.");
                }
            }
        }
    }
}
