using ExoSim.Burden.Atlas;
using ExoSim.Burden.Therapy;

namespace ExoSim.Burden;

/// <summary>The outcome of a burden analysis: cases by year and, with a therapy, what it would change.</summary>
/// <param name="Region">The region, with its published figures.</param>
/// <param name="Cases">Adults 20–79 years with diabetes by year.</param>
/// <param name="Therapy">The therapy results, or null without a therapy scenario.</param>
public sealed record BurdenResult(AtlasRegion Region, IReadOnlyList<YearCases> Cases, TherapyResult? Therapy);

/// <summary>Adults with diabetes in one year.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="CasesMillions">Adults 20–79 years with diabetes, millions.</param>
/// <param name="IsAnchor">True for a published Atlas value, false for an interpolated one.</param>
public sealed record YearCases(int Year, double CasesMillions, bool IsAnchor);

/// <summary>A quantity with its central value and its Monte Carlo mean and 95 % uncertainty interval.</summary>
/// <param name="Central">Computed with every input at its central value.</param>
/// <param name="Mean">Mean over the draws.</param>
/// <param name="Low">2.5th percentile of the draws.</param>
/// <param name="High">97.5th percentile of the draws.</param>
public sealed record UncertainValue(double Central, double Mean, double Low, double High)
{
    /// <summary>The same quantity multiplied by <paramref name="factor"/> ≥ 0 (percentiles scale with it).</summary>
    public UncertainValue Scale(double factor) => new(Central * factor, Mean * factor, Low * factor, High * factor);
}

/// <summary>What the therapy scenario changes.</summary>
/// <param name="Effect">The HbA1c effect used.</param>
/// <param name="Uptake">The uptake used.</param>
/// <param name="Years">Uptake and people treated by year.</param>
/// <param name="Outcomes">Per UKPDS 35 outcome: risk reduction among the treated and, with an incidence, events averted.</param>
/// <param name="Draws">Monte Carlo draws.</param>
/// <param name="Seed">Random seed.</param>
public sealed record TherapyResult(
    HbA1cEffect Effect, UptakeRamp Uptake, IReadOnlyList<TreatedYear> Years, IReadOnlyList<OutcomeResult> Outcomes, int Draws, ulong Seed);

/// <summary>People on the therapy in one year.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="UptakePercent">Share of adults with diabetes on therapy, %.</param>
/// <param name="TreatedMillions">Adults with diabetes on therapy, millions (= person-years in that year).</param>
public sealed record TreatedYear(int Year, double UptakePercent, double TreatedMillions);

/// <summary>One outcome's result.</summary>
/// <param name="Outcome">UKPDS 35 outcome identifier.</param>
/// <param name="Name">Outcome name.</param>
/// <param name="Source">Source of the HbA1c relation.</param>
/// <param name="RelativeRiskReductionPercent">Risk reduction among the treated, % (negative = more events).</param>
/// <param name="IncidencePer1000PersonYears">Baseline incidence given, or null.</param>
/// <param name="EventsAvertedByYear">Events averted per year (same order as the years), or null without an incidence.</param>
/// <param name="EventsAvertedCumulative">Events averted over all projected years, or null without an incidence.</param>
public sealed record OutcomeResult(
    string Outcome,
    string Name,
    string Source,
    UncertainValue RelativeRiskReductionPercent,
    double? IncidencePer1000PersonYears,
    IReadOnlyList<UncertainValue>? EventsAvertedByYear,
    UncertainValue? EventsAvertedCumulative);
