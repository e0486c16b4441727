using System.Diagnostics;

namespace ExoSim.Benchmarks.WorkPrecision;

/// <summary>How often one configuration is run: warm-up runs first (JIT, tiering, caches), then timed runs.</summary>
/// <param name="WarmupRuns">Untimed runs before measuring.</param>
/// <param name="MinRuns">At least this many timed runs.</param>
/// <param name="MaxRuns">At most this many timed runs.</param>
/// <param name="TargetSeconds">Stop after <paramref name="MinRuns"/> once this much time was spent measuring.</param>
internal sealed record TimingPolicy(int WarmupRuns, int MinRuns, int MaxRuns, double TargetSeconds)
{
    public static TimingPolicy Standard { get; } = new(2, 7, 101, 0.5);

    public static TimingPolicy Quick { get; } = new(1, 3, 11, 0.1);
}

internal static class Timing
{
    /// <summary>Median wall time of <paramref name="run"/> in seconds (Stopwatch), and how many timed runs it took.</summary>
    public static (double MedianSeconds, int Runs) Median(Action run, TimingPolicy policy)
    {
        for (int i = 0; i < policy.WarmupRuns; i++)
        {
            run();
        }

        // Start every configuration from a collected heap so that one run's garbage is not billed to the next.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var samples = new List<double>(policy.MaxRuns);
        double total = 0;
        while (samples.Count < policy.MaxRuns && (samples.Count < policy.MinRuns || total < policy.TargetSeconds))
        {
            long start = Stopwatch.GetTimestamp();
            run();
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            samples.Add(seconds);
            total += seconds;
        }

        samples.Sort();
        int m = samples.Count;
        double median = m % 2 == 1 ? samples[m / 2] : 0.5 * (samples[(m / 2) - 1] + samples[m / 2]);
        return (median, m);
    }
}
