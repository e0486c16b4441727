using ExoSim.Models.Random;

namespace ExoSim.Models.Tests.Random;

public class PortableMathTests
{
    private static double Ulp(double x) => Math.BitIncrement(Math.Abs(x)) - Math.Abs(x);

    private static IEnumerable<double> Arguments(double from, double to, int count)
    {
        var random = Xoshiro256StarStar.FromSeed(99);
        return Enumerable.Range(0, count).Select(_ => from + ((to - from) * random.NextDouble()));
    }

    [Fact]
    public void Exp_agrees_with_the_platform_within_4_ulp()
    {
        foreach (double x in Arguments(-700, 700, 20_000).Concat(Arguments(-1, 1, 20_000)).Concat([0.0, 1.0, -1.0, 709.7]))
        {
            Assert.True(Math.Abs(PortableMath.Exp(x) - Math.Exp(x)) <= 4 * Ulp(Math.Exp(x)), $"exp({x:R})");
        }

        Assert.Equal(1.0, PortableMath.Exp(0.0));
        Assert.Equal(double.PositiveInfinity, PortableMath.Exp(710));
        Assert.Equal(0.0, PortableMath.Exp(-746));
        Assert.True(double.IsNaN(PortableMath.Exp(double.NaN)));
    }

    [Fact]
    public void Log_agrees_with_the_platform_within_4_ulp()
    {
        var arguments = Arguments(-700, 700, 20_000).Select(Math.Exp)
            .Concat(Arguments(0.5, 2, 20_000))
            .Concat([1.0, 2.0, 0.5, double.Epsilon, 1e-310, double.MaxValue, Math.BitDecrement(1.0), Math.BitIncrement(1.0)]);
        foreach (double x in arguments)
        {
            Assert.True(Math.Abs(PortableMath.Log(x) - Math.Log(x)) <= 4 * Ulp(Math.Log(x)), $"log({x:R})");
        }

        Assert.Equal(0.0, PortableMath.Log(1.0));
        Assert.Equal(double.NegativeInfinity, PortableMath.Log(0.0));
        Assert.Equal(double.PositiveInfinity, PortableMath.Log(double.PositiveInfinity));
        Assert.True(double.IsNaN(PortableMath.Log(-1.0)));
    }

    [Fact]
    public void Sinh_agrees_with_the_platform_within_4_ulp_of_cosh()
    {
        foreach (double x in Arguments(-20, 20, 20_000))
        {
            Assert.True(Math.Abs(PortableMath.Sinh(x) - Math.Sinh(x)) <= 4 * Ulp(Math.Cosh(x)), $"sinh({x:R})");
        }
    }
}
