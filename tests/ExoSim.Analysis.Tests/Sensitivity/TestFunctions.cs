using ExoSim.Analysis.Sensitivity;

namespace ExoSim.Analysis.Tests.Sensitivity;

/// <summary>Test functions of sensitivity analysis with their analytic indices.</summary>
internal static class TestFunctions
{
    public const double IshigamiA = 7.0;
    public const double IshigamiB = 0.1;

    /// <summary>Ishigami T, Homma T, First International Symposium on Uncertainty Modeling and Analysis (ISUMA) 1990: sin x1 + a sin² x2 + b x3⁴ sin x1.</summary>
    public static double Ishigami(double[] x) =>
        Math.Sin(x[0]) + (IshigamiA * Math.Sin(x[1]) * Math.Sin(x[1])) + (IshigamiB * Math.Pow(x[2], 4) * Math.Sin(x[0]));

    /// <summary>x1, x2, x3 independent and uniform on [−π, π].</summary>
    public static readonly SensitivityFactor[] IshigamiFactors =
        [new("x1", -Math.PI, Math.PI), new("x2", -Math.PI, Math.PI), new("x3", -Math.PI, Math.PI)];

    /// <summary>
    /// The closed-form partial variances of the Ishigami function for x_i ~ U(−π, π), from E[sin² x] = 1/2,
    /// E[sin⁴ x] = 3/8, E[x⁴] = π⁴/5, E[x⁸] = π⁸/9: V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V3 = 0,
    /// V13 = b²π⁸/18 − b²π⁸/50 (= b²/2·(E[x⁸] − E[x⁴]²)), V12 = V23 = V123 = 0, V = V1 + V2 + V13.
    /// (V1 = bπ⁴/5 + b²π⁸/50 + 1/2 and V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2, as in Sobol' & Levitan 1999 and the test
    /// literature; checked against quadrature in <see cref="SobolAnalysisTests"/>.)
    /// </summary>
    public static (double V, double V1, double V2, double V13) IshigamiVariances()
    {
        double a = IshigamiA, b = IshigamiB;
        double pi4 = Math.Pow(Math.PI, 4), pi8 = Math.Pow(Math.PI, 8);
        double v1 = (1 + (b * pi4 / 5)) * (1 + (b * pi4 / 5)) / 2;
        double v2 = a * a / 8;
        double v13 = (b * b * pi8 / 18) - (b * b * pi8 / 50);
        return (v1 + v2 + v13, v1, v2, v13);
    }

    /// <summary>Analytic first-order (S) and total-order (ST) indices of x1, x2, x3.</summary>
    public static (double[] First, double[] Total) IshigamiIndices()
    {
        var (v, v1, v2, v13) = IshigamiVariances();
        return ([v1 / v, v2 / v, 0.0], [(v1 + v13) / v, v2 / v, v13 / v]);
    }

    /// <summary>Coefficients of the linear test model y = Σ cᵢ xᵢ, xᵢ ~ U(0, 1) independent: Sᵢ = STᵢ = cᵢ² / Σ c².</summary>
    public static readonly double[] LinearCoefficients = [1.0, 2.0, 3.0, 4.0];

    public static double Linear(double[] x)
    {
        double y = 0;
        for (int i = 0; i < x.Length; i++)
        {
            y += LinearCoefficients[i] * x[i];
        }

        return y;
    }

    public static readonly SensitivityFactor[] LinearFactors =
        [new("c1", 0, 1), new("c2", 0, 1), new("c3", 0, 1), new("c4", 0, 1)];
}
