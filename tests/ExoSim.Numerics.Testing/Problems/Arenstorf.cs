using ExoSim.Numerics.Ode;

namespace ExoSim.Numerics.Testing.Problems;

/// <summary>
/// The Arenstorf orbit: a small body in the restricted three-body problem (Earth, Moon) on a closed orbit.
/// State (y1, y2, y1', y2'). Hairer, Nørsett &amp; Wanner, Solving ODEs I (2nd ed.), II.0, eq. (0.1) with the initial
/// values (0.2); the orbit is periodic with period T = 17.0652165601579625588917206249, so y(T) = y(0).
/// </summary>
public sealed class Arenstorf : IOdeSystem
{
    /// <summary>Mass ratio μ of the Moon (HNW I, eq. 0.1).</summary>
    public const double Mu = 0.012277471;

    /// <summary>Period of the orbit (HNW I, II.0).</summary>
    public const double Period = 17.0652165601579625588917206249;

    private const double MuPrime = 1 - Mu;

    /// <summary>Source of equations, initial values and period.</summary>
    public const string Source = "Hairer, Nørsett & Wanner, Solving ODEs I, 2nd ed. (Springer 1993), II.0, eqs. (0.1)-(0.2); periodic with period 17.0652165601579625588917206249";

    /// <inheritdoc />
    public int Dimension => 4;

    /// <summary>y(0) = (0.994, 0, 0, −2.00158510637908252240537862224) (HNW I, eq. 0.2).</summary>
    public static double[] InitialState() => [0.994, 0, 0, -2.00158510637908252240537862224];

    /// <inheritdoc />
    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        double y1 = y[0];
        double y2 = y[1];
        double r1 = Math.Sqrt(((y1 + Mu) * (y1 + Mu)) + (y2 * y2));
        double r2 = Math.Sqrt(((y1 - MuPrime) * (y1 - MuPrime)) + (y2 * y2));
        double d1 = r1 * r1 * r1;
        double d2 = r2 * r2 * r2;
        dydt[0] = y[2];
        dydt[1] = y[3];
        dydt[2] = y1 + (2 * y[3]) - (MuPrime * (y1 + Mu) / d1) - (Mu * (y1 - MuPrime) / d2);
        dydt[3] = y2 - (2 * y[2]) - (MuPrime * y2 / d1) - (Mu * y2 / d2);
    }

    /// <summary>One full period: the reference is the initial state.</summary>
    public static TestProblem OnePeriod()
    {
        double[] y0 = InitialState();
        return new TestProblem("Arenstorf", new Arenstorf(), y0, 0, Period, (double[])y0.Clone(), Source, IsStiff: false);
    }
}
