namespace ExoSim.Numerics.Ode.Stepping;

/// <summary>
/// Evaluates a method's continuous extension on one step from the coefficients the stepper stored for it.
/// Coefficients are laid out as <see cref="VectorCount"/> consecutive vectors of the system's dimension.
/// </summary>
internal interface IDenseInterpolant
{
    /// <summary>Number of n-vectors of coefficients per step.</summary>
    int VectorCount { get; }

    /// <summary>Writes y(t0 + θ·h) into <paramref name="y"/> for θ in [0, 1].</summary>
    void Interpolate(ReadOnlySpan<double> coefficients, double theta, double h, Span<double> y);
}
