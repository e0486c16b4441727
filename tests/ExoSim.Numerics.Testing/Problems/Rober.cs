using ExoSim.Numerics.Ode;

namespace ExoSim.Numerics.Testing.Problems;

/// <summary>
/// ROBER: Robertson's autocatalytic chemical reaction (Robertson 1966), stiff, 3 species.
/// y1' = −0.04·y1 + 1e4·y2·y3, y2' = 0.04·y1 − 1e4·y2·y3 − 3e7·y2², y3' = 3e7·y2²; y(0) = (1, 0, 0).
/// </summary>
/// <remarks>
/// Formulation and reference: Mazzia &amp; Magherini, Test Set for IVP Solvers, release 2.4 (2008), problem ROBER
/// (rober.f), https://archimede.uniba.it/~testset/; also Hairer &amp; Wanner, Solving ODEs II, IV.1 and IV.10.
/// </remarks>
public sealed class Rober : IOdeSystem, IOdeJacobian, IOdeTimeDerivative
{
    private const double K1 = 0.04;
    private const double K2 = 3e7;
    private const double K3 = 1e4;

    /// <summary>The long-span problem of the test set, 0 ≤ t ≤ 1e11, with its published reference solution.</summary>
    public static TestProblem Problem { get; } = new(
        "ROBER",
        new Rober(),
        [1.0, 0.0, 0.0],
        0.0,
        1e11,
        // solut in rober.f (RADAU5, rtol = atol = 1.1e-18 on a Cray C90 in quadruple-like precision).
        [0.2083340149701255e-7, 0.8333360770334713e-13, 0.9999999791665050],
        "Mazzia & Magherini, Test Set for IVP Solvers, release 2.4 (2008), ROBER at t = 1e11, https://archimede.uniba.it/~testset/",
        IsStiff: true);

    /// <inheritdoc />
    public int Dimension => 3;

    /// <inheritdoc />
    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        double y1 = y[0], y2 = y[1], y3 = y[2];
        double r1 = K1 * y1;
        double r2 = K2 * y2 * y2;
        double r3 = K3 * y2 * y3;
        dydt[0] = -r1 + r3;
        dydt[1] = r1 - r3 - r2;
        dydt[2] = r2;
    }

    /// <inheritdoc />
    public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian)
    {
        double y2 = y[1], y3 = y[2];
        jacobian[0] = -K1;
        jacobian[1] = K3 * y3;
        jacobian[2] = K3 * y2;
        jacobian[3] = K1;
        jacobian[4] = (-K3 * y3) - (2 * K2 * y2);
        jacobian[5] = -K3 * y2;
        jacobian[6] = 0;
        jacobian[7] = 2 * K2 * y2;
        jacobian[8] = 0;
    }

    /// <inheritdoc />
    public void EvaluateTimeDerivative(double t, ReadOnlySpan<double> y, Span<double> dfdt) => dfdt.Clear();
}
