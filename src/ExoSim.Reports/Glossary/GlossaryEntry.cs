namespace ExoSim.Reports.Glossary;

/// <summary>The three parts of the glossary, in the order <c>exosim explain</c> lists them.</summary>
public enum GlossaryCategory
{
    /// <summary>Glucose–insulin physiology, diabetes and its clinical measures.</summary>
    Physiology,

    /// <summary>Therapies and how drugs act: exosomes, stem cells, insulin, standard drugs, PK/PD.</summary>
    Therapy,

    /// <summary>Simulation, numerics and statistics.</summary>
    Methods,
}

/// <summary>One plain-language glossary entry (format and sources policy in docs/glossary.md).</summary>
/// <param name="Term">The name shown, e.g. <c>HbA1c</c>.</param>
/// <param name="Aliases">Other names that find the entry, e.g. <c>A1c</c>, <c>glycated haemoglobin</c>.</param>
/// <param name="Category">Physiology, therapy or methods.</param>
/// <param name="Definition">A short definition in plain language.</param>
/// <param name="InExoSim">Why it matters in ExoSim: model ids, parameters and commands in backticks.</param>
/// <param name="FunFact">A true, sourced fun fact or history line, or null.</param>
/// <param name="Sources">Citations (authors, title, journal, year, volume:page, DOI) for the definition and the fun fact.</param>
/// <param name="Line">Line of the entry in the data file (for messages).</param>
public sealed record GlossaryEntry(
    string Term,
    IReadOnlyList<string> Aliases,
    GlossaryCategory Category,
    string Definition,
    string InExoSim,
    string? FunFact,
    IReadOnlyList<string> Sources,
    int Line)
{
    /// <summary>The term followed by its aliases.</summary>
    public IEnumerable<string> Names => Aliases.Prepend(Term);

    /// <summary>The entry's HTML anchor, e.g. <c>glossary-beta-cell</c> for β-cell.</summary>
    public string Anchor => "glossary-" + GlossaryCatalog.Slug(Term);

    /// <summary>The names written in backticks in <see cref="InExoSim"/> (model ids, parameters, commands).</summary>
    public IReadOnlyList<string> CodeNames => InExoSim.Split('`').Where((_, i) => i % 2 == 1).ToArray();
}
