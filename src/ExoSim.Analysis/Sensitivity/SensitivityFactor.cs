namespace ExoSim.Analysis.Sensitivity;

/// <summary>
/// One uncertain input of a global sensitivity analysis, uniformly distributed on [<see cref="Lower"/>,
/// <see cref="Upper"/>] independently of the others (the setting of the Sobol and Morris methods). The unit is the
/// model's; put it in <see cref="Name"/> where it is ambiguous (e.g. "kappa_per_min").
/// </summary>
/// <param name="Name">The input's name, as reported in the results.</param>
/// <param name="Lower">Lower end of the range.</param>
/// <param name="Upper">Upper end of the range (greater than <paramref name="Lower"/>).</param>
public sealed record SensitivityFactor(string Name, double Lower, double Upper)
{
    /// <summary>The value at fraction <paramref name="unit"/> ∈ [0, 1] of the range.</summary>
    public double FromUnit(double unit) => Lower + (unit * (Upper - Lower));

    /// <summary>Checks that there is at least one factor, every name is non-empty and unique and every range finite and non-empty.</summary>
    /// <exception cref="ArgumentException">Naming the factor and what is allowed.</exception>
    internal static void Validate(IReadOnlyList<SensitivityFactor> factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        if (factors.Count == 0)
        {
            throw new ArgumentException("At least one sensitivity factor is needed.", nameof(factors));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var factor in factors)
        {
            if (string.IsNullOrWhiteSpace(factor.Name))
            {
                throw new ArgumentException("Every sensitivity factor needs a name.", nameof(factors));
            }

            if (!names.Add(factor.Name))
            {
                throw new ArgumentException($"Sensitivity factor '{factor.Name}' is listed twice; names must be unique.", nameof(factors));
            }

            if (!double.IsFinite(factor.Lower) || !double.IsFinite(factor.Upper) || factor.Upper <= factor.Lower)
            {
                throw new ArgumentException(
                    $"Sensitivity factor '{factor.Name}': the range [{factor.Lower}, {factor.Upper}] must be finite with upper > lower.",
                    nameof(factors));
            }
        }
    }
}
