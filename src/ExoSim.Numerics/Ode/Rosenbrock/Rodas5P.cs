using ExoSim.Numerics.LinearAlgebra;
using ExoSim.Numerics.Ode.Stepping;

namespace ExoSim.Numerics.Ode.Rosenbrock;

/// <summary>
/// Rodas5P: stiffly accurate (stability function vanishes at infinity) linearly implicit Rosenbrock–Wanner method of order 5 with an embedded
/// order-4 error estimate and a continuous extension (dense output). For stiff problems; one Jacobian and one LU
/// factorisation per step, no Newton iteration.
/// </summary>
/// <remarks>
/// <para>
/// Method: G. Steinebach, "Construction of Rosenbrock–Wanner method Rodas5P and numerical benchmarks within the Julia
/// Differential Equations package", BIT Numerical Mathematics 63:27 (2023), doi:10.1007/s10543-023-00967-x.
/// </para>
/// <para>
/// The Jacobian ∂f/∂y is analytic when the system implements <see cref="IOdeJacobian"/> (unless
/// <see cref="SolverOptions.ForceFiniteDifferenceJacobian"/>), otherwise forward differences; ∂f/∂t comes from
/// <see cref="IOdeTimeDerivative"/> or a forward difference in t. Autonomous systems should implement
/// <see cref="IOdeTimeDerivative"/> (writing zeros) to save one f evaluation per step.
/// </para>
/// </remarks>
public sealed class Rodas5P : IOdeSolver
{
    /// <inheritdoc />
    public string Name => "Rodas5P";

    /// <inheritdoc />
    public OdeSolution Solve(OdeProblem problem, SolverOptions? options = null)
        => IntegrationDriver.Solve(problem, options, (system, checkedOptions, counters) => new Rodas5PStepper(system, checkedOptions, counters));
}

/// <summary>
/// The Rodas5P step in the transformed ("W") formulation of Hairer &amp; Wanner, Solving ODEs II, IV.7, eq. (7.25):
/// for i = 1..8,
/// (I/(hγ) − J)·k_i = f(t + c_i·h, y + Σ_j a_ij·k_j) + d_i·h·∂f/∂t + Σ_j (C_ij/h)·k_j,
/// with y_new = y + Σ_j a_8j·k_j + k_8 (stiffly accurate: the last stage arguments are the solutions), so that
/// k_8 is the difference between the order-5 and the embedded order-4 solution.
/// </summary>
internal sealed class Rodas5PStepper : OdeStepper
{
    // Coefficients of Rodas5P (Steinebach 2023, doi:10.1007/s10543-023-00967-x) in the transformed form used by
    // OrdinaryDiffEq.jl (SciML), OrdinaryDiffEqRosenbrock "Rodas5PTableau" (the package the paper benchmarks in).
    // Read from that public tableau; two independently stored copies agreed digit for digit. Correctness is checked by
    // the convergence-order tests (order 5 for the solution, order 4 for the embedded solution).
    private const double Gamma = 0.21193756319429014;

    private const double A21 = 3.0;
    private const double A31 = 2.849394379747939, A32 = 0.45842242204463923;
    private const double A41 = -6.954028509809101, A42 = 2.489845061869568, A43 = -10.358996098473584;
    private const double A51 = 2.8029986275628964, A52 = 0.5072464736228206, A53 = -0.3988312541770524, A54 = -0.04721187230404641;
    private const double A61 = -7.502846399306121, A62 = 2.561846144803919, A63 = -11.627539656261098, A64 = -0.18268767659942256;
    private const double A65 = 0.030198172008377946;

    private const double C21 = -14.155112264123755;
    private const double C31 = -17.97296035885952, C32 = -2.859693295451294;
    private const double C41 = 147.12150275711716, C42 = -1.41221402718213, C43 = 71.68940251302358;
    private const double C51 = 165.43517024871676, C52 = -0.4592823456491126, C53 = 42.90938336958603, C54 = -5.961986721573306;
    private const double C61 = 24.854864614690072, C62 = -3.0009227002832186, C63 = 47.4931110020768, C64 = 5.5814197821558125;
    private const double C65 = -0.6610691825249471;
    private const double C71 = 30.91273214028599, C72 = -3.1208243349937974, C73 = 77.79954646070892, C74 = 34.28646028294783;
    private const double C75 = -19.097331116725623, C76 = -28.087943162872662;
    private const double C81 = 37.80277123390563, C82 = -3.2571969029072276, C83 = 112.26918849496327, C84 = 66.9347231244047;
    private const double C85 = -40.06618937091002, C86 = -54.66780262877968, C87 = -9.48861652309627;

