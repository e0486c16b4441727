using ExoSim.Burden.Complications;
using ExoSim.Burden.Therapy;

namespace ExoSim.Burden.Tests;

public class BurdenAnalysisTests
{
    private static TherapyScenario Therapy(HbA1cEffect effect, ulong seed = 1, params BaselineIncidence[] incidences) =>
        new(effect, UptakeRamp.Parse("5 %/year up to 30 %"), incidences, TherapyScenario.DefaultDraws, seed);

    private static BurdenResult RunWorld(TherapyScenario? therapy, int from = 2021, int to = 2045) =>
        BurdenAnalysis.Run(new BurdenScenario("GLOBAL", from, to, therapy));

    [Fact]
    public void Cases_only_marks_the_anchor_years()
    {
        var result = RunWorld(null);

        Assert.Null(result.Therapy);
        Assert.Equal(25, result.Cases.Count);
        Assert.Equal([2021, 2030, 2045], result.Cases.Where(c => c.IsAnchor).Select(c => c.Year));
        Assert.Equal(537.0, result.Cases[0].CasesMillions);
        Assert.Equal(783.0, result.Cases[^1].CasesMillions);
    }

    [Fact]
    public void Events_averted_follow_the_formula_at_central_values()
    {
        var result = RunWorld(Therapy(HbA1cEffect.Parse("-1 %"), 1, new BaselineIncidence("microvascular", 10)), 2021, 2023);

        var microvascular = result.Therapy!.Outcomes.Single(o => o.Outcome == "microvascular");
        // 2021: 537 M × 5 % uptake = 26.85 M person-years × 10/1000 × (1 − 0.63) = 99 345 events averted.
        Assert.Equal(26.85, result.Therapy.Years[0].TreatedMillions, 10);
        Assert.Equal(99_345, microvascular.EventsAvertedByYear![0].Central, 6);
        Assert.Equal(37, microvascular.RelativeRiskReductionPercent.Central, 10);
        Assert.Equal(microvascular.EventsAvertedByYear.Sum(y => y.Central), microvascular.EventsAvertedCumulative!.Central, 6);
    }

    [Fact]
    public void With_a_fixed_one_point_effect_the_intervals_reproduce_the_UKPDS_35_confidence_intervals()
    {
        var result = RunWorld(Therapy(HbA1cEffect.Parse("-1 %")));

        // Stratton et al. 2000 (UKPDS 35): 37 % (33–41), 14 % (8–21), 21 % (17–24), 21 % (15–27). The published limits
        // are rounded to whole percent and not exactly symmetric about the estimate on the log scale, where the model's
        // interval is symmetric by construction; tolerance 1 point (the MI limits differ most: 7.2 and 20.3 %).
        foreach (var (outcome, low, high) in new[] { ("microvascular", 33.0, 41.0), ("myocardial_infarction", 8.0, 21.0), ("any_diabetes_endpoint", 17.0, 24.0), ("diabetes_related_death", 15.0, 27.0) })
        {
            var reduction = result.Therapy!.Outcomes.Single(o => o.Outcome == outcome).RelativeRiskReductionPercent;
            Assert.Equal(low, reduction.Low, 1.0);
            Assert.Equal(high, reduction.High, 1.0);
        }
    }

    [Fact]
    public void Monte_Carlo_intervals_match_the_log_normal_interval_computed_in_closed_form()
    {
        var result = RunWorld(Therapy(HbA1cEffect.Parse("-1 %")));

        foreach (var outcome in result.Therapy!.Outcomes)
        {
            var relation = Ukpds35.Relation(outcome.Outcome, "test");
            double centre = Math.Log(relation.HazardRatioPerPoint);
            double spread = HbA1cRiskRelation.Z975 * relation.LogHazardRatioStandardError;

            // 10 000 draws: the 2.5/97.5 % percentiles are within about 0.2 points of the exact ones.
            Assert.Equal((1 - Math.Exp(centre + spread)) * 100, outcome.RelativeRiskReductionPercent.Low, 0.25);
            Assert.Equal((1 - Math.Exp(centre - spread)) * 100, outcome.RelativeRiskReductionPercent.High, 0.25);
        }
    }

