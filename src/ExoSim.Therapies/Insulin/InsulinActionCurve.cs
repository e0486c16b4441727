namespace ExoSim.Therapies.Insulin;

/// <summary>
/// The exponential insulin action curve of Maksimovic (2017, described in LoopKit/Loop issue 388 and the OpenAPS
/// documentation): activity Ia(t) = (S/τ²)·t·(1 − t/td)·e^(−t/τ) on 0 ≤ t ≤ td, peaking at tp and reaching zero at
/// td, with τ = tp(1 − tp/td)/(1 − 2tp/td), a = 2τ/td and S = 1/(1 − a + (1 + a)e^(−td/τ)); insulin on board is
/// IOB(t) = 1 − ∫₀ᵗ Ia, the fraction of a dose still to act.
/// </summary>
public sealed class InsulinActionCurve
{
    private readonly double tau, a, s;

    /// <summary>A curve with action duration <paramref name="durationMin"/> and peak <paramref name="peakMin"/> (0 &lt; tp &lt; td/2).</summary>
    /// <exception cref="ArgumentException">When the peak is not in (0, td/2).</exception>
    public InsulinActionCurve(double durationMin, double peakMin)
    {
        if (!(peakMin > 0) || !(peakMin < durationMin / 2) || !double.IsFinite(durationMin))
        {
            throw new ArgumentException($"The insulin action peak must lie between 0 and half the action duration; got peak {peakMin} min, duration {durationMin} min.");
        }

        DurationMin = durationMin;
        PeakMin = peakMin;
        tau = peakMin * (1 - (peakMin / durationMin)) / (1 - (2 * peakMin / durationMin));
        a = 2 * tau / durationMin;
        s = 1 / (1 - a + ((1 + a) * Math.Exp(-durationMin / tau)));
    }

    /// <summary>Duration of action td (min).</summary>
    public double DurationMin { get; }

    /// <summary>Time of peak activity tp (min).</summary>
    public double PeakMin { get; }

    /// <summary>Activity (fraction of the dose acting per minute) <paramref name="minutesAgo"/> after a dose.</summary>
    public double Activity(double minutesAgo)
        => minutesAgo <= 0 || minutesAgo >= DurationMin ? 0
            : s / (tau * tau) * minutesAgo * (1 - (minutesAgo / DurationMin)) * Math.Exp(-minutesAgo / tau);

    /// <summary>Fraction of a dose still on board <paramref name="minutesAgo"/> after it (1 at 0, 0 from td on).</summary>
    public double OnBoard(double minutesAgo)
    {
        if (minutesAgo <= 0)
        {
            return 1;
        }

        if (minutesAgo >= DurationMin)
        {
            return 0;
        }

        double t = minutesAgo;
        return 1 - (s * (1 - a) * ((((t * t / (tau * DurationMin * (1 - a))) - (t / tau) - 1) * Math.Exp(-t / tau)) + 1));
    }
}
