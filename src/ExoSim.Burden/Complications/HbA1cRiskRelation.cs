namespace ExoSim.Burden.Complications;

/// <summary>
/// How the risk of one outcome changes with HbA1c, from UKPDS 35 (Stratton et al. 2000, BMJ 321:405,
/// doi:10.1136/bmj.321.7258.405): each 1 percentage point lower updated mean HbA1c goes with a risk lower by
/// <see cref="RiskReductionPercent"/> (95 % CI <see cref="Ci95LowPercent"/>–<see cref="Ci95HighPercent"/>). The
/// paper's Cox models are log-linear in HbA1c with no threshold, so the hazard ratio for a change of Δ points is
/// HR₁^(−Δ) with HR₁ = 1 − reduction/100 (Δ negative for a reduction).
/// </summary>
/// <param name="Outcome">Identifier, snake_case (e.g. <c>microvascular</c>).</param>
/// <param name="Name">Outcome as UKPDS 35 names it.</param>
/// <param name="RiskReductionPercent">Risk reduction per 1 percentage point lower HbA1c, %.</param>
/// <param name="Ci95LowPercent">Lower end of its 95 % confidence interval, %.</param>
/// <param name="Ci95HighPercent">Upper end of its 95 % confidence interval, %.</param>
/// <param name="Source">Paper and place of the numbers.</param>
public sealed record HbA1cRiskRelation(
    string Outcome, string Name, double RiskReductionPercent, double Ci95LowPercent, double Ci95HighPercent, string Source)
{
    /// <summary>Two-sided 95 % normal quantile, z₀.₉₇₅.</summary>
    public const double Z975 = 1.959963984540054;

    /// <summary>Hazard ratio per 1 percentage point lower HbA1c (central value): 1 − reduction/100.</summary>
    public double HazardRatioPerPoint => 1 - (RiskReductionPercent / 100);

    /// <summary>
    /// Standard error of ln HR per point, from the CI on the log scale (where Cox intervals are symmetric):
    /// (ln(1 − low/100) − ln(1 − high/100)) / (2 z₀.₉₇₅).
    /// </summary>
    public double LogHazardRatioStandardError =>
        (Math.Log(1 - (Ci95LowPercent / 100)) - Math.Log(1 - (Ci95HighPercent / 100))) / (2 * Z975);

    /// <summary>Relative risk for an HbA1c change of <paramref name="changePercentPoints"/> (negative = reduction), central value.</summary>
    public double RelativeRisk(double changePercentPoints) => RelativeRisk(changePercentPoints, Math.Log(HazardRatioPerPoint));

    /// <summary>Relative risk for an HbA1c change given ln HR per point lower HbA1c: exp(−Δ · ln HR₁).</summary>
    public static double RelativeRisk(double changePercentPoints, double logHazardRatioPerPoint) =>
        Math.Exp(-changePercentPoints * logHazardRatioPerPoint);
}
