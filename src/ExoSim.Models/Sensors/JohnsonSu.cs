using ExoSim.Models.Random;

namespace ExoSim.Models.Sensors;

/// <summary>
/// Johnson's unbounded (SU) distribution (Johnson NL, Biometrika 1949;36:149–176, doi:10.2307/2332539):
/// X = ξ + λ·sinh((Z − γ)/δ) for Z normal. The moments below take Z ~ N(0, σ²), with σ² = 1 the textbook case,
/// because the CGM error recursion of Breton and Kovatchev drives the transform with a series whose stationary
/// variance is not 1 (see <see cref="CgmSensorError"/>).
/// </summary>
public sealed record JohnsonSu
{
    /// <summary>A Johnson SU transform.</summary>
    /// <exception cref="ArgumentException">Unless λ and δ are positive and all four are finite.</exception>
    public JohnsonSu(double xi, double lambda, double gamma, double delta)
    {
        if (!double.IsFinite(xi) || !double.IsFinite(gamma) || !(lambda > 0) || !(delta > 0)
            || double.IsInfinity(lambda) || double.IsInfinity(delta))
        {
            throw new ArgumentException($"Johnson SU needs finite ξ, γ and positive finite λ, δ (got ξ={xi}, λ={lambda}, γ={gamma}, δ={delta}).");
        }

        (Xi, Lambda, Gamma, Delta) = (xi, lambda, gamma, delta);
    }

    /// <summary>Location ξ (mg/dL for a sensor error).</summary>
    public double Xi { get; }

    /// <summary>Scale λ (mg/dL for a sensor error).</summary>
    public double Lambda { get; }

    /// <summary>Shape γ (dimensionless, skewness).</summary>
    public double Gamma { get; }

    /// <summary>Shape δ (dimensionless, tail weight).</summary>
    public double Delta { get; }

    /// <summary>ξ + λ·sinh((z − γ)/δ), with <see cref="PortableMath.Sinh"/> so that it is bit-identical everywhere.</summary>
    public double Transform(double z) => Xi + (Lambda * PortableMath.Sinh((z - Gamma) / Delta));

    /// <summary>
    /// E[X] = ξ − λ·exp(σ²/(2δ²))·sinh(γ/δ), from E[e^{aZ}] = e^{a²σ²/2}; for σ² = 1 the textbook
    /// ξ − λ·√w·sinh(Ω), w = e^{1/δ²}, Ω = γ/δ.
    /// </summary>
    public double Mean(double normalVariance = 1.0)
        => Xi - (Lambda * Math.Exp(normalVariance / (2 * Delta * Delta)) * Math.Sinh(Gamma / Delta));

    /// <summary>
    /// Var[X] = λ²·{½[cosh(2γ/δ)·e^{2σ²/δ²} − 1] − sinh²(γ/δ)·e^{σ²/δ²}}; for σ² = 1 this equals the textbook
    /// ½λ²(w − 1)(w·cosh 2Ω + 1).
    /// </summary>
    public double Variance(double normalVariance = 1.0) => Covariance(normalVariance, 1.0);

    /// <summary>
    /// Corr[X₁, X₂] when (Z₁, Z₂) are jointly normal with variance σ² and correlation ρ: the transform keeps the
    /// dependence but not its value, so the lag-1 autocorrelation of the error is slightly below the PACF of its
    /// driving series.
    /// </summary>
    public double Correlation(double normalCorrelation, double normalVariance = 1.0)
        => Covariance(normalVariance, normalCorrelation) / Covariance(normalVariance, 1.0);

    // sinh a₁·sinh a₂ = ½[cosh(a₁ + a₂) − cosh(a₁ − a₂)] and E[cosh Y] = cosh(μ)·e^{s²/2} for Y ~ N(μ, s²).
    private double Covariance(double variance, double rho)
    {
        double omega = Gamma / Delta;
        double a = variance / (Delta * Delta);
        double product = 0.5 * ((Math.Cosh(2 * omega) * Math.Exp(a * (1 + rho))) - Math.Exp(a * (1 - rho)));
        double mean = Math.Sinh(omega) * Math.Exp(a / 2);
        return Lambda * Lambda * (product - (mean * mean));
    }
}
