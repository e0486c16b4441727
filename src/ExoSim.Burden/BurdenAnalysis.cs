using ExoSim.Burden.Atlas;
using ExoSim.Burden.Complications;
using ExoSim.Models.Random;

namespace ExoSim.Burden;

/// <summary>
/// Runs a burden analysis. Cases by year come from <see cref="CaseProjection"/>. With a therapy, people treated in a
/// year are cases × uptake (each counted as one person-year), the relative risk of each UKPDS 35 outcome among them is
/// HR₁^(−Δ) (<see cref="HbA1cRiskRelation"/>), and events averted are treated person-years × baseline incidence ×
/// (1 − relative risk).
/// <para>
/// Uncertainty by Monte Carlo: per draw, the HbA1c effect from a normal distribution fitted to its 95 % interval (when
/// it has one), and ln HR₁ of each outcome from a normal distribution fitted to its UKPDS 35 interval on the log
/// scale, all independent. Atlas counts carry no interval here (none is published with the figures used). Events
/// averted are proportional to (1 − relative risk) with a positive factor, so their percentiles are those of the risk
/// reduction scaled by that factor. The draws come from one seeded stream in a fixed order: the same seed gives the
/// same result on every machine.
/// </para>
/// </summary>
public static class BurdenAnalysis
{
    private const double PersonsPerMillion = 1e6;
    private const double PersonYearsPerIncidenceUnit = 1000;

    /// <summary>Runs <paramref name="scenario"/>.</summary>
    /// <exception cref="BurdenInputException">Unknown region or outcome, years outside the anchors, or bad Monte Carlo settings.</exception>
    public static BurdenResult Run(BurdenScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var region = DiabetesAtlas.Region(scenario.RegionCode);
        var anchorYears = region.Anchors.Select(a => a.Year).ToHashSet();
        var cases = CaseProjection.Series(region, scenario.FromYear, scenario.ToYear)
            .Select(c => new YearCases(c.Year, c.CasesMillions, anchorYears.Contains(c.Year)))
            .ToList();
        return new BurdenResult(region, cases, scenario.Therapy is { } therapy ? RunTherapy(therapy, cases) : null);
    }

    private static TherapyResult RunTherapy(TherapyScenario therapy, List<YearCases> cases)
    {
        if (therapy.Draws < 100)
        {
            throw new BurdenInputException("--draws", $"{therapy.Draws} draws are too few for 95 % intervals; use at least 100.");
        }

        var incidences = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var incidence in therapy.Incidences)
        {
            var relation = Ukpds35.Relation(incidence.Outcome, "--incidence");
            if (!(incidence.EventsPer1000PersonYears >= 0) || !double.IsFinite(incidence.EventsPer1000PersonYears))
            {
                throw new BurdenInputException("--incidence", $"{relation.Outcome}: the incidence must be a number ≥ 0 (events per 1,000 person-years).");
            }

            if (!incidences.TryAdd(relation.Outcome, incidence.EventsPer1000PersonYears))
            {
                throw new BurdenInputException("--incidence", $"{relation.Outcome} is given twice; give each outcome once.");
            }
        }

        var years = cases
            .Select((c, index) => new TreatedYear(c.Year, therapy.Uptake.Fraction(index) * 100, c.CasesMillions * therapy.Uptake.Fraction(index)))
            .ToList();
        var riskReductions = SampleRiskReductions(therapy);
        var outcomes = new List<OutcomeResult>();
        for (int o = 0; o < Ukpds35.Relations.Count; o++)
        {
            var relation = Ukpds35.Relations[o];
            var reductionFraction = riskReductions[o];
            IReadOnlyList<UncertainValue>? byYear = null;
            UncertainValue? cumulative = null;
            if (incidences.TryGetValue(relation.Outcome, out double perThousand))
            {
                // Events averted = treated person-years × incidence × (1 − RR): a positive multiple of the reduction.
                double[] factors = [.. years.Select(y => y.TreatedMillions * PersonsPerMillion * perThousand / PersonYearsPerIncidenceUnit)];
                byYear = [.. factors.Select(reductionFraction.Scale)];
                cumulative = reductionFraction.Scale(factors.Sum());
            }

            outcomes.Add(new OutcomeResult(
                relation.Outcome,
                relation.Name,
                relation.Source,
                reductionFraction.Scale(100),
                incidences.TryGetValue(relation.Outcome, out double given) ? given : null,
                byYear,
                cumulative));
        }

        return new TherapyResult(therapy.Effect, therapy.Uptake, years, outcomes, therapy.Draws, therapy.Seed);
    }

    /// <summary>Per outcome (in <see cref="Ukpds35.Relations"/> order), 1 − relative risk among the treated.</summary>
    private static UncertainValue[] SampleRiskReductions(TherapyScenario therapy)
    {
        var relations = Ukpds35.Relations;
        var effect = therapy.Effect;
        var samples = new double[relations.Count][];
        for (int o = 0; o < relations.Count; o++)
        {
            samples[o] = new double[therapy.Draws];
        }

        var normal = new NormalGenerator(Xoshiro256StarStar.ForStream(therapy.Seed, 0));
        for (int draw = 0; draw < therapy.Draws; draw++)
        {
            double change = effect.ChangePercentPoints + (effect.IsUncertain ? effect.StandardDeviationPercentPoints * normal.Next() : 0);
            for (int o = 0; o < relations.Count; o++)
            {
                double logHazardRatio = Math.Log(relations[o].HazardRatioPerPoint) + (relations[o].LogHazardRatioStandardError * normal.Next());
                samples[o][draw] = 1 - HbA1cRiskRelation.RelativeRisk(change, logHazardRatio);
            }
        }

        var summaries = new UncertainValue[relations.Count];
        for (int o = 0; o < relations.Count; o++)
        {
            double central = 1 - relations[o].RelativeRisk(effect.ChangePercentPoints);
            summaries[o] = Summarise(central, samples[o]);
        }

        return summaries;
    }

    private static UncertainValue Summarise(double central, double[] draws)
    {
        double mean = draws.Average();
        Array.Sort(draws);
        return new UncertainValue(central, mean, Percentile(draws, 0.025), Percentile(draws, 0.975));
    }

    /// <summary>Percentile of sorted values by linear interpolation between order statistics (Hyndman–Fan type 7).</summary>
    internal static double Percentile(double[] sorted, double probability)
    {
        double position = probability * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
