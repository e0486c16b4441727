using ExoSim.Numerics.Ode;

namespace ExoSim.Numerics.Testing.Problems;

/// <summary>
/// Lotka–Volterra predator–prey model x' = αx − βxy, y' = δxy − γy. Its orbits are closed curves on which
/// V(x, y) = δx − γ·ln x + βy − α·ln y is constant (Hairer, Lubich &amp; Wanner, Geometric Numerical Integration,
/// 2nd ed. (2006), I.1.1, where the invariant is written for α = 1, β = 1, γ = 2, δ = 1).
/// The default parameters and initial state are those of problem B1 of the DETEST set (Hull, Enright, Fellen &amp;
/// Sedgwick 1972, SIAM J Numer Anal 9:603–637, doi:10.1137/0709052): y1' = 2(y1 − y1·y2), y2' = −(y2 − y1·y2),
/// y(0) = (1, 3), t in [0, 20].
/// </summary>
public sealed class LotkaVolterra(double alpha, double beta, double gamma, double delta) : IOdeSystem
{
    /// <summary>Source of the equations, the invariant and the DETEST B1 parameters.</summary>
    public const string Source = "DETEST B1 (Hull et al. 1972, doi:10.1137/0709052); invariant: Hairer, Lubich & Wanner, GNI 2nd ed., I.1.1. "
        + "Reference at t = 20 NOT published here: computed in-process by Richardson-extrapolated fixed-step classical RK4 (independent of the solvers under test).";

    /// <summary>Prey growth rate α.</summary>
    public double Alpha { get; } = alpha;

    /// <summary>Predation rate β.</summary>
    public double Beta { get; } = beta;

    /// <summary>Predator death rate γ.</summary>
    public double Gamma { get; } = gamma;

    /// <summary>Predator growth per prey δ.</summary>
    public double Delta { get; } = delta;

    /// <inheritdoc />
    public int Dimension => 2;

    /// <inheritdoc />
    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        dydt[0] = (Alpha * y[0]) - (Beta * y[0] * y[1]);
        dydt[1] = (Delta * y[0] * y[1]) - (Gamma * y[1]);
    }

    /// <summary>The conserved quantity V = δx − γ·ln x + βy − α·ln y.</summary>
    public double Invariant(ReadOnlySpan<double> y)
        => (Delta * y[0]) - (Gamma * Math.Log(y[0])) + (Beta * y[1]) - (Alpha * Math.Log(y[1]));

    /// <summary>DETEST B1: α = 2, β = 2, γ = 1, δ = 1, y(0) = (1, 3), t in [0, 20].</summary>
    public static TestProblem DetestB1()
    {
        var system = new LotkaVolterra(2, 2, 1, 1);
        double[] y0 = [1, 3];
        const double end = 20;
        return new TestProblem("Lotka-Volterra (DETEST B1)", system, y0, 0, end, IndependentReference(system, y0, end), Source, IsStiff: false);
    }

    /// <summary>
    /// Classical RK4 with 2^17 and 2^18 fixed steps, combined by Richardson extrapolation (error O(h^5) ≈ 1e-13 here).
    /// Deliberately independent of the library's step control, dense output and driver.
    /// </summary>
    private static double[] IndependentReference(IOdeSystem system, double[] y0, double end)
    {
        double[] coarse = FixedStepRk4(system, y0, end, 1 << 17);
        double[] fine = FixedStepRk4(system, y0, end, 1 << 18);
        var result = new double[y0.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = fine[i] + ((fine[i] - coarse[i]) / 15);
        }

        return result;
    }

    private static double[] FixedStepRk4(IOdeSystem system, double[] y0, double end, int steps)
    {
        int n = y0.Length;
        double h = end / steps;
        var y = (double[])y0.Clone();
        var k1 = new double[n];
        var k2 = new double[n];
        var k3 = new double[n];
        var k4 = new double[n];
        var stage = new double[n];
        for (int s = 0; s < steps; s++)
        {
            double t = s * h;
            system.Evaluate(t, y, k1);
            for (int i = 0; i < n; i++)
            {
                stage[i] = y[i] + (0.5 * h * k1[i]);
            }

            system.Evaluate(t + (0.5 * h), stage, k2);
            for (int i = 0; i < n; i++)
            {
                stage[i] = y[i] + (0.5 * h * k2[i]);
            }

            system.Evaluate(t + (0.5 * h), stage, k3);
            for (int i = 0; i < n; i++)
            {
                stage[i] = y[i] + (h * k3[i]);
            }

            system.Evaluate(t + h, stage, k4);
            for (int i = 0; i < n; i++)
            {
                y[i] += h / 6 * (k1[i] + (2 * k2[i]) + (2 * k3[i]) + k4[i]);
            }
        }

        return y;
    }
}
