using MathNet.Numerics.LinearAlgebra;

namespace ExoSim.Analysis.Estimation;

/// <summary>Where Levenberg–Marquardt ended.</summary>
/// <param name="Phi">The point (ln scale).</param>
/// <param name="Value">The objective there.</param>
/// <param name="Converged">Whether a convergence criterion was met.</param>
/// <param name="Reason">Why it stopped.</param>
/// <param name="Iterations">Accepted and rejected trial steps.</param>
/// <param name="Final">The objective linearised at <paramref name="Phi"/>.</param>
internal sealed record LevenbergMarquardtOutcome(double[] Phi, double Value, bool Converged, string Reason, int Iterations, Linearization Final);

/// <summary>
/// Levenberg–Marquardt as Fisher scoring with Marquardt's damping (Marquardt 1963, J Soc Ind Appl Math 11:431,
/// doi:10.1137/0111030): solve (H + λ·diag H)·δ = −∇ with H the Gauss–Newton matrix, accept δ if the objective
/// falls (λ ÷ 10), else λ × 10. Bounds by projection: a coordinate on its bound whose gradient points outwards is
/// held there for the step. For weighted least squares this is the classical method; for the −2 log-likelihood with
/// estimated error coefficients H is the expected Fisher information, so the same iteration also estimates SDs.
/// </summary>
internal static class LevenbergMarquardt
{
    private const double InitialDamping = 1e-3;
    private const double MaxDamping = 1e10;
    private const double MaxLogStep = 0.7;

    /// <summary>Minimises from <paramref name="start"/>; coordinates with <paramref name="held"/> true stay where they start.</summary>
    /// <exception cref="EstimationException">The model cannot be evaluated at the start.</exception>
    public static LevenbergMarquardtOutcome Minimize(FitObjective objective, double[] start, bool[] held, EstimationSettings settings, int maxIterations)
    {
        var phi = objective.Clamp(start);
        var movable = held.Select(h => !h).ToArray();
        var current = objective.Linearize(phi, movable)
            ?? throw new EstimationException($"The model cannot be evaluated at the start values ({Describe(objective, phi)}).");
        double damping = InitialDamping;
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            var free = FreeCoordinates(objective, phi, current.Gradient, movable);
            if (free.Length == 0)
            {
                return new(phi, current.Value, true, "every estimated quantity is held on a bound", iteration, current);
            }

            var step = Step(current, free, damping);
            if (PredictedDecrease(current, free, step) <= settings.ObjectiveTolerance * (1 + Math.Abs(current.Value)))
            {
                return new(phi, current.Value, true, "predicted decrease of the objective below tolerance", iteration, current);
            }

            var trial = (double[])phi.Clone();
            for (int k = 0; k < free.Length; k++)
            {
                trial[free[k]] += step[k];
            }

            trial = objective.Clamp(trial);
            double value = objective.Value(trial);
            if (value < current.Value)
            {
                double decrease = current.Value - value;
                double largestStep = phi.Zip(trial, (x, y) => Math.Abs(x - y)).Max();
                phi = trial;
                damping = Math.Max(damping / 10, 1e-12);
                current = objective.Linearize(phi, movable) ?? throw new EstimationException($"The model cannot be evaluated near {Describe(objective, phi)} (finite-difference Jacobian).");
                if (decrease <= settings.ObjectiveTolerance * (1 + Math.Abs(value)) && largestStep <= Math.Max(settings.StepTolerance, 1e-3 * Math.Sqrt(damping)))
                {
                    return new(phi, current.Value, true, "relative change of the objective and step below tolerance", iteration, current);
                }

                if (decrease <= settings.ObjectiveTolerance * 1e-3 * (1 + Math.Abs(value)))
                {
                    return new(phi, current.Value, true, "relative change of the objective below tolerance", iteration, current);
                }
            }
            else
            {
                damping *= 10;
                if (damping > MaxDamping)
                {
                    return new(phi, current.Value, true, "no step lowers the objective any further (minimum to numerical precision)", iteration, current);
                }
            }
        }

        return new(phi, current.Value, false, $"iteration limit ({maxIterations}) reached", maxIterations, current);
    }

    /// <summary>The coordinates that may move: not held, and not on a bound with the descent direction pointing out of the box.</summary>
    public static int[] FreeCoordinates(FitObjective objective, double[] phi, double[] gradient, bool[] movable)
    {
        var free = new List<int>();
        for (int j = 0; j < phi.Length; j++)
        {
            bool outAtLower = phi[j] <= objective.Lower[j] && gradient[j] > 0;
            bool outAtUpper = phi[j] >= objective.Upper[j] && gradient[j] < 0;
            if (movable[j] && !outAtLower && !outAtUpper)
            {
                free.Add(j);
            }
        }

        return [.. free];
    }

    /// <summary>The decrease of the local quadratic model, −(∇ᵀδ + ½·δᵀHδ).</summary>
    private static double PredictedDecrease(Linearization current, int[] free, double[] step)
    {
        double linear = 0, quadratic = 0;
        for (int a = 0; a < free.Length; a++)
        {
            linear += current.Gradient[free[a]] * step[a];
            for (int b = 0; b < free.Length; b++)
            {
                quadratic += step[a] * current.Hessian[free[a], free[b]] * step[b];
            }
        }

        return -(linear + (0.5 * quadratic));
    }

    private static double[] Step(Linearization current, int[] free, double damping)
    {
        int m = free.Length;
        var matrix = Matrix<double>.Build.Dense(m, m);
        var rhs = Vector<double>.Build.Dense(m);
        double largestDiagonal = 0;
        for (int a = 0; a < m; a++)
        {
            largestDiagonal = Math.Max(largestDiagonal, current.Hessian[free[a], free[a]]);
        }

        for (int a = 0; a < m; a++)
        {
            rhs[a] = -current.Gradient[free[a]];
            for (int b = 0; b < m; b++)
            {
                matrix[a, b] = current.Hessian[free[a], free[b]];
            }

            // Marquardt's scaling by the diagonal, floored so that a nearly flat direction still gets a bounded step.
            matrix[a, a] += damping * Math.Max(current.Hessian[free[a], free[a]], 1e-6 * largestDiagonal);
        }

        var step = matrix.Svd().Solve(rhs).Select(x => double.IsFinite(x) ? x : 0).ToArray();

        // A trust radius in ln: no coordinate changes by more than a factor e^MaxLogStep in one step (direction kept).
        double largest = step.Select(Math.Abs).DefaultIfEmpty(0).Max();
        return largest > MaxLogStep ? [.. step.Select(x => x * MaxLogStep / largest)] : step;
    }

    internal static string Describe(FitObjective objective, double[] phi)
        => string.Join(", ", objective.Names.Zip(phi, (name, x) => $"{name} = {Math.Exp(x):G4}"));
}
