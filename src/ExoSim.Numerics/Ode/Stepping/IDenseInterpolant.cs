namespace ExoSim.Numerics.Ode.Stepping;

/// <summary>
/// Evaluates a method's continuous extension on one step from the coefficients the stepper stored for it.
/// Coefficients are laid out as <see cref="VectorCount"/> consecutive blocks of equal length (the stride,
/// coefficients.Length / VectorCount) of at least the system's dimension; the first n entries of a block belong to
/// the state (a stepper may pad its blocks to whole SIMD vectors).
/// </summary>
internal interface IDenseInterpolant
{
    /// <summary>Number of coefficient blocks per step.</summary>
    int VectorCount { get; }

    /// <summary>Writes y(t0 + θ·h) into <paramref name="y"/> for θ in [0, 1].</summary>
    void Interpolate(ReadOnlySpan<double> coefficients, double theta, double h, Span<double> y);
}
