namespace ExoSim.Numerics.LinearAlgebra;

/// <summary>
/// LU factorisation with partial (row) pivoting of a small dense n×n matrix, P·A = L·U, for the linear systems of
/// implicit ODE methods. Storage is allocated once; <see cref="Factor()"/> and <see cref="Solve"/> work in place and
/// never allocate. A singular matrix is reported by the return value, not by an exception, because stiff solvers
/// answer it by shrinking the step.
/// </summary>
/// <remarks>
/// Doolittle elimination in row-major storage, right-looking (Golub &amp; Van Loan, Matrix Computations, 4th ed.,
/// Alg. 3.4.1): L has a unit diagonal and is stored below it, U on and above it.
/// </remarks>
internal sealed class DenseLu
{
    private readonly double[] lu;
    private readonly int[] pivots;

    /// <summary>Allocates storage for an n×n matrix.</summary>
    public DenseLu(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        Dimension = dimension;
        lu = new double[dimension * dimension];
        pivots = new int[dimension];
    }

    /// <summary>Order n of the matrix.</summary>
    public int Dimension { get; }

    /// <summary>
    /// The matrix in row-major order (entry (i, j) at i·n + j). Write A here and call <see cref="Factor()"/>;
    /// afterwards it holds the factors.
    /// </summary>
    public Span<double> Matrix => lu;

    /// <summary>Whether the last factorisation succeeded, so that <see cref="Solve"/> may be called.</summary>
    public bool IsFactored { get; private set; }

    /// <summary>Copies <paramref name="matrix"/> (row-major, n·n entries) and factors it; see <see cref="Factor()"/>.</summary>
    public bool Factor(ReadOnlySpan<double> matrix)
    {
        if (matrix.Length != lu.Length)
        {
            throw new ArgumentException($"Expected {lu.Length} entries for a {Dimension}×{Dimension} matrix; got {matrix.Length}.", nameof(matrix));
        }

        matrix.CopyTo(lu);
        return Factor();
    }

    /// <summary>
    /// Factors the matrix held in <see cref="Matrix"/> in place. Returns false when a pivot is exactly zero or not
    /// finite (singular matrix, or NaN/∞ entries); the factors are then unusable.
    /// </summary>
    public bool Factor()
    {
        int n = Dimension;
        IsFactored = false;
        for (int k = 0; k < n; k++)
        {
            // Partial pivoting: the largest magnitude in column k at or below the diagonal.
            int p = k;
            double largest = Math.Abs(lu[(k * n) + k]);
            for (int i = k + 1; i < n; i++)
            {
                double candidate = Math.Abs(lu[(i * n) + k]);
                if (candidate > largest)
                {
                    largest = candidate;
                    p = i;
                }
            }

            pivots[k] = p;
            if (!(largest > 0) || !double.IsFinite(largest))
            {
                return false;
            }

            if (p != k)
            {
                int rowP = p * n;
                for (int j = 0; j < n; j++)
                {
                    (lu[(k * n) + j], lu[rowP + j]) = (lu[rowP + j], lu[(k * n) + j]);
                }
            }

            int rowK = k * n;
            double inversePivot = 1.0 / lu[rowK + k];
            for (int i = k + 1; i < n; i++)
            {
                int rowI = i * n;
                double factor = lu[rowI + k] * inversePivot;
                lu[rowI + k] = factor;
                if (factor == 0)
                {
                    continue;
                }

                for (int j = k + 1; j < n; j++)
                {
                    lu[rowI + j] -= factor * lu[rowK + j];
                }
            }
        }

        IsFactored = true;
        return true;
    }

    /// <summary>Overwrites <paramref name="b"/> (length n) with the solution x of A·x = b.</summary>
    public void Solve(Span<double> b)
    {
        if (!IsFactored)
        {
            throw new InvalidOperationException("Solve needs a successful Factor first.");
        }

        int n = Dimension;
        if (b.Length != n)
        {
            throw new ArgumentException($"Expected a vector of length {n}; got {b.Length}.", nameof(b));
        }

        // b ← P·b: the factorisation swapped whole rows (L included), so every interchange is applied first.
        for (int k = 0; k < n; k++)
        {
            int p = pivots[k];
            if (p != k)
            {
                (b[k], b[p]) = (b[p], b[k]);
            }
        }

        // Forward substitution with unit-lower L.
        for (int k = 0; k < n; k++)
        {
            double bk = b[k];
            if (bk == 0)
            {
                continue;
            }

            for (int i = k + 1; i < n; i++)
            {
                b[i] -= lu[(i * n) + k] * bk;
            }
        }

        // Back substitution with U.
        for (int i = n - 1; i >= 0; i--)
        {
            int row = i * n;
            double sum = b[i];
            for (int j = i + 1; j < n; j++)
            {
                sum -= lu[row + j] * b[j];
            }

            b[i] = sum / lu[row + i];
        }
    }
}
