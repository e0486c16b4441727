using ExoSim.Models.Random;

namespace ExoSim.Trials.Populations;

/// <summary>
/// A multivariate normal on transformed parameters with the sample mean and sample covariance of a small set of
/// subjects, sampled without factorising the covariance: x = m + Σⱼ zⱼ (xⱼ − m)/√(n − 1), zⱼ ~ N(0, 1) independent,
/// has mean m and covariance exactly the sample covariance S = Σⱼ (xⱼ − m)(xⱼ − m)ᵀ/(n − 1). It works when S is
/// singular (fewer subjects than parameters, as with 10 or 30 UVA/Padova subjects and 30 parameters), where a
/// Cholesky factor does not exist; draws then stay in the span of the subjects' deviations.
/// </summary>
/// <remarks>
/// Transforms: log for positive parameters (log-normal variability), logit for fractions in (0, 1) so that draws stay
/// fractions. The transforms are ExoSim's assumption: the UVA/Padova papers describe the simulator's population by a
/// joint distribution of (log-)parameters without publishing it; the 30 public subjects are the only data available.
/// </remarks>
public sealed class EmpiricalLogNormal
{
    private readonly double[] mean;
    private readonly double[][] deviations;
    private readonly bool[] isFraction;

    /// <summary>Estimates the distribution from <paramref name="subjects"/> (rows: subjects; columns: parameters, all positive).</summary>
    /// <param name="subjects">At least two subjects' values.</param>
    /// <param name="isFraction">Per column: a fraction in (0, 1) (logit) rather than a positive value (log).</param>
    /// <exception cref="ArgumentException">Fewer than two subjects, or a value outside the transform's domain.</exception>
    public EmpiricalLogNormal(IReadOnlyList<double[]> subjects, bool[] isFraction)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(isFraction);
        if (subjects.Count < 2)
        {
            throw new ArgumentException("At least two subjects are needed to estimate a covariance.", nameof(subjects));
        }

        this.isFraction = (bool[])isFraction.Clone();
        int p = isFraction.Length;
        var transformed = subjects.Select(row => Enumerable.Range(0, p).Select(c => Forward(row[c], isFraction[c])).ToArray()).ToArray();
        mean = new double[p];
        for (int c = 0; c < p; c++)
        {
            mean[c] = transformed.Average(row => row[c]);
        }

        double scale = 1 / Math.Sqrt(subjects.Count - 1);
        deviations = transformed.Select(row => row.Select((v, c) => (v - mean[c]) * scale).ToArray()).ToArray();
    }

    /// <summary>Number of subjects the distribution was estimated from (normal deviates per draw).</summary>
    public int SubjectCount => deviations.Length;

    /// <summary>The sample mean of the transformed values (log or logit), per column.</summary>
    public IReadOnlyList<double> TransformedMean => mean;

    /// <summary>One draw, back-transformed to the parameters' scale; consumes <see cref="SubjectCount"/> deviates.</summary>
    public double[] Draw(NormalGenerator normal)
    {
        ArgumentNullException.ThrowIfNull(normal);
        var x = (double[])mean.Clone();
        foreach (var deviation in deviations)
        {
            double z = normal.Next();
            for (int c = 0; c < x.Length; c++)
            {
                x[c] += z * deviation[c];
            }
        }

        for (int c = 0; c < x.Length; c++)
        {
            x[c] = isFraction[c] ? 1 / (1 + PortableMath.Exp(-x[c])) : PortableMath.Exp(x[c]);
        }

        return x;
    }

    private static double Forward(double value, bool fraction)
    {
        if (fraction ? !(value > 0 && value < 1) : !(value > 0))
        {
            throw new ArgumentException($"Value {value} is outside the domain of the {(fraction ? "logit" : "log")} transform.");
        }

        return fraction ? PortableMath.Log(value / (1 - value)) : PortableMath.Log(value);
    }
}
