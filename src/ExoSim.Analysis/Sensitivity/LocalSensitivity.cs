namespace ExoSim.Analysis.Sensitivity;

/// <summary>A parameter at its nominal value, for local sensitivity.</summary>
/// <param name="Name">The parameter's name, as reported in the results.</param>
/// <param name="Value">The nominal value (non-zero: the coefficient is relative to it).</param>
public sealed record NominalParameter(string Name, double Value);

/// <summary>The normalised sensitivity coefficient of the output to one parameter.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Coefficient">(∂y/∂p)·(p/y): the % change of the output per % change of the parameter, at the nominal point.</param>
public sealed record LocalCoefficient(string Name, double Coefficient);

/// <summary>The result of a local sensitivity analysis.</summary>
/// <param name="NominalOutput">y at the nominal point.</param>
/// <param name="Coefficients">One coefficient per parameter, in the order the parameters were given.</param>
/// <param name="ModelEvaluations">Number of model evaluations, 2k + 1.</param>
public sealed record LocalSensitivityResult(double NominalOutput, IReadOnlyList<LocalCoefficient> Coefficients, int ModelEvaluations)
{
    /// <summary>The points evaluated (nominal, then p_i(1 + h) and p_i(1 − h) for each parameter) and their outputs.</summary>
    public ModelSample Sample { get; init; } = ModelSample.Empty;
}

/// <summary>
/// Local normalised sensitivity coefficients (∂y/∂p_i)·(p_i/y) at a nominal point, the derivative by central
/// differences with a relative step h: (y(p_i(1 + h)) − y(p_i(1 − h))) / (2 h p_i), error O(h²).
/// </summary>
public static class LocalSensitivity
{
    /// <summary>The default relative step: near the cube root of machine epsilon (6e−6), rounded up for noisy model outputs.</summary>
    public const double DefaultRelativeStep = 1e-4;

    /// <summary>Normalised coefficients of <paramref name="model"/>'s output to every parameter.</summary>
    /// <param name="model">The output at a point, given as parameter values in the order of <paramref name="parameters"/>.</param>
    /// <param name="parameters">The parameters and their nominal values (each non-zero and finite, names unique).</param>
    /// <param name="relativeStep">h, in (0, 0.5).</param>
    /// <param name="maxDegreeOfParallelism">Threads evaluating the model; the result does not depend on it.</param>
    /// <exception cref="ArgumentException">For invalid parameters or step.</exception>
    /// <exception cref="InvalidOperationException">When the model returns a non-finite value, or 0 at the nominal point.</exception>
    public static LocalSensitivityResult Analyse(
        Func<double[], double> model,
        IReadOnlyList<NominalParameter> parameters,
        double relativeStep = DefaultRelativeStep,
        int maxDegreeOfParallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == 0)
        {
            throw new ArgumentException("At least one parameter is needed.", nameof(parameters));
        }

        if (!(relativeStep > 0 && relativeStep < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(relativeStep), $"The relative step must be in (0, 0.5), not {relativeStep}.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            if (string.IsNullOrWhiteSpace(parameter.Name) || !names.Add(parameter.Name))
            {
                throw new ArgumentException($"Parameter names must be non-empty and unique ('{parameter.Name}').", nameof(parameters));
            }

            if (!double.IsFinite(parameter.Value) || parameter.Value == 0)
            {
                throw new ArgumentException(
                    $"Parameter '{parameter.Name}': the nominal value must be finite and non-zero for a normalised coefficient, not {parameter.Value}.",
                    nameof(parameters));
            }
        }

        int k = parameters.Count;
        var nominal = parameters.Select(p => p.Value).ToArray();
        var points = new double[(2 * k) + 1][];
        points[0] = nominal;
        for (int i = 0; i < k; i++)
        {
            points[1 + (2 * i)] = Perturbed(nominal, i, 1 + relativeStep);
            points[2 + (2 * i)] = Perturbed(nominal, i, 1 - relativeStep);
        }

        var outputs = ModelEvaluation.Evaluate(model, points, maxDegreeOfParallelism);
        double y = outputs[0];
        if (y == 0)
        {
            throw new InvalidOperationException("The model output is 0 at the nominal point; a normalised coefficient (relative to y) is undefined.");
        }

        var coefficients = new LocalCoefficient[k];
        for (int i = 0; i < k; i++)
        {
            // Divide by the step actually taken, (p(1+h) − p(1−h)), which rounding may make differ from 2hp.
            double step = points[1 + (2 * i)][i] - points[2 + (2 * i)][i];
            double derivative = (outputs[1 + (2 * i)] - outputs[2 + (2 * i)]) / step;
            coefficients[i] = new LocalCoefficient(parameters[i].Name, derivative * nominal[i] / y);
        }

        return new LocalSensitivityResult(y, coefficients, outputs.Length) { Sample = new ModelSample(points, outputs) };
    }

    private static double[] Perturbed(double[] nominal, int index, double factor)
    {
        var point = (double[])nominal.Clone();
        point[index] *= factor;
        return point;
    }
}