    // Nodes c_i; c6 = c7 = c8 = 1.
    private const double Cn2 = 0.6358126895828704, Cn3 = 0.4095798393397535, Cn4 = 0.9769306725060716, Cn5 = 0.4288403609558664;

    // d_i = Σ_j γ_ij (coefficients of h·∂f/∂t); d6 = d7 = d8 = 0.
    private const double D1 = 0.21193756319429014, D2 = -0.42387512638858027, D3 = -0.3384627126235924;
    private const double D4 = 1.8046452872882734, D5 = 2.325825639765069;

    // Continuous extension: y(θ) = (1−θ)·y0 + θ·(y1 + (1−θ)·(K1 + θ·(K2 + θ·K3))), K_r = Σ_j H_rj·k_j.
    private static readonly double[] H1 =
    [
        25.948786856663858, -2.5579724845846235, 10.433815404888879, -2.3679251022685204,
        0.524948541321073, 1.1241088310450404, 0.4272876194431874, -0.17202221070155493,
    ];

    private static readonly double[] H2 =
    [
        -9.91568850695171, -0.9689944594115154, 3.0438037242978453, -24.495224566215796,
        20.176138334709044, 15.98066361424651, -6.789040303419874, -6.710236069923372,
    ];

    private static readonly double[] H3 =
    [
        11.419903575922262, 2.8879645146136994, 72.92137995996029, 80.12511834622643,
        -52.072871366152654, -59.78993625266729, -0.15582684282751913, 4.883087185713722,
    ];

    private const int Stages = 8;

    // Finite differences: increment sqrt(eps)·max(|x|, floor) (Hairer & Wanner II, IV.7, code RODAS, uses a floor 1e-5).
    private const double DifferenceFloor = 1e-5;

    private readonly IOdeJacobian? analyticJacobian;
    private readonly IOdeTimeDerivative? timeDerivative;
    private readonly DenseLu lu;
    private readonly double[] jacobian;
    private readonly double[] dfdt;
    private readonly double[] f0;
    private readonly double[][] k;
    private readonly double[] stage;
    private readonly double[] rhs;
    private readonly double[] fTemp;
    private readonly double[] dense;
    private bool jacobianValid;

    public Rodas5PStepper(IOdeSystem system, SolverOptions options, SolverCounters counters)
        : base(system, options, counters)
    {
        int n = Dimension;
        analyticJacobian = options.ForceFiniteDifferenceJacobian ? null : system as IOdeJacobian;
        timeDerivative = system as IOdeTimeDerivative;
        lu = new DenseLu(n);
        jacobian = new double[n * n];
        dfdt = new double[n];
        f0 = new double[n];
        k = new double[Stages][];
        for (int s = 0; s < Stages; s++)
        {
            k[s] = new double[n];
        }

        stage = new double[n];
        rhs = new double[n];
        fTemp = new double[n];
        dense = new double[5 * n];
    }

    public override string Name => "Rodas5P";

    /// <summary>The embedded solution has order 4, so the estimate k_8 behaves like C·h^5.</summary>
    public override int ErrorEstimateOrder => 4;

    public override IDenseInterpolant Interpolant => Rodas5PInterpolant.Instance;

    public override ReadOnlySpan<double> DenseCoefficients => dense;

    public override ReadOnlySpan<double> CurrentDerivative => f0;

    public override void Restart(double t, ReadOnlySpan<double> y)
    {
        EvaluateRhs(t, y, f0);
        jacobianValid = false;
    }

