using ExoSim.Numerics.Ode;

namespace ExoSim.Numerics.Testing.Problems;

/// <summary>
/// HIRES: "High Irradiance RESponse" of photomorphogenesis (Schäfer 1975), 8 species, stiff, 0 ≤ t ≤ 321.8122.
/// </summary>
/// <remarks>
/// Equations, initial state and reference: Mazzia &amp; Magherini, Test Set for IVP Solvers, release 2.4 (2008),
/// problem HIRES (hires.f), https://archimede.uniba.it/~testset/; Hairer &amp; Wanner, Solving ODEs II, IV.10.
/// </remarks>
public sealed class Hires : IOdeSystem, IOdeJacobian, IOdeTimeDerivative
{
    /// <summary>The test-set problem with its published reference solution at t = 321.8122.</summary>
    public static TestProblem Problem { get; } = new(
        "HIRES",
        new Hires(),
        [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0057],
        0.0,
        321.8122,
        // solut in hires.f (RADAU5, rtol = atol = 1.1e-18, Cray C90).
        [
            0.7371312573325668e-3, 0.1442485726316185e-3, 0.5888729740967575e-4, 0.1175651343283149e-2,
            0.2386356198831331e-2, 0.6238968252742796e-2, 0.2849998395185769e-2, 0.2850001604814231e-2,
        ],
        "Mazzia & Magherini, Test Set for IVP Solvers, release 2.4 (2008), HIRES at t = 321.8122, https://archimede.uniba.it/~testset/",
        IsStiff: true);

    /// <inheritdoc />
    public int Dimension => 8;

    /// <inheritdoc />
    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        double r = 280.0 * y[5] * y[7];
        dydt[0] = (-1.71 * y[0]) + (0.43 * y[1]) + (8.32 * y[2]) + 0.0007;
        dydt[1] = (1.71 * y[0]) - (8.75 * y[1]);
        dydt[2] = (-10.03 * y[2]) + (0.43 * y[3]) + (0.035 * y[4]);
        dydt[3] = (8.32 * y[1]) + (1.71 * y[2]) - (1.12 * y[3]);
        dydt[4] = (-1.745 * y[4]) + (0.43 * y[5]) + (0.43 * y[6]);
        dydt[5] = -r + (0.69 * y[3]) + (1.71 * y[4]) - (0.43 * y[5]) + (0.69 * y[6]);
        dydt[6] = r - (1.81 * y[6]);
        dydt[7] = -r + (1.81 * y[6]);
    }

    /// <inheritdoc />
    public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian)
    {
        const int n = 8;
        jacobian.Clear();
        jacobian[(0 * n) + 0] = -1.71;
        jacobian[(0 * n) + 1] = 0.43;
        jacobian[(0 * n) + 2] = 8.32;
        jacobian[(1 * n) + 0] = 1.71;
        jacobian[(1 * n) + 1] = -8.75;
        jacobian[(2 * n) + 2] = -10.03;
        jacobian[(2 * n) + 3] = 0.43;
        jacobian[(2 * n) + 4] = 0.035;
        jacobian[(3 * n) + 1] = 8.32;
        jacobian[(3 * n) + 2] = 1.71;
        jacobian[(3 * n) + 3] = -1.12;
        jacobian[(4 * n) + 4] = -1.745;
        jacobian[(4 * n) + 5] = 0.43;
        jacobian[(4 * n) + 6] = 0.43;
        jacobian[(5 * n) + 3] = 0.69;
        jacobian[(5 * n) + 4] = 1.71;
        jacobian[(5 * n) + 5] = (-280.0 * y[7]) - 0.43;
        jacobian[(5 * n) + 6] = 0.69;
        jacobian[(5 * n) + 7] = -280.0 * y[5];
        jacobian[(6 * n) + 5] = 280.0 * y[7];
        jacobian[(6 * n) + 6] = -1.81;
        jacobian[(6 * n) + 7] = 280.0 * y[5];
        jacobian[(7 * n) + 5] = -280.0 * y[7];
        jacobian[(7 * n) + 6] = 1.81;
        jacobian[(7 * n) + 7] = -280.0 * y[5];
    }

    /// <inheritdoc />
    public void EvaluateTimeDerivative(double t, ReadOnlySpan<double> y, Span<double> dfdt) => dfdt.Clear();
}
