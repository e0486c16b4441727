namespace ExoSim.Therapies.Drugs;

/// <summary>
/// One-compartment kinetics with first-order absorption and elimination (the Bateman function): after a dose D,
/// C(t) = D/(V/F)·ka/(ka − ke)·(e^(−ke·t) − e^(−ka·t)), ke = ln 2/t½; doses add up (linear kinetics). V/F is the
/// apparent volume (bioavailability folded in), so doses are the amounts given.
/// </summary>
public sealed class OralKinetics
{
    /// <summary>Kinetics from the absorption rate, the elimination half-life and the apparent volume.</summary>
    /// <exception cref="ArgumentException">Unless ka &gt; ke &gt; 0 and V/F &gt; 0.</exception>
    public OralKinetics(double absorptionRatePerH, double halfLifeH, double apparentVolumeL)
    {
        EliminationRatePerH = Math.Log(2) / halfLifeH;
        if (!(absorptionRatePerH > EliminationRatePerH) || !(halfLifeH > 0) || !(apparentVolumeL > 0) || !double.IsFinite(absorptionRatePerH + halfLifeH + apparentVolumeL))
        {
            throw new ArgumentException($"Drug kinetics need ka > ke = ln2/t½ > 0 and V/F > 0 (got ka {absorptionRatePerH}/h, t½ {halfLifeH} h, V/F {apparentVolumeL} L).");
        }

        AbsorptionRatePerH = absorptionRatePerH;
        ApparentVolumeL = apparentVolumeL;
    }

    /// <summary>ka (1/h).</summary>
    public double AbsorptionRatePerH { get; }

    /// <summary>ke (1/h).</summary>
    public double EliminationRatePerH { get; }

    /// <summary>V/F (L).</summary>
    public double ApparentVolumeL { get; }

    /// <summary>Time of the peak after one dose: ln(ka/ke)/(ka − ke) (h).</summary>
    public double PeakTimeH => Math.Log(AbsorptionRatePerH / EliminationRatePerH) / (AbsorptionRatePerH - EliminationRatePerH);

    /// <summary>The absorption rate whose single-dose peak is at <paramref name="peakTimeH"/> for a half-life (bisection on ka &gt; ke).</summary>
    public static double AbsorptionRateForPeak(double peakTimeH, double halfLifeH)
    {
        double ke = Math.Log(2) / halfLifeH;
        if (!(peakTimeH > 0) || !(peakTimeH < 1 / ke))
        {
            throw new ArgumentException($"A peak at {peakTimeH} h needs 0 < tmax < 1/ke = {1 / ke:G4} h.");
        }

        double low = ke * (1 + 1e-12), high = 1e3;
        for (int i = 0; i < 200; i++)
        {
            double mid = 0.5 * (low + high);
            if (Math.Log(mid / ke) / (mid - ke) > peakTimeH)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return 0.5 * (low + high);
    }

    /// <summary>Concentration (mg/L) <paramref name="hoursAfter"/> one dose of <paramref name="doseMg"/>.</summary>
    public double Concentration(double doseMg, double hoursAfter)
    {
        if (hoursAfter <= 0)
        {
            return 0;
        }

        double ka = AbsorptionRatePerH, ke = EliminationRatePerH;
        return doseMg / ApparentVolumeL * ka / (ka - ke) * (Math.Exp(-ke * hoursAfter) - Math.Exp(-ka * hoursAfter));
    }

    /// <summary>Area under the single-dose curve to infinity: D/(ke·V/F) (mg·h/L).</summary>
    public double AreaUnderCurve(double doseMg) => doseMg / (EliminationRatePerH * ApparentVolumeL);
}
