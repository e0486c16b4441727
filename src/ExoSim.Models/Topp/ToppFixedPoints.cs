using System.Numerics;
using ExoSim.Models.Parameters;

namespace ExoSim.Models.Topp;

/// <summary>A fixed point (G, I, β) of the βIG model.</summary>
/// <param name="Name">physiological, saddle or pathological.</param>
/// <param name="G">Glucose (mg/dL).</param>
/// <param name="I">Insulin (µU/mL).</param>
/// <param name="Beta">β-cell mass (mg).</param>
public sealed record ToppFixedPoint(string Name, double G, double I, double Beta);

/// <summary>
/// The fixed points of the βIG model in closed form and their stability (Topp et al. 2000, doi:10.1006/jtbi.2000.2150).
/// With β &gt; 0, dβ/dt = 0 needs r2·G² − r1·G + d0 = 0, so G = (r1 ∓ √(r1² − 4·r2·d0))/(2·r2) (physiological, saddle);
/// then dG/dt = 0 gives I = (R0/G − EG0)/SI and dI/dt = 0 gives β = k·I·(α + G²)/(σ·G²). With β = 0: I = 0 and
/// G = R0/EG0 (pathological). All rates per day, as in the paper.
/// </summary>
public static class ToppFixedPoints
{
    /// <summary>The fixed point at the lower root of the β-equation's quadratic (stable for the paper's values).</summary>
    /// <exception cref="ArgumentException">No such point with positive insulin: r1² ≤ 4·r2·d0 (the bifurcation pathway) or G ≥ R0/EG0.</exception>
    public static ToppFixedPoint Physiological(ParameterSet p) => OnGrowthRoot(p, "physiological", lower: true);

    /// <summary>The fixed point at the upper root (a saddle for the paper's values: the threshold to diabetes).</summary>
    /// <exception cref="ArgumentException">No such point with positive insulin.</exception>
    public static ToppFixedPoint Saddle(ParameterSet p) => OnGrowthRoot(p, "saddle", lower: false);

    /// <summary>The fixed point without β-cells: G = R0/EG0, I = 0, β = 0 (always exists).</summary>
    public static ToppFixedPoint Pathological(ParameterSet p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new ToppFixedPoint("pathological", p["R0"] / p["EG0"], 0, 0);
    }

    /// <summary>
    /// The largest net β-cell growth rate over all glucose levels, max_G(−d0 + r1·G − r2·G²) = r1²/(4·r2) − d0 (1/d),
    /// reached at G = r1/(2·r2). An insulin sensitivity that keeps falling faster than this (relative rate) cannot be
    /// compensated by β-cell growth.
    /// </summary>
    public static double MaximalGrowthRate(ParameterSet p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return (p["r1"] * p["r1"] / (4 * p["r2"])) - p["d0"];
    }

    /// <summary>
    /// Glucose on the slow manifold for a given β-cell mass: the G at which the fast glucose–insulin subsystem rests,
    /// R0 = (EG0 + SI·I)·G with I = β·σ·G²/(k·(α + G²)); it depends on β and SI only through β·SI. Solved by bisection.
    /// </summary>
    public static double QuasiSteadyGlucose(ParameterSet p, double beta)
    {
        ArgumentNullException.ThrowIfNull(p);
        double r0 = p["R0"], eg0 = p["EG0"], si = p["SI"], sigma = p["sigma"], alpha = p["alpha"], k = p["k"];
        double low = 0, high = r0 / eg0;
        for (int i = 0; i < 200 && high - low > 1e-13 * high; i++)
        {
            double g = 0.5 * (low + high);
            double insulin = beta * sigma * g * g / (k * (alpha + (g * g)));
            if (r0 - ((eg0 + (si * insulin)) * g) > 0)
            {
                low = g;
            }
            else
            {
                high = g;
            }
        }

        return 0.5 * (low + high);
    }

    /// <summary>The Jacobian ∂f/∂(G, I, β) of the paper's right-hand side (per day), row-major.</summary>
    public static void Jacobian(double eg0, double si, double sigma, double alpha, double k, double d0, double r1, double r2,
        ReadOnlySpan<double> y, Span<double> jacobian)
    {
        double g = y[Topp2000Model.G];
        double insulin = y[Topp2000Model.I];
        double beta = y[Topp2000Model.Beta];
        double denominator = alpha + (g * g);
        double secretionShape = g * g / denominator;
        jacobian[0] = -(eg0 + (si * insulin));
        jacobian[1] = -si * g;
        jacobian[2] = 0;
        jacobian[3] = beta * sigma * 2 * alpha * g / (denominator * denominator);
        jacobian[4] = -k;
        jacobian[5] = sigma * secretionShape;
        jacobian[6] = (r1 - (2 * r2 * g)) * beta;
        jacobian[7] = 0;
        jacobian[8] = -d0 + (r1 * g) - (r2 * g * g);
    }