    public override double TryStep(double t, ReadOnlySpan<double> y, double h, Span<double> yNew)
    {
        int n = Dimension;

        // One Jacobian per accepted step: formed at the step start and reused after a rejection.
        if (!jacobianValid)
        {
            FormJacobian(t, y);
            FormTimeDerivative(t, y);
            jacobianValid = true;
        }

        // Iteration matrix I/(hγ) − J, factored once per attempt and used for all eight stages.
        Span<double> matrix = lu.Matrix;
        double diagonal = 1.0 / (h * Gamma);
        for (int i = 0; i < matrix.Length; i++)
        {
            matrix[i] = -jacobian[i];
        }

        for (int i = 0; i < n; i++)
        {
            matrix[(i * n) + i] += diagonal;
        }

        Counters.LuDecompositions++;
        if (!lu.Factor())
        {
            // Singular (or non-finite) for this h: report a failed attempt so the driver shrinks the step.
            return double.NaN;
        }

        double inverseH = 1.0 / h;
        double[] k1 = k[0], k2 = k[1], k3 = k[2], k4 = k[3], k5 = k[4], k6 = k[5], k7 = k[6], k8 = k[7];

        // Stage 1 at (t, y), f reused from the step start.
        for (int i = 0; i < n; i++)
        {
            k1[i] = f0[i] + (D1 * h * dfdt[i]);
        }

        Solve(k1);

        // Stage 2.
        for (int i = 0; i < n; i++)
        {
            stage[i] = y[i] + (A21 * k1[i]);
        }

        EvaluateRhs(t + (Cn2 * h), stage, rhs);
        for (int i = 0; i < n; i++)
        {
            k2[i] = rhs[i] + (D2 * h * dfdt[i]) + (inverseH * (C21 * k1[i]));
        }

        Solve(k2);

        // Stage 3.
        for (int i = 0; i < n; i++)
        {
            stage[i] = y[i] + (A31 * k1[i]) + (A32 * k2[i]);
        }

        EvaluateRhs(t + (Cn3 * h), stage, rhs);
        for (int i = 0; i < n; i++)
        {
            k3[i] = rhs[i] + (D3 * h * dfdt[i]) + (inverseH * ((C31 * k1[i]) + (C32 * k2[i])));
        }

        Solve(k3);

        // Stage 4.
        for (int i = 0; i < n; i++)
        {
            stage[i] = y[i] + (A41 * k1[i]) + (A42 * k2[i]) + (A43 * k3[i]);
        }

        EvaluateRhs(t + (Cn4 * h), stage, rhs);
        for (int i = 0; i < n; i++)
        {
            k4[i] = rhs[i] + (D4 * h * dfdt[i]) + (inverseH * ((C41 * k1[i]) + (C42 * k2[i]) + (C43 * k3[i])));
        }

        Solve(k4);

        // Stage 5.
        for (int i = 0; i < n; i++)
        {
            stage[i] = y[i] + (A51 * k1[i]) + (A52 * k2[i]) + (A53 * k3[i]) + (A54 * k4[i]);
        }

        EvaluateRhs(t + (Cn5 * h), stage, rhs);
        for (int i = 0; i < n; i++)
        {
            k5[i] = rhs[i] + (D5 * h * dfdt[i])
                + (inverseH * ((C51 * k1[i]) + (C52 * k2[i]) + (C53 * k3[i]) + (C54 * k4[i])));
        }

        Solve(k5);

        // Stage 6 at t + h.
        for (int i = 0; i < n; i++)
        {
            stage[i] = y[i] + (A61 * k1[i]) + (A62 * k2[i]) + (A63 * k3[i]) + (A64 * k4[i]) + (A65 * k5[i]);
        }

        double tEnd = t + h;
        EvaluateRhs(tEnd, stage, rhs);
        for (int i = 0; i < n; i++)
        {
            k6[i] = rhs[i] + (inverseH * ((C61 * k1[i]) + (C62 * k2[i]) + (C63 * k3[i]) + (C64 * k4[i]) + (C65 * k5[i])));
        }

        Solve(k6);

        // Stage 7: argument is the previous argument plus k6.
        for (int i = 0; i < n; i++)
        {
            stage[i] += k6[i];
        }

        EvaluateRhs(tEnd, stage, rhs);
        for (int i = 0; i < n; i++)
        {
            k7[i] = rhs[i] + (inverseH * ((C71 * k1[i]) + (C72 * k2[i]) + (C73 * k3[i]) + (C74 * k4[i])
                + (C75 * k5[i]) + (C76 * k6[i])));
        }

        Solve(k7);

        // Stage 8: its argument is the embedded order-4 solution.
        for (int i = 0; i < n; i++)
        {
            stage[i] += k7[i];
        }

        EvaluateRhs(tEnd, stage, rhs);
        for (int i = 0; i < n; i++)
        {
            k8[i] = rhs[i] + (inverseH * ((C81 * k1[i]) + (C82 * k2[i]) + (C83 * k3[i]) + (C84 * k4[i])
                + (C85 * k5[i]) + (C86 * k6[i]) + (C87 * k7[i])));
        }

        Solve(k8);

        for (int i = 0; i < n; i++)
        {
            yNew[i] = stage[i] + k8[i];
        }

        // k8 = order-5 solution − order-4 solution.
        return ErrorNorm(k8, y, yNew);
    }

