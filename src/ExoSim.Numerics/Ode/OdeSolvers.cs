using ExoSim.Numerics.Ode.ExplicitRungeKutta;
using ExoSim.Numerics.Ode.Rosenbrock;

namespace ExoSim.Numerics.Ode;

/// <summary>
/// The documented rule for choosing a solver: models that declare themselves stiff get <see cref="Rodas5P"/>,
/// others <see cref="DormandPrince54"/>; when unsure, <see cref="AutoStiffnessSwitching"/> detects stiffness at run time.
/// </summary>
public static class OdeSolvers
{
    /// <summary>Dormand–Prince 5(4), explicit, for non-stiff problems.</summary>
    public static IOdeSolver DormandPrince54 { get; } = new DormandPrince54();

    /// <summary>Rodas5P, linearly implicit, for stiff problems.</summary>
    public static IOdeSolver Rodas5P { get; } = new Rodas5P();

    /// <summary>Explicit until stiffness is detected, then Rodas5P.</summary>
    public static IOdeSolver Auto { get; } = new AutoStiffnessSwitching();

    /// <summary>The solver for a problem whose stiffness is known: Rodas5P if stiff, else Dormand–Prince 5(4).</summary>
    public static IOdeSolver For(bool isStiff) => isStiff ? Rodas5P : DormandPrince54;

    /// <summary>A solver by name: <c>auto</c>, <c>rodas5p</c> or <c>dormand-prince54</c> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">For any other name, listing the allowed ones.</exception>
    public static IOdeSolver ByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToUpperInvariant() switch
        {
            "AUTO" => Auto,
            "RODAS5P" => Rodas5P,
            "DORMAND-PRINCE54" or "DORMANDPRINCE54" or "DOPRI5" => DormandPrince54,
            _ => throw new ArgumentException($"Unknown solver '{name}'. Allowed: auto, rodas5p, dormand-prince54."),
        };
    }
}
