using ExoSim.Models.Parameters;

namespace ExoSim.Models.Tests.Parameters;

public class ParameterSetTests
{
    private static readonly ParameterSchema Schema = new(
    [
        new ParameterDefinition("SI", "1/min per µU/mL", "insulin sensitivity"),
        new ParameterDefinition("Gb", "mg/dL", "basal glucose"),
        new ParameterDefinition("k", "1/min", "derived rate") { IsDerived = true },
    ]);

    private static ParameterSet Reference() => ParameterSet.Create("ref", Schema)
        .Set("SI", 5e-4, ParameterOrigin.Literature, "paper")
        .Set("Gb", 90, ParameterOrigin.Literature, "paper")
        .Set("k", 0.1, ParameterOrigin.Derived, "k = f(SI)")
        .Build();

    [Fact]
    public void User_override_is_marked_user_defined_and_leaves_the_original_unchanged()
    {
        var original = Reference();
        var changed = original.WithUserValue("Gb", 120);
        Assert.Equal(120, changed["Gb"]);
        Assert.Equal(ParameterOrigin.UserDefined, changed.Entry("Gb").Origin);
        Assert.Equal(90, original["Gb"]);
        Assert.Equal(ParameterOrigin.Literature, original.Entry("Gb").Origin);
    }

    [Fact]
    public void Unknown_name_suggests_the_closest()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Reference().WithUserValue("Gbb", 1));
        Assert.Contains("Did you mean 'Gb'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Derived_parameters_cannot_be_overridden()
        => Assert.Throws<ArgumentException>(() => Reference().WithUserValue("k", 1));

    [Fact]
    public void A_set_missing_a_value_does_not_build()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            ParameterSet.Create("x", Schema).Set("SI", 1, ParameterOrigin.Assumption, "test").Build());
        Assert.Contains("Gb", error.Message, StringComparison.Ordinal);
    }
}
