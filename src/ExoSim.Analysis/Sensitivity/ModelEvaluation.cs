namespace ExoSim.Analysis.Sensitivity;

/// <summary>The points a method evaluated the model at and the outputs there, in evaluation order (for export and checks).</summary>
/// <param name="Points">Each point's input values, in the order of the factors or parameters.</param>
/// <param name="Outputs">The model output at each point.</param>
public sealed record ModelSample(IReadOnlyList<IReadOnlyList<double>> Points, IReadOnlyList<double> Outputs)
{
    /// <summary>No evaluations.</summary>
    public static ModelSample Empty { get; } = new([], []);
}

/// <summary>
/// Evaluates a model at many points in parallel. Each output is stored at its point's index, so the results do not
/// depend on the thread count or on the order in which threads finish.
/// </summary>
internal static class ModelEvaluation
{
    /// <summary>y[j] = model(points[j]); each call gets its own copy of the point, so the model may modify it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="maxDegreeOfParallelism"/> is below 1.</exception>
    /// <exception cref="InvalidOperationException">When the model returns NaN or ±∞ (naming the point).</exception>
    public static double[] Evaluate(Func<double[], double> model, double[][] points, int maxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        var outputs = new double[points.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, points.Length, parallel, j => outputs[j] = model((double[])points[j].Clone()));
        for (int j = 0; j < outputs.Length; j++)
        {
            if (!double.IsFinite(outputs[j]))
            {
                throw new InvalidOperationException(
                    $"The model returned {outputs[j]} at point {j} ({string.Join(", ", points[j])}); sensitivity analysis needs finite outputs.");
            }
        }

        return outputs;
    }
}
