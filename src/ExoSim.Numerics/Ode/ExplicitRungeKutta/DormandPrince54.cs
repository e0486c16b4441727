using System.Numerics;
using System.Runtime.InteropServices;
using ExoSim.Numerics.Ode.Stepping;

namespace ExoSim.Numerics.Ode.ExplicitRungeKutta;

/// <summary>
/// Dormand–Prince 5(4): explicit embedded Runge–Kutta pair of order 5 with a 4th-order error estimate, FSAL, and a
/// 4th-order continuous extension. For non-stiff problems.
/// </summary>
/// <remarks>
/// Tableau: Dormand &amp; Prince 1980, J Comput Appl Math 6:19–26, doi:10.1016/0771-050X(80)90013-3.
/// Dense output: Hairer, Nørsett &amp; Wanner, Solving ODEs I (2nd ed.), II.6, eq. 6.12 (coefficients of Shampine 1986).
/// Stiffness detection: Hairer, Nørsett &amp; Wanner I, IV.2 (estimate of h·|λ| from the last two stages).
/// </remarks>
public sealed class DormandPrince54 : IOdeSolver
{
    /// <inheritdoc />
    public string Name => "DormandPrince54";

    /// <inheritdoc />
    public OdeSolution Solve(OdeProblem problem, SolverOptions? options = null)
        => IntegrationDriver.Solve(problem, options, (system, checkedOptions, counters) => new DormandPrince54Stepper(system, checkedOptions, counters));
}

/// <summary>The Dormand–Prince 5(4) step with its work arrays.</summary>
internal sealed class DormandPrince54Stepper : OdeStepper
{
    // Butcher tableau (Dormand & Prince 1980, Table 2).
    private const double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;
    private const double A21 = 1.0 / 5;
    private const double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private const double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private const double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561, A54 = -212.0 / 729;
    private const double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176, A65 = -5103.0 / 18656;
    private const double A71 = 35.0 / 384, A73 = 500.0 / 1113, A74 = 125.0 / 192, A75 = -2187.0 / 6784, A76 = 11.0 / 84;

    // Error coefficients b − b̂ (5th- minus 4th-order weights).
    private const double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200, E6 = 22.0 / 525, E7 = -1.0 / 40;

    // Continuous extension (Hairer, Nørsett & Wanner I, II.6; Shampine 1986).
    private const double D1 = -12715105075.0 / 11282082432, D3 = 87487479700.0 / 32700410799, D4 = -10690763975.0 / 1880347072;
    private const double D5 = 701980252875.0 / 199316789632, D6 = -1453857185.0 / 822651844, D7 = 69997945.0 / 29380423;

    // Work arrays (and the five dense-output blocks) are padded to a whole number of SIMD vectors (padding stays 0)
    // so that every stage is a short loop over Vector<double> without a scalar tail; lane-wise the operations are
    // those of the scalar formulas, in the same order, so results do not depend on the vector width.
    private readonly double[] k2, k3, k4, k5, k6;
    private double[] k1, k7;
    private readonly double[] stage;
    private readonly double[] error;
    private readonly double[] y0;
    private readonly double[] y1;
    private readonly double[] dense;
    private readonly int padded;

    public DormandPrince54Stepper(IOdeSystem system, SolverOptions options, SolverCounters counters)
        : base(system, options, counters)
    {
        int n = Dimension;
        int width = Vector<double>.Count;
        padded = (n + width - 1) / width * width;
        k1 = new double[padded];
        k2 = new double[padded];
        k3 = new double[padded];
        k4 = new double[padded];
        k5 = new double[padded];
        k6 = new double[padded];
        k7 = new double[padded];
        stage = new double[padded];
        error = new double[padded];
        y0 = new double[padded];
        y1 = new double[padded];
        dense = new double[5 * padded];
    }

    public override string Name => "DormandPrince54";

    public override int ErrorEstimateOrder => 4;

    public override IDenseInterpolant Interpolant => DormandPrince54Interpolant.Instance;

    public override ReadOnlySpan<double> DenseCoefficients => dense;

    public override ReadOnlySpan<double> CurrentDerivative => k1.AsSpan(0, Dimension);

    /// <summary>
    /// h·|λ| estimated on the last accepted step from ‖k7 − k6‖ / ‖y_new − stage6‖; values above about 3.3 mean the
    /// step size is limited by stability rather than accuracy (Hairer, Nørsett &amp; Wanner I, IV.2).
    /// </summary>
    public double StiffnessIndicator { get; private set; }

    public override void Restart(double t, ReadOnlySpan<double> y) => EvaluateRhs(t, y, k1.AsSpan(0, Dimension));

