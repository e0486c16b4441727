using ExoSim.Numerics.Ode;
using ExoSim.Numerics.Ode.Rosenbrock;
using ExoSim.Numerics.Ode.Stepping;
using ExoSim.Numerics.Testing.Problems;

namespace ExoSim.Numerics.Tests.Ode.Rosenbrock;

public class Rodas5PBehaviourTests
{
    [Theory]
    [InlineData("ROBER")]
    [InlineData("HIRES")]
    [InlineData("VDPOL")]
    [InlineData("OREGO")]
    [InlineData("POLLU")]
    public void Finite_difference_and_analytic_jacobians_give_the_same_answer_within_tolerance(string name)
    {
        const double rtol = 1e-6;
        var problem = Rodas5PTestSetTests.Find(name);
        double atol = Rodas5PTestSetTests.AbsoluteTolerance(name, rtol);
        var analytic = new Rodas5P().Solve(problem.ToOdeProblem(), new SolverOptions { RelativeTolerance = rtol, AbsoluteTolerance = atol });
        var numeric = new Rodas5P().Solve(
            problem.ToOdeProblem(),
            new SolverOptions { RelativeTolerance = rtol, AbsoluteTolerance = atol, ForceFiniteDifferenceJacobian = true });

        Assert.True(Rodas5PTestSetTests.ErrorInToleranceUnits(problem, numeric.FinalState, rtol, atol) <= 10);
        for (int i = 0; i < problem.Reference.Length; i++)
        {
            double scale = atol + (rtol * Math.Abs(analytic.FinalState[i]));
            Assert.True(
                Math.Abs(numeric.FinalState[i] - analytic.FinalState[i]) <= 10 * scale,
                $"component {i}: {numeric.FinalState[i]:R} vs {analytic.FinalState[i]:R}");
        }

        // One Jacobian per accepted step either way; the difference quotients cost n evaluations of f each.
        int n = problem.System.Dimension;
        var s = numeric.Statistics;
        Assert.Equal(s.AcceptedSteps, s.JacobianEvaluations);
        Assert.Equal((7 * s.LuDecompositions) + s.AcceptedSteps + 2 + (n * s.JacobianEvaluations), s.RhsEvaluations);
    }

    [Fact]
    public void Statistics_are_consistent_with_one_jacobian_per_step_and_one_lu_per_attempt()
    {
        var solution = new Rodas5P().Solve(VanDerPol.Problem.ToOdeProblem(), new SolverOptions { RelativeTolerance = 1e-5, AbsoluteTolerance = 1e-5 });
        var s = solution.Statistics;
        Assert.True(s.RejectedSteps > 0, "VDPOL at rtol 1e-5 should reject some steps, which this test is about");
        Assert.Equal(s.AcceptedSteps, s.JacobianEvaluations);
        Assert.Equal(s.TotalSteps, s.LuDecompositions);
        Assert.True(s.LuDecompositions >= s.AcceptedSteps);
        Assert.Equal(8 * s.LuDecompositions, s.LinearSolves);

        // Seven new stages per attempt, f at each accepted point, f at the start, one trial for the initial step;
        // VanDerPol supplies ∂f/∂y and ∂f/∂t analytically.
        Assert.Equal((7 * s.LuDecompositions) + s.AcceptedSteps + 2, s.RhsEvaluations);
    }

    [Fact]
    public void Finite_difference_time_derivative_costs_one_evaluation_per_jacobian()
    {
        var solution = new Rodas5P().Solve(
            new OdeProblem(new SmoothTestSystem(), [1.0, 1.0], 0, 5),
            new SolverOptions { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-10 });
        var s = solution.Statistics;
        Assert.Equal((7 * s.LuDecompositions) + s.AcceptedSteps + 2 + (3 * s.JacobianEvaluations), s.RhsEvaluations);
        double[] exact = SmoothTestSystem.Exact(5);
        Assert.Equal(exact[0], solution.FinalState[0], 1e-7);
        Assert.Equal(exact[1], solution.FinalState[1], 1e-7);
    }

