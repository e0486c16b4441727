namespace ExoSim.Models.Random;

/// <summary>
/// Standard normal deviates by Marsaglia's polar method (Marsaglia G, Bray TA, "A convenient method for generating
/// normal variables", SIAM Review 1964;6(3):260–264; Knuth, TAOCP vol. 2, 3.4.1 Algorithm P):
/// (u, v) uniform in the unit disc, s = u² + v², then u·w and v·w with w = √(−2 ln s / s) are two independent
/// N(0, 1) values. Exact (no approximation), and it needs only <see cref="PortableMath.Log"/> and the correctly
/// rounded square root, so the deviates are bit-identical on every platform. The second value of each pair is
/// returned by the next call.
/// </summary>
public sealed class NormalGenerator
{
    private readonly Xoshiro256StarStar uniform;
    private double spare;
    private bool hasSpare;

    /// <summary>Normal deviates drawn from <paramref name="uniform"/> (which this instance then advances).</summary>
    public NormalGenerator(Xoshiro256StarStar uniform)
    {
        ArgumentNullException.ThrowIfNull(uniform);
        this.uniform = uniform;
    }

    /// <summary>The next N(0, 1) deviate.</summary>
    public double Next()
    {
        if (hasSpare)
        {
            hasSpare = false;
            return spare;
        }

        double u, v, s;
        do
        {
            u = (2.0 * uniform.NextDouble()) - 1.0;
            v = (2.0 * uniform.NextDouble()) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);

        double w = Math.Sqrt(-2.0 * PortableMath.Log(s) / s);
        spare = v * w;
        hasSpare = true;
        return u * w;
    }
}
