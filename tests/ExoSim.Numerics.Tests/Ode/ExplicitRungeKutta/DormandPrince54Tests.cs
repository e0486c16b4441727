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
