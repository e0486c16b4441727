using System.Diagnostics;

namespace ExoSim.Benchmarks.WorkPrecision;

/// <summary>
/// How configurations are timed. Each one gets <see cref="WarmupRuns"/> untimed runs first (JIT, tiering, caches);
/// then timing happens in <see cref="Rounds"/> rounds that each visit every configuration once, so that a burst of
/// load from other processes on a shared machine is spread over all configurations instead of hitting one.
/// </summary>
/// <param name="WarmupRuns">Untimed runs per configuration before any timing.</param>
/// <param name="Rounds">Interleaved timing rounds over all configurations.</param>
/// <param name="MinRunsPerRound">At least this many timed runs per configuration and round.</param>
/// <param name="MaxRunsPerRound">At most this many.</param>
/// <param name="TargetSecondsPerRound">Stop after the minimum once this much time was spent in the round.</param>
internal sealed record TimingPolicy(int WarmupRuns, int Rounds, int MinRunsPerRound, int MaxRunsPerRound, double TargetSecondsPerRound)
{
    public static TimingPolicy Standard { get; } = new(3, 5, 3, 40, 0.1);

    public static TimingPolicy Quick { get; } = new(1, 1, 3, 10, 0.05);

    public string Describe() =>
        $"{WarmupRuns} warm-up runs per configuration, then {Rounds} interleaved rounds of {MinRunsPerRound}–{MaxRunsPerRound} timed runs (until ≥ {TargetSecondsPerRound} s per configuration and round)";
}

/// <summary>Wall-time samples of one configuration.</summary>
internal sealed class TimeSamples
{
    private readonly List<double> seconds = [];

    public int Count => seconds.Count;

    /// <summary>Records a duration measured elsewhere (s).</summary>
    public void Add(double s) => seconds.Add(s);

    public void Clear() => seconds.Clear();

    /// <summary>Runs <paramref name="run"/> for one round of <paramref name="policy"/> and records the wall times (Stopwatch).</summary>
    public void Collect(Action run, TimingPolicy policy)
    {
        double total = 0;
        int runs = 0;
        while (runs < policy.MaxRunsPerRound && (runs < policy.MinRunsPerRound || total < policy.TargetSecondsPerRound))
        {
            long start = Stopwatch.GetTimestamp();
            run();
            double s = Stopwatch.GetElapsedTime(start).TotalSeconds;
            Add(s);
            total += s;
            runs++;
        }
    }

    public double Median() => MedianOf(seconds);

    /// <summary>The median of some values; NaN when there are none.</summary>
    public static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        int m = sorted.Count;
        return m == 0 ? double.NaN : m % 2 == 1 ? sorted[m / 2] : 0.5 * (sorted[(m / 2) - 1] + sorted[m / 2]);
    }

    public double Min() => seconds.Count == 0 ? double.NaN : seconds.Min();
}
