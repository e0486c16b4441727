using ExoSim.Numerics.Ode;
using ExoSim.Numerics.Ode.ExplicitRungeKutta;

namespace ExoSim.Numerics.Tests.Ode.Stepping;

/// <summary>Events at known times (doses, input switches), tested through Dormand–Prince 5(4).</summary>
public class DiscreteEventTests
{
    private const double K = 0.3;
    private static readonly SolverOptions Tight = new() { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-12 };

    /// <summary>Bolus: y' = −k·y, y(0) = 1, y += D at t = 5: y = e^(−kt) before, (e^(−5k) + D)·e^(−k(t−5)) after.</summary>
    private static double BolusExact(double t, double dose)
        => t < 5 ? Math.Exp(-K * t) : (Math.Exp(-K * 5) + dose) * Math.Exp(-K * (t - 5));

    [Fact]
    public void Bolus_jump_matches_the_piecewise_analytic_solution()
    {
        const double dose = 2;
        var problem = new OdeProblem(new LinearDecay(K), [1.0], 0, 10)
        {
            DiscreteEvents = [new DiscreteEvent(5, (t, y) => y[0] += dose, "bolus")],
        };
        double[] saveAt = [0, 2.5, 4.999, 5, 7.5, 10];
        var solution = new DormandPrince54().Solve(problem, Tight with { SaveAt = saveAt, DenseOutput = true });

        Assert.Equal(saveAt, solution.Times);
        for (int i = 0; i < saveAt.Length; i++)
        {
            Assert.Equal(BolusExact(saveAt[i], dose), solution.Value(i, 0), 9);
        }

        // SaveAt at the event time stores the post-event state.
        Assert.Equal(Math.Exp(-K * 5) + dose, solution.Value(3, 0), 9);
        var occurrence = Assert.Single(solution.Events);
        Assert.Equal(5.0, occurrence.Time);
        Assert.False(occurrence.IsContinuous);
        Assert.Equal(Math.Exp(-K * 5), occurrence.StateBefore[0], 9);

        // No step straddles the jump: the dense output just before 5 is the pre-jump value, and at 5 the post-jump value.
        Assert.Equal(Math.Exp(-K * 5), solution.Interpolate(5 - 1e-9)[0], 9);
        Assert.Equal(Math.Exp(-K * 5) + dose, solution.Interpolate(5)[0], 9);
        Assert.Equal(BolusExact(10, dose), solution.FinalState[0], 9);
    }

    [Fact]
    public void Without_SaveAt_both_pre_and_post_event_states_are_stored()
    {
        var problem = new OdeProblem(new LinearDecay(K), [1.0], 0, 10)
        {
            DiscreteEvents = [new DiscreteEvent(5, (t, y) => y[0] += 2), new DiscreteEvent(7)],
        };
        var solution = new DormandPrince54().Solve(problem, Tight);

        int[] atFive = [.. Enumerable.Range(0, solution.Count).Where(i => solution.Times[i] == 5.0)];
        Assert.Equal(2, atFive.Length);
        Assert.Equal(Math.Exp(-K * 5), solution.Value(atFive[0], 0), 9);
        Assert.Equal(Math.Exp(-K * 5) + 2, solution.Value(atFive[1], 0), 9);

        // A pure breakpoint is a step end but not a jump: stored once.
        Assert.Single(solution.Times, t => t == 7.0);
        for (int i = 1; i < solution.Count; i++)
        {
            Assert.True(solution.Times[i] >= solution.Times[i - 1]);
        }
    }

    /// <summary>
    /// Piecewise-constant input u = 0 before t = 3 and 1 after, in y' = u − k·y, y(0) = 1:
    /// y = e^(−kt) for t ≤ 3, then y = 1/k + (e^(−3k) − 1/k)·e^(−k(t−3)).
    /// </summary>
    private static double SwitchExact(double t)
        => t <= 3 ? Math.Exp(-K * t) : (1 / K) + ((Math.Exp(-K * 3) - (1 / K)) * Math.Exp(-K * (t - 3)));