    public override double TryStep(double t, ReadOnlySpan<double> y, double h, Span<double> yNew)
    {
        int n = Dimension;
        y.CopyTo(y0);
        var yv = Vectors(y0);
        var k1v = Vectors(k1);
        var k2v = Vectors(k2);
        var k3v = Vectors(k3);
        var k4v = Vectors(k4);
        var k5v = Vectors(k5);
        var k6v = Vectors(k6);
        var k7v = Vectors(k7);
        var sv = Vectors(stage);
        for (int v = 0; v < sv.Length; v++)
        {
            sv[v] = yv[v] + (h * A21 * k1v[v]);
        }

        EvaluateRhs(t + (C2 * h), stage.AsSpan(0, n), k2.AsSpan(0, n));
        for (int v = 0; v < sv.Length; v++)
        {
            sv[v] = yv[v] + (h * ((A31 * k1v[v]) + (A32 * k2v[v])));
        }

        EvaluateRhs(t + (C3 * h), stage.AsSpan(0, n), k3.AsSpan(0, n));
        for (int v = 0; v < sv.Length; v++)
        {
            sv[v] = yv[v] + (h * ((A41 * k1v[v]) + (A42 * k2v[v]) + (A43 * k3v[v])));
        }

        EvaluateRhs(t + (C4 * h), stage.AsSpan(0, n), k4.AsSpan(0, n));
        for (int v = 0; v < sv.Length; v++)
        {
            sv[v] = yv[v] + (h * ((A51 * k1v[v]) + (A52 * k2v[v]) + (A53 * k3v[v]) + (A54 * k4v[v])));
        }

        EvaluateRhs(t + (C5 * h), stage.AsSpan(0, n), k5.AsSpan(0, n));
        for (int v = 0; v < sv.Length; v++)
        {
            sv[v] = yv[v] + (h * ((A61 * k1v[v]) + (A62 * k2v[v]) + (A63 * k3v[v]) + (A64 * k4v[v]) + (A65 * k5v[v])));
        }

        EvaluateRhs(t + h, stage.AsSpan(0, n), k6.AsSpan(0, n));
        var y1v = Vectors(y1);
        for (int v = 0; v < y1v.Length; v++)
        {
            y1v[v] = yv[v] + (h * ((A71 * k1v[v]) + (A73 * k3v[v]) + (A74 * k4v[v]) + (A75 * k5v[v]) + (A76 * k6v[v])));
        }

        y1.AsSpan(0, n).CopyTo(yNew);
        EvaluateRhs(t + h, yNew, k7.AsSpan(0, n));
        var ev = Vectors(error);
        for (int v = 0; v < ev.Length; v++)
        {
            ev[v] = h * ((E1 * k1v[v]) + (E3 * k3v[v]) + (E4 * k4v[v]) + (E5 * k5v[v]) + (E6 * k6v[v]) + (E7 * k7v[v]));
        }

        return ErrorNorm(error.AsSpan(0, n), y, yNew);
    }

    public override void Accept(double t, ReadOnlySpan<double> y, double h, ReadOnlySpan<double> yNew)
    {
        // y and yNew are those of the last attempt, whose padded copies TryStep kept in y0 and y1.
        int n = Dimension;
        var yv = Vectors(y0);
        var y1v = Vectors(y1);
        var k1v = Vectors(k1);
        var k3v = Vectors(k3);
        var k4v = Vectors(k4);
        var k5v = Vectors(k5);
        var k6v = Vectors(k6);
        var k7v = Vectors(k7);
        var d0 = Vectors(dense.AsSpan(0, padded));
        var d1 = Vectors(dense.AsSpan(padded, padded));
        var d2 = Vectors(dense.AsSpan(2 * padded, padded));
        var d3 = Vectors(dense.AsSpan(3 * padded, padded));
        var d4 = Vectors(dense.AsSpan(4 * padded, padded));
        for (int v = 0; v < yv.Length; v++)
        {
            var difference = y1v[v] - yv[v];
            var spline = (h * k1v[v]) - difference;
            d0[v] = yv[v];
            d1[v] = difference;
            d2[v] = spline;
            d3[v] = difference - (h * k7v[v]) - spline;
            d4[v] = h * ((D1 * k1v[v]) + (D3 * k3v[v]) + (D4 * k4v[v]) + (D5 * k5v[v]) + (D6 * k6v[v]) + (D7 * k7v[v]));
        }

        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i < n; i++)
        {
            double dk = k7[i] - k6[i];
            double dy = y1[i] - stage[i];
            numerator += dk * dk;
            denominator += dy * dy;
        }

        StiffnessIndicator = denominator > 0 ? h * Math.Sqrt(numerator / denominator) : 0;

        // First same as last: f(t + h, y_new) is the next step's first stage (swap, k7 is rewritten by the next attempt).
        (k1, k7) = (k7, k1);
    }

    private static Span<Vector<double>> Vectors(Span<double> padded) => MemoryMarshal.Cast<double, Vector<double>>(padded);
}

/// <summary>Evaluates the Dormand–Prince continuous extension from its five coefficient vectors.</summary>
internal sealed class DormandPrince54Interpolant : IDenseInterpolant
{
    public static readonly DormandPrince54Interpolant Instance = new();

    public int VectorCount => 5;

    public void Interpolate(ReadOnlySpan<double> coefficients, double theta, double h, Span<double> y)
    {
        int n = coefficients.Length / VectorCount;
        double theta1 = 1 - theta;
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = coefficients[i] + (theta * (coefficients[n + i] + (theta1 * (coefficients[(2 * n) + i]
                + (theta * (coefficients[(3 * n) + i] + (theta1 * coefficients[(4 * n) + i])))))));
        }
    }
}
