namespace ExoSim.Models.Random;

/// <summary>
/// exp, log and sinh from IEEE-754 additions, multiplications, divisions and exact power-of-two scaling only.
/// <see cref="Math.Exp"/> and <see cref="Math.Log(double)"/> call the platform's C library, whose last bit may differ
/// between operating systems and processors; random draws that pass through these functions would then differ too.
/// Accuracy: a few units in the last place (tested against <see cref="Math"/>); results are identical everywhere
/// because .NET neither contracts a·b + c into a fused multiply-add nor uses extended precision.
/// </summary>
public static class PortableMath
{
    // ln 2 split so that k·Ln2Hi is exact for |k| < 2^21 (the low 21 significand bits of Ln2Hi are zero;
    // the Cody–Waite constants of fdlibm's e_exp.c / e_log.c).
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double InvLn2 = 1.44269504088896338700e+00;
    private const double Sqrt2 = 1.4142135623730951;
    private const double SmallestNormal = 2.2250738585072014e-308;

    // exp(x) overflows above ln(DBL_MAX) and underflows to 0 below ln(2^−1075).
    private const double ExpOverflow = 709.782712893384;
    private const double ExpUnderflow = -745.1332191019412;

    /// <summary>e^x: x = k·ln 2 + r with |r| ≤ ln 2 / 2, e^r by its Taylor series to r^13 (truncation &lt; 1e−17), times 2^k.</summary>
    public static double Exp(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x > ExpOverflow)
        {
            return double.PositiveInfinity;
        }

        if (x < ExpUnderflow)
        {
            return 0.0;
        }

        double k = Math.Round(x * InvLn2);
        double r = (x - (k * Ln2Hi)) - (k * Ln2Lo);
        double p = 1.0;
        for (int n = 13; n >= 1; n--)
        {
            p = 1.0 + (p * r / n);
        }

        return Math.ScaleB(p, (int)k);
    }

    /// <summary>
    /// ln x: x = 2^e·m with √½ &lt; m ≤ √2, ln m = 2·atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.172, by its series to
    /// s^23 (truncation &lt; 1e−18 relative).
    /// </summary>
    public static double Log(double x)
    {
        if (double.IsNaN(x) || x < 0)
        {
            return double.NaN;
        }

        if (x == 0)
        {
            return double.NegativeInfinity;
        }

        if (double.IsPositiveInfinity(x))
        {
            return x;
        }

        int e = 0;
        if (x < SmallestNormal)
        {
            x *= 18014398509481984.0; // 2^54: subnormal → normal, exactly.
            e = -54;
        }

        long bits = BitConverter.DoubleToInt64Bits(x);
        e += (int)((bits >> 52) & 0x7FF) - 1023;
        double m = BitConverter.Int64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
        if (m > Sqrt2)
        {
            m *= 0.5;
            e++;
        }

        double f = m - 1.0; // exact (Sterbenz).
        double s = f / (2.0 + f);
        double z = s * s;
        double series = 0.0;
        for (int n = 23; n >= 3; n -= 2)
        {
            series = (series + (2.0 / n)) * z;
        }

        double lnM = (2.0 * s) + (s * series);
        return (e * Ln2Hi) + ((e * Ln2Lo) + lnM);
    }

    /// <summary>sinh x = (e^x − e^−x)/2 from <see cref="Exp"/>; absolute error a few ulp of cosh x (not relative near 0).</summary>
    public static double Sinh(double x)
    {
        double ex = Exp(x);
        return (ex - (1.0 / ex)) / 2.0;
    }
}
