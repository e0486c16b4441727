namespace ExoSim.Models.Clinical;

/// <summary>
/// The ADAG relation between HbA1c and estimated average glucose, eAG (mg/dL) = 28.7·HbA1c (%) − 46.7 (Nathan et al.
/// 2008, Diabetes Care 31:1473, doi:10.2337/dc08-0545): the one place ExoSim converts mean glucose into HbA1c.
/// </summary>
public static class Adag
{
    /// <summary>Slope of eAG in HbA1c (mg/dL per %).</summary>
    public const double SlopeMgPerDlPerPercent = 28.7;

    /// <summary>Intercept of eAG (mg/dL).</summary>
    public const double InterceptMgPerDl = 46.7;

    /// <summary>HbA1c (%) whose estimated average glucose is <paramref name="meanGlucoseMgPerDl"/>: (eAG + 46.7)/28.7.</summary>
    public static double Hba1cPercent(double meanGlucoseMgPerDl) => (meanGlucoseMgPerDl + InterceptMgPerDl) / SlopeMgPerDlPerPercent;
}
