using ExoSim.Numerics.Ode;

namespace ExoSim.Numerics.Testing.Problems;

/// <summary>
/// A standard initial-value test problem with a published reference solution at its end time.
/// </summary>
/// <param name="Name">Short name, e.g. "HIRES".</param>
/// <param name="System">The right-hand side (may also implement <see cref="IOdeJacobian"/>).</param>
/// <param name="InitialState">y(t0).</param>
/// <param name="StartTime">t0.</param>
/// <param name="EndTime">The time at which <paramref name="Reference"/> is given.</param>
/// <param name="Reference">Reference solution at <paramref name="EndTime"/>.</param>
/// <param name="Source">Where the reference values come from (citation).</param>
/// <param name="IsStiff">Whether the problem is stiff.</param>
public sealed record TestProblem(
    string Name,
    IOdeSystem System,
    double[] InitialState,
    double StartTime,
    double EndTime,
    double[] Reference,
    string Source,
    bool IsStiff)
{
    /// <summary>The problem as an <see cref="OdeProblem"/> over its full time span.</summary>
    public OdeProblem ToOdeProblem() => new(System, InitialState, StartTime, EndTime);

    /// <summary>
    /// Largest mixed error over components: |y − ref| / max(|ref|, floor). Relative where the reference is large,
    /// absolute (scaled by <paramref name="floor"/>) where it is small, as the tolerances rtol/atol request.
    /// </summary>
    public double MaxMixedError(IReadOnlyList<double> y, double floor)
    {
        double worst = 0;
        for (int i = 0; i < Reference.Length; i++)
        {
            double scale = Math.Max(Math.Abs(Reference[i]), floor);
            worst = Math.Max(worst, Math.Abs(y[i] - Reference[i]) / scale);
        }

        return worst;
    }
}
