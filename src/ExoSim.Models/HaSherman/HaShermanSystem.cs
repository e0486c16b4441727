using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using static ExoSim.Models.HaSherman.HaShermanParameters;

namespace ExoSim.Models.HaSherman;

/// <summary>
/// Right-hand side of the Ha–Satin–Sherman 2016 model (doi:10.1210/en.2015-1564), states [G, I, beta, gamma, sigma, SI]:
/// <code>
/// dG/dt     = R0 − (Eg0 + SI·I)·G
/// dI/dt     = beta·ISR/BV − k·I
/// dbeta/dt  = (P(ISR) − A(M))·beta/tau_b
/// dgamma/dt = (γ∞(G) − gamma)/tau_g
/// dsigma/dt = (σ∞(G, sigma, gamma) − sigma)/tau_sigma
/// dSI/dt    = −t_Si·(SI − target_Si) before tonsi, −t_Si2·(SI − target_Si2) from tonsi on
/// </code>
/// in the paper's unit of time (days); every derivative is divided by 1440 to give ExoSim's per-minute rates.
/// </summary>
internal sealed class HaShermanSystem : ModelSystem
{
    /// <summary>Minutes per day: the paper's rates are per day, ExoSim's per minute.</summary>
    public const double MinPerDay = 1440;

    public HaShermanSystem(ParameterSet parameters, IReadOnlyList<ParameterModulation> modulations)
        : base(parameters, HaShermanStates.Count, 0, modulations)
    {
    }

    protected override void EvaluateModel(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        // The SI course switches by the piece in force (latest breakpoint passed), never by comparing t with tonsi.
        bool switched = SegmentStartMin >= P[Tonsi] * MinPerDay;
        HaShermanRates.Evaluate(P, y, switched, dydt);
        for (int i = 0; i < dydt.Length; i++)
        {
            dydt[i] /= MinPerDay;
        }
    }
}

/// <summary>
/// The paper's right-hand side per day, shared by the system, the observables and the steady-state analysis. Powers
/// are taken as written (kM = kISR = 2 are even, so G − sigma_Gsh &lt; 0 or M + γ &lt; 0 give positive terms, as in the
/// authors' XPP source).
/// </summary>
internal static class HaShermanRates
{
    /// <summary>M(G) = Mmax·G^kM/(alpha_M^kM + G^kM): β-cell metabolic rate (dimensionless).</summary>
    public static double Metabolism(ReadOnlySpan<double> p, double g)
    {
        double gk = Math.Pow(g, p[KM]);
        return p[Mmax] * gk / (Math.Pow(p[AlphaM], p[KM]) + gk);
    }

    /// <summary>ISR = sigma·(M + gamma)^kISR/(alpha_ISR^kISR + (M + gamma)^kISR) (mU/(mg·d)).</summary>
    public static double SecretionRate(ReadOnlySpan<double> p, double m, double gamma, double sigma)
    {
        double x = Math.Pow(m + gamma, p[KIsr]);
        return sigma * x / (Math.Pow(p[AlphaIsr], p[KIsr]) + x);
    }

    /// <summary>P(ISR) = Pmax·ISR^kP/(alpha_P^kP + ISR^kP): proliferation factor (dimensionless).</summary>
    public static double Proliferation(ReadOnlySpan<double> p, double isr)
    {
        double x = Math.Pow(isr, p[KP]);
        return p[Pmax] * x / (Math.Pow(p[AlphaP], p[KP]) + x);
    }

    /// <summary>A(M) = Amax·M^kA/(alpha_A^kA + M^kA) + A_b: apoptosis factor (dimensionless).</summary>
    public static double Apoptosis(ReadOnlySpan<double> p, double m)
    {
        double x = Math.Pow(m, p[KA]);
        return (p[Amax] * x / (Math.Pow(p[AlphaA], p[KA]) + x)) + p[Ab];
    }

    /// <summary>γ∞(G) = G_bar/(1 + exp(−(G − Gs)/Gn)) − Gshft.</summary>
    public static double GammaInfinity(ReadOnlySpan<double> p, double g)
        => (p[GBar] / (1 + Math.Exp(-(g - p[Gs]) / p[Gn]))) - p[Gshft];

    /// <summary>σ∞ = σ_MI·σ_ISRI + sigma_b, both feedbacks evaluated at the shifted glucose G − sigma_Gsh.</summary>
    public static double SigmaInfinity(ReadOnlySpan<double> p, double g, double gamma, double sigma)
    {
        double mShifted = Metabolism(p, g - p[SigmaGsh]);
        double isrShifted = SecretionRate(p, mShifted, gamma, sigma);
        double positive = p[IsriBar] / (1 + (p[IsriK] * Math.Exp(-(isrShifted - p[IsriS]) / p[IsriN])));
        double negative = 1 - (p[MiBar] / (1 + (p[MiK] * Math.Exp(-(mShifted - p[MiS]) / p[MiN]))));
        return (negative * positive) + p[SigmaB];
    }

    /// <summary>The six derivatives per day at state <paramref name="y"/>.</summary>
    public static void Evaluate(ReadOnlySpan<double> p, ReadOnlySpan<double> y, bool switched, Span<double> dydt)
    {
        double g = y[HaShermanStates.G];
        double gamma = y[HaShermanStates.Gamma];
        double sigma = y[HaShermanStates.Sigma];
        double beta = y[HaShermanStates.Beta];
        double m = Metabolism(p, g);
        double isr = SecretionRate(p, m, gamma, sigma);
        dydt[HaShermanStates.G] = p[R0] - ((p[Eg0] + (y[HaShermanStates.SI] * y[HaShermanStates.I])) * g);
        dydt[HaShermanStates.I] = (beta * isr / p[BV]) - (p[K] * y[HaShermanStates.I]);
        dydt[HaShermanStates.Beta] = (Proliferation(p, isr) - Apoptosis(p, m)) * beta / p[TauB];
        dydt[HaShermanStates.Gamma] = (GammaInfinity(p, g) - gamma) / p[TauG];
        dydt[HaShermanStates.Sigma] = (SigmaInfinity(p, g, gamma, sigma) - sigma) / p[TauSigma];
        dydt[HaShermanStates.SI] = switched
            ? -p[TSi2] * (y[HaShermanStates.SI] - p[TargetSi2])
            : -p[TSi] * (y[HaShermanStates.SI] - p[TargetSi]);
    }
}

/// <summary>Positions of the states of <see cref="HaSherman2016Model"/>.</summary>
public static class HaShermanStates
{
#pragma warning disable CS1591 // State indices; each state is documented in HaSherman2016Model.States.
    public const int G = 0, I = 1, Beta = 2, Gamma = 3, Sigma = 4, SI = 5;
#pragma warning restore CS1591

    /// <summary>Number of states.</summary>
    public const int Count = 6;
}
