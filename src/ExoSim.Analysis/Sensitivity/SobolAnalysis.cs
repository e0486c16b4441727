using ExoSim.Models.Random;

namespace ExoSim.Analysis.Sensitivity;

/// <summary>How a Sobol analysis samples and resamples.</summary>
/// <param name="BaseSamples">N, the rows of each base matrix A and B; the model is evaluated N·(k + 2) times for k factors.</param>
/// <param name="BootstrapResamples">How many bootstrap resamples of the N rows give the confidence intervals.</param>
/// <param name="Seed">Seed of every random draw (base matrices: stream 0; bootstrap: stream 1).</param>
/// <param name="MaxDegreeOfParallelism">Threads evaluating the model; the result does not depend on it.</param>
/// <param name="ConfidenceLevel">Coverage of the percentile bootstrap intervals, in (0, 1).</param>
public sealed record SobolOptions(int BaseSamples, int BootstrapResamples, ulong Seed, int MaxDegreeOfParallelism = 1, double ConfidenceLevel = 0.95);

/// <summary>An estimate with its bootstrap confidence interval.</summary>
/// <param name="Estimate">The estimate from all N rows.</param>
/// <param name="Lower">Lower end of the percentile bootstrap interval.</param>
/// <param name="Upper">Upper end of the percentile bootstrap interval.</param>
public sealed record IntervalEstimate(double Estimate, double Lower, double Upper);

/// <summary>The Sobol indices of one factor.</summary>
/// <param name="Name">The factor's name.</param>
/// <param name="FirstOrder">S_i, the share of the output variance due to this factor alone.</param>
/// <param name="TotalOrder">S_Ti, the share due to this factor including all its interactions.</param>
public sealed record SobolFactorIndices(string Name, IntervalEstimate FirstOrder, IntervalEstimate TotalOrder);

/// <summary>The result of a Sobol analysis.</summary>
/// <param name="Factors">Indices per factor, in the order the factors were given.</param>
/// <param name="OutputMean">Mean of the output over the 2N base rows.</param>
/// <param name="OutputVariance">Variance of the output over the 2N base rows (the denominator of every index).</param>
/// <param name="ModelEvaluations">Number of model evaluations, N·(k + 2).</param>
public sealed record SobolResult(IReadOnlyList<SobolFactorIndices> Factors, double OutputMean, double OutputVariance, int ModelEvaluations)
{
    /// <summary>The points (rows of A, of B, then of A_B^(1) … A_B^(k)) and their outputs.</summary>
    public ModelSample Sample { get; init; } = ModelSample.Empty;
}

/// <summary>
/// Variance-based (Sobol) first- and total-order indices with the sampling scheme and estimators of Saltelli A et al.,
/// "Variance based sensitivity analysis of model output. Design and estimator for the total sensitivity index",
/// Comput Phys Commun 2010;181:259–270, doi:10.1016/j.cpc.2009.09.018: two independent N×k base matrices A and B
/// and, for each factor i, A_B^(i) (A with column i taken from B); first order by Table 2 (b),
/// V_i ≈ (1/N) Σ_j f(B)_j (f(A_B^(i))_j − f(A)_j), total order by Jansen's estimator, Table 2 (f),
/// V_Ti ≈ (1/2N) Σ_j (f(A)_j − f(A_B^(i))_j)². Both are divided by the variance of f over the 2N rows of A and B;
/// in (b) f(B) is centred by the mean over those rows (same expectation, smaller variance when the mean is large).
/// Base rows are plain seeded Monte Carlo (xoshiro256**), not a low-discrepancy sequence, so the error falls as
/// N^−1/2. Confidence intervals: percentile bootstrap over the N rows (the same row indices resample A, B and every
/// A_B^(i), so the dependence between them is kept).
/// </summary>
public static class SobolAnalysis
{
    /// <summary>Sobol indices of <paramref name="model"/>'s output with respect to <paramref name="factors"/>.</summary>
    /// <param name="model">The output at a point, given as factor values in the order of <paramref name="factors"/>.</param>
    /// <param name="factors">The uncertain inputs, each uniform on its range, independent.</param>
    /// <param name="options">Sample sizes, seed, threads and confidence level.</param>
    /// <exception cref="ArgumentException">For invalid factors or options.</exception>
    /// <exception cref="InvalidOperationException">When the model returns a non-finite value, or the output does not vary.</exception>
    public static SobolResult Analyse(Func<double[], double> model, IReadOnlyList<SensitivityFactor> factors, SobolOptions options)
    {
        // A null model is rejected by ModelEvaluation, before any evaluation.
        ArgumentNullException.ThrowIfNull(options);
        SensitivityFactor.Validate(factors);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BaseSamples, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BootstrapResamples, 1);
        if (!(options.ConfidenceLevel > 0 && options.ConfidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"ConfidenceLevel must be in (0, 1), not {options.ConfidenceLevel}.");
        }

