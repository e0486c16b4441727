namespace ExoSim.Models.Tests;

public class NameSuggestionsTests
{
    [Theory]
    [InlineData("simualte", "simulate")]
    [InlineData("Vmxx", "Vmx")]
    [InlineData("glucose", "glucose_mg_dl")]
    [InlineData("hba1c", "hba1c_percent")]
    public void Suggests_typos_and_names_typed_without_their_unit_suffix(string typed, string expected)
        => Assert.Equal(expected, NameSuggestions.Closest(typed, ["simulate", "Vmx", "glucose_mg_dl", "hba1c_percent", "Gp"])[0]);

    [Theory]
    [InlineData("xyz")]
    [InlineData("G")] // one letter: no prefix suggestions for everything that starts with G
    public void Suggests_nothing_for_unrelated_or_too_short_names(string typed)
        => Assert.DoesNotContain("glucose_mg_dl", NameSuggestions.Closest(typed, ["glucose_mg_dl", "simulate"]));

    [Fact]
    public void Exact_edit_distance_matches_rank_before_prefix_matches()
        => Assert.Equal(["Gpb", "Gpbx"], NameSuggestions.Closest("Gpb", ["Gpbx", "Gpb"]).Take(2));
}
