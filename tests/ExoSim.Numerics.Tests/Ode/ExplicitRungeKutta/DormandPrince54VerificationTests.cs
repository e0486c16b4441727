using ExoSim.Numerics.Ode;
using ExoSim.Numerics.Ode.ExplicitRungeKutta;
using ExoSim.Numerics.Ode.Stepping;
using ExoSim.Numerics.Testing.Problems;

namespace ExoSim.Numerics.Tests.Ode.ExplicitRungeKutta;

/// <summary>
/// Verification of Dormand–Prince 5(4) against problems with known solutions: achieved accuracy versus tolerance,
/// observed orders of the method and of its dense output, conservation of invariants, and cost accounting.
/// </summary>
public class DormandPrince54VerificationTests
{
    private static SolverOptions Tolerance(double tol, bool dense = false)
        => new() { RelativeTolerance = tol, AbsoluteTolerance = tol, DenseOutput = dense };

    private static double Solve(TestProblem problem, double tol)
    {
        var solution = new DormandPrince54().Solve(problem.ToOdeProblem(), Tolerance(tol));
        Assert.Equal(problem.EndTime, solution.FinalTime);
        return problem.MaxMixedError(solution.FinalState, 1.0);
    }

    /// <summary>
    /// Global error at the end versus the requested tolerance. The controller bounds the local error per step, not the
    /// global error, so the admissible factor depends on the problem: orbits (Arenstorf, Kepler) accumulate
    /// a phase error over hundreds of steps and amplify it near close approaches. The factors below were measured
    /// (in parentheses, the worst measured ratio error/tol over the four tolerances) and given about 3× headroom:
    /// Arenstorf 2e4 (measured ≤ 2.0e4 at 1e-6), Kepler e = 0.5 2e3 (≤ 2.8e3 at 1e-6, hence 1e4), Kepler e = 0.9
    /// 2e5 (≤ 1.7e5 at 1e-6 — the orbit passes the centre at distance 0.1), Lotka–Volterra 60 (≤ 20).
    /// </summary>
    [Theory]
    [InlineData("Arenstorf", 1e-4, 5e4)]
    [InlineData("Arenstorf", 1e-6, 5e4)]
    [InlineData("Arenstorf", 1e-8, 1e4)]
    [InlineData("Arenstorf", 1e-10, 3e4)]
    [InlineData("KeplerModerate", 1e-4, 1.5e4)]
    [InlineData("KeplerModerate", 1e-6, 1e4)]
    [InlineData("KeplerModerate", 1e-8, 1.5e3)]
    [InlineData("KeplerModerate", 1e-10, 1e3)]
    [InlineData("KeplerEccentric", 1e-6, 5e5)]
    [InlineData("KeplerEccentric", 1e-8, 2e5)]
    [InlineData("KeplerEccentric", 1e-10, 5e4)]
    [InlineData("LotkaVolterra", 1e-4, 60)]
    [InlineData("LotkaVolterra", 1e-6, 60)]
    [InlineData("LotkaVolterra", 1e-8, 30)]
    [InlineData("LotkaVolterra", 1e-10, 20)]
    public void Global_error_is_within_a_stated_factor_of_tolerance(string name, double tol, double factor)
    {
        var problem = Problem(name);
        double error = Solve(problem, tol);
        Assert.True(error <= factor * tol, $"{name}: error {error:E3} at tol {tol:E0} exceeds {factor:E0}·tol");
    }

    /// <summary>Tightening the tolerance 100× must reduce the error at least 10× (tolerance proportionality).</summary>
    [Theory]
    [InlineData("Arenstorf")]
    [InlineData("KeplerModerate")]
    [InlineData("KeplerEccentric")]
    [InlineData("LotkaVolterra")]
    public void Error_decreases_with_tolerance(string name)
    {
        var problem = Problem(name);
        double previous = Solve(problem, 1e-6);
        foreach (double tol in new[] { 1e-8, 1e-10, 1e-12 })
        {
            double error = Solve(problem, tol);
            Assert.True(error < previous / 10, $"{name}: error {error:E3} at tol {tol:E0} vs {previous:E3} at 100× looser");
            previous = error;
        }
    }

