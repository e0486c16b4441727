using ExoSim.Numerics.Ode;
using ExoSim.Numerics.Ode.ExplicitRungeKutta;

namespace ExoSim.Numerics.Tests.Ode.ExplicitRungeKutta;

public class DormandPrince54Tests
{
    /// <summary>y' = −y, y(0) = 1: exact solution e^(−t).</summary>
    private sealed class Decay : IOdeSystem
    {
        public int Dimension => 1;

        public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt) => dydt[0] = -y[0];
    }

    /// <summary>y_i' = λ_i·y_i with a different rate per component.</summary>
    private sealed class DiagonalLinear(double[] rates) : IOdeSystem
    {
        public int Dimension => rates.Length;

        public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
        {
            for (int i = 0; i < rates.Length; i++)
            {
                dydt[i] = rates[i] * y[i];
            }
        }
    }

    /// <summary>
    /// The stepper works on SIMD vectors over padded arrays: for every dimension (below, at and above multiples of
    /// the vector width) each component must get exactly its own one-step result, Dormand–Prince's stability
    /// polynomial R(z) = 1 + z + z²/2 + z³/6 + z⁴/24 + z⁵/120 + z⁶/600 at z = hλ_i, and its dense output must
    /// interpolate that component alone.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(13)]
    [InlineData(17)]
    public void Every_component_gets_its_own_step_for_any_dimension(int dimension)
    {
        double[] rates = [.. Enumerable.Range(0, dimension).Select(i => -0.3 * (i + 1) * (i % 2 == 0 ? 1 : -0.5))];
        double[] y0 = [.. Enumerable.Range(0, dimension).Select(i => 1.0 + i)];
        const double h = 0.4;
        var stepper = new DormandPrince54Stepper(new DiagonalLinear(rates), SolverOptions.Default, new SolverCounters());
        var yNew = new double[dimension];
        stepper.Restart(0, y0);
        stepper.TryStep(0, y0, h, yNew);
        stepper.Accept(0, y0, h, yNew);
        var start = new double[dimension];
        stepper.Interpolant.Interpolate(stepper.DenseCoefficients, 0, h, start);
        var end = new double[dimension];
        stepper.Interpolant.Interpolate(stepper.DenseCoefficients, 1, h, end);
        for (int i = 0; i < dimension; i++)
        {
            double z = h * rates[i];
            double r = 1 + z + (z * z / 2) + (z * z * z / 6) + (z * z * z * z / 24) + (z * z * z * z * z / 120) + (z * z * z * z * z * z / 600);
            Assert.Equal(r * y0[i], yNew[i], 1e-14 * y0[i]);
            Assert.Equal(y0[i], start[i], 1e-14 * y0[i]);
            Assert.Equal(yNew[i], end[i], 1e-14 * y0[i]);
            Assert.Equal(rates[i] * yNew[i], stepper.CurrentDerivative[i], 1e-14 * y0[i]);
        }
    }

    [Theory]
    [InlineData(1e-4)]
    [InlineData(1e-7)]
    [InlineData(1e-10)]
    public void Exponential_decay_error_is_within_a_small_factor_of_tolerance(double tolerance)
    {
        var problem = new OdeProblem(new Decay(), [1.0], 0, 10);
        var solution = new DormandPrince54().Solve(problem, new SolverOptions { RelativeTolerance = tolerance, AbsoluteTolerance = tolerance });
        double error = Math.Abs(solution.FinalState[0] - Math.Exp(-10));
        Assert.True(error < 10 * tolerance, $"error {error:E3} vs tolerance {tolerance:E1}");
        Assert.Equal(10.0, solution.FinalTime);
    }

    [Fact]
    public void Dense_output_matches_exact_solution_between_steps()
    {
        var problem = new OdeProblem(new Decay(), [1.0], 0, 5);
        var solution = new DormandPrince54().Solve(problem, new SolverOptions { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-10, DenseOutput = true });
        for (double t = 0; t <= 5; t += 0.137)
        {
            Assert.Equal(Math.Exp(-t), solution.Interpolate(t)[0], 7);
        }
    }
}
