using ExoSim.Models.Topp;
using ExoSim.Models.Validation;

namespace ExoSim.Models.Tests.Topp;

/// <summary>
/// Validation of <c>topp-2000</c> (the suite <see cref="Topp2000Validation"/>, also run by <c>exosim validate</c>):
/// closed-form fixed points against the values stated for Topp et al. 2000 (doi:10.1006/jtbi.2000.2150), their
/// stability, BIOMD0000000341 against an independent implementation, and the pathways to diabetes. References and
/// tolerances are stated per check in the suite.
/// </summary>
public class Topp2000ValidationTests
{
    private static readonly Lazy<IReadOnlyList<ValidationCheck>> Suite = new(() => new Topp2000Validation().Run());

    [Fact]
    public void Every_check_passes_and_names_its_reference()
    {
        var failed = Suite.Value.Where(c => !c.Passed)
            .Select(c => $"{c.Quantity}: got {c.Got} {c.Unit}, expected {c.Expected} ± {c.Tolerance} ({c.Reference})");
        Assert.Empty(failed);
        Assert.All(Suite.Value, c => Assert.False(string.IsNullOrWhiteSpace(c.Reference)));
    }

    [Fact]
    public void Suite_covers_fixed_points_stability_biomodels_and_pathways()
    {
        Assert.Equal(Suite.Value.Count, Suite.Value.Select(c => c.Quantity).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(Suite.Value, c => c.Quantity.StartsWith("G of the saddle", StringComparison.Ordinal));
        Assert.Contains(Suite.Value, c => c.Quantity.StartsWith("eigenvalues with positive real part at the saddle", StringComparison.Ordinal));
        Assert.Contains(Suite.Value, c => c.Quantity.Contains("BIOMD0000000341", StringComparison.Ordinal));
        Assert.Contains(Suite.Value, c => c.Quantity.Contains("crosses the saddle", StringComparison.Ordinal));
    }
}