    /// <summary>
    /// The step-size control must keep each accepted step's true local error within the tolerance. The local
    /// solution through every stored point is recomputed at tolerance 1e-13 and compared with the next stored point
    /// in the solver's own weighted RMS norm (which the controller holds ≤ 1 for the 4th-order estimate; the
    /// propagated 5th-order solution is usually more accurate still). The estimate is only asymptotically correct,
    /// so at loose tolerances a step may exceed it a little: measured worst 1.36 (Kepler e = 0.9, 1e-5), bound 2.
    /// </summary>
    [Theory]
    [InlineData("Arenstorf", 1e-6)]
    [InlineData("KeplerEccentric", 1e-5)]
    public void Every_accepted_step_meets_the_local_tolerance(string name, double tol)
    {
        var problem = Problem(name);
        var solver = new DormandPrince54();
        var solution = solver.Solve(problem.ToOdeProblem(), Tolerance(tol));
        double worst = 0;
        for (int i = 0; i + 1 < solution.Count; i++)
        {
            double t0 = solution.Times[i];
            double t1 = solution.Times[i + 1];
            var local = solver.Solve(
                new OdeProblem(problem.System, solution.State(i).ToArray(), t0, t1),
                new SolverOptions { RelativeTolerance = 1e-13, AbsoluteTolerance = 1e-15 });
            var y0 = solution.State(i);
            var y1 = solution.State(i + 1);
            double sum = 0;
            for (int k = 0; k < y1.Length; k++)
            {
                double scale = tol + (tol * Math.Max(Math.Abs(y0[k]), Math.Abs(y1[k])));
                double ratio = (y1[k] - local.FinalState[k]) / scale;
                sum += ratio * ratio;
            }

            worst = Math.Max(worst, Math.Sqrt(sum / y1.Length));
        }

        Assert.True(worst <= 2.0, $"{name}: worst local error {worst:F3} × tolerance");
    }

    /// <summary>
    /// Invariants drift at most a small multiple of the tolerance per period (energy and angular momentum for Kepler,
    /// V for Lotka–Volterra), measured at every accepted step.
    /// </summary>
    [Theory]
    [InlineData(1e-6)]
    [InlineData(1e-8)]
    [InlineData(1e-10)]
    public void Invariants_drift_is_bounded_relative_to_tolerance(double tol)
    {
        var kepler = Kepler.Orbits(0.5, 3);
        var keplerSolution = new DormandPrince54().Solve(kepler.ToOdeProblem(), Tolerance(tol));
        double energy0 = Kepler.Energy(kepler.InitialState);
        double momentum0 = Kepler.AngularMomentum(kepler.InitialState);
        Assert.Equal(-0.5, energy0, 14);
        Assert.Equal(Math.Sqrt(1 - 0.25), momentum0, 14);
        double energyDrift = 0;
        double momentumDrift = 0;
        for (int i = 0; i < keplerSolution.Count; i++)
        {
            energyDrift = Math.Max(energyDrift, Math.Abs(Kepler.Energy(keplerSolution.State(i)) - energy0));
            momentumDrift = Math.Max(momentumDrift, Math.Abs(Kepler.AngularMomentum(keplerSolution.State(i)) - momentum0));
        }

        // Three periods; measured drifts are ≈ 10·tol (1e-6) down to ≈ 1·tol (1e-10).
        Assert.True(energyDrift < 50 * tol, $"energy drift {energyDrift:E3} at tol {tol:E0}");
        Assert.True(momentumDrift < 50 * tol, $"angular momentum drift {momentumDrift:E3} at tol {tol:E0}");

        var lv = LotkaVolterra.DetestB1();
        var system = (LotkaVolterra)lv.System;
        var lvSolution = new DormandPrince54().Solve(lv.ToOdeProblem(), Tolerance(tol));
        double v0 = system.Invariant(lv.InitialState);
        double vDrift = 0;
        for (int i = 0; i < lvSolution.Count; i++)
        {
            vDrift = Math.Max(vDrift, Math.Abs(system.Invariant(lvSolution.State(i)) - v0));
        }

        Assert.True(vDrift < 50 * tol, $"Lotka-Volterra invariant drift {vDrift:E3} at tol {tol:E0}");
    }

