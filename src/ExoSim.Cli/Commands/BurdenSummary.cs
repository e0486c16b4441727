using ExoSim.Burden;
using ExoSim.Burden.Atlas;

namespace ExoSim.Cli.Commands;

/// <summary>summary.json of <c>exosim burden</c> (schema <see cref="SchemaName"/>; documented in docs/burden.md).</summary>
internal sealed record BurdenSummary(
    string Schema,
    string ExosimVersion,
    string Notice,
    BurdenSummary.RegionInfo Region,
    int FromYear,
    int ToYear,
    BurdenSummary.MethodInfo Method,
    IReadOnlyList<AtlasFigure> AtlasFigures,
    IReadOnlyList<BurdenSummary.GrowthRow> AnnualGrowth,
    IReadOnlyList<BurdenSummary.YearRow> Years,
    BurdenSummary.TherapyInfo? Therapy)
{
    public const string SchemaName = "exosim.burden.summary/1";

    public static BurdenSummary Build(BurdenResult result, string version, string notice)
    {
        var therapy = result.Therapy;
        var years = result.Cases.Select((c, i) => new YearRow(
            c.Year, c.CasesMillions, c.IsAnchor, therapy?.Years[i].UptakePercent, therapy?.Years[i].TreatedMillions)).ToList();
        return new BurdenSummary(
            SchemaName,
            version,
            notice,
            new RegionInfo(result.Region.Code, result.Region.Name),
            result.Cases[0].Year,
            result.Cases[^1].Year,
            new MethodInfo(
                "log-linear between consecutive IDF Diabetes Atlas 10th-edition anchors (constant annual growth rate); anchor years are the published values",
                "refused (no extrapolation)",
                "events averted = treated person-years × baseline incidence × (1 − HR₁^(−ΔHbA1c)), UKPDS 35 HR₁ per 1 percentage point",
                "Monte Carlo: ln HR₁ normal from the UKPDS 35 95 % CI (log scale); ΔHbA1c normal from the trial's 95 % CI when given; 2.5/97.5 percentiles"),
            result.Region.Figures,
            [.. result.Region.Anchors.Zip(result.Region.Anchors.Skip(1), (a, b) => new GrowthRow(a.Year, b.Year, CaseProjection.AnnualGrowthRate(a, b) * 100))],
            years,
            therapy is null ? null : new TherapyInfo(
                therapy.Effect.ChangePercentPoints,
                therapy.Effect.Ci95LowPercentPoints,
                therapy.Effect.Ci95HighPercentPoints,
                therapy.Effect.Origin,
                therapy.Uptake.RatePercentPerYear,
                therapy.Uptake.CeilingPercent,
                therapy.Draws,
                therapy.Seed,
                therapy.Outcomes));
    }

    internal sealed record RegionInfo(string Code, string Name);

    internal sealed record MethodInfo(string Interpolation, string OutsideAnchors, string EventsAverted, string Uncertainty);

    internal sealed record GrowthRow(int FromYear, int ToYear, double PercentPerYear);

    internal sealed record YearRow(int Year, double CasesMillions, bool Anchor, double? UptakePercent, double? TreatedMillions);

    internal sealed record TherapyInfo(
        double Hba1cChangePercentPoints,
        double? Hba1cCi95Low,
        double? Hba1cCi95High,
        string EffectOrigin,
        double UptakeRatePercentPerYear,
        double UptakeCeilingPercent,
        int Draws,
        ulong Seed,
        IReadOnlyList<OutcomeResult> Outcomes);
}
