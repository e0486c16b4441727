using ExoSim.Numerics.Testing.Problems;

namespace ExoSim.Numerics.Tests.Problems;

/// <summary>The analytic Jacobians of the stiff test problems agree with central differences of their right-hand sides.</summary>
public class StiffProblemJacobianTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var problem in StiffProblems.All)
        {
            data.Add(problem.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Analytic_jacobian_matches_central_differences(string name)
    {
        TestProblem problem = null!;
        foreach (var candidate in StiffProblems.All)
        {
            if (candidate.Name == name)
            {
                problem = candidate;
            }
        }

        var system = problem.System;
        var jacobianSystem = Assert.IsAssignableFrom<ExoSim.Numerics.Ode.IOdeJacobian>(system);
        int n = system.Dimension;

        // A realistic state of typical magnitudes (the reference solution, perturbed by up to 10 %), where every term
        // is active and rounding does not swamp the differences.
        var random = new Random(42);
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = problem.Reference[i] * (1 + (0.1 * random.NextDouble()));
        }

        var analytic = new double[n * n];
        jacobianSystem.EvaluateJacobian(0.5, y, analytic);

        var plus = new double[n];
        var minus = new double[n];
        for (int j = 0; j < n; j++)
        {
            double delta = 1e-5 * Math.Abs(y[j]);
            double saved = y[j];
            y[j] = saved + delta;
            system.Evaluate(0.5, y, plus);
            y[j] = saved - delta;
            system.Evaluate(0.5, y, minus);
            y[j] = saved;
            for (int i = 0; i < n; i++)
            {
                double numeric = (plus[i] - minus[i]) / (2 * delta);
                double expected = analytic[(i * n) + j];
                Assert.True(
                    Math.Abs(numeric - expected) <= 1e-6 * Math.Max(1, Math.Abs(expected)),
                    $"{name}: J[{i},{j}] analytic {expected:R}, central difference {numeric:R}");
            }
        }
    }
}
