using ExoSim.Numerics.Ode;
using ExoSim.Numerics.Ode.ExplicitRungeKutta;
using ExoSim.Numerics.Testing.Problems;
using ExoSim.Numerics.Tests.Ode.Rosenbrock;

namespace ExoSim.Numerics.Tests.Ode;

public class AutoStiffnessSwitchingTests
{
    [Theory]
    [InlineData("HIRES")]
    [InlineData("VDPOL")]
    [InlineData("ROBER")]
    [InlineData("OREGO")]
    public void Stiff_test_set_problems_switch_to_Rodas5P_and_meet_the_tolerance(string name)
    {
        // Same references and error measure as Rodas5PTestSetTests (Mazzia & Magherini test set 2.4), factor 10.
        const double rtol = 1e-6;
        var problem = Rodas5PTestSetTests.Find(name);
        double atol = Rodas5PTestSetTests.AbsoluteTolerance(name, rtol);
        var solution = OdeSolvers.Auto.Solve(problem.ToOdeProblem(), new SolverOptions { RelativeTolerance = rtol, AbsoluteTolerance = atol });

        Assert.Contains("then Rodas5P", solution.Method, StringComparison.Ordinal);
        double worst = Rodas5PTestSetTests.ErrorInToleranceUnits(problem, solution.FinalState, rtol, atol);
        Assert.True(worst <= 10, $"{name}: error is {worst:F2} × tolerance ({solution.Method})");
    }

    [Fact]
    public void A_non_stiff_orbit_stays_explicit_and_gives_the_Dormand_Prince_result_exactly()
    {
        var problem = NonStiffProblems.Arenstorf.ToOdeProblem();
        var options = new SolverOptions { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-8 };
        var auto = OdeSolvers.Auto.Solve(problem, options);
        var explicitOnly = new DormandPrince54().Solve(problem, options);

        Assert.Equal("Auto (DormandPrince54)", auto.Method);
        Assert.Equal(explicitOnly.FinalState, auto.FinalState);
        Assert.Equal(explicitOnly.Statistics, auto.Statistics);
    }

    [Fact]
    public void Switching_saves_work_on_a_stiff_problem()
    {
        // Van der Pol with μ = 1000 is the classic case where an explicit method is stability-limited.
        var problem = VanDerPol.Problem.ToOdeProblem();
        var options = new SolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-6 };
        var auto = OdeSolvers.Auto.Solve(problem, options);
        var explicitOnly = new DormandPrince54().Solve(problem, options with { MaxSteps = 10_000_000 });
        Assert.True(
            auto.Statistics.RhsEvaluations * 10 < explicitOnly.Statistics.RhsEvaluations,
            $"auto {auto.Statistics.RhsEvaluations} vs explicit {explicitOnly.Statistics.RhsEvaluations} RHS evaluations");
    }

    /// <summary>
    /// Dense output across the change of method: the history holds Dormand–Prince steps (blocks padded to SIMD
    /// vectors) and Rodas5P steps (unpadded); just before each step's end (θ = 1 − 1e-7) each step's interpolant must
    /// be at that step's stored end state.
    /// </summary>
    [Theory]
    [InlineData("VDPOL")]
    [InlineData("OREGO")]
    public void Dense_output_reaches_every_step_end_across_the_switch(string name)
    {
        // n = 2 and 3, so Dormand–Prince's blocks are padded.
        var problem = Rodas5PTestSetTests.Find(name);
        double atol = Rodas5PTestSetTests.AbsoluteTolerance(name, 1e-6);
        var solution = OdeSolvers.Auto.Solve(
            problem.ToOdeProblem(), new SolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = atol, DenseOutput = true });

        Assert.Contains("then Rodas5P", solution.Method, StringComparison.Ordinal);
        for (int i = 1; i < solution.Count; i++)
        {
            double t = solution.Times[i] - (1e-7 * (solution.Times[i] - solution.Times[i - 1]));
            var interpolated = solution.Interpolate(t);
            for (int c = 0; c < solution.Dimension; c++)
            {
                double stored = solution.Value(i, c);
                Assert.Equal(stored, interpolated[c], 1e-6 * Math.Max(Math.Abs(stored), atol));
            }
        }
    }

    [Theory]
    [InlineData("auto", "Auto")]
    [InlineData("Rodas5P", "Rodas5P")]
    [InlineData("dormand-prince54", "DormandPrince54")]
    public void Solvers_are_found_by_name(string name, string expected)
        => Assert.Equal(expected, OdeSolvers.ByName(name).Name);

    [Fact]
    public void An_unknown_solver_name_lists_the_allowed_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => OdeSolvers.ByName("euler"));
        Assert.Contains("auto, rodas5p, dormand-prince54", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_documented_rule_picks_Rodas5P_for_stiff_models()
    {
        Assert.Equal("Rodas5P", OdeSolvers.For(isStiff: true).Name);
        Assert.Equal("DormandPrince54", OdeSolvers.For(isStiff: false).Name);
    }
}
