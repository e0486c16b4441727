namespace ExoSim.Models.Multiscale;

/// <summary>
/// The slow part of a multiscale course (β-cell mass, insulin-resistance drift, …): states that change over days to
/// years, driven by the fast (meal-scale) model's plasma glucose, and setting some of the fast model's parameters
/// through multipliers. Time is in minutes, as everywhere in ExoSim.
/// </summary>
public abstract class SlowDynamics
{
    /// <summary>The slow states, named after their source's symbols.</summary>
    public abstract IReadOnlyList<StateVariable> States { get; }

    /// <summary>The fast model's parameters the slow states act on (multiplied by <see cref="Multipliers"/>).</summary>
    public abstract IReadOnlyList<string> CoupledParameters { get; }

    /// <summary>Where the slow states start.</summary>
    public abstract double[] InitialState();

    /// <summary>d(slow)/dt per minute, given the instantaneous plasma glucose (mg/dL) of the fast model.</summary>
    public abstract void Derivatives(double glucoseMgPerDl, ReadOnlySpan<double> slow, Span<double> dSlowPerMin);

    /// <summary>The multiplier (dimensionless) of each <see cref="CoupledParameters"/> entry for the current slow state.</summary>
    public abstract void Multipliers(ReadOnlySpan<double> slow, Span<double> multipliers);
}
