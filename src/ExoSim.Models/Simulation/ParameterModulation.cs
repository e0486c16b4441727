namespace ExoSim.Models.Simulation;

/// <summary>
/// A time-varying multiplier on one named parameter (how a therapy acts on a model: e.g. ×1.3 on insulin sensitivity
/// while an exosome effect lasts). The multiplier is smooth between its <see cref="Breakpoints"/>; at a breakpoint
/// the solver stops and restarts, and the piece in force is chosen by the latest breakpoint passed
/// (<c>segmentStartMin</c>), never by comparing t with the breakpoint — so a step that ends exactly on a breakpoint
/// still sees the old piece.
/// </summary>
public abstract class ParameterModulation
{
    /// <summary>Creates a modulation of the named parameter.</summary>
    protected ParameterModulation(string parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parameter);
        Parameter = parameter;
    }

    /// <summary>Name of the modulated parameter, as the model's schema spells it.</summary>
    public string Parameter { get; }

    /// <summary>Times (min) where the multiplier may jump.</summary>
    public abstract IReadOnlyList<double> Breakpoints { get; }

    /// <summary>The multiplier (dimensionless, ≥ 0) at <paramref name="timeMin"/>.</summary>
    /// <param name="timeMin">Current time (min).</param>
    /// <param name="segmentStartMin">Start of the current piece: the latest breakpoint (or the simulation start) ≤ t that the solver has passed.</param>
    public abstract double Multiplier(double timeMin, double segmentStartMin);
}

/// <summary>A constant multiplier on a parameter between two times (1 outside).</summary>
public sealed class StepModulation : ParameterModulation
{
    private readonly double[] breakpoints;

    /// <summary>Multiplies <paramref name="parameter"/> by <paramref name="factor"/> for start ≤ t &lt; end.</summary>
    public StepModulation(string parameter, double factor, double startMin, double endMin)
        : base(parameter)
    {
        if (!(factor >= 0) || !double.IsFinite(factor))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "A multiplier must be finite and non-negative.");
        }

        if (!(endMin > startMin))
        {
            throw new ArgumentException($"The modulation must end after it starts (start {startMin} min, end {endMin} min).");
        }

        Factor = factor;
        StartMin = startMin;
        EndMin = endMin;
        breakpoints = [startMin, endMin];
    }

    /// <summary>The multiplier while active.</summary>
    public double Factor { get; }

    /// <summary>Start (min).</summary>
    public double StartMin { get; }

    /// <summary>End (min).</summary>
    public double EndMin { get; }

    /// <inheritdoc />
    public override IReadOnlyList<double> Breakpoints => breakpoints;

    /// <inheritdoc />
    public override double Multiplier(double timeMin, double segmentStartMin)
        => segmentStartMin >= StartMin && segmentStartMin < EndMin ? Factor : 1.0;
}
