using ExoSim.Models.Units;

namespace ExoSim.Models.Tests.Units;

public class UnitCatalogTests
{
    [Theory]
    [InlineData("24 h", Dimension.Time, 1440)]
    [InlineData("1 min", Dimension.Time, 1)]
    [InlineData("30 s", Dimension.Time, 0.5)]
    [InlineData("2 d", Dimension.Time, 2880)]
    [InlineData("50 g", Dimension.Mass, 50)]
    [InlineData("500 mg", Dimension.Mass, 0.5)]
    [InlineData("5 U", Dimension.InsulinAmount, 5)]
    [InlineData("1.2 U/h", Dimension.InsulinRate, 1.2)]
    [InlineData("0.3 g/kg", Dimension.MassPerBodyMass, 0.3)]
    [InlineData("1e1 min", Dimension.Time, 10)]
    public void Parses_quantities_into_canonical_units(string text, Dimension dimension, double expected)
        => Assert.Equal(expected, UnitCatalog.Parse(text, dimension), 12);

    [Fact]
    public void Glucose_in_mmol_per_litre_converts_with_molar_mass_180_156()
        // 5.5 mmol/L × 180.156 g/mol = 990.858 mg/L = 99.0858 mg/dL.
        => Assert.Equal(99.0858, UnitCatalog.Parse("5.5 mmol/L", Dimension.GlucoseConcentration), 10);

    [Theory]
    [InlineData("24", "no unit")]
    [InlineData("24 fortnights", "not a unit of time")]
    [InlineData("abc min", "not a time quantity")]
    public void Bad_quantities_say_what_is_allowed(string text, string expectedFragment)
    {
        var error = Assert.Throws<FormatException>(() => UnitCatalog.Parse(text, Dimension.Time));
        Assert.Contains(expectedFragment, error.Message, StringComparison.Ordinal);
        Assert.Contains("min", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("24 hours", Dimension.Time, 1440)]
    [InlineData("90 minutes", Dimension.Time, 90)]
    [InlineData("10 µU/mL", Dimension.InsulinConcentration, 60)]
    [InlineData("60 pmol/L", Dimension.InsulinConcentration, 60)]
    public void Accepts_spelled_out_and_insulin_units(string text, Dimension dimension, double expected)
        => Assert.Equal(expected, UnitCatalog.Parse(text, dimension), 12);

    [Theory]
    [InlineData("70 kg", "kg", 70)]
    [InlineData("70000 g", "kg", 70)]
    [InlineData("7 mmol/L", "mg/dL", 7 * 18.0156)]
    [InlineData("12", "mg/kg/min per pmol/L", 12)]
    [InlineData("0.01 mg/kg/min per pmol/L", "mg/kg/min per pmol/L", 0.01)]
    [InlineData("10 µU/mL", "pmol/L", 60)]
    public void Parses_a_value_into_a_documented_unit(string text, string unit, double expected)
        => Assert.Equal(expected, UnitCatalog.ParseAs(text, unit), 10);

    [Fact]
    public void A_unit_of_another_dimension_names_the_allowed_ones()
    {
        var error = Assert.Throws<FormatException>(() => UnitCatalog.ParseAs("70 min", "kg"));
        Assert.Contains("cannot be converted to kg", error.Message, StringComparison.Ordinal);
        Assert.Contains("mg", error.Message, StringComparison.Ordinal);
    }
}
