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

    private readonly double[] k1, k2, k3, k4, k5, k6, k7;
    private readonly double[] stage;
    private readonly double[] error;
    private readonly double[] dense;

    public DormandPrince54Stepper(IOdeSystem system, SolverOptions options, SolverCounters counters)
        : base(system, options, counters)
    {
        int n = Dimension;
        k1 = new double[n];
        k2 = new double[n];
        k3 = new double[n];
        k4 = new double[n];
        k5 = new double[n];
        k6 = new double[n];
        k7 = new double[n];
        stage = new double[n];
        error = new double[n];
        dense = new double[5 * n];
    }

    public override string Name => "DormandPrince54";

    public override int ErrorEstimateOrder => 4;

    public override IDenseInterpolant Interpolant => DormandPrince54Interpolant.Instance;

    public override ReadOnlySpan<double> DenseCoefficients => dense;

    public override ReadOnlySpan<double> CurrentDerivative => k1;

    /// <summary>
    /// h·|λ| estimated on the last accepted step from ‖k7 − k6‖ / ‖y_new − stage6‖; values above about 3.3 mean the
    /// step size is limited by stability rather than accuracy (Hairer, Nørsett &amp; Wanner I, IV.2).
    /// </summary>
    public double StiffnessIndicator { get; private set; }

    public override void Restart(double t, ReadOnlySpan<double> y) => EvaluateRhs(t, y, k1);

    public override double TryStep(double t, ReadOnlySpan<double> y, double h, Span<double> yNew)
    {
        int n = Dimension;
        for (int i = 0; i < n; i++)
        {
            stage[i] = y[i] + (h * A21 * k1[i]);
        }

        EvaluateRhs(t + (C2 * h), stage, k2);
        for (int i = 0; i < n; i++)
        {
            stage[i] = y[i] + (h * ((A31 * k1[i]) + (A32 * k2[i])));
        }

        EvaluateRhs(t + (C3 * h), stage, k3);
        for (int i = 0; i < n; i++)
        {
            stage[i] = y[i] + (h * ((A41 * k1[i]) + (A42 * k2[i]) + (A43 * k3[i])));
        }

        EvaluateRhs(t + (C4 * h), stage, k4);
        for (int i = 0; i < n; i++)
        {
            stage[i] = y[i] + (h * ((A51 * k1[i]) + (A52 * k2[i]) + (A53 * k3[i]) + (A54 * k4[i])));
        }

        EvaluateRhs(t + (C5 * h), stage, k5);
        for (int i = 0; i < n; i++)
        {
            stage[i] = y[i] + (h * ((A61 * k1[i]) + (A62 * k2[i]) + (A63 * k3[i]) + (A64 * k4[i]) + (A65 * k5[i])));
        }

        EvaluateRhs(t + h, stage, k6);
        for (int i = 0; i < n; i++)
        {
            yNew[i] = y[i] + (h * ((A71 * k1[i]) + (A73 * k3[i]) + (A74 * k4[i]) + (A75 * k5[i]) + (A76 * k6[i])));
        }

        EvaluateRhs(t + h, yNew, k7);
        for (int i = 0; i < n; i++)
        {
            error[i] = h * ((E1 * k1[i]) + (E3 * k3[i]) + (E4 * k4[i]) + (E5 * k5[i]) + (E6 * k6[i]) + (E7 * k7[i]));
        }

        return ErrorNorm(error, y, yNew);
    }

    public override void Accept(double t, ReadOnlySpan<double> y, double h, ReadOnlySpan<double> yNew)
    {
        int n = Dimension;
        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i < n; i++)
        {
            double difference = yNew[i] - y[i];
            double spline = (h * k1[i]) - difference;
            dense[i] = y[i];
            dense[n + i] = difference;
            dense[(2 * n) + i] = spline;
            dense[(3 * n) + i] = difference - (h * k7[i]) - spline;
            dense[(4 * n) + i] = h * ((D1 * k1[i]) + (D3 * k3[i]) + (D4 * k4[i]) + (D5 * k5[i]) + (D6 * k6[i]) + (D7 * k7[i]));

            double dk = k7[i] - k6[i];
            double dy = yNew[i] - stage[i];
            numerator += dk * dk;
            denominator += dy * dy;
        }

        StiffnessIndicator = denominator > 0 ? h * Math.Sqrt(numerator / denominator) : 0;

        // First same as last: f(t + h, y_new) is the next step's first stage.
        k7.CopyTo(k1, 0);
    }
}

/// <summary>Evaluates the Dormand–Prince continuous extension from its five coefficient vectors.</summary>
internal sealed class DormandPrince54Interpolant : IDenseInterpolant
{
    public static readonly DormandPrince54Interpolant Instance = new();

    public int VectorCount => 5;

    public void Interpolate(ReadOnlySpan<double> coefficients, double theta, double h, Span<double> y)
    {
        int n = y.Length;
        double theta1 = 1 - theta;
        for (int i = 0; i < n; i++)
        {
            y[i] = coefficients[i] + (theta * (coefficients[n + i] + (theta1 * (coefficients[(2 * n) + i]
                + (theta * (coefficients[(3 * n) + i] + (theta1 * coefficients[(4 * n) + i])))))));
        }
    }
}
