namespace ExoSim.Models.Parameters;

/// <summary>
/// What a model parameter is: its name (the source paper's symbol), unit and meaning, and the range of values
/// the literature considers plausible. Values live in <see cref="ParameterSet"/>s.
/// </summary>
/// <param name="Name">Symbol as in the source paper, e.g. <c>SI</c>, <c>p1</c>, <c>Gb</c>.</param>
/// <param name="Unit">Unit, e.g. <c>1/min</c>, <c>mg/dL</c>.</param>
/// <param name="Description">Plain-language meaning.</param>
public sealed record ParameterDefinition(string Name, string Unit, string Description)
{
    /// <summary>Lower end of the plausible range, where the literature gives one.</summary>
    public double? PlausibleMinimum { get; init; }

    /// <summary>Upper end of the plausible range, where the literature gives one.</summary>
    public double? PlausibleMaximum { get; init; }

    /// <summary>Source of the plausible range.</summary>
    public string? RangeSource { get; init; }

    /// <summary>Whether the value is always recomputed from other parameters (and so cannot be overridden directly).</summary>
    public bool IsDerived { get; init; }

    /// <summary>
    /// Whether the value describes the subject or its therapy (age, carbohydrate ratio, …) without entering the
    /// model's equations; kept with the subject so that scenarios and reports can use it.
    /// </summary>
    public bool IsCovariate { get; init; }
}

/// <summary>One parameter of one set: definition, value and provenance together (what <c>exosim params</c> shows).</summary>
/// <param name="Definition">Name, unit, meaning, plausible range.</param>
/// <param name="Value">The value, in <see cref="ParameterDefinition.Unit"/>.</param>
/// <param name="Origin">Literature, derived, assumption or user-defined.</param>
/// <param name="Source">Citation (with DOI) or the reason for an assumption or the equation of a derived value.</param>
public sealed record ParameterEntry(ParameterDefinition Definition, double Value, ParameterOrigin Origin, string Source)
{
    /// <summary>The parameter's name.</summary>
    public string Name => Definition.Name;

    /// <summary>The parameter's unit.</summary>
    public string Unit => Definition.Unit;
}