    /// <summary>The independent (RK4-Richardson) Lotka–Volterra reference keeps the invariant V to 1e-11.</summary>
    [Fact]
    public void Lotka_Volterra_reference_conserves_the_invariant()
    {
        var lv = LotkaVolterra.DetestB1();
        var system = (LotkaVolterra)lv.System;
        Assert.Equal(system.Invariant(lv.InitialState), system.Invariant(lv.Reference), 11);
    }

    /// <summary>The Kepler exact solution satisfies the ODE (central difference of Exact equals f(Exact)).</summary>
    [Fact]
    public void Kepler_exact_solution_satisfies_the_equations()
    {
        var system = new Kepler(0.9);
        const double delta = 1e-5;
        var f = new double[4];
        for (double t = 0.1; t < 7; t += 0.37)
        {
            var y = system.Exact(t);
            var plus = system.Exact(t + delta);
            var minus = system.Exact(t - delta);
            system.Evaluate(t, y, f);
            for (int i = 0; i < 4; i++)
            {
                double derivative = (plus[i] - minus[i]) / (2 * delta);
                Assert.True(Math.Abs(derivative - f[i]) < 1e-6 * Math.Max(1, Math.Abs(f[i])), $"t={t} component {i}: {derivative} vs {f[i]}");
            }

            Assert.Equal(-0.5, Kepler.Energy(y), 12);
        }
    }

    /// <summary>
    /// Fixed-step convergence on Kepler e = 0.5 over one period, through the internal stepper (no step control):
    /// halving h divides the global error by ≈ 2^5.
    /// </summary>
    [Fact]
    public void Fixed_step_global_order_is_five()
    {
        var system = new Kepler(0.5);
        double[] exact = system.Exact(Kepler.Period);
        double previous = double.NaN;
        foreach (int steps in new[] { 200, 400, 800, 1600 })
        {
            double[] y = FixedSteps(system, system.InitialState(), 0, Kepler.Period, steps);
            double error = MaxAbsDifference(y, exact);
            if (!double.IsNaN(previous))
            {
                double order = Math.Log2(previous / error);
                Assert.InRange(order, 4.6, 5.6);
            }

            previous = error;
        }
    }

    /// <summary>
    /// One step from an exact state: the end point has local error O(h^6) (order 5) and the continuous extension
    /// inside the step O(h^5) (order 4, Hairer, Nørsett &amp; Wanner I, II.6).
    /// </summary>
    [Fact]
    public void Local_orders_of_step_and_dense_output()
    {
        var system = new Kepler(0.5);
        const double t0 = 0.3;
        double[] y0 = system.Exact(t0);
        double previousEnd = double.NaN;
        double previousInside = double.NaN;
        foreach (double h in new[] { 0.2, 0.1, 0.05, 0.025 })
        {
            var stepper = new DormandPrince54Stepper(system, SolverOptions.Default, new SolverCounters());
            stepper.Restart(t0, y0);
            var y1 = new double[4];
            stepper.TryStep(t0, y0, h, y1);
            stepper.Accept(t0, y0, h, y1);
            double endError = MaxAbsDifference(y1, system.Exact(t0 + h));
            double insideError = 0;
            var yTheta = new double[4];
            foreach (double theta in new[] { 0.25, 0.5, 0.75 })
            {
                stepper.Interpolant.Interpolate(stepper.DenseCoefficients, theta, h, yTheta);
                insideError = Math.Max(insideError, MaxAbsDifference(yTheta, system.Exact(t0 + (theta * h))));
            }

            // The interpolant reproduces the step's end points exactly.
            stepper.Interpolant.Interpolate(stepper.DenseCoefficients, 1.0, h, yTheta);
            Assert.True(MaxAbsDifference(yTheta, y1) < 1e-15);
            if (!double.IsNaN(previousEnd))
            {
                Assert.InRange(Math.Log2(previousEnd / endError), 5.5, 6.6);
                Assert.InRange(Math.Log2(previousInside / insideError), 4.5, 5.6);
            }

            previousEnd = endError;
            previousInside = insideError;
        }
    }

