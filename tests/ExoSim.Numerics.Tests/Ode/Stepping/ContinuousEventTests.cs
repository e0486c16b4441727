using ExoSim.Numerics.Ode;
using ExoSim.Numerics.Ode.ExplicitRungeKutta;

namespace ExoSim.Numerics.Tests.Ode.Stepping;

/// <summary>Continuous events located on the dense output, tested through Dormand–Prince 5(4).</summary>
public class ContinuousEventTests
{
    private static readonly SolverOptions Tight = new() { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-12 };

    /// <summary>y' = −k·y from y0 crosses c at t* = ln(y0/c)/k.</summary>
    [Theory]
    [InlineData(0.5, 10.0, 1.0)]
    [InlineData(2.0, 100.0, 3.0)]
    [InlineData(0.05, 1.0, 0.2)]
    public void Threshold_crossing_of_exponential_decay_is_located_at_the_analytic_time(double k, double y0, double c)
    {
        double exact = Math.Log(y0 / c) / k;
        var problem = new OdeProblem(new LinearDecay(k), [y0], 0, 2 * exact)
        {
            ContinuousEvents = [new ContinuousEvent("threshold", (t, y) => y[0] - c, EventDirection.Falling, Terminal: true)],
        };
        var solution = new DormandPrince54().Solve(problem, Tight);

        Assert.Equal(OdeTermination.TerminalEvent, solution.Termination);
        var occurrence = Assert.Single(solution.Events);
        Assert.True(occurrence.Terminated);
        Assert.True(occurrence.IsContinuous);
        // Error in t* ≈ (solution error)/|y'| + event tolerance (1e-10·span): both ≈ 1e-10 relative.
        Assert.True(Math.Abs(occurrence.Time - exact) < 1e-8 * exact, $"event at {occurrence.Time:R}, exact {exact:R}");
        Assert.Equal(occurrence.Time, solution.FinalTime);
        Assert.Equal(c, solution.FinalState[0], 8);
        Assert.Equal(occurrence.Time, solution.Times[^1]);
    }

    /// <summary>The event time tolerance bounds the distance to the root when the solution is nearly exact.</summary>
    [Fact]
    public void Located_time_respects_the_event_time_tolerance()
    {
        // y = 1 − t/10 is reproduced exactly by any Runge–Kutta method; only the root finder errs.
        var linear = new LinearDrift(-0.1);
        const double eventTolerance = 1e-6;
        var problem = new OdeProblem(linear, [1.0], 0, 20)
        {
            ContinuousEvents = [new ContinuousEvent("zero", (t, y) => y[0] - 0.3, Terminal: true)],
        };
        var solution = new DormandPrince54().Solve(problem, Tight with { EventTimeTolerance = eventTolerance });
        double time = solution.Events[0].Time;
        Assert.InRange(time, 7.0, 7.0 + eventTolerance);
    }

    [Fact]
    public void Direction_filters_crossings()
    {
        // y = cos t on [0, 12]: falling zeros at π/2, 5π/2; rising zeros at 3π/2, 7π/2.
        EventCondition zero = (t, y) => y[0];
        var problem = new OdeProblem(new Oscillator(), [1.0, 0.0], 0, 12)
        {
            ContinuousEvents =
            [
                new ContinuousEvent("rising", zero, EventDirection.Rising),
                new ContinuousEvent("falling", zero, EventDirection.Falling),
                new ContinuousEvent("either", zero, EventDirection.Either),
            ],
        };
        var solution = new DormandPrince54().Solve(problem, Tight with { MaxStep = 0.5 });

        double[] rising = [.. solution.Events.Where(e => e.Name == "rising").Select(e => e.Time)];
        double[] falling = [.. solution.Events.Where(e => e.Name == "falling").Select(e => e.Time)];
        double[] either = [.. solution.Events.Where(e => e.Name == "either").Select(e => e.Time)];
        AssertTimes([1.5 * Math.PI, 3.5 * Math.PI], rising);
        AssertTimes([0.5 * Math.PI, 2.5 * Math.PI], falling);
        AssertTimes([0.5 * Math.PI, 1.5 * Math.PI, 2.5 * Math.PI, 3.5 * Math.PI], either);
        Assert.Equal(OdeTermination.ReachedEnd, solution.Termination);
        Assert.Equal(12.0, solution.FinalTime);
        Assert.All(solution.Events, e => Assert.False(e.Terminated));

        // Non-terminal events without actions do not disturb the integration.
        var plain = new DormandPrince54().Solve(new OdeProblem(new Oscillator(), [1.0, 0.0], 0, 12), Tight with { MaxStep = 0.5 });
        Assert.Equal(plain.FinalState[0], solution.FinalState[0], 14);
        Assert.Equal(plain.Statistics.AcceptedSteps, solution.Statistics.AcceptedSteps);
    }

