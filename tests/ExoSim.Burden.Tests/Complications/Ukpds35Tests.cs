using ExoSim.Burden.Complications;

namespace ExoSim.Burden.Tests.Complications;

public class Ukpds35Tests
{
    [Theory]
    // Stratton IM et al. BMJ 2000;321:405 (UKPDS 35), Abstract: risk reduction per 1 % lower updated mean HbA1c (95 % CI).
    [InlineData("any_diabetes_endpoint", 21, 17, 24)]
    [InlineData("diabetes_related_death", 21, 15, 27)]
    [InlineData("myocardial_infarction", 14, 8, 21)]
    [InlineData("microvascular", 37, 33, 41)]
    public void Relations_are_the_published_UKPDS_35_values(string outcome, double reduction, double low, double high)
    {
        var relation = Ukpds35.Relation(outcome, "test");

        Assert.Equal(reduction, relation.RiskReductionPercent);
        Assert.Equal(low, relation.Ci95LowPercent);
        Assert.Equal(high, relation.Ci95HighPercent);
        Assert.Contains("BMJ 321:405", relation.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void One_point_lower_HbA1c_gives_the_published_hazard_ratio()
    {
        var microvascular = Ukpds35.Relation("microvascular", "test");

        Assert.Equal(0.63, microvascular.HazardRatioPerPoint, 15);
        Assert.Equal(0.63, microvascular.RelativeRisk(-1), 15);
    }

    [Fact]
    public void Relative_risk_is_log_linear_in_the_HbA1c_change()
    {
        var microvascular = Ukpds35.Relation("microvascular", "test");

        Assert.Equal(1.0, microvascular.RelativeRisk(0), 15);
        Assert.Equal(0.63 * 0.63, microvascular.RelativeRisk(-2), 14);
        Assert.Equal(0.6909910775458247, microvascular.RelativeRisk(-0.8), 14); // 0.63^0.8
        Assert.Equal(1 / 0.63, microvascular.RelativeRisk(1), 14); // higher HbA1c: more risk
    }

    [Fact]
    public void Standard_error_comes_from_the_interval_on_the_log_scale()
    {
        var microvascular = Ukpds35.Relation("microvascular", "test");

        // (ln 0.67 − ln 0.59) / (2 · 1.959964) = 0.03243814082509438.
        Assert.Equal(0.03243814082509438, microvascular.LogHazardRatioStandardError, 14);
    }

    [Fact]
    public void Unknown_outcome_lists_the_known_ones()
    {
        var error = Assert.Throws<BurdenInputException>(() => Ukpds35.Relation("stroke", "--incidence"));

        Assert.Equal("--incidence", error.Field);
        Assert.Contains("any_diabetes_endpoint, diabetes_related_death, myocardial_infarction, microvascular", error.Message, StringComparison.Ordinal);
    }
}
