using ExoSim.Models.Random;

namespace ExoSim.Analysis.Sensitivity;

/// <summary>How a Morris screening samples.</summary>
/// <param name="Trajectories">r, the number of one-at-a-time trajectories; the model is evaluated r·(k + 1) times.</param>
/// <param name="Levels">p, the (even) number of grid levels per factor; the step is Δ = p / (2(p − 1)) of the range.</param>
/// <param name="Seed">Seed of every random draw (stream 0).</param>
/// <param name="MaxDegreeOfParallelism">Threads evaluating the model; the result does not depend on it.</param>
public sealed record MorrisOptions(int Trajectories, int Levels, ulong Seed, int MaxDegreeOfParallelism = 1);

/// <summary>Elementary-effect statistics of one factor, in output units per whole range of the factor.</summary>
/// <param name="Name">The factor's name.</param>
/// <param name="Mean">μ, the mean elementary effect (Morris 1991).</param>
/// <param name="MeanAbsolute">μ*, the mean absolute elementary effect (Campolongo et al. 2007), the ranking measure.</param>
/// <param name="StandardDeviation">σ, the sample standard deviation of the elementary effects (non-linearity or interactions).</param>
public sealed record MorrisFactorEffects(string Name, double Mean, double MeanAbsolute, double StandardDeviation);

/// <summary>The result of a Morris screening.</summary>
/// <param name="Factors">Statistics per factor, in the order the factors were given.</param>
/// <param name="ModelEvaluations">Number of model evaluations, r·(k + 1).</param>
public sealed record MorrisResult(IReadOnlyList<MorrisFactorEffects> Factors, int ModelEvaluations)
{
    /// <summary>The trajectories' points (k + 1 per trajectory, in order) and their outputs.</summary>
    public ModelSample Sample { get; init; } = ModelSample.Empty;
}

/// <summary>
/// Morris elementary effects (Morris MD, "Factorial sampling plans for preliminary computational experiments",
/// Technometrics 1991;33(2):161–174) with μ* of Campolongo F, Cariboni J,
/// Saltelli A, "An effective screening design for sensitivity analysis of large models", Environ Model Softw
/// 2007;22:1509–1518. Each factor's range is scaled to [0, 1] and gridded at p
/// levels {0, 1/(p−1), …, 1}; a trajectory starts at a random grid point and moves every factor once, in random
/// order, by ±Δ, Δ = p/(2(p−1)); the elementary effect of factor i is (y(x ± Δ e_i) − y(x)) / (±Δ).
/// Trajectories are drawn at random (Morris 1991), not selected for spread (Campolongo 2007's optimisation).
/// </summary>
public static class MorrisAnalysis
{
    /// <summary>Elementary-effect statistics of <paramref name="model"/>'s output for <paramref name="factors"/>.</summary>
    /// <param name="model">The output at a point, given as factor values in the order of <paramref name="factors"/>.</param>
    /// <param name="factors">The inputs and their ranges.</param>
    /// <param name="options">Trajectories, levels, seed and threads.</param>
    /// <exception cref="ArgumentException">For invalid factors or options (r ≥ 2, p even ≥ 2).</exception>
    /// <exception cref="InvalidOperationException">When the model returns a non-finite value.</exception>
    public static MorrisResult Analyse(Func<double[], double> model, IReadOnlyList<SensitivityFactor> factors, MorrisOptions options)
    {
        // A null model is rejected by ModelEvaluation, before any evaluation.
        ArgumentNullException.ThrowIfNull(options);
        SensitivityFactor.Validate(factors);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Trajectories, 2);
        if (options.Levels < 2 || options.Levels % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"Levels must be even and at least 2, not {options.Levels}.");
        }

        int k = factors.Count;
        int r = options.Trajectories;
        var (unitPoints, movedFactor, stepSign) = Trajectories(k, r, options.Levels, options.Seed);
        var points = unitPoints.Select(u => u.Select((value, i) => factors[i].FromUnit(value)).ToArray()).ToArray();
        var outputs = ModelEvaluation.Evaluate(model, points, options.MaxDegreeOfParallelism);

        double delta = Step(options.Levels);
        var effects = new double[k][];
        for (int i = 0; i < k; i++)
        {
            effects[i] = new double[r];
        }

        for (int t = 0; t < r; t++)
        {
            for (int s = 1; s <= k; s++)
            {
                int point = (t * (k + 1)) + s;
                effects[movedFactor[t][s - 1]][t] = (outputs[point] - outputs[point - 1]) / (stepSign[t][s - 1] * delta);
            }
        }

        var statistics = new MorrisFactorEffects[k];
        for (int i = 0; i < k; i++)
        {
            double mean = effects[i].Average();
            double meanAbsolute = effects[i].Average(Math.Abs);
            double squares = effects[i].Sum(e => (e - mean) * (e - mean));
            statistics[i] = new MorrisFactorEffects(factors[i].Name, mean, meanAbsolute, Math.Sqrt(squares / (r - 1)));
        }

        return new MorrisResult(statistics, outputs.Length) { Sample = new ModelSample(points, outputs) };
    }

    /// <summary>The Morris step Δ = p / (2(p − 1)) on the unit range.</summary>
    internal static double Step(int levels) => levels / (2.0 * (levels - 1));

    /// <summary>
    /// r trajectories of k + 1 unit-cube points each, drawn from stream 0 of <paramref name="seed"/>, with which factor
    /// each step moves and in which direction. A factor's start is a level in the lower half when it will step up and
    /// that level + Δ when it will step down, so starts and ends are both uniform over the p levels.
    /// </summary>
    internal static (double[][] Points, int[][] MovedFactor, int[][] StepSign) Trajectories(int k, int r, int levels, ulong seed)
    {
        var random = Xoshiro256StarStar.ForStream(seed, 0);
        double delta = Step(levels);
        var points = new double[r * (k + 1)][];
        var moved = new int[r][];
        var signs = new int[r][];
        for (int t = 0; t < r; t++)
        {
            var x = new double[k];
            var sign = new int[k];
            for (int i = 0; i < k; i++)
            {
                int level = (int)(random.NextDouble() * (levels / 2));
                sign[i] = random.NextDouble() < 0.5 ? 1 : -1;
                x[i] = (level / (double)(levels - 1)) + (sign[i] > 0 ? 0 : delta);
            }

            // Fisher–Yates shuffle of the order in which factors move.
            var order = Enumerable.Range(0, k).ToArray();
            for (int i = k - 1; i > 0; i--)
            {
                int swap = (int)(random.NextDouble() * (i + 1));
                (order[i], order[swap]) = (order[swap], order[i]);
            }

            points[t * (k + 1)] = (double[])x.Clone();
            moved[t] = order;
            signs[t] = new int[k];
            for (int s = 0; s < k; s++)
            {
                int i = order[s];
                x[i] += sign[i] * delta;
                signs[t][s] = sign[i];
                points[(t * (k + 1)) + s + 1] = (double[])x.Clone();
            }
        }

        return (points, moved, signs);
    }
}