    /// <summary>
    /// A ball dropped from height H under gravity g hits the ground at t1 = √(2H/g) with speed v1 = g·t1; bouncing
    /// with restitution e, it leaves with e·v1 and lands again 2·e·v1/g later, so t_{n+1} = t_n + 2·eⁿ·v1/g.
    /// MaxStep is needed: the motion is quadratic, so the error estimate is zero and the step after a bounce would
    /// otherwise grow to span the whole next arc (up and back down), where g starts at ≈ 0 on its negative side and
    /// ends negative, with no sign change to detect (the limitation documented on <see cref="ContinuousEvent"/>).
    /// </summary>
    [Fact]
    public void Bouncing_ball_hits_the_ground_at_analytic_times()
    {
        const double height = 10;
        const double g = 9.81;
        const double restitution = 0.8;
        const double end = 6;
        var problem = new OdeProblem(new FallingBall(g), [height, 0], 0, end)
        {
            ContinuousEvents =
            [
                new ContinuousEvent("ground", (t, y) => y[0], EventDirection.Falling, Apply: (t, y) => y[1] = -restitution * y[1]),
            ],
        };
        var solution = new DormandPrince54().Solve(problem, Tight with { DenseOutput = true, MaxStep = 0.05 });

        double t1 = Math.Sqrt(2 * height / g);
        double v1 = g * t1;
        var expected = new List<double> { t1 };
        double speed = v1;
        while (true)
        {
            speed *= restitution;
            double next = expected[^1] + (2 * speed / g);
            if (next > end)
            {
                break;
            }

            expected.Add(next);
        }

        Assert.True(expected.Count == solution.Events.Count, $"events: {string.Join(", ", solution.Events.Select(e => $"{e.Time:R} [{string.Join(",", e.StateBefore)}]"))}; final {solution.FinalTime} [{string.Join(",", solution.FinalState)}]");
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(Math.Abs(solution.Events[i].Time - expected[i]) < 1e-8, $"bounce {i}: {solution.Events[i].Time:R} vs {expected[i]:R}");
            Assert.Equal(-v1 * Math.Pow(restitution, i), solution.Events[i].StateBefore[1], 6);
        }

        // Dense output: on the way up after the first bounce, h(t) = e·v1·s − g·s²/2 with s = t − t1.
        double s = 0.3;
        double exactHeight = (restitution * v1 * s) - (0.5 * g * s * s);
        Assert.Equal(exactHeight, solution.Interpolate(t1 + s)[0], 7);
        Assert.Equal(OdeTermination.ReachedEnd, solution.Termination);
    }

    [Fact]
    public void Terminal_event_without_action_stops_and_later_save_points_are_not_stored()
    {
        var problem = new OdeProblem(new LinearDecay(1), [1.0], 0, 10)
        {
            ContinuousEvents = [new ContinuousEvent("half", (t, y) => y[0] - 0.5, Terminal: true)],
        };
        var solution = new DormandPrince54().Solve(problem, Tight with { SaveAt = [0.0, 0.5, 1.0, 2.0] });
        Assert.Equal([0.0, 0.5], solution.Times);
        Assert.Equal(Math.Log(2), solution.FinalTime, 9);
        Assert.Equal(Math.Exp(-0.5), solution.Value(1, 0), 9);
    }

    private static void AssertTimes(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-8, $"crossing {i}: {actual[i]:R} vs {expected[i]:R}");
        }
    }

    /// <summary>y' = a (constant): y is linear, integrated exactly.</summary>
    private sealed class LinearDrift(double slope) : IOdeSystem
    {
        public int Dimension => 1;

        public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt) => dydt[0] = slope;
    }
}
