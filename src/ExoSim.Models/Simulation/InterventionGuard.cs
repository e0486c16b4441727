namespace ExoSim.Models.Simulation;

/// <summary>Argument checks shared by the models' <see cref="PhysiologyModel.Schedule"/> implementations.</summary>
internal static class InterventionGuard
{
    /// <summary>Throws unless <paramref name="value"/> is finite and ≥ 0 (a dose or a rate).</summary>
    /// <exception cref="ArgumentException">Naming the quantity and its unit.</exception>
    public static void RequireNonNegative(double value, string what, string unit)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentException($"The {what} must be a finite, non-negative number of {unit}; got {value}.");
        }
    }
}
