using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Numerics.Ode;

namespace ExoSim.Models;

/// <summary>
/// The right-hand side of a model for one parameter set, with the inputs that events change: piecewise-constant
/// input rates (meal carbohydrate, insulin infusion) and parameter multipliers (therapies). Models derive from this
/// and read <see cref="P"/> and <see cref="InputRates"/> in <see cref="EvaluateModel"/>.
/// </summary>
public abstract class ModelSystem : IOdeSystem
{
    private readonly double[] baseValues;
    private readonly (int Index, ParameterModulation Modulation)[] modulations;

    /// <summary>Creates the system for a parameter set and the input channels the model declares.</summary>
    protected ModelSystem(ParameterSet parameters, int dimension, int inputChannelCount, IReadOnlyList<ParameterModulation>? modulations = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters;
        Dimension = dimension;
        baseValues = parameters.Values.ToArray();
        P = parameters.Values.ToArray();
        InputRates = new double[inputChannelCount];
        this.modulations = (modulations ?? [])
            .Select(m => (parameters.Schema.RequireIndex(m.Parameter), m))
            .ToArray();
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <summary>The parameter set this system was built from (before modulation).</summary>
    public ParameterSet Parameters { get; }

    /// <summary>Current parameter values in schema order, including any therapy multipliers.</summary>
    protected double[] P { get; }

    /// <summary>Current input rates by channel (units as the model documents); changed only by scheduled events.</summary>
    public double[] InputRates { get; }

    /// <summary>Start of the current piece of every piecewise input (the latest breakpoint passed).</summary>
    public double SegmentStartMin { get; private set; }

    /// <summary>Marks a breakpoint passed (called from a discrete event).</summary>
    public void EnterSegment(double timeMin) => SegmentStartMin = timeMin;

    /// <inheritdoc />
    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        // Reset, then multiply: several modulations of one parameter (two therapies on SI) compound.
        for (int k = 0; k < modulations.Length; k++)
        {
            P[modulations[k].Index] = baseValues[modulations[k].Index];
        }

        for (int k = 0; k < modulations.Length; k++)
        {
            var (index, modulation) = modulations[k];
            P[index] *= modulation.Multiplier(t, SegmentStartMin);
        }

        EvaluateModel(t, y, dydt);
    }

    /// <summary>The model's equations: write dy/dt using <see cref="P"/> and <see cref="InputRates"/>.</summary>
    protected abstract void EvaluateModel(double t, ReadOnlySpan<double> y, Span<double> dydt);
}
