namespace ExoSim.Numerics.Ode;

/// <summary>
/// A system of ordinary differential equations dy/dt = f(t, y) of fixed dimension.
/// Implementations must be allocation-free in <see cref="Evaluate"/>: it is called in the solver's inner loop.
/// </summary>
public interface IOdeSystem
{
    /// <summary>Number of state variables.</summary>
    int Dimension { get; }

    /// <summary>Writes f(t, y) into <paramref name="dydt"/> (length <see cref="Dimension"/>); every entry must be written.</summary>
    void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt);
}

/// <summary>
/// Optional: an analytic Jacobian ∂f/∂y. Stiff solvers use it when present and a finite-difference
/// approximation otherwise.
/// </summary>
public interface IOdeJacobian
{
    /// <summary>
    /// Writes ∂f_i/∂y_j into <paramref name="jacobian"/> in row-major order (index i·n + j).
    /// Every entry must be written (zeros included).
    /// </summary>
    void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian);
}

/// <summary>
/// Optional: the explicit time derivative ∂f/∂t, needed by Rosenbrock methods for non-autonomous systems.
/// Systems that are autonomous between events should implement this and write zeros, which saves one
/// right-hand-side evaluation per Jacobian; otherwise a finite difference in t is used.
/// </summary>
public interface IOdeTimeDerivative
{
    /// <summary>Writes ∂f/∂t at (t, y) into <paramref name="dfdt"/>.</summary>
    void EvaluateTimeDerivative(double t, ReadOnlySpan<double> y, Span<double> dfdt);
}