    [Fact]
    public void Breakpoint_with_input_switched_by_the_event_matches_the_analytic_solution()
    {
        var system = new HeldInput(K);
        var problem = new OdeProblem(system, [1.0], 0, 10)
        {
            DiscreteEvents = [new DiscreteEvent(3, (t, y) => system.Input = 1, "switch")],
        };
        var solution = new DormandPrince54().Solve(problem, Tight with { SaveAt = [1, 3, 6, 10] });
        double[] times = [1, 3, 6, 10];
        for (int i = 0; i < times.Length; i++)
        {
            Assert.Equal(SwitchExact(times[i]), solution.Value(i, 0), 9);
        }
    }

    /// <summary>
    /// The same input read from t by the system (u = t &lt; 3 ? 0 : 1) with a pure breakpoint at 3. The step that ends
    /// at 3 evaluates its last stages at t = 3, where this right-continuous u already switched; the error control
    /// must still deliver the requested accuracy (at the cost of some rejected steps).
    /// </summary>
    [Fact]
    public void Breakpoint_with_input_read_from_time_matches_the_analytic_solution()
    {
        var problem = new OdeProblem(new TimeSwitchedInput(K, 3), [1.0], 0, 10)
        {
            DiscreteEvents = [new DiscreteEvent(3)],
        };
        var solution = new DormandPrince54().Solve(problem, Tight with { SaveAt = [1, 3, 6, 10] });
        double[] times = [1, 3, 6, 10];
        for (int i = 0; i < times.Length; i++)
        {
            Assert.Equal(SwitchExact(times[i]), solution.Value(i, 0), 8);
        }
    }

    [Fact]
    public void Simultaneous_events_are_applied_in_the_given_order()
    {
        var problem = new OdeProblem(new LinearDecay(K), [1.0], 0, 4)
        {
            DiscreteEvents =
            [
                new DiscreteEvent(2, (t, y) => y[0] *= 2, "double"),
                new DiscreteEvent(1, (t, y) => y[0] += 0, "earlier"),
                new DiscreteEvent(2, (t, y) => y[0] += 1, "add"),
            ],
        };
        var solution = new DormandPrince54().Solve(problem, Tight);
        Assert.Equal(["earlier", "double", "add"], solution.Events.Select(e => e.Name));
        double atTwo = (2 * Math.Exp(-K * 2)) + 1;
        Assert.Equal(atTwo * Math.Exp(-K * 2), solution.FinalState[0], 9);
        Assert.Equal(2 * Math.Exp(-K * 2), solution.Events[2].StateBefore[0], 9);
    }

    [Fact]
    public void Event_at_the_start_time_acts_before_the_first_step()
    {
        var problem = new OdeProblem(new LinearDecay(K), [1.0], 0, 2)
        {
            DiscreteEvents = [new DiscreteEvent(0, (t, y) => y[0] += 1, "initial dose")],
        };
        var saved = new DormandPrince54().Solve(problem, Tight with { SaveAt = [0, 2] });
        Assert.Equal(2.0, saved.Value(0, 0));
        Assert.Equal(2 * Math.Exp(-K * 2), saved.FinalState[0], 9);
        Assert.Equal(0.0, Assert.Single(saved.Events).Time);

        // Without SaveAt the state before and after the event are both stored, as at any other event.
        var everyStep = new DormandPrince54().Solve(problem, Tight);
        Assert.Equal(0.0, everyStep.Times[0]);
        Assert.Equal(0.0, everyStep.Times[1]);
        Assert.Equal(1.0, everyStep.Value(0, 0));
        Assert.Equal(2.0, everyStep.Value(1, 0));
    }

