using ExoSim.Models.Simulation;

namespace ExoSim.Models.Multiscale;

/// <summary>
/// A parameter multiplier set from outside the fast model (by the slow states of a multiscale course) rather than
/// by a time schedule: it has no breakpoints, and whoever owns it sets <see cref="Value"/> before the fast system is
/// evaluated.
/// </summary>
public sealed class ExternalMultiplier : ParameterModulation
{
    /// <summary>Creates a multiplier of 1 on the named parameter.</summary>
    public ExternalMultiplier(string parameter)
        : base(parameter)
    {
    }

    /// <summary>The current multiplier (dimensionless, ≥ 0).</summary>
    public double Value { get; set; } = 1;

    /// <inheritdoc />
    public override IReadOnlyList<double> Breakpoints => [];

    /// <inheritdoc />
    public override double Multiplier(double timeMin, double segmentStartMin) => Value;
}
