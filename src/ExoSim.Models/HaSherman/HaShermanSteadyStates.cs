using ExoSim.Models.Parameters;
using static ExoSim.Models.HaSherman.HaShermanParameters;

namespace ExoSim.Models.HaSherman;

/// <summary>
/// Steady states of the Ha–Satin–Sherman 2016 model at a fixed insulin sensitivity SI (the prescribed SI course frozen),
/// in closed form up to two scalar roots. At rest γ = γ∞(G), σ solves σ = σ∞(G, σ, γ), and β ≠ 0 needs P(ISR) = A(M),
/// a condition on G alone (as in Topp et al. 2000, the set point of glucose does not depend on SI); then
/// I = (R0/G − Eg0)/SI from dG/dt = 0 and β = k·BV·I/ISR from dI/dt = 0. The β = 0 state has I = 0 and G = R0/Eg0.
/// </summary>
public static class HaShermanSteadyStates
{
    private const double LowestGlucose = 40;
    private const double GlucoseStep = 0.05;
    private const int SigmaScanSteps = 400;
    private const int BisectionSteps = 200;

    /// <summary>
    /// The steady states with β &gt; 0 in increasing G (with the paper's human values: the physiological state near
    /// 100 mg/dL, then a saddle), followed by the β = 0 (diabetic, no β-cells) state. Each is
    /// [G, I, beta, gamma, sigma, SI] in the model's units.
    /// </summary>
    public static IReadOnlyList<double[]> All(ParameterSet parameters, double si)
        => Scan(parameters, si, firstOnly: false);

    /// <summary>The steady state with β &gt; 0 of lowest glucose (the physiological one).</summary>
    /// <exception cref="InvalidOperationException">When none exists (the message names the condition that fails).</exception>
    public static double[] Physiological(ParameterSet parameters, double si)
    {
        var states = Scan(parameters, si, firstOnly: true);
        if (states.Count == 0 || states[0][HaShermanStates.Beta] == 0)
        {
            throw new InvalidOperationException(
                $"Subject '{parameters.Name}' has no steady state with β-cells at SI = {si} mL/(µU·d): β-cell proliferation P(ISR) never " +
                $"balances apoptosis A(M) for glucose between {LowestGlucose} mg/dL and R0/Eg0. Check Pmax, Amax, A_b and alpha_P.");
        }

        return states[0];
    }

    /// <summary>β-cell function σ at rest for glucose G and shift γ: the largest root of σ∞(G, σ, γ) = σ.</summary>
    public static double RestingSigma(ReadOnlySpan<double> p, double g, double gamma)
    {
        double upper = (2 * Math.Abs(p[IsriBar])) + Math.Abs(p[SigmaB]) + 1;
        double Residual(ReadOnlySpan<double> q, double s) => HaShermanRates.SigmaInfinity(q, g, gamma, s) - s;
        double hi = upper;
        double fHi = Residual(p, hi);
        for (int i = SigmaScanSteps - 1; i >= 0; i--)
        {
            double lo = upper * i / SigmaScanSteps;
            double fLo = Residual(p, lo);
            if (fLo >= 0 && fHi < 0)
            {
                for (int k = 0; k < BisectionSteps && hi - lo > 1e-13 * upper; k++)
                {
                    double mid = 0.5 * (lo + hi);
                    if (Residual(p, mid) >= 0)
                    {
                        lo = mid;
                    }
                    else
                    {
                        hi = mid;
                    }
                }

                return 0.5 * (lo + hi);
            }

            hi = lo;
            fHi = fLo;
        }

        return 0;
    }

    private static double BalanceAt(ReadOnlySpan<double> p, double g, out double gamma, out double sigma, out double isr)
    {
        gamma = HaShermanRates.GammaInfinity(p, g);
        sigma = RestingSigma(p, g, gamma);
        double m = HaShermanRates.Metabolism(p, g);
        isr = HaShermanRates.SecretionRate(p, m, gamma, sigma);
        return HaShermanRates.Proliferation(p, isr) - HaShermanRates.Apoptosis(p, m);
    }

    private static List<double[]> Scan(ParameterSet parameters, double si, bool firstOnly)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(si > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(si), si, "SI must be positive.");
        }

        var p = parameters.Values;
        double gMax = p[R0] / p[Eg0];
        var states = new List<double[]>();
        double gLo = LowestGlucose;
        double fLo = BalanceAt(p, gLo, out _, out _, out _);
        for (double gHi = gLo + GlucoseStep; gHi < gMax; gHi += GlucoseStep)
        {
            double fHi = BalanceAt(p, gHi, out _, out _, out _);
            if (Math.Sign(fLo) != Math.Sign(fHi) && Refine(p, gLo, gHi, fLo) is double g)
            {
                states.Add(State(p, g, si));
                if (firstOnly)
                {
                    return states;
                }
            }

            gLo = gHi;
            fLo = fHi;
        }

        double gammaZero = HaShermanRates.GammaInfinity(p, gMax);
        states.Add([gMax, 0, 0, gammaZero, RestingSigma(p, gMax, gammaZero), si]);
        return states;
    }

    /// <summary>Bisection of P − A on [lo, hi]; null when the sign change is a jump of the σ branch, not a root.</summary>
    private static double? Refine(ReadOnlySpan<double> p, double lo, double hi, double fLo)
    {
        for (int k = 0; k < BisectionSteps && hi - lo > 1e-13 * hi; k++)
        {
            double mid = 0.5 * (lo + hi);
            double fMid = BalanceAt(p, mid, out _, out _, out _);
            if (Math.Sign(fMid) == Math.Sign(fLo))
            {
                lo = mid;
                fLo = fMid;
            }
            else
            {
                hi = mid;
            }
        }

        double g = 0.5 * (lo + hi);
        return Math.Abs(BalanceAt(p, g, out _, out _, out _)) < 1e-6 ? g : null;
    }

    private static double[] State(ReadOnlySpan<double> p, double g, double si)
    {
        BalanceAt(p, g, out double gamma, out double sigma, out double isr);
        double insulin = ((p[R0] / g) - p[Eg0]) / si;
        return [g, insulin, p[K] * p[BV] * insulin / isr, gamma, sigma, si];
    }
}
