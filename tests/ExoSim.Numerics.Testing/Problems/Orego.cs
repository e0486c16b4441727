using ExoSim.Numerics.Ode;

namespace ExoSim.Numerics.Testing.Problems;

/// <summary>
/// OREGO: the Oregonator model of the Belousov–Zhabotinskii reaction (Field &amp; Noyes 1974), 3 species, stiff and
/// oscillating, 0 ≤ t ≤ 360, y(0) = (1, 2, 3).
/// </summary>
/// <remarks>
/// Equations and reference: Mazzia &amp; Magherini, Test Set for IVP Solvers, release 2.4 (2008), problem OREGO
/// (orego.f), https://archimede.uniba.it/~testset/; Hairer &amp; Wanner, Solving ODEs II, IV.10.
/// </remarks>
public sealed class Orego : IOdeSystem, IOdeJacobian, IOdeTimeDerivative
{
    private const double S = 77.27;
    private const double Q = 8.375e-6;
    private const double W = 0.161;

    /// <summary>The test-set problem with its published reference solution at t = 360.</summary>
    public static TestProblem Problem { get; } = new(
        "OREGO",
        new Orego(),
        [1.0, 2.0, 3.0],
        0.0,
        360.0,
        // solut in orego.f (RADAU, rtol = h0 = 1.1e-18, atol = 1.1e-40, uround 1.01e-19).
        [0.1000814870318523e1, 0.1228178521549917e4, 0.1320554942846706e3],
        "Mazzia & Magherini, Test Set for IVP Solvers, release 2.4 (2008), OREGO at t = 360, https://archimede.uniba.it/~testset/",
        IsStiff: true);

    /// <inheritdoc />
    public int Dimension => 3;

    /// <inheritdoc />
    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        dydt[0] = S * (y[1] + (y[0] * (1 - (Q * y[0]) - y[1])));
        dydt[1] = (y[2] - ((1 + y[0]) * y[1])) / S;
        dydt[2] = W * (y[0] - y[2]);
    }

    /// <inheritdoc />
    public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian)
    {
        jacobian[0] = S * (1 - (2 * Q * y[0]) - y[1]);
        jacobian[1] = S * (1 - y[0]);
        jacobian[2] = 0;
        jacobian[3] = -y[1] / S;
        jacobian[4] = -(1 + y[0]) / S;
        jacobian[5] = 1 / S;
        jacobian[6] = W;
        jacobian[7] = 0;
        jacobian[8] = -W;
    }

    /// <inheritdoc />
    public void EvaluateTimeDerivative(double t, ReadOnlySpan<double> y, Span<double> dfdt) => dfdt.Clear();
}