    [Theory]
    [InlineData(1e-5)]
    [InlineData(1e-8)]
    public void Dense_output_is_accurate_inside_steps(double tolerance)
    {
        var solution = new Rodas5P().Solve(
            new OdeProblem(new SmoothTestSystemAnalytic(), [1.0, 1.0], 0, 6),
            new SolverOptions { RelativeTolerance = tolerance, AbsoluteTolerance = tolerance, DenseOutput = true });

        // Points that fall inside steps, not on step ends.
        double worst = 0;
        for (double t = 0.0123; t < 6; t += 0.0371)
        {
            double[] y = solution.Interpolate(t);
            double[] exact = SmoothTestSystem.Exact(t);
            worst = Math.Max(worst, Math.Max(Math.Abs(y[0] - exact[0]), Math.Abs(y[1] - exact[1])));
        }

        Assert.True(worst <= 10 * tolerance, $"dense-output error {worst:E2} for tolerance {tolerance:E0}");
    }

    [Fact]
    public void Interpolant_reproduces_the_step_end_points()
    {
        const int n = 3;
        double[] coefficients = [1, 2, 3, 4, 5, 6, 0.7, -0.2, 0.1, 9, 8, 7, -1, -2, -3];
        var y = new double[n];
        Rodas5PInterpolant.Instance.Interpolate(coefficients, 0, 0.5, y);
        Assert.Equal([1.0, 2.0, 3.0], y);
        Rodas5PInterpolant.Instance.Interpolate(coefficients, 1, 0.5, y);
        Assert.Equal([4.0, 5.0, 6.0], y);
    }

    [Fact]
    public void Blow_up_ends_in_an_exception_naming_the_time_not_in_NaN()
    {
        // y' = y², y(0) = 1 has the solution 1/(1 − t), which blows up at t = 1.
        var problem = new OdeProblem(new Square(), [1.0], 0, 2);
        var exception = Assert.Throws<OdeSolverException>(() => new Rodas5P().Solve(problem));
        // The method may step just past the pole before the state overflows; either way it stops right there.
        Assert.InRange(exception.Time, 0.99, 1.001);
        Assert.Equal("Rodas5P", exception.Method);
        Assert.Contains(FormattableString.Invariant($"at t = {exception.Time:G10}"), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jacobian_that_is_never_factorable_ends_in_an_exception()
    {
        var problem = new OdeProblem(new BrokenJacobian(), [1.0], 0, 1);
        var exception = Assert.Throws<OdeSolverException>(() => new Rodas5P().Solve(problem));
        Assert.Equal(0.0, exception.Time);
    }

    [Fact]
    public void Steps_do_not_allocate()
    {
        var system = Pollution.Problem.System;
        var options = new SolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-9 };
        var stepper = new Rodas5PStepper(system, options, new SolverCounters());
        double[] y = (double[])Pollution.Problem.InitialState.Clone();
        var yNew = new double[y.Length];
        double t = 0;
        const double h = 1e-4;
        stepper.Restart(t, y);
        stepper.TryStep(t, y, h, yNew);

        // Several measurement windows: while the JIT moves these methods from tier 0 to tier 1 (on-stack
        // replacement), the runtime itself may allocate on this thread. A step that allocates would allocate in
        // every window, so the quietest window must be zero.
        long fewest = long.MaxValue;
        for (int window = 0; window < 6; window++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int step = 0; step < 50; step++)
            {
                stepper.TryStep(t, y, h, yNew);
                stepper.Accept(t, y, h, yNew);
                t += h;
                yNew.CopyTo(y, 0);
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, fewest);
    }

    private sealed class Square : IOdeSystem, IOdeJacobian
    {
        public int Dimension => 1;

        public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt) => dydt[0] = y[0] * y[0];

        public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian) => jacobian[0] = 2 * y[0];
    }

    private sealed class BrokenJacobian : IOdeSystem, IOdeJacobian
    {
        public int Dimension => 1;

        public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt) => dydt[0] = -y[0];

        public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian) => jacobian[0] = double.NaN;
    }
}
