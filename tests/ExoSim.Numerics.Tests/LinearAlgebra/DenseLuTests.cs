using ExoSim.Numerics.LinearAlgebra;

namespace ExoSim.Numerics.Tests.LinearAlgebra;

public class DenseLuTests
{
    [Theory]
    [InlineData(1, 11)]
    [InlineData(3, 12)]
    [InlineData(8, 13)]
    [InlineData(20, 14)]
    [InlineData(40, 15)]
    public void Solves_random_systems_with_small_residual(int n, int seed)
    {
        var random = new Random(seed);
        var a = new double[n * n];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = (2 * random.NextDouble()) - 1;
        }

        var xTrue = new double[n];
        for (int i = 0; i < n; i++)
        {
            xTrue[i] = (2 * random.NextDouble()) - 1;
        }

        var b = Multiply(a, xTrue, n);
        var lu = new DenseLu(n);
        Assert.True(lu.Factor(a));
        lu.Solve(b);

        // Backward-stable: the error is a modest multiple of eps·cond(A); these random matrices are well conditioned.
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(xTrue[i], b[i], 1e-10);
        }
    }

    [Fact]
    public void Pivots_when_the_leading_entry_is_zero()
    {
        // Without row interchanges the first pivot would be 0.
        double[] a = [0, 1, 2, 1, 0, 3, 4, -3, 8];
        double[] x = [1, -2, 0.5];
        var b = Multiply(a, x, 3);
        var lu = new DenseLu(3);
        Assert.True(lu.Factor(a));
        lu.Solve(b);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(x[i], b[i], 1e-14);
        }
    }

    [Fact]
    public void Factors_in_place_and_reuses_the_factors_for_several_right_hand_sides()
    {
        var lu = new DenseLu(2);
        double[] a = [4, 3, 6, 3];
        a.CopyTo(lu.Matrix);
        Assert.True(lu.Factor());
        double[] b1 = [10, 12];
        double[] b2 = [1, 0];
        lu.Solve(b1);
        lu.Solve(b2);
        Assert.Equal(1.0, b1[0], 1e-14);
        Assert.Equal(2.0, b1[1], 1e-14);

        // Inverse of [[4, 3], [6, 3]] is [[-0.5, 0.5], [1, -2/3]].
        Assert.Equal(-0.5, b2[0], 1e-14);
        Assert.Equal(1.0, b2[1], 1e-14);
    }

    [Fact]
    public void Reports_a_singular_matrix_instead_of_throwing()
    {
        var lu = new DenseLu(3);
        Assert.False(lu.Factor([1, 2, 3, 2, 4, 6, 1, 0, 1]));
        Assert.False(lu.IsFactored);
        Assert.Throws<InvalidOperationException>(() => lu.Solve(new double[3]));
    }

    [Fact]
    public void Reports_non_finite_entries_as_a_failed_factorisation()
    {
        var lu = new DenseLu(2);
        Assert.False(lu.Factor([double.NaN, 1, 1, 1]));
        Assert.False(lu.Factor([1, 1, 1, double.PositiveInfinity]));
    }

    [Fact]
    public void Factor_and_solve_do_not_allocate()
    {
        const int n = 10;
        var random = new Random(5);
        var a = new double[n * n];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = random.NextDouble() + (i % (n + 1) == 0 ? n : 0);
        }

        var b = new double[n];
        var lu = new DenseLu(n);
        lu.Factor(a);
        lu.Solve(b);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int repeat = 0; repeat < 100; repeat++)
        {
            lu.Factor(a);
            lu.Solve(b);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static double[] Multiply(double[] a, double[] x, int n)
    {
        var b = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                b[i] += a[(i * n) + j] * x[j];
            }
        }

        return b;
    }
}
