using ExoSim.Models.HaSherman;
using Xunit.Abstractions;

namespace ExoSim.Models.Tests.HaSherman;

/// <summary>Every check of the <c>t2d-progression</c> validation suite passes (each states its reference and tolerance).</summary>
public class HaSherman2016ValidationTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_validation_check_passes()
    {
        var checks = new HaSherman2016Validation().Run();
        foreach (var c in checks)
        {
            output.WriteLine($"{(c.Passed ? "PASS" : "FAIL")} | {c.Quantity} | {c.Unit} | {c.Expected:R} | {c.Got:R} | {c.Tolerance:G3}");
        }

        Assert.All(checks, c => Assert.True(c.Passed, $"{c.Quantity}: expected {c.Expected}, got {c.Got}, tolerance {c.Tolerance}"));
    }
}