    public override void Accept(double t, ReadOnlySpan<double> y, double h, ReadOnlySpan<double> yNew)
    {
        int n = Dimension;
        Span<double> y0 = dense.AsSpan(0, n);
        Span<double> y1 = dense.AsSpan(n, n);
        Span<double> kk1 = dense.AsSpan(2 * n, n);
        Span<double> kk2 = dense.AsSpan(3 * n, n);
        Span<double> kk3 = dense.AsSpan(4 * n, n);
        y.CopyTo(y0);
        yNew.CopyTo(y1);
        for (int i = 0; i < n; i++)
        {
            double s1 = 0, s2 = 0, s3 = 0;
            for (int s = 0; s < Stages; s++)
            {
                double ks = k[s][i];
                s1 += H1[s] * ks;
                s2 += H2[s] * ks;
                s3 += H3[s] * ks;
            }

            kk1[i] = s1;
            kk2[i] = s2;
            kk3[i] = s3;
        }

        EvaluateRhs(t + h, yNew, f0);
        jacobianValid = false;
    }

    private void Solve(Span<double> b)
    {
        Counters.LinearSolves++;
        lu.Solve(b);
    }

    private void FormJacobian(double t, ReadOnlySpan<double> y)
    {
        Counters.JacobianEvaluations++;
        if (analyticJacobian is not null)
        {
            analyticJacobian.EvaluateJacobian(t, y, jacobian);
            return;
        }

        // Forward differences, one column per component, around f0 = f(t, y).
        Counters.RhsEvaluations += FiniteDifferenceJacobian.Forward(System, t, y, f0, stage, fTemp, jacobian, DifferenceFloor);
    }

    private void FormTimeDerivative(double t, ReadOnlySpan<double> y)
    {
        if (timeDerivative is not null)
        {
            timeDerivative.EvaluateTimeDerivative(t, y, dfdt);
            return;
        }

        double perturbed = t + (FiniteDifferenceJacobian.SqrtEpsilon * Math.Max(Math.Abs(t), DifferenceFloor));
        double delta = perturbed - t;
        EvaluateRhs(perturbed, y, fTemp);
        double inverseDelta = 1.0 / delta;
        for (int i = 0; i < Dimension; i++)
        {
            dfdt[i] = (fTemp[i] - f0[i]) * inverseDelta;
        }
    }
}

/// <summary>Evaluates the Rodas5P continuous extension from (y0, y1, K1, K2, K3).</summary>
internal sealed class Rodas5PInterpolant : IDenseInterpolant
{
    public static readonly Rodas5PInterpolant Instance = new();

    public int VectorCount => 5;

    public void Interpolate(ReadOnlySpan<double> coefficients, double theta, double h, Span<double> y)
    {
        int n = coefficients.Length / VectorCount;
        double theta1 = 1 - theta;
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = (theta1 * coefficients[i]) + (theta * (coefficients[n + i] + (theta1 * (coefficients[(2 * n) + i]
                + (theta * (coefficients[(3 * n) + i] + (theta * coefficients[(4 * n) + i])))))));
        }
    }
}
