using ExoSim.Numerics.Ode;

namespace ExoSim.Numerics.Testing.Problems;

/// <summary>
/// Van der Pol oscillator in the unscaled form y1' = y2, y2' = μ·(1 − y1²)·y2 − y1 with μ = 1000, y(0) = (2, 0),
/// 0 ≤ t ≤ 2000: very stiff, with fast transitions between slow phases.
/// </summary>
/// <remarks>
/// Equations and reference: Mazzia &amp; Magherini, Test Set for IVP Solvers, release 2.4 (2008), problem VDPOL
/// ("Van der Pol modified", vdpolm.f), https://archimede.uniba.it/~testset/. Hairer &amp; Wanner, Solving ODEs II,
/// IV.10, use the equivalent scaled form (ε = 1/μ², t/μ).
/// </remarks>
public sealed class VanDerPol : IOdeSystem, IOdeJacobian, IOdeTimeDerivative
{
    private const double Mu = 1000.0;

    /// <summary>The test-set problem with its published reference solution at t = 2000.</summary>
    public static TestProblem Problem { get; } = new(
        "VDPOL",
        new VanDerPol(),
        [2.0, 0.0],
        0.0,
        2000.0,
        // solut in vdpolm.f (RADAU, rtol = atol = 1.1e-18, uround 1.01e-19).
        [0.1706167732170469e1, -0.8928097010248125e-3],
        "Mazzia & Magherini, Test Set for IVP Solvers, release 2.4 (2008), VDPOL (mu = 1000) at t = 2000, https://archimede.uniba.it/~testset/",
        IsStiff: true);

    /// <inheritdoc />
    public int Dimension => 2;

    /// <inheritdoc />
    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        dydt[0] = y[1];
        dydt[1] = (Mu * (1 - (y[0] * y[0])) * y[1]) - y[0];
    }

    /// <inheritdoc />
    public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian)
    {
        jacobian[0] = 0;
        jacobian[1] = 1;
        jacobian[2] = (-2 * Mu * y[0] * y[1]) - 1;
        jacobian[3] = Mu * (1 - (y[0] * y[0]));
    }

    /// <inheritdoc />
    public void EvaluateTimeDerivative(double t, ReadOnlySpan<double> y, Span<double> dfdt) => dfdt.Clear();
}
