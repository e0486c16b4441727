using ExoSim.Numerics.Ode;

namespace ExoSim.Cli.Demo;

/// <summary>The demo's built-in problems, each with a reference solution from an exact formula or a publication.</summary>
internal static class DemoProblems
{
    /// <summary>All demo problems, in display order.</summary>
    public static IReadOnlyList<DemoProblem> All { get; } =
    [
        ExponentialDecay(),
        HarmonicOscillator(),
        ArenstorfOrbit(),
    ];

    /// <summary>y' = −k·y, y(0) = 1 on [0, 10] with k = 1: exact solution y(t) = e^(−k·t).</summary>
    public static DemoProblem ExponentialDecay()
    {
        const double rate = 1.0;
        const double endTime = 10.0;
        return new DemoProblem(
            "exponential decay",
            "y' = -y, y(0) = 1, t in [0, 10] (first-order elimination)",
            new Decay(rate),
            [1.0],
            0,
            endTime,
            [Math.Exp(-rate * endTime)],
            "exact solution y(t) = exp(-t)");
    }

    /// <summary>x'' = −x as a first-order system on [0, 20], x(0) = 1, x'(0) = 0: exact solution (cos t, −sin t).</summary>
    public static DemoProblem HarmonicOscillator()
    {
        const double endTime = 20.0;
        return new DemoProblem(
            "harmonic oscillator",
            "x'' = -x, x(0) = 1, x'(0) = 0, t in [0, 20]",
            new Oscillator(),
            [1.0, 0.0],
            0,
            endTime,
            [Math.Cos(endTime), -Math.Sin(endTime)],
            "exact solution x(t) = cos t, x'(t) = -sin t");
    }

    /// <summary>
    /// The Arenstorf orbit of the restricted three-body problem (Earth, Moon, satellite) over one period: the orbit
    /// is periodic, so the reference end state is the initial state.
    /// </summary>
    /// <remarks>
    /// Equations, μ, initial values and period: Hairer, Nørsett &amp; Wanner, Solving Ordinary Differential Equations I
    /// (2nd ed., Springer 1993), Section II.0, eqs. (0.1)–(0.2); Arenstorf 1963, Am J Math 85:27–35.
    /// The period is given there to 30 digits, so the closure error is dominated by the solver, not the reference.
    /// </remarks>
    public static DemoProblem ArenstorfOrbit()
    {
        double[] initial = [0.994, 0.0, 0.0, ArenstorfOrbitSystem.InitialVelocityY];
        return new DemoProblem(
            "Arenstorf orbit",
            "Earth-Moon satellite orbit (restricted three-body problem), one period",
            new ArenstorfOrbitSystem(),
            initial,
            0,
            ArenstorfOrbitSystem.Period,
            (double[])initial.Clone(),
            "periodic orbit: y(T) = y(0); Hairer, Norsett & Wanner, Solving ODEs I, II.0, eqs. (0.1)-(0.2)");
    }

    private sealed class Decay(double rate) : IOdeSystem
    {
        public int Dimension => 1;

        public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt) => dydt[0] = -rate * y[0];
    }

    private sealed class Oscillator : IOdeSystem
    {
        public int Dimension => 2;

        public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
        {
            dydt[0] = y[1];
            dydt[1] = -y[0];
        }
    }

    /// <summary>State (x, y, x', y') in the rotating frame; Hairer, Nørsett &amp; Wanner I, II.0, eq. (0.1).</summary>
    private sealed class ArenstorfOrbitSystem : IOdeSystem
    {
        /// <summary>Moon mass fraction μ (HNW I, II.0).</summary>
        private const double Mu = 0.012277471;

        /// <summary>Earth mass fraction μ' = 1 − μ.</summary>
        private const double MuPrime = 1.0 - Mu;

        /// <summary>y'(0) of the periodic orbit (HNW I, II.0, eq. 0.2).</summary>
        public const double InitialVelocityY = -2.00158510637908252240537862224;

        /// <summary>Period T of the orbit (HNW I, II.0, eq. 0.2).</summary>
        public const double Period = 17.0652165601579625588917206249;

        public int Dimension => 4;

        public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
        {
            double toEarth = ((y[0] + Mu) * (y[0] + Mu)) + (y[1] * y[1]);
            double toMoon = ((y[0] - MuPrime) * (y[0] - MuPrime)) + (y[1] * y[1]);
            double d1 = toEarth * Math.Sqrt(toEarth);
            double d2 = toMoon * Math.Sqrt(toMoon);
            dydt[0] = y[2];
            dydt[1] = y[3];
            dydt[2] = y[0] + (2 * y[3]) - (MuPrime * (y[0] + Mu) / d1) - (Mu * (y[0] - MuPrime) / d2);
            dydt[3] = y[1] - (2 * y[2]) - (MuPrime * y[1] / d1) - (Mu * y[1] / d2);
        }
    }
}