    [Fact]
    public void Intervals_surround_the_central_value_and_widen_with_an_uncertain_effect()
    {
        var fixedEffect = RunWorld(Therapy(new HbA1cEffect(-0.42, null, null, "fixed"))).Therapy!.Outcomes[3].RelativeRiskReductionPercent;
        var trialEffect = RunWorld(Therapy(new HbA1cEffect(-0.42, -0.61, -0.23, "trial"))).Therapy!.Outcomes[3].RelativeRiskReductionPercent;

        foreach (var value in new[] { fixedEffect, trialEffect })
        {
            Assert.True(value.Low < value.Central && value.Central < value.High);
            Assert.True(value.Low < value.Mean && value.Mean < value.High);
        }

        Assert.Equal(fixedEffect.Central, trialEffect.Central);
        Assert.True(trialEffect.High - trialEffect.Low > fixedEffect.High - fixedEffect.Low);
    }

    [Fact]
    public void Same_seed_gives_the_same_result_and_another_seed_other_intervals()
    {
        var effect = new HbA1cEffect(-0.42, -0.61, -0.23, "trial");
        var incidence = new BaselineIncidence("any_diabetes_endpoint", 40);

        var first = RunWorld(Therapy(effect, 7, incidence)).Therapy!.Outcomes[0].EventsAvertedCumulative!;
        var again = RunWorld(Therapy(effect, 7, incidence)).Therapy!.Outcomes[0].EventsAvertedCumulative!;
        var other = RunWorld(Therapy(effect, 8, incidence)).Therapy!.Outcomes[0].EventsAvertedCumulative!;

        Assert.Equal(first, again);
        Assert.NotEqual(first.Low, other.Low);
        Assert.Equal(first.Central, other.Central);
    }

    [Fact]
    public void Outcomes_without_an_incidence_get_risk_reductions_only()
    {
        var result = RunWorld(Therapy(HbA1cEffect.Parse("-0.8 %"), 1, new BaselineIncidence("microvascular", 10)));

        Assert.All(result.Therapy!.Outcomes.Where(o => o.Outcome != "microvascular"), o =>
        {
            Assert.Null(o.EventsAvertedByYear);
            Assert.Null(o.EventsAvertedCumulative);
            Assert.True(o.RelativeRiskReductionPercent.Central > 0);
        });
    }

    [Fact]
    public void A_higher_HbA1c_gives_negative_events_averted()
    {
        var result = RunWorld(Therapy(HbA1cEffect.Parse("+0.5 %"), 1, new BaselineIncidence("microvascular", 10)), 2021, 2022);

        Assert.True(result.Therapy!.Outcomes.Single(o => o.Outcome == "microvascular").EventsAvertedCumulative!.Central < 0);
    }

    [Theory]
    [InlineData("stroke", 10, "not a UKPDS 35 outcome")]
    [InlineData("microvascular", -1, "≥ 0")]
    public void Bad_incidences_are_refused(string outcome, double rate, string problem)
    {
        var error = Assert.Throws<BurdenInputException>(() => RunWorld(Therapy(HbA1cEffect.Parse("-1 %"), 1, new BaselineIncidence(outcome, rate))));

        Assert.Equal("--incidence", error.Field);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_outcome_given_twice_is_refused()
    {
        var error = Assert.Throws<BurdenInputException>(() =>
            RunWorld(Therapy(HbA1cEffect.Parse("-1 %"), 1, new BaselineIncidence("microvascular", 10), new BaselineIncidence("Microvascular", 12))));

        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_draws_are_refused()
    {
        var therapy = new TherapyScenario(HbA1cEffect.Parse("-1 %"), UptakeRamp.Parse("10 %"), [], 10, 1);

        var error = Assert.Throws<BurdenInputException>(() => RunWorld(therapy));

        Assert.Equal("--draws", error.Field);
    }

    [Fact]
    public void Percentile_interpolates_between_order_statistics()
    {
        double[] sorted = [1, 2, 3, 4, 5];

        Assert.Equal(1, BurdenAnalysis.Percentile(sorted, 0));
        Assert.Equal(3, BurdenAnalysis.Percentile(sorted, 0.5));
        Assert.Equal(4.5, BurdenAnalysis.Percentile(sorted, 0.875));
        Assert.Equal(5, BurdenAnalysis.Percentile(sorted, 1));
    }
}
