namespace ExoSim.Analysis.Estimation;

/// <summary>
/// A model parameter to estimate: its name, start value and bounds. It is estimated as φ = ln(value), so it stays
/// positive and relative changes are what the optimisers step in; the bounds are a box in φ.
/// </summary>
/// <param name="Name">The model's parameter name.</param>
/// <param name="Initial">Start value, in the parameter's unit (within the bounds).</param>
/// <param name="Lower">Lower bound (positive).</param>
/// <param name="Upper">Upper bound (greater than <paramref name="Lower"/>).</param>
/// <param name="Unit">The parameter's unit, for reports.</param>
public sealed record EstimatedParameter(string Name, double Initial, double Lower, double Upper, string Unit)
{
    /// <summary>Checks that the bounds are positive and ordered and contain the start value.</summary>
    /// <exception cref="ArgumentException">Naming the parameter and what is wrong.</exception>
    public void Validate()
    {
        if (!(Lower > 0) || !double.IsFinite(Upper) || !(Upper > Lower))
        {
            throw new ArgumentException($"Parameter '{Name}': bounds must satisfy 0 < lower < upper < ∞ (it is estimated in log space); got [{Lower}, {Upper}].");
        }

        if (!(Initial >= Lower && Initial <= Upper))
        {
            throw new ArgumentException($"Parameter '{Name}': the initial value {Initial} lies outside its bounds [{Lower}, {Upper}].");
        }
    }
}
