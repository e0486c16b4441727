namespace ExoSim.Analysis.Estimation;

/// <summary>How the measurement error of an observable scales with its value.</summary>
public enum ErrorModelKind
{
    /// <summary>SD = a (constant, in the observable's unit).</summary>
    Additive,

    /// <summary>SD = b·|f| (a coefficient of variation).</summary>
    Proportional,

    /// <summary>SD = √(a² + b²·f²).</summary>
    Combined,
}

/// <summary>One coefficient of an error model: its value (the start value when estimated) and whether it is estimated.</summary>
/// <param name="Value">The value: a in the observable's unit, b as a fraction (0.05 = 5 %).</param>
/// <param name="Estimated">Whether the fit estimates it (only with the −2 log-likelihood objective).</param>
public sealed record ErrorCoefficient(double Value, bool Estimated);

/// <summary>
/// The measurement-error model of one observable. Under weighted least squares the SDs are computed from the observed
/// values and act as fixed relative weights; under the −2 log-likelihood they are computed from the predictions.
/// </summary>
/// <param name="Observable">The observable's name (a model column).</param>
/// <param name="Unit">The observable's unit (the unit of a).</param>
/// <param name="Kind">Additive, proportional or combined.</param>
/// <param name="Additive">a (null for proportional).</param>
/// <param name="Proportional">b (null for additive).</param>
public sealed record ObservableErrorModel(string Observable, string Unit, ErrorModelKind Kind, ErrorCoefficient? Additive, ErrorCoefficient? Proportional)
{
    /// <summary>SD = √(a² + b²·f²) for a value f, with the coefficients given.</summary>
    public static double StandardDeviation(double a, double b, double value) => Math.Sqrt((a * a) + (b * b * value * value));

    /// <summary>Checks that the coefficients the kind needs are present and positive.</summary>
    /// <exception cref="ArgumentException">Naming the observable.</exception>
    public void Validate()
    {
        bool needsA = Kind != ErrorModelKind.Proportional;
        bool needsB = Kind != ErrorModelKind.Additive;
        if (needsA != Additive is not null || needsB != Proportional is not null)
        {
            throw new ArgumentException($"Error model of '{Observable}': a {Kind} model needs {(needsA ? "a" : string.Empty)}{(needsA && needsB ? " and " : string.Empty)}{(needsB ? "b" : string.Empty)} only.");
        }

        foreach (var coefficient in new[] { Additive, Proportional })
        {
            if (coefficient is not null && !(coefficient.Value > 0 && double.IsFinite(coefficient.Value)))
            {
                throw new ArgumentException($"Error model of '{Observable}': coefficients must be positive; got {coefficient.Value}.");
            }
        }
    }
}
