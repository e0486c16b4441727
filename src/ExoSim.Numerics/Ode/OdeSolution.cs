using ExoSim.Numerics.Ode.Stepping;

namespace ExoSim.Numerics.Ode;

/// <summary>How a solve ended.</summary>
public enum OdeTermination
{
    /// <summary>The end time was reached.</summary>
    ReachedEnd,

    /// <summary>A terminal continuous event stopped the integration.</summary>
    TerminalEvent,
}

/// <summary>
/// The result of a solve: stored states, events, statistics and (when requested) dense interpolation over the
/// whole interval. Immutable once returned.
/// </summary>
public sealed class OdeSolution
{
    private readonly List<double> times;
    private readonly List<double> states;
    private readonly DenseHistory? dense;

    internal OdeSolution(
        string method,
        int dimension,
        List<double> times,
        List<double> states,
        IReadOnlyList<EventOccurrence> events,
        OdeStatistics statistics,
        OdeTermination termination,
        double finalTime,
        double[] finalState,
        DenseHistory? dense)
    {
        Method = method;
        Dimension = dimension;
        this.times = times;
        this.states = states;
        Events = events;
        Statistics = statistics;
        Termination = termination;
        FinalTime = finalTime;
        FinalState = finalState;
        this.dense = dense;
    }

    /// <summary>Name of the method that produced this solution.</summary>
    public string Method { get; }

    /// <summary>Number of state variables.</summary>
    public int Dimension { get; }

    /// <summary>Times of the stored states, ascending (a time repeats where an event changed the state).</summary>
    public IReadOnlyList<double> Times => times;

    /// <summary>Number of stored states.</summary>
    public int Count => times.Count;

    /// <summary>Events that occurred, in time order.</summary>
    public IReadOnlyList<EventOccurrence> Events { get; }

    /// <summary>Steps, rejections and evaluations.</summary>
    public OdeStatistics Statistics { get; }

    /// <summary>Why the solve ended.</summary>
    public OdeTermination Termination { get; }

    /// <summary>Time at which the integration ended.</summary>
    public double FinalTime { get; }

    /// <summary>State at <see cref="FinalTime"/> (after any event action there).</summary>
    public IReadOnlyList<double> FinalState { get; }

    /// <summary>Whether <see cref="Interpolate(double, Span{double})"/> is available.</summary>
    public bool HasDenseOutput => dense is not null;

    /// <summary>The stored state with the given index.</summary>
    public ReadOnlySpan<double> State(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(states).Slice(index * Dimension, Dimension);
    }

    /// <summary>Component <paramref name="component"/> of the stored state with index <paramref name="index"/>.</summary>
    public double Value(int index, int component) => State(index)[component];

    /// <summary>
    /// Writes the dense-output value y(t) into <paramref name="y"/>. At a time where an event changed the state,
    /// the value after the event is returned. Requires <see cref="SolverOptions.DenseOutput"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">When the solve did not keep dense output.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When t is outside the integrated interval.</exception>
    public void Interpolate(double t, Span<double> y)
    {
        if (dense is null)
        {
            throw new InvalidOperationException("This solution has no dense output; solve with SolverOptions.DenseOutput = true.");
        }

        dense.Interpolate(t, y);
    }

    /// <summary>Allocating convenience overload of <see cref="Interpolate(double, Span{double})"/>.</summary>
    public double[] Interpolate(double t)
    {
        var y = new double[Dimension];
        Interpolate(t, y);
        return y;
    }
}

/// <summary>The dense-output coefficients of every accepted step, in one growable buffer.</summary>
internal sealed class DenseHistory
{
    private readonly int dimension;
    private readonly List<double> stepStart = [];
    private readonly List<double> stepSize = [];
    private readonly List<double> stepValidEnd = [];
    private readonly List<int> offset = [];
    private readonly List<IDenseInterpolant> interpolant = [];
    private readonly List<double> coefficients = [];
    private readonly double startTime;
    private readonly double[] initialState;

    public DenseHistory(int dimension, double startTime, ReadOnlySpan<double> initialState)
    {
        this.dimension = dimension;
        this.startTime = startTime;
        this.initialState = initialState.ToArray();
    }

    public void Add(double t0, double h, double validEnd, IDenseInterpolant method, ReadOnlySpan<double> stepCoefficients)
    {
        stepStart.Add(t0);
        stepSize.Add(h);
        stepValidEnd.Add(validEnd);
        offset.Add(coefficients.Count);
        interpolant.Add(method);
        coefficients.AddRange(stepCoefficients);
    }

    /// <summary>Shortens the last step's validity (a terminal or state-changing event inside it).</summary>
    public void TruncateLast(double validEnd) => stepValidEnd[^1] = validEnd;

    public void Interpolate(double t, Span<double> y)
    {
        int count = stepStart.Count;
        double end = count == 0 ? startTime : stepValidEnd[count - 1];
        if (!(t >= startTime && t <= end))
        {
            throw new ArgumentOutOfRangeException(nameof(t), t, $"Dense output covers [{startTime}, {end}].");
        }

        if (count == 0)
        {
            initialState.CopyTo(y);
            return;
        }

        // Last step whose start is ≤ t: right-continuous at event times (the later step starts after the jump).
        int lo = 0;
        int hi = count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (stepStart[mid] <= t)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        double h = stepSize[lo];
        double theta = (t - stepStart[lo]) / h;
        var method = interpolant[lo];
        int length = (lo + 1 < count ? offset[lo + 1] : coefficients.Count) - offset[lo];
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(coefficients).Slice(offset[lo], length);
        method.Interpolate(span, theta, h, y[..dimension]);
    }
}
