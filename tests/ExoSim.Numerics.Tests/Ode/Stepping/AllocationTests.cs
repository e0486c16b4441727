using ExoSim.Numerics.Ode;
using ExoSim.Numerics.Ode.ExplicitRungeKutta;

namespace ExoSim.Numerics.Tests.Ode.Stepping;

/// <summary>The integration loop allocates nothing per step: a solve's allocations depend on its outputs only.</summary>
public class AllocationTests
{
    private static long AllocatedBytes(double end, IReadOnlyList<double> saveAt, bool withEvents)
    {
        var problem = new OdeProblem(new Oscillator(), [1.0, 0.0], 0, end)
        {
            ContinuousEvents = withEvents ? [new ContinuousEvent("zero", static (t, y) => y[0])] : [],
        };
        var options = new SolverOptions { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-10, SaveAt = saveAt };
        var solver = new DormandPrince54();
        solver.Solve(problem, options);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var solution = solver.Solve(problem, options);
        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(end, solution.FinalTime);
        return after - before;
    }

    [Fact]
    public void Doubling_the_span_does_not_increase_allocations()
    {
        double[] saveAt = [0.5, 1, 2, 3];
        long shortRun = AllocatedBytes(50, saveAt, withEvents: false);
        long longRun = AllocatedBytes(100, saveAt, withEvents: false);
        long longerRun = AllocatedBytes(200, saveAt, withEvents: false);
        Assert.True(longRun <= shortRun && longerRun <= shortRun, $"bytes: {shortRun} (t=50), {longRun} (t=100), {longerRun} (t=200)");
    }

    /// <summary>Continuous events allocate only for the occurrences they record (one small record per crossing).</summary>
    [Fact]
    public void Continuous_events_allocate_per_occurrence_not_per_step()
    {
        double[] saveAt = [0.5, 1, 2, 3];
        long shortRun = AllocatedBytes(50, saveAt, withEvents: true);
        long longRun = AllocatedBytes(100, saveAt, withEvents: true);

        // 50 time units add 16 zero crossings of cos t (each an EventOccurrence plus a cloned state and list growth);
        // more than 400 bytes per crossing would mean allocations in the step loop (≈ 400 extra steps).
        Assert.True(longRun - shortRun <= 16 * 400, $"bytes: {shortRun} (t=50), {longRun} (t=100)");
    }
}
