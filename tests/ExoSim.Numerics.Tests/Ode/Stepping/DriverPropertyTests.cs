using CsCheck;
using ExoSim.Numerics.Ode;
using ExoSim.Numerics.Ode.ExplicitRungeKutta;

namespace ExoSim.Numerics.Tests.Ode.Stepping;

/// <summary>Randomised properties of the driver on y' = −k·y (exact solution known).</summary>
public class DriverPropertyTests
{
    /// <summary>
    /// For random rates, initial values, spans and tolerances the result is within 20× the mixed tolerance of the
    /// exact exponential (a decaying scalar problem damps earlier errors, so the global error stays of the order of
    /// the local tolerance).
    /// </summary>
    [Fact]
    public void Linear_decay_result_is_within_a_factor_of_tolerance()
    {
        var gen = Gen.Select(Gen.Double[0.01, 5.0], Gen.Double[-100.0, 100.0], Gen.Double[0.1, 20.0], Gen.Int[3, 10]);
        gen.Sample((k, y0, span, exponent) =>
        {
            double tol = Math.Pow(10, -exponent);
            var problem = new OdeProblem(new LinearDecay(k), [y0], 0, span);
            var solution = new DormandPrince54().Solve(problem, new SolverOptions { RelativeTolerance = tol, AbsoluteTolerance = tol });
            double exact = y0 * Math.Exp(-k * span);
            double error = Math.Abs(solution.FinalState[0] - exact);
            return solution.FinalTime == span && error <= 20 * tol * (1 + Math.Abs(y0));
        }, iter: 200);
    }

    /// <summary>SaveAt outputs are exactly at the requested times (inside the span), ascending, and accurate.</summary>
    [Fact]
    public void SaveAt_outputs_are_exactly_at_requested_times()
    {
        var gen = Gen.Select(Gen.Double[0.01, 3.0], Gen.Double[0.5, 50.0], Gen.Double[-5.0, 60.0].Array[0, 30], Gen.Double[0.0, 50.0].Array[0, 3]);
        gen.Sample((k, span, requestedRaw, eventTimes) =>
        {
            double[] requested = [.. requestedRaw.Order()];
            var problem = new OdeProblem(new LinearDecay(k), [1.0], 0, span)
            {
                DiscreteEvents = [.. eventTimes.Select(t => new DiscreteEvent(t))],
            };
            var solution = new DormandPrince54().Solve(problem, new SolverOptions { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-12, SaveAt = requested });
            double[] expected = [.. requested.Where(t => t >= 0 && t <= span)];
            if (!solution.Times.SequenceEqual(expected))
            {
                throw new InvalidOperationException($"k={k:R} span={span:R} events=[{string.Join(",", eventTimes)}] requested=[{string.Join(",", requested)}] got=[{string.Join(",", solution.Times)}]");
            }

            for (int i = 0; i < expected.Length; i++)
            {
                if (Math.Abs(solution.Value(i, 0) - Math.Exp(-k * expected[i])) > 1e-8)
                {
                    return false;
                }
            }

            return true;
        }, iter: 200);
    }
}
