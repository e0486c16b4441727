namespace ExoSim.Burden.Complications;

/// <summary>
/// The UKPDS 35 HbA1c–complication relations shipped with ExoSim (Data/ukpds35-hba1c-relations.csv): any
/// diabetes-related end point, diabetes-related death, myocardial infarction and microvascular complications.
/// </summary>
public static class Ukpds35
{
    private const string ResourceName = "ExoSim.Burden.Data.ukpds35-hba1c-relations.csv";

    private static readonly Lazy<IReadOnlyList<HbA1cRiskRelation>> LazyRelations = new(Load);

    /// <summary>Every relation, in the order of the data file.</summary>
    public static IReadOnlyList<HbA1cRiskRelation> Relations => LazyRelations.Value;

    /// <summary>The relation for <paramref name="outcome"/>; <paramref name="field"/> names the input in errors.</summary>
    /// <exception cref="BurdenInputException">Unknown outcome; the message lists the known ones.</exception>
    public static HbA1cRiskRelation Relation(string outcome, string field) =>
        Relations.FirstOrDefault(r => string.Equals(r.Outcome, outcome, StringComparison.OrdinalIgnoreCase))
        ?? throw new BurdenInputException(field, $"'{outcome}' is not a UKPDS 35 outcome; use one of {string.Join(", ", Relations.Select(r => r.Outcome))}.");

    private static List<HbA1cRiskRelation> Load()
    {
        var table = EmbeddedTable.Load(ResourceName);
        return [.. table.Rows.Select(row => new HbA1cRiskRelation(
            table.Text(row, "outcome"),
            table.Text(row, "name"),
            table.Number(row, "risk_reduction_percent"),
            table.Number(row, "ci95_low_percent"),
            table.Number(row, "ci95_high_percent"),
            table.Text(row, "source")))];
    }
}
