namespace ExoSim.Models.Validation;

/// <summary>How a validation check compares the simulated value with the reference.</summary>
public enum ValidationComparison
{
    /// <summary>|got − expected| ≤ tolerance.</summary>
    WithinTolerance,

    /// <summary>got ≤ tolerance (e.g. an RMS deviation from published data); <see cref="ValidationCheck.Expected"/> is 0.</summary>
    AtMost,
}

/// <summary>
/// One line of <c>exosim validate</c>: a simulated quantity against a published or independent reference value.
/// </summary>
/// <param name="ModelId">The model validated.</param>
/// <param name="Quantity">What is compared, with conditions (e.g. "G at 30 min, example subject").</param>
/// <param name="Unit">Unit of the values.</param>
/// <param name="Expected">Reference value (0 for <see cref="ValidationComparison.AtMost"/>).</param>
/// <param name="Got">Simulated value.</param>
/// <param name="Tolerance">Allowed deviation or upper bound.</param>
/// <param name="Comparison">How <paramref name="Got"/> is judged.</param>
/// <param name="Reference">Where the reference comes from, and why this tolerance.</param>
public sealed record ValidationCheck(
    string ModelId,
    string Quantity,
    string Unit,
    double Expected,
    double Got,
    double Tolerance,
    ValidationComparison Comparison,
    string Reference)
{
    /// <summary>Whether the check passes.</summary>
    public bool Passed => Comparison switch
    {
        ValidationComparison.AtMost => Got <= Tolerance,
        _ => Math.Abs(Got - Expected) <= Tolerance,
    };
}

/// <summary>A model's validation suite: runs simulations and returns its checks.</summary>
public interface IModelValidation
{
    /// <summary>The model this suite validates.</summary>
    string ModelId { get; }

    /// <summary>Runs every check (deterministic; may take a few seconds).</summary>
    IReadOnlyList<ValidationCheck> Run();
}