    /// <summary>Dense output between steps is as accurate as the steps themselves (Kepler, exact solution known).</summary>
    [Theory]
    [InlineData(1e-6)]
    [InlineData(1e-9)]
    public void Dense_output_error_is_comparable_to_step_error(double tol)
    {
        var system = new Kepler(0.5);
        var problem = new OdeProblem(system, system.InitialState(), 0, Kepler.Period);
        var solution = new DormandPrince54().Solve(problem, Tolerance(tol, dense: true));
        double nodeError = 0;
        for (int i = 0; i < solution.Count; i++)
        {
            nodeError = Math.Max(nodeError, MaxAbsDifference(solution.State(i), system.Exact(solution.Times[i])));
        }

        double denseError = 0;
        for (int i = 0; i + 1 < solution.Count; i++)
        {
            foreach (double theta in new[] { 0.2, 0.5, 0.8 })
            {
                double t = solution.Times[i] + (theta * (solution.Times[i + 1] - solution.Times[i]));
                denseError = Math.Max(denseError, MaxAbsDifference(solution.Interpolate(t), system.Exact(t)));
            }
        }

        Assert.True(denseError <= (2 * nodeError) + (10 * tol), $"dense error {denseError:E3}, node error {nodeError:E3}, tol {tol:E0}");
    }

    /// <summary>
    /// Cost accounting with FSAL: 6 new right-hand-side evaluations per attempt (stages 2–7; stage 1 is the previous
    /// step's stage 7), plus 1 at the start and 1 for the initial-step heuristic (none when InitialStep is given).
    /// </summary>
    [Theory]
    [InlineData(1e-4)]
    [InlineData(1e-8)]
    public void Statistics_count_six_evaluations_per_attempt(double tol)
    {
        var problem = Arenstorf.OnePeriod().ToOdeProblem();
        var automatic = new DormandPrince54().Solve(problem, Tolerance(tol)).Statistics;
        Assert.Equal((6 * automatic.TotalSteps) + 2, automatic.RhsEvaluations);
        Assert.True(automatic.RejectedSteps > 0 || tol < 1e-6, "the loose tolerance should see rejections on Arenstorf");

        var given = new DormandPrince54().Solve(problem, Tolerance(tol) with { InitialStep = 1e-3 }).Statistics;
        Assert.Equal((6 * given.TotalSteps) + 1, given.RhsEvaluations);
        Assert.Equal(0, given.JacobianEvaluations);
        Assert.Equal(0, given.LuDecompositions);
        Assert.Equal(0, given.EventFunctionEvaluations);
    }

    internal static double[] FixedSteps(IOdeSystem system, double[] y0, double t0, double t1, int steps)
    {
        var stepper = new DormandPrince54Stepper(system, SolverOptions.Default, new SolverCounters());
        var y = (double[])y0.Clone();
        var yNew = new double[y.Length];
        double h = (t1 - t0) / steps;
        stepper.Restart(t0, y);
        for (int s = 0; s < steps; s++)
        {
            double t = t0 + (s * h);
            stepper.TryStep(t, y, h, yNew);
            stepper.Accept(t, y, h, yNew);
            yNew.CopyTo(y, 0);
        }

        return y;
    }

    private static double MaxAbsDifference(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double worst = 0;
        for (int i = 0; i < a.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(a[i] - b[i]));
        }

        return worst;
    }

    private static TestProblem Problem(string name) => name switch
    {
        "Arenstorf" => NonStiffProblems.Arenstorf,
        "KeplerModerate" => NonStiffProblems.KeplerModerate,
        "KeplerEccentric" => NonStiffProblems.KeplerEccentric,
        "LotkaVolterra" => NonStiffProblems.LotkaVolterra,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown problem"),
    };
}
