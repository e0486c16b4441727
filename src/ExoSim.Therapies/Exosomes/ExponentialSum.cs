namespace ExoSim.Therapies.Exosomes;

/// <summary>
/// A function f(t) = Σ cⱼ·exp(−λⱼ·t) for t ≥ 0: the exact solution of a chain of linear first-order compartments
/// after an impulse. Passing it through another compartment (rate μ) is a convolution with exp(−μ·t), again a sum of
/// exponentials, so every amount of the exosome model has a closed form.
/// </summary>
internal sealed class ExponentialSum
{
    // Rates closer than this (relative) would make the convolution formula lose its digits.
    private const double DistinctRateTolerance = 1e-9;

    private readonly (double Coefficient, double Rate)[] terms;

    private ExponentialSum((double Coefficient, double Rate)[] terms) => this.terms = terms;

    /// <summary>The zero function.</summary>
    public static ExponentialSum Zero { get; } = new([]);

    /// <summary>amount·exp(−rate·t): what is left in a compartment emptied at <paramref name="rate"/> (1/min) after an impulse.</summary>
    public static ExponentialSum Decay(double amount, double rate) => new([(amount, rate)]);

    /// <summary>The function times a constant.</summary>
    public ExponentialSum Scale(double factor) => new(terms.Select(term => (term.Coefficient * factor, term.Rate)).ToArray());

    /// <summary>The sum of two functions.</summary>
    public ExponentialSum Plus(ExponentialSum other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new([.. terms, .. other.terms]);
    }

    /// <summary>
    /// The amount in a compartment that receives this function as its inflow rate and empties at <paramref name="rate"/>:
    /// A(t) = ∫₀ᵗ f(s)·exp(−μ·(t − s)) ds = Σ cⱼ·(exp(−λⱼ·t) − exp(−μ·t))/(μ − λⱼ).
    /// </summary>
    /// <exception cref="ArgumentException">When μ equals one of the rates (the formula needs distinct rates).</exception>
    public ExponentialSum ThroughCompartment(double rate)
    {
        var result = new List<(double, double)>(2 * terms.Length);
        foreach (var (coefficient, lambda) in terms)
        {
            if (Math.Abs(rate - lambda) <= DistinctRateTolerance * Math.Max(rate, lambda))
            {
                throw new ArgumentException(
                    $"Two exosome compartments empty at the same rate ({rate:G6} /min); give their half-lives different values.");
            }

            double factor = coefficient / (rate - lambda);
            result.Add((factor, lambda));
            result.Add((-factor, rate));
        }

        return new([.. result]);
    }

    /// <summary>f(t); zero before t = 0.</summary>
    public double Evaluate(double t)
    {
        if (t < 0)
        {
            return 0;
        }

        double sum = 0;
        foreach (var (coefficient, rate) in terms)
        {
            sum += coefficient * Math.Exp(-rate * t);
        }

        return sum;
    }

    /// <summary>∫₀ᵗ f(s) ds = Σ cⱼ·(1 − exp(−λⱼ·t))/λⱼ; zero before t = 0.</summary>
    public double Integral(double t)
    {
        if (t <= 0)
        {
            return 0;
        }

        double sum = 0;
        foreach (var (coefficient, rate) in terms)
        {
            sum += rate > 0 ? coefficient * -double.ExpM1(-rate * t) / rate : coefficient * t;
        }

        return sum;
    }
}
