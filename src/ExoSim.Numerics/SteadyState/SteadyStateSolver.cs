using System.Globalization;
using ExoSim.Numerics.LinearAlgebra;
using ExoSim.Numerics.Ode;

namespace ExoSim.Numerics.SteadyState;

/// <summary>Convergence settings of <see cref="SteadyStateSolver"/>.</summary>
public sealed record SteadyStateOptions
{
    /// <summary>Relative tolerance on the Newton correction of each component.</summary>
    public double RelativeTolerance { get; init; } = 1e-10;

    /// <summary>Absolute tolerance on the Newton correction of each component (state units).</summary>
    public double AbsoluteTolerance { get; init; } = 1e-10;

    /// <summary>
    /// Largest accepted residual max|f_i(t, y)| / (1 + |y_i|) at the solution: a rate per unit of state per unit of time,
    /// so that a converged correction on a flat, non-stationary direction is not mistaken for a steady state.
    /// </summary>
    public double ResidualTolerance { get; init; } = 1e-9;

    /// <summary>Newton iterations allowed.</summary>
    public int MaxIterations { get; init; } = 50;

    /// <summary>The default settings.</summary>
    public static SteadyStateOptions Default { get; } = new();
}

/// <summary>A steady state found by <see cref="SteadyStateSolver"/>.</summary>
/// <param name="State">The state y* with f(t, y*) ≈ 0.</param>
/// <param name="ScaledResidual">max|f_i(t, y*)| / (1 + |y*_i|) at the returned state.</param>
/// <param name="Iterations">Newton iterations taken (0 when the guess already was a steady state).</param>
/// <param name="RhsEvaluations">Right-hand-side evaluations, including those of finite-difference Jacobians.</param>
public sealed record SteadyStateResult(double[] State, double ScaledResidual, int Iterations, long RhsEvaluations);

/// <summary>Why no steady state was found.</summary>
public sealed class SteadyStateException : Exception
{
    /// <summary>Creates the exception with the last iterate and its residual.</summary>
    public SteadyStateException(string message, double[] lastState, double scaledResidual)
        : base(message)
    {
        LastState = lastState;
        ScaledResidual = scaledResidual;
    }

    /// <summary>The last Newton iterate.</summary>
    public double[] LastState { get; }

    /// <summary>Its scaled residual.</summary>
    public double ScaledResidual { get; }
}

/// <summary>
/// Finds a steady state f(t, y) = 0 of an ODE system at a fixed time (inputs held at their current values) by
/// Newton's method with a backtracking line search on ‖f‖ (Deuflhard, Newton Methods for Nonlinear Problems, 2004,
/// ch. 3, in its simplest residual-based form). The Jacobian is analytic when the system implements
/// <see cref="IOdeJacobian"/>, otherwise forward differences. Used to start a model at rest and to check that a
/// model's analytic basal state really is one.
/// </summary>
public static class SteadyStateSolver
{
    private const int MaxHalvings = 30;

