using ExoSim.Models.Clinical;
using ExoSim.Models.Units;

namespace ExoSim.Trials.Endpoints;

/// <summary>
/// Clinical read-outs computed from simulated glucose and insulin: HbA1c from mean glucose by the ADAG relation
/// (eAG = 28.7·A1c − 46.7 mg/dL; Nathan et al. 2008, Diabetes Care 31:1473, doi:10.2337/dc08-0545) with the lag of
/// red-cell glycation, the glucose management indicator (GMI = 3.31 + 0.02392·mean glucose in mg/dL; Bergenstal et
/// al. 2018, Diabetes Care 41:2275, doi:10.2337/dc18-1581) and HOMA-IR/HOMA-B (the approximations of Matthews et al.
/// 1985, Diabetologia 28:412, doi:10.1007/BF00280883: HOMA-IR = G·I/22.5, HOMA-B = 20·I/(G − 3.5), G fasting glucose
/// in mmol/L, I fasting insulin in µU/mL).
/// </summary>
/// <remarks>
/// The HbA1c lag: HbA1c at time t reflects glucose over the preceding months, half of it from the last 30 days
/// (Tahara &amp; Shima 1995, Diabetes Care 18:440, doi:10.2337/diacare.18.4.440, weight function of preceding
/// glucose). ExoSim models this as an exponentially weighted mean of glucose with a half-life of
/// <see cref="Hba1cHalfLifeDays"/> (assumption: the simplest weight function with that property; it puts 50 % of
/// the weight on days 0–30, 25 % on days 30–60 and 25 % before), converted by ADAG. Before t = 0 the subject is
/// assumed to have lived at its initial glucose, so HbA1c starts at ADAG(G(0)).
/// </remarks>
public static class ClinicalReadouts
{
    /// <summary>Half-life of the HbA1c weighting of past glucose (days).</summary>
    public const double Hba1cHalfLifeDays = 30;

    /// <summary>Column name of lagged HbA1c.</summary>
    public const string Hba1cColumn = "hba1c_percent";

    /// <summary>Column name of HOMA-IR.</summary>
    public const string HomaIrColumn = "homa_ir";

    /// <summary>Column name of HOMA-B.</summary>
    public const string HomaBColumn = "homa_b_percent";

    /// <summary>Every read-out column a scenario can ask for, with its unit.</summary>
    public static IReadOnlyList<(string Name, string Unit, bool NeedsInsulin)> Columns { get; } =
    [
        (Hba1cColumn, "%", false),
        (HomaIrColumn, "1", true),
        (HomaBColumn, "%", true),
    ];

    private const double GmiInterceptPercent = 3.31;
    private const double GmiSlopePercentPerMgPerDl = 0.02392;
    private const double HomaIrDenominator = 22.5;
    private const double HomaBFactor = 20;
    private const double HomaBOffsetMmolPerL = 3.5;
    private const double MinutesPerDay = 1440;

    /// <summary>HbA1c (%) whose ADAG estimated average glucose is <paramref name="meanGlucoseMgPerDl"/>: (eAG + 46.7)/28.7.</summary>
    public static double Hba1cFromMeanGlucose(double meanGlucoseMgPerDl) => Adag.Hba1cPercent(meanGlucoseMgPerDl);

    /// <summary>GMI (%) from mean CGM glucose (mg/dL).</summary>
    public static double GlucoseManagementIndicator(double meanGlucoseMgPerDl) => GmiInterceptPercent + (GmiSlopePercentPerMgPerDl * meanGlucoseMgPerDl);

    /// <summary>HOMA-IR from fasting glucose (mg/dL) and fasting insulin (pmol/L).</summary>
    public static double HomaIr(double glucoseMgPerDl, double insulinPmolPerL)
        => ToMmolPerL(glucoseMgPerDl) * (insulinPmolPerL / UnitCatalog.PmolPerLPerMicroUnitPerMl) / HomaIrDenominator;

    /// <summary>HOMA-B (%) from fasting glucose (mg/dL) and fasting insulin (pmol/L); not defined (NaN) at or below 3.5 mmol/L.</summary>
    public static double HomaB(double glucoseMgPerDl, double insulinPmolPerL)
    {
        double excess = ToMmolPerL(glucoseMgPerDl) - HomaBOffsetMmolPerL;
        return excess > 0 ? HomaBFactor * (insulinPmolPerL / UnitCatalog.PmolPerLPerMicroUnitPerMl) / excess : double.NaN;
    }

    /// <summary>
    /// Lagged HbA1c (%) at each time: ADAG of the exponentially weighted mean of the glucose trace (half-life
    /// <see cref="Hba1cHalfLifeDays"/>), with glucose taken as linear between samples.
    /// </summary>
    /// <exception cref="ArgumentException">Empty or mismatched arrays, or times not increasing.</exception>
    public static double[] LaggedHba1c(ReadOnlySpan<double> timesMin, ReadOnlySpan<double> glucoseMgPerDl)
    {
        if (timesMin.Length != glucoseMgPerDl.Length || timesMin.Length == 0)
        {
            throw new ArgumentException($"Expected as many times as glucose values (at least one); got {timesMin.Length} and {glucoseMgPerDl.Length}.");
        }

        double rate = Math.Log(2) / (Hba1cHalfLifeDays * MinutesPerDay);
        var result = new double[timesMin.Length];
        double weighted = glucoseMgPerDl[0];
        result[0] = Hba1cFromMeanGlucose(weighted);
        for (int i = 1; i < timesMin.Length; i++)
        {
            double dt = timesMin[i] - timesMin[i - 1];
            if (!(dt > 0))
            {
                throw new ArgumentException($"Times must increase; got {timesMin[i - 1]} then {timesMin[i]}.");
            }

            // Exact solution of dm/dt = λ(g(t) − m) over the interval for g linear from g0 to g1.
            double g0 = glucoseMgPerDl[i - 1], g1 = glucoseMgPerDl[i];
            double slope = (g1 - g0) / dt;
            double decay = Math.Exp(-rate * dt);
            weighted = g1 - (slope / rate) + ((weighted - g0 + (slope / rate)) * decay);
            result[i] = Hba1cFromMeanGlucose(weighted);
        }

        return result;
    }

    private static double ToMmolPerL(double glucoseMgPerDl) => glucoseMgPerDl / (UnitCatalog.GlucoseMolarMassGPerMol / 10);
}
