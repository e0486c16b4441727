using ExoSim.Numerics.Ode;
using ExoSim.Numerics.SteadyState;

namespace ExoSim.Numerics.Tests.SteadyState;

public sealed class SteadyStateSolverTests
{
    [Fact]
    public void Linear_system_reaches_the_exact_equilibrium()
    {
        // y' = A·y + b with A = [[-2, 1], [0.5, -1]], b = [1, 2].
        var system = new Linear2D(-2, 1, 0.5, -1, 1, 2);
        var result = SteadyStateSolver.Solve(system, [0, 0]);

        // det A = 2 − 0.5 = 1.5; A⁻¹ = [[-1, -1], [-0.5, -2]]/1.5; y* = −A⁻¹·b = [(1 + 2)/1.5, (0.5 + 4)/1.5] = [2, 3].
        Assert.Equal(2.0, result.State[0], 12);
        Assert.Equal(3.0, result.State[1], 12);
        Assert.True(result.ScaledResidual <= 1e-9);
    }

    [Fact]
    public void Michaelis_Menten_uptake_balances_constant_production()
    {
        // y' = k0 − Vm·y/(Km + y): y* = k0·Km/(Vm − k0) = 1·50/(3 − 1) = 25 (a nonlinear root, far from the guess).
        var system = new MichaelisMentenBalance(production: 1, vmax: 3, km: 50);
        var result = SteadyStateSolver.Solve(system, [400]);
        Assert.Equal(25.0, result.State[0], 9);
        Assert.True(result.Iterations > 0);
    }

    [Fact]
    public void A_guess_that_already_is_a_steady_state_takes_no_newton_step()
    {
        var system = new MichaelisMentenBalance(production: 1, vmax: 3, km: 50);
        var result = SteadyStateSolver.Solve(system, [25]);
        Assert.Equal(0, result.Iterations);
        Assert.Equal(25.0, result.State[0]);
    }

    [Fact]
    public void Brusselator_steady_state_is_found_with_the_analytic_jacobian()
    {
        // x' = a − (b + 1)x + x²y, y' = bx − x²y: unique steady state (a, b/a) (Prigogine & Lefever 1968).
        var system = new Brusselator(a: 1, b: 3);
        var result = SteadyStateSolver.Solve(system, [1.4, 2.2]);
        Assert.Equal(1.0, result.State[0], 10);
        Assert.Equal(3.0, result.State[1], 10);
        Assert.True(system.JacobianCalls > 0);

        // With the analytic Jacobian every evaluation is a residual or line-search evaluation: no n extra per iteration.
        Assert.True(result.RhsEvaluations <= 2 * (result.Iterations + 1));
    }

    [Fact]
    public void A_system_without_steady_state_fails_with_a_message_instead_of_a_value()
    {
        // y' = 1 + y² > 0 everywhere: no steady state.
        var system = new NoEquilibrium();
        var error = Assert.Throws<SteadyStateException>(() => SteadyStateSolver.Solve(system, [0.3]));
        Assert.Contains("steady state", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(error.ScaledResidual > 1e-3);
    }

    [Fact]
    public void Non_finite_right_hand_side_is_reported()
    {
        var error = Assert.Throws<SteadyStateException>(() => SteadyStateSolver.Solve(new NotFinite(), [1]));
        Assert.Contains("not finite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Guess_of_the_wrong_length_is_rejected()
        => Assert.Throws<ArgumentException>(() => SteadyStateSolver.Solve(new NoEquilibrium(), [1, 2]));

    private sealed class Linear2D(double a11, double a12, double a21, double a22, double b1, double b2) : IOdeSystem
    {
        public int Dimension => 2;

        public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
        {
            dydt[0] = (a11 * y[0]) + (a12 * y[1]) + b1;
            dydt[1] = (a21 * y[0]) + (a22 * y[1]) + b2;
        }
    }

    private sealed class MichaelisMentenBalance(double production, double vmax, double km) : IOdeSystem
    {
        public int Dimension => 1;

        public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
            => dydt[0] = production - (vmax * y[0] / (km + y[0]));
    }

    private sealed class Brusselator(double a, double b) : IOdeSystem, IOdeJacobian
    {
        public int JacobianCalls { get; private set; }

        public int Dimension => 2;

        public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
        {
            double x2y = y[0] * y[0] * y[1];
            dydt[0] = a - ((b + 1) * y[0]) + x2y;
            dydt[1] = (b * y[0]) - x2y;
        }

        public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian)
        {
            JacobianCalls++;
            jacobian[0] = -(b + 1) + (2 * y[0] * y[1]);
            jacobian[1] = y[0] * y[0];
            jacobian[2] = b - (2 * y[0] * y[1]);
            jacobian[3] = -(y[0] * y[0]);
        }
    }

    private sealed class NoEquilibrium : IOdeSystem
    {
        public int Dimension => 1;

        public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt) => dydt[0] = 1 + (y[0] * y[0]);
    }

    private sealed class NotFinite : IOdeSystem
    {
        public int Dimension => 1;

        public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt) => dydt[0] = double.NaN;
    }
}
