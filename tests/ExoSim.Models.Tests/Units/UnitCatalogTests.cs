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
    [InlineData("24 hours", "not a unit of time")]
    [InlineData("abc min", "not a time quantity")]
    public void Bad_quantities_say_what_is_allowed(string text, string expectedFragment)
    {
        var error = Assert.Throws<FormatException>(() => UnitCatalog.Parse(text, Dimension.Time));
        Assert.Contains(expectedFragment, error.Message, StringComparison.Ordinal);
        Assert.Contains("min", error.Message, StringComparison.Ordinal);
    }
}
