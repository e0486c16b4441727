using ExoSim.Burden.Therapy;

namespace ExoSim.Burden.Tests.Therapy;

public class HbA1cEffectTests
{
    [Theory]
    [InlineData("-0.8 %HbA1c", -0.8)]
    [InlineData("-0.8%hba1c", -0.8)]
    [InlineData("-0.8 %", -0.8)]
    [InlineData("+0.5 %", 0.5)]
    [InlineData(".5 %HbA1c", 0.5)]
    // IFCC: Δ% = 0.09148 · Δmmol/mol (slope of the master equation, Hoelzel 2004 / NGSP).
    [InlineData("-9 mmol/mol", -0.82332)]
    [InlineData("-11 mmol/mol", -1.00628)]
    public void Parses_percentage_points_and_IFCC_units(string text, double expected)
    {
        var effect = HbA1cEffect.Parse(text);

        Assert.Equal(expected, effect.ChangePercentPoints, 12);
        Assert.False(effect.IsUncertain);
        Assert.Equal(0, effect.StandardDeviationPercentPoints);
    }

    [Theory]
    [InlineData("-0.8")]
    [InlineData("abc")]
    [InlineData("-0.8 mg/dL")]
    [InlineData("")]
    public void Malformed_effects_are_refused_with_the_allowed_forms(string text)
    {
        var error = Assert.Throws<BurdenInputException>(() => HbA1cEffect.Parse(text));

        Assert.Equal("--therapy-effect", error.Field);
        Assert.Contains("\"-0.8 %HbA1c\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("mmol/mol", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-5 %")]
    [InlineData("-40 mmol/mol")]
    public void Effects_beyond_three_points_are_refused(string text)
    {
        var error = Assert.Throws<BurdenInputException>(() => HbA1cEffect.Parse(text));

        Assert.Contains("±3 points", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_deviation_comes_from_the_95_percent_interval()
    {
        var effect = new HbA1cEffect(-0.42, -0.61, -0.23, "test");

        Assert.Equal(0.38 / (2 * 1.959963984540054), effect.StandardDeviationPercentPoints, 14);
    }
}

public class UptakeRampTests
{
    [Fact]
    public void Ramp_adds_its_rate_each_year_up_to_the_ceiling()
    {
        var uptake = UptakeRamp.Parse("5 %/year up to 30 %");

        Assert.Equal(0.05, uptake.Fraction(0), 15);
        Assert.Equal(0.10, uptake.Fraction(1), 15);
        Assert.Equal(0.30, uptake.Fraction(5), 15);
        Assert.Equal(0.30, uptake.Fraction(20), 15);
    }

    [Fact]
    public void A_single_share_is_constant_from_the_first_year()
    {
        var uptake = UptakeRamp.Parse("30 %");

        Assert.Equal(0.30, uptake.Fraction(0), 15);
        Assert.Equal(0.30, uptake.Fraction(10), 15);
    }

    [Theory]
    [InlineData("5%/yr up to 30%")]
    [InlineData("2.5 %/y up to 12.5 %")]
    public void Accepts_spacing_and_unit_variants(string text) =>
        Assert.True(UptakeRamp.Parse(text).CeilingPercent > 0);

    [Theory]
    [InlineData("5 %/year")]
    [InlineData("five percent")]
    [InlineData("0.3")]
    public void Malformed_uptakes_are_refused(string text)
    {
        var error = Assert.Throws<BurdenInputException>(() => UptakeRamp.Parse(text));

        Assert.Equal("--uptake", error.Field);
        Assert.Contains("\"5 %/year up to 30 %\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 %/year up to 30 %")]
    [InlineData("5 %/year up to 120 %")]
    [InlineData("0 %")]
    public void Shares_outside_0_to_100_percent_are_refused(string text)
    {
        var error = Assert.Throws<BurdenInputException>(() => UptakeRamp.Parse(text));

        Assert.Contains("between 0 %", error.Message, StringComparison.Ordinal);
    }
}
