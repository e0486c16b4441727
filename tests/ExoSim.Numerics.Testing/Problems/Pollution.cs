using ExoSim.Numerics.Ode;

namespace ExoSim.Numerics.Testing.Problems;

/// <summary>
/// POLLU: the air-pollution chemistry model of the Dutch National Institute of Public Health and Environment
/// (Verwer 1994), 20 species and 25 reactions, stiff, 0 ≤ t ≤ 60.
/// </summary>
/// <remarks>
/// Rate constants, reactions, initial state and reference: Mazzia &amp; Magherini, Test Set for IVP Solvers,
/// release 2.4 (2008), problem POLLU (pollu.f), https://archimede.uniba.it/~testset/; J.G. Verwer, "Gauss–Seidel
/// iteration for stiff ODEs from chemical kinetics", SIAM J Sci Comput 15 (1994) 1243–1250.
/// f = S·r(y) with reaction rates r_j = k_j·y_a (·y_b); the Jacobian is S·∂r/∂y, built from the same table.
/// </remarks>
public sealed class Pollution : IOdeSystem, IOdeJacobian, IOdeTimeDerivative
{
    private const int Species = 20;
    private const int Reactions = 25;

    // Rate constants k1..k25 (pollu.f).
    private static readonly double[] RateConstant =
    [
        0.35, 26.6, 1.23e4, 8.6e-4, 8.2e-4, 1.5e4, 1.3e-4, 2.4e4, 1.65e4, 9.0e3, 2.2e-2, 1.2e4, 1.88,
        1.63e4, 4.8e6, 3.5e-4, 1.75e-2, 1.0e8, 4.44e11, 1.24e3, 2.1, 5.78, 4.74e-2, 1.78e3, 3.12,
    ];

    // Reactants of r_j (0-based species; −1 for a first-order reaction): r_j = k_j·y[A_j]·y[B_j].
    private static readonly int[] ReactantA = [0, 1, 4, 6, 6, 6, 8, 8, 10, 10, 12, 9, 13, 0, 2, 3, 3, 15, 15, 16, 18, 18, 0, 18, 19];
    private static readonly int[] ReactantB = [-1, 3, 1, -1, -1, 5, -1, 5, 1, 0, -1, 1, -1, 5, -1, -1, -1, -1, -1, 5, -1, -1, 3, 0, -1];

    // Stoichiometry S as (species, reaction, coefficient) triples, from f(1)..f(20) of pollu.f.
    private static readonly (int Species, int Reaction, double Coefficient)[] Stoichiometry = BuildStoichiometry();

    /// <summary>The test-set problem with its published reference solution at t = 60.</summary>
    public static TestProblem Problem { get; } = new(
        "POLLU",
        new Pollution(),
        [0, 0.2, 0, 0.04, 0, 0, 0.1, 0.3, 0.01, 0, 0, 0, 0, 0, 0, 0, 0.007, 0, 0, 0],
        0.0,
        60.0,
        // solut in pollu.f (RADAU5, rtol = atol = 1.1e-18, Cray C90).
        [
            0.5646255480022769e-01, 0.1342484130422339e+00, 0.4139734331099427e-08, 0.5523140207484359e-02,
            0.2018977262302196e-06, 0.1464541863493966e-06, 0.7784249118997964e-01, 0.3245075353396018e+00,
            0.7494013383880406e-02, 0.1622293157301561e-07, 0.1135863833257075e-07, 0.2230505975721359e-02,
            0.2087162882798630e-03, 0.1396921016840158e-04, 0.8964884856898295e-02, 0.4352846369330103e-17,
            0.6899219696263405e-02, 0.1007803037365946e-03, 0.1772146513969984e-05, 0.5682943292316392e-04,
        ],
        "Mazzia & Magherini, Test Set for IVP Solvers, release 2.4 (2008), POLLU at t = 60, https://archimede.uniba.it/~testset/",
        IsStiff: true);

    /// <inheritdoc />
    public int Dimension => Species;

    /// <inheritdoc />
    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        Span<double> rate = stackalloc double[Reactions];
        for (int j = 0; j < Reactions; j++)
        {
            double r = RateConstant[j] * y[ReactantA[j]];
            rate[j] = ReactantB[j] >= 0 ? r * y[ReactantB[j]] : r;
        }

        dydt.Clear();
        foreach (var (species, reaction, coefficient) in Stoichiometry)
        {
            dydt[species] += coefficient * rate[reaction];
        }
    }

    /// <inheritdoc />
    public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian)
    {
        jacobian.Clear();
        foreach (var (species, reaction, coefficient) in Stoichiometry)
        {
            int a = ReactantA[reaction];
            int b = ReactantB[reaction];
            double k = coefficient * RateConstant[reaction];
            int row = species * Species;
            if (b < 0)
            {
                jacobian[row + a] += k;
                continue;
            }

            // ∂(k·y_a·y_b)/∂y_a = k·y_b and ∂/∂y_b = k·y_a.
            jacobian[row + a] += k * y[b];
            jacobian[row + b] += k * y[a];
        }
    }

    /// <inheritdoc />
    public void EvaluateTimeDerivative(double t, ReadOnlySpan<double> y, Span<double> dfdt) => dfdt.Clear();

    private static (int, int, double)[] BuildStoichiometry()
    {
        // Each row: species (1-based), then signed 1-based reaction numbers; "2x" terms are listed twice.
        int[][] rows =
        [
            [1, -1, -10, -14, -23, -24, 2, 3, 9, 11, 12, 22, 25],
            [2, -2, -3, -9, -12, 1, 21],
            [3, -15, 1, 17, 19, 22],
            [4, -2, -16, -17, -23, 15],
            [5, -3, 4, 4, 6, 7, 13, 20],
            [6, -6, -8, -14, -20, 3, 18, 18],
            [7, -4, -5, -6, 13],
            [8, 4, 5, 6, 7],
            [9, -7, -8],
            [10, -12, 7, 9],
            [11, -9, -10, 8, 11],
            [12, 9],
            [13, -11, 10],
            [14, -13, 12],
            [15, 14],
            [16, -18, -19, 16],
            [17, -20],
            [18, 20],
            [19, -21, -22, -24, 23, 25],
            [20, -25, 24],
        ];

        var entries = new List<(int, int, double)>();
        foreach (int[] row in rows)
        {
            for (int m = 1; m < row.Length; m++)
            {
                entries.Add((row[0] - 1, Math.Abs(row[m]) - 1, Math.Sign(row[m])));
            }
        }

        return [.. entries];
    }
}
