using ExoSim.Numerics.Ode;

namespace ExoSim.Numerics.Testing.Problems;

/// <summary>
/// The Kepler two-body problem q'' = −q/|q|³ in the plane, state (q1, q2, p1, p2), started at the pericentre of an
/// ellipse with semi-major axis 1 and eccentricity e: q(0) = (1 − e, 0), p(0) = (0, √((1 + e)/(1 − e))).
/// Period 2π; energy H = |p|²/2 − 1/|q| = −1/2 and angular momentum L = q1·p2 − q2·p1 = √(1 − e²) are conserved.
/// Hairer, Lubich &amp; Wanner, Geometric Numerical Integration, 2nd ed. (Springer 2006), I.2.3, eqs. (2.8)–(2.12);
/// also Hairer, Nørsett &amp; Wanner I, II.10 (problem "KEPL"). The exact solution at any time follows from Kepler's
/// equation E − e·sin E = t (mean anomaly with period 2π).
/// </summary>
public sealed class Kepler : IOdeSystem
{
    /// <summary>Source of the problem and its invariants.</summary>
    public const string Source = "Hairer, Lubich & Wanner, Geometric Numerical Integration, 2nd ed. (2006), I.2.3, eqs. (2.8)-(2.12); exact solution via Kepler's equation";

    /// <summary>Creates the system for eccentricity e in [0, 1).</summary>
    public Kepler(double eccentricity)
    {
        if (!(eccentricity >= 0 && eccentricity < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(eccentricity), eccentricity, "The orbit is an ellipse only for 0 ≤ e < 1.");
        }

        Eccentricity = eccentricity;
    }

    /// <summary>Eccentricity of the orbit.</summary>
    public double Eccentricity { get; }

    /// <summary>Orbital period (semi-major axis 1, GM = 1).</summary>
    public static double Period => 2 * Math.PI;

    /// <inheritdoc />
    public int Dimension => 4;

    /// <inheritdoc />
    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        double r2 = (y[0] * y[0]) + (y[1] * y[1]);
        double r3 = r2 * Math.Sqrt(r2);
        dydt[0] = y[2];
        dydt[1] = y[3];
        dydt[2] = -y[0] / r3;
        dydt[3] = -y[1] / r3;
    }

    /// <summary>Energy |p|²/2 − 1/|q| (−1/2 on these orbits).</summary>
    public static double Energy(ReadOnlySpan<double> y)
        => (0.5 * ((y[2] * y[2]) + (y[3] * y[3]))) - (1 / Math.Sqrt((y[0] * y[0]) + (y[1] * y[1])));

    /// <summary>Angular momentum q1·p2 − q2·p1 (√(1 − e²) on these orbits).</summary>
    public static double AngularMomentum(ReadOnlySpan<double> y) => (y[0] * y[3]) - (y[1] * y[2]);

    /// <summary>The pericentre state at t = 0.</summary>
    public double[] InitialState()
    {
        double e = Eccentricity;
        return [1 - e, 0, 0, Math.Sqrt((1 + e) / (1 - e))];
    }

    /// <summary>
    /// Exact state at time t: solve Kepler's equation E − e·sin E = t by Newton's method, then
    /// q = (cos E − e, √(1 − e²)·sin E), p = (−sin E, √(1 − e²)·cos E) / (1 − e·cos E).
    /// </summary>
    public double[] Exact(double t)
    {
        double e = Eccentricity;
        double mean = Math.IEEERemainder(t, Period);
        double anomaly = e < 0.8 ? mean : Math.PI * Math.Sign(mean == 0 ? 1 : mean);
        for (int iteration = 0; iteration < 100; iteration++)
        {
            double correction = (anomaly - (e * Math.Sin(anomaly)) - mean) / (1 - (e * Math.Cos(anomaly)));
            anomaly -= correction;
            if (Math.Abs(correction) < 1e-16)
            {
                break;
            }
        }

        double c = Math.Cos(anomaly);
        double s = Math.Sin(anomaly);
        double b = Math.Sqrt(1 - (e * e));
        double denominator = 1 - (e * c);
        return [c - e, b * s, -s / denominator, b * c / denominator];
    }

    /// <summary>The orbit over <paramref name="periods"/> full periods: the reference is the initial state.</summary>
    public static TestProblem Orbits(double eccentricity, int periods)
    {
        var system = new Kepler(eccentricity);
        double[] y0 = system.InitialState();
        return new TestProblem(
            $"Kepler e={eccentricity}", system, y0, 0, periods * Period, system.Exact(periods * Period), Source, IsStiff: false);
    }
}
