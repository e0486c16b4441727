namespace ExoSim.Numerics.Ode.Stepping;

/// <summary>
/// One step of one method: attempts, error estimate, acceptance and the step's dense-output coefficients.
/// Step-size control, events and output are the <see cref="IntegrationDriver"/>'s job, shared by all methods.
/// Implementations allocate their work arrays once, in the constructor.
/// </summary>
internal abstract class OdeStepper
{
    private readonly double relativeTolerance;
    private readonly double[] absoluteTolerances;

    protected OdeStepper(IOdeSystem system, SolverOptions options, SolverCounters counters)
    {
        System = system;
        Options = options;
        Counters = counters;
        Dimension = system.Dimension;
        relativeTolerance = options.RelativeTolerance;
        absoluteTolerances = new double[Dimension];
        for (int i = 0; i < Dimension; i++)
        {
            absoluteTolerances[i] = options.AbsoluteTolerances?[i] ?? options.AbsoluteTolerance;
        }
    }

    /// <summary>Method name used in statistics and error messages.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Order q of the error estimate: the estimate behaves like C·h^(q+1). The step-size controller uses exponents in 1/(q+1).
    /// </summary>
    public abstract int ErrorEstimateOrder { get; }

    /// <summary>The continuous extension that reads <see cref="DenseCoefficients"/>.</summary>
    public abstract IDenseInterpolant Interpolant { get; }

    /// <summary>Dense-output coefficients of the last accepted step (valid after <see cref="Accept"/>).</summary>
    public abstract ReadOnlySpan<double> DenseCoefficients { get; }

    /// <summary>f(t, y) at the start of the next step (valid after <see cref="Restart"/> and <see cref="Accept"/>).</summary>
    public abstract ReadOnlySpan<double> CurrentDerivative { get; }

    /// <summary>
    /// PI step-size controller gains (β1, β2) for this method; see <see cref="IntegrationDriver"/>. With safety 0.9 the
    /// error per step settles near 0.9^(1/(β1 − β2)) ≈ 0.17 of the tolerance, so results are conservative. Hairer's
    /// DOPRI5 gains (0.17, 0.04) settle near 0.44 and save steps, but worsened tolerance proportionality on the
    /// eccentric Kepler orbit in our verification tests; kept conservative until a controller study is done.
    /// </summary>
    public virtual (double Beta1, double Beta2) ControllerGains
        => (0.7 / (ErrorEstimateOrder + 1), 0.4 / (ErrorEstimateOrder + 1));

    protected IOdeSystem System { get; }

    protected SolverOptions Options { get; }

    protected SolverCounters Counters { get; }

    protected int Dimension { get; }

    /// <summary>
    /// Starts at (t, y), or restarts after an event changed the state or the inputs: evaluates f(t, y) and forgets
    /// any history (first-same-as-last stage, Jacobian).
    /// </summary>
    public abstract void Restart(double t, ReadOnlySpan<double> y);

    /// <summary>
    /// Attempts one step of size h from (t, y), where y is the state passed to the last <see cref="Restart"/> or
    /// <see cref="Accept"/>. Writes the proposed new state into <paramref name="yNew"/> and returns the scaled error
    /// norm (≤ 1 means acceptable; NaN or +∞ when the attempt produced non-finite values).
    /// </summary>
    public abstract double TryStep(double t, ReadOnlySpan<double> y, double h, Span<double> yNew);

    /// <summary>
    /// Accepts the last attempted step: prepares dense-output coefficients for [t, t + h] and the derivative at the
    /// new point.
    /// </summary>
    public abstract void Accept(double t, ReadOnlySpan<double> y, double h, ReadOnlySpan<double> yNew);

    /// <summary>Calls f and counts it.</summary>
    protected void EvaluateRhs(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        Counters.RhsEvaluations++;
        System.Evaluate(t, y, dydt);
    }

    /// <summary>Absolute tolerance of component i.</summary>
    protected double AbsoluteTolerance(int i) => absoluteTolerances[i];

    /// <summary>
    /// Root-mean-square of err_i / (atol_i + rtol·max(|y0_i|, |y1_i|)) (Hairer, Nørsett &amp; Wanner I, eq. II.4.11).
    /// Returns NaN when any entry is not finite.
    /// </summary>
    protected double ErrorNorm(ReadOnlySpan<double> error, ReadOnlySpan<double> y0, ReadOnlySpan<double> y1)
    {
        double sum = 0;
        for (int i = 0; i < error.Length; i++)
        {
            double scale = absoluteTolerances[i] + (relativeTolerance * Math.Max(Math.Abs(y0[i]), Math.Abs(y1[i])));
            double ratio = error[i] / scale;
            sum += ratio * ratio;
        }

        double norm = Math.Sqrt(sum / error.Length);
        return double.IsFinite(norm) ? norm : double.NaN;
    }
}