        int n = options.BaseSamples;
        int k = factors.Count;
        var points = SaltelliPoints(factors, n, options.Seed);
        var outputs = ModelEvaluation.Evaluate(model, points, options.MaxDegreeOfParallelism);

        // Layout of the outputs: rows of A, then of B, then of A_B^(1), …, A_B^(k).
        var all = Enumerable.Range(0, n).ToArray();
        var estimate = Estimate(outputs, n, k, all);
        if (estimate.Variance <= 0)
        {
            throw new InvalidOperationException("The model output is constant over the sample; Sobol indices are undefined.");
        }

        int resamples = options.BootstrapResamples;
        var firstSamples = new double[k][];
        var totalSamples = new double[k][];
        for (int i = 0; i < k; i++)
        {
            firstSamples[i] = new double[resamples];
            totalSamples[i] = new double[resamples];
        }

        var bootstrapRandom = Xoshiro256StarStar.ForStream(options.Seed, 1);
        var rows = new int[n];
        for (int b = 0; b < resamples; b++)
        {
            for (int j = 0; j < n; j++)
            {
                rows[j] = (int)(bootstrapRandom.NextDouble() * n);
            }

            var resampled = Estimate(outputs, n, k, rows);
            for (int i = 0; i < k; i++)
            {
                firstSamples[i][b] = resampled.First[i];
                totalSamples[i][b] = resampled.Total[i];
            }
        }

        double tail = (1 - options.ConfidenceLevel) / 2;
        var indices = new SobolFactorIndices[k];
        for (int i = 0; i < k; i++)
        {
            indices[i] = new SobolFactorIndices(
                factors[i].Name,
                Interval(estimate.First[i], firstSamples[i], tail),
                Interval(estimate.Total[i], totalSamples[i], tail));
        }

        return new SobolResult(indices, estimate.Mean, estimate.Variance, outputs.Length) { Sample = new ModelSample(points, outputs) };
    }

    /// <summary>
    /// The (k + 2)·N points: A's rows, B's rows, then A_B^(i) for i = 1…k. A and B are drawn row by row from
    /// stream 0 of <paramref name="seed"/> (row j of A, then row j of B), uniform on each factor's range.
    /// </summary>
    internal static double[][] SaltelliPoints(IReadOnlyList<SensitivityFactor> factors, int n, ulong seed)
    {
        int k = factors.Count;
        var random = Xoshiro256StarStar.ForStream(seed, 0);
        var points = new double[n * (k + 2)][];
        for (int j = 0; j < n; j++)
        {
            var a = new double[k];
            var b = new double[k];
            for (int i = 0; i < k; i++)
            {
                a[i] = factors[i].FromUnit(random.NextDouble());
            }

            for (int i = 0; i < k; i++)
            {
                b[i] = factors[i].FromUnit(random.NextDouble());
            }

            points[j] = a;
            points[n + j] = b;
            for (int i = 0; i < k; i++)
            {
                var ab = (double[])a.Clone();
                ab[i] = b[i];
                points[((2 + i) * n) + j] = ab;
            }
        }

        return points;
    }

    private static (double Mean, double Variance, double[] First, double[] Total) Estimate(double[] outputs, int n, int k, int[] rows)
    {
        int m = rows.Length;
        double sum = 0;
        foreach (int j in rows)
        {
            sum += outputs[j] + outputs[n + j];
        }

        double mean = sum / (2.0 * m);
        double squares = 0;
        foreach (int j in rows)
        {
            double da = outputs[j] - mean;
            double db = outputs[n + j] - mean;
            squares += (da * da) + (db * db);
        }

        double variance = squares / (2.0 * m);
        var first = new double[k];
        var total = new double[k];
        for (int i = 0; i < k; i++)
        {
            int offset = (2 + i) * n;
            double firstSum = 0;
            double totalSum = 0;
            foreach (int j in rows)
            {
                double fA = outputs[j];
                double fB = outputs[n + j];
                double fAB = outputs[offset + j];
                // Saltelli et al. 2010, Table 2 (b), with f(B) centred: E[f(A_B^(i)) − f(A)] = 0, so the shift keeps
                // the estimator's expectation and removes the variance a large output mean would add.
                firstSum += (fB - mean) * (fAB - fA);
                totalSum += (fA - fAB) * (fA - fAB); // Jansen 1999, Saltelli et al. 2010, Table 2 (f).
            }

            first[i] = firstSum / m / variance;
            total[i] = totalSum / (2.0 * m) / variance;
        }

        return (mean, variance, first, total);
    }

    private static IntervalEstimate Interval(double estimate, double[] samples, double tail)
    {
        Array.Sort(samples);
        return new IntervalEstimate(estimate, Quantile(samples, tail), Quantile(samples, 1 - tail));
    }

    /// <summary>The q-quantile of sorted values, interpolating linearly between order statistics (Hyndman–Fan type 7).</summary>
    private static double Quantile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        double fraction = position - below;
        return sorted[below] + (fraction * (sorted[above] - sorted[below]));
    }
}
