using ExoSim.Burden.Therapy;

namespace ExoSim.Burden;

/// <summary>What a burden analysis is asked: a region, a span of years and, optionally, a therapy scenario.</summary>
/// <param name="RegionCode">IDF region code (see <see cref="Atlas.DiabetesAtlas.Regions"/>).</param>
/// <param name="FromYear">First projected year (inclusive).</param>
/// <param name="ToYear">Last projected year (inclusive).</param>
/// <param name="Therapy">The therapy scenario, or null for cases only.</param>
public sealed record BurdenScenario(string RegionCode, int FromYear, int ToYear, TherapyScenario? Therapy);

/// <summary>A therapy scenario: its HbA1c effect, its uptake, baseline incidences, and the Monte Carlo settings.</summary>
/// <param name="Effect">HbA1c change in treated people (fixed, or with a trial's 95 % interval).</param>
/// <param name="Uptake">Share of adults with diabetes on therapy, by year.</param>
/// <param name="Incidences">Baseline incidence of the outcomes to turn into events averted (others get risk reductions only).</param>
/// <param name="Draws">Monte Carlo draws.</param>
/// <param name="Seed">Random seed: the same seed gives the same intervals.</param>
public sealed record TherapyScenario(HbA1cEffect Effect, UptakeRamp Uptake, IReadOnlyList<BaselineIncidence> Incidences, int Draws, ulong Seed)
{
    /// <summary>Default number of draws: enough for stable 2.5/97.5 percentiles, and still instant.</summary>
    public const int DefaultDraws = 10_000;
}

/// <summary>
/// Baseline incidence of one UKPDS 35 outcome among adults with diabetes without the therapy. Scenario input:
/// ExoSim ships no default because UKPDS 35's incidence tables could not be checked (docs/burden.md).
/// </summary>
/// <param name="Outcome">UKPDS 35 outcome identifier (e.g. <c>microvascular</c>).</param>
/// <param name="EventsPer1000PersonYears">Events per 1,000 person-years.</param>
public sealed record BaselineIncidence(string Outcome, double EventsPer1000PersonYears);