    /// <summary>The eigenvalues (1/d) of the Jacobian at a state, ordered by real part (most negative first).</summary>
    public static Complex[] Eigenvalues(ParameterSet p, ToppFixedPoint point)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(point);
        var j = new double[9];
        Jacobian(p["EG0"], p["SI"], p["sigma"], p["alpha"], p["k"], p["d0"], p["r1"], p["r2"], [point.G, point.I, point.Beta], j);

        // Characteristic polynomial λ³ + a·λ² + b·λ + c: a = −trace, b = sum of the principal 2×2 minors, c = −det.
        double a = -(j[0] + j[4] + j[8]);
        double b = (j[0] * j[4]) - (j[1] * j[3]) + (j[0] * j[8]) - (j[2] * j[6]) + (j[4] * j[8]) - (j[5] * j[7]);
        double det = (j[0] * ((j[4] * j[8]) - (j[5] * j[7]))) - (j[1] * ((j[3] * j[8]) - (j[5] * j[6]))) + (j[2] * ((j[3] * j[7]) - (j[4] * j[6])));
        return CubicRoots(a, b, -det).OrderBy(z => z.Real).ToArray();
    }

    /// <summary>Roots of λ³ + a·λ² + b·λ + c (Cardano / trigonometric form, real roots polished by one Newton step).</summary>
    private static Complex[] CubicRoots(double a, double b, double c)
    {
        double shift = a / 3;
        double pp = b - (a * a / 3);
        double q = (2 * a * a * a / 27) - (a * b / 3) + c;
        double discriminant = (q * q / 4) + (pp * pp * pp / 27);
        if (discriminant < 0)
        {
            double radius = 2 * Math.Sqrt(-pp / 3);
            double angle = Math.Acos(Math.Clamp(3 * q / (pp * radius), -1, 1)) / 3;
            var roots = new Complex[3];
            for (int m = 0; m < 3; m++)
            {
                roots[m] = Polish(a, b, c, (radius * Math.Cos(angle - (2 * Math.PI * m / 3))) - shift);
            }

            return roots;
        }

        double root = Math.Sqrt(discriminant);
        double u = Math.Cbrt((-q / 2) + root);
        double v = Math.Cbrt((-q / 2) - root);
        double real = Polish(a, b, c, u + v - shift);
        double im = Math.Sqrt(3) / 2 * (u - v);
        double pairReal = (-(u + v) / 2) - shift;
        return [real, new Complex(pairReal, im), new Complex(pairReal, -im)];
    }

    private static double Polish(double a, double b, double c, double x)
    {
        double value = (((x + a) * x) + b) * x + c;
        double slope = (((3 * x) + (2 * a)) * x) + b;
        return slope == 0 ? x : x - (value / slope);
    }

    private static ToppFixedPoint OnGrowthRoot(ParameterSet p, string name, bool lower)
    {
        ArgumentNullException.ThrowIfNull(p);
        double r0 = p["R0"], eg0 = p["EG0"], si = p["SI"], sigma = p["sigma"], alpha = p["alpha"], k = p["k"];
        double d0 = p["d0"], r1 = p["r1"], r2 = p["r2"];
        double discriminant = (r1 * r1) - (4 * r2 * d0);
        if (!(discriminant > 0) || !(r2 > 0))
        {
            throw new ArgumentException(
                $"topp-2000 has no {name} fixed point for '{p.Name}': r1² − 4·r2·d0 = {discriminant:G4} must be > 0 (with r2 > 0); " +
                "past this bifurcation only the pathological state (G = R0/EG0, β = 0) remains. Start from a subject that has one and " +
                "change d0, r1 or r2 with a modulate event instead.");
        }

        double root = Math.Sqrt(discriminant);

        // The lower root as 2·d0/(r1 + √D) avoids cancellation; both forms are the same quadratic's roots.
        double g = lower ? 2 * d0 / (r1 + root) : (r1 + root) / (2 * r2);
        double insulin = ((r0 / g) - eg0) / si;
        if (!(insulin > 0) || !double.IsFinite(insulin))
        {
            throw new ArgumentException(
                $"topp-2000 has no {name} fixed point with positive insulin for '{p.Name}': its glucose {g:G6} mg/dL must lie below " +
                $"R0/EG0 = {r0 / eg0:G6} mg/dL, and SI must be positive.");
        }

        double beta = k * insulin * (alpha + (g * g)) / (sigma * g * g);
        return new ToppFixedPoint(name, g, insulin, beta);
    }
}