    /// <summary>Solves f(<paramref name="time"/>, y) = 0 starting from <paramref name="guess"/>.</summary>
    /// <exception cref="SteadyStateException">No convergence, a singular Jacobian, or non-finite values; the message says which and where.</exception>
    public static SteadyStateResult Solve(IOdeSystem system, ReadOnlySpan<double> guess, double time = 0, SteadyStateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        options ??= SteadyStateOptions.Default;
        int n = system.Dimension;
        if (guess.Length != n)
        {
            throw new ArgumentException($"The guess has {guess.Length} components; the system has {n}.", nameof(guess));
        }

        var y = guess.ToArray();
        var f = new double[n];
        var trial = new double[n];
        var fTrial = new double[n];
        var step = new double[n];
        var lu = new DenseLu(n);
        long evaluations = 0;

        Evaluate(system, time, y, f, ref evaluations);
        double residual = ScaledResidual(y, f);
        for (int iteration = 0; iteration <= options.MaxIterations; iteration++)
        {
            if (!double.IsFinite(residual))
            {
                throw new SteadyStateException(
                    $"The right-hand side is not finite at iteration {iteration}: state {Format(y)}.", y, residual);
            }

            if (iteration == options.MaxIterations)
            {
                break;
            }

            FormJacobian(system, time, y, f, trial, fTrial, lu.Matrix, ref evaluations);
            if (!lu.Factor())
            {
                if (residual <= options.ResidualTolerance)
                {
                    return new SteadyStateResult(y, residual, iteration, evaluations);
                }

                throw new SteadyStateException(
                    $"The Jacobian is singular at state {Format(y)} (scaled residual {residual:G3}): the steady state is not isolated or does not exist.",
                    y, residual);
            }

            for (int i = 0; i < n; i++)
            {
                step[i] = -f[i];
            }

            lu.Solve(step);
            bool correctionSmall = true;
            for (int i = 0; i < n; i++)
            {
                if (Math.Abs(step[i]) > options.AbsoluteTolerance + (options.RelativeTolerance * Math.Abs(y[i])))
                {
                    correctionSmall = false;
                    break;
                }
            }

            if (correctionSmall && residual <= options.ResidualTolerance)
            {
                return new SteadyStateResult(y, residual, iteration, evaluations);
            }

            // Backtracking: halve the step until the residual norm decreases.
            double lambda = 1;
            double norm = Norm(f);
            bool improved = false;
            for (int halving = 0; halving < MaxHalvings; halving++)
            {
                for (int i = 0; i < n; i++)
                {
                    trial[i] = y[i] + (lambda * step[i]);
                }

                Evaluate(system, time, trial, fTrial, ref evaluations);
                double trialNorm = Norm(fTrial);
                if (double.IsFinite(trialNorm) && (trialNorm < norm || (correctionSmall && trialNorm <= norm)))
                {
                    improved = true;
                    break;
                }

                lambda *= 0.5;
            }

            if (!improved)
            {
                if (residual <= options.ResidualTolerance)
                {
                    return new SteadyStateResult(y, residual, iteration, evaluations);
                }

                throw new SteadyStateException(
                    $"Newton's method stalled at state {Format(y)} (scaled residual {residual:G3}): no steady state near the starting point.",
                    y, residual);
            }

            trial.CopyTo(y, 0);
            fTrial.CopyTo(f, 0);
            residual = ScaledResidual(y, f);
        }

        throw new SteadyStateException(
            $"No convergence in {options.MaxIterations} Newton iterations; last state {Format(y)} (scaled residual {residual:G3}).",
            y, residual);
    }

    private static void Evaluate(IOdeSystem system, double time, ReadOnlySpan<double> y, Span<double> f, ref long evaluations)
    {
        system.Evaluate(time, y, f);
        evaluations++;
    }

    private static void FormJacobian(
        IOdeSystem system, double time, double[] y, double[] f0, double[] work, double[] fWork, Span<double> jacobian, ref long evaluations)
    {
        if (system is IOdeJacobian analytic)
        {
            analytic.EvaluateJacobian(time, y, jacobian);
            return;
        }

        evaluations += FiniteDifferenceJacobian.Forward(system, time, y, f0, work, fWork, jacobian, 1.0);
    }

    private static double ScaledResidual(ReadOnlySpan<double> y, ReadOnlySpan<double> f)
    {
        double worst = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double scaled = Math.Abs(f[i]) / (1 + Math.Abs(y[i]));
            worst = double.IsNaN(scaled) ? double.NaN : Math.Max(worst, scaled);
            if (double.IsNaN(worst))
            {
                return double.NaN;
            }
        }

        return worst;
    }

    private static double Norm(ReadOnlySpan<double> f)
    {
        double sum = 0;
        foreach (double v in f)
        {
            sum += v * v;
        }

        return Math.Sqrt(sum);
    }

    private static string Format(ReadOnlySpan<double> y)
    {
        var parts = new string[y.Length];
        for (int i = 0; i < y.Length; i++)
        {
            parts[i] = y[i].ToString("G6", CultureInfo.InvariantCulture);
        }

        return "[" + string.Join(", ", parts) + "]";
    }
}