    [Fact]
    public void Event_at_the_end_time_is_applied_to_the_final_state()
    {
        var problem = new OdeProblem(new LinearDecay(K), [1.0], 0, 2)
        {
            DiscreteEvents = [new DiscreteEvent(2, (t, y) => y[0] += 1, "last dose")],
        };
        var saved = new DormandPrince54().Solve(problem, Tight with { SaveAt = [1, 2] });
        Assert.Equal(Math.Exp(-K * 2) + 1, saved.Value(1, 0), 9);
        Assert.Equal(Math.Exp(-K * 2) + 1, saved.FinalState[0], 9);
        Assert.Equal(2.0, saved.FinalTime);

        var everyStep = new DormandPrince54().Solve(problem, Tight);
        Assert.Equal(2.0, everyStep.Times[^1]);
        Assert.Equal(2.0, everyStep.Times[^2]);
        Assert.Equal(Math.Exp(-K * 2), everyStep.Value(everyStep.Count - 2, 0), 9);
        Assert.Equal(Math.Exp(-K * 2) + 1, everyStep.Value(everyStep.Count - 1, 0), 9);
    }

    /// <summary>Events outside [start, end] are ignored.</summary>
    [Fact]
    public void Events_outside_the_span_are_ignored()
    {
        var problem = new OdeProblem(new LinearDecay(K), [1.0], 1, 2)
        {
            DiscreteEvents = [new DiscreteEvent(0.5, (t, y) => y[0] = 100), new DiscreteEvent(2.5, (t, y) => y[0] = 100)],
        };
        var solution = new DormandPrince54().Solve(problem, Tight);
        Assert.Empty(solution.Events);
        Assert.Equal(Math.Exp(-K), solution.FinalState[0], 9);
    }

    /// <summary>
    /// Two events whose times differ by rounding only (0.1 + 0.2 vs 0.3, one ulp apart) must both act, without
    /// a step-size failure for the sliver of time between them.
    /// </summary>
    [Fact]
    public void Events_a_few_ulp_apart_do_not_cause_a_step_size_failure()
    {
        double first = 0.3;
        double second = 0.1 + 0.2;
        Assert.True(second > first);
        var problem = new OdeProblem(new LinearDecay(K), [1.0], 0, 1)
        {
            DiscreteEvents = [new DiscreteEvent(first, (t, y) => y[0] += 1, "a"), new DiscreteEvent(second, (t, y) => y[0] += 1, "b")],
        };
        var solution = new DormandPrince54().Solve(problem, Tight);
        Assert.Equal(["a", "b"], solution.Events.Select(e => e.Name));
        Assert.Equal((Math.Exp(-K * 0.3) + 2) * Math.Exp(-K * 0.7), solution.FinalState[0], 9);
    }

    /// <summary>Restart at every event: each event costs one extra right-hand-side evaluation (the new first stage).</summary>
    [Fact]
    public void Each_event_restart_costs_one_evaluation()
    {
        var problem = new OdeProblem(new LinearDecay(K), [1.0], 0, 10)
        {
            DiscreteEvents = [new DiscreteEvent(3, (t, y) => y[0] += 1), new DiscreteEvent(6)],
        };
        var statistics = new DormandPrince54().Solve(problem, Tight).Statistics;
        Assert.Equal((6 * statistics.TotalSteps) + 2 + 2, statistics.RhsEvaluations);
    }

    /// <summary>
    /// A step shortened to land on a stop does not shrink the steps after it: with breakpoints every 10 time units
    /// (none of them on a natural step end) each breakpoint splits one step, and the solve takes at most 1.5 extra
    /// steps per breakpoint (measured 23 for 19; growing again from the shortened step took 36).
    /// </summary>
    [Fact]
    public void Steps_shortened_to_land_on_a_stop_do_not_shrink_the_next_steps()
    {
        var options = new SolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-12 };
        var free = new DormandPrince54().Solve(new OdeProblem(new LinearDecay(0.05), [1.0], 0, 200), options).Statistics;
        var breakpoints = Enumerable.Range(1, 19).Select(k => new DiscreteEvent((10 * k) + 0.01)).ToArray();
        var stopped = new DormandPrince54().Solve(
            new OdeProblem(new LinearDecay(0.05), [1.0], 0, 200) { DiscreteEvents = breakpoints }, options).Statistics;
        Assert.True(
            stopped.AcceptedSteps <= free.AcceptedSteps + (1.5 * breakpoints.Length),
            $"{stopped.AcceptedSteps} steps with {breakpoints.Length} breakpoints, {free.AcceptedSteps} without");
    }
}
