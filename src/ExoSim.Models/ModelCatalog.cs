using ExoSim.Models.UvaPadova;

namespace ExoSim.Models;

/// <summary>Every model ExoSim ships, by its stable identifier (what <c>exosim models</c> lists).</summary>
public static class ModelCatalog
{
    /// <summary>All models, in the order they are listed.</summary>
    public static IReadOnlyList<PhysiologyModel> All { get; } =
    [
        new UvaPadovaT1DModel(),
    ];

    /// <summary>A model by identifier.</summary>
    /// <exception cref="KeyNotFoundException">With the closest valid identifiers when unknown.</exception>
    public static PhysiologyModel Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        foreach (var model in All)
        {
            if (string.Equals(model.Id, id, StringComparison.Ordinal))
            {
                return model;
            }
        }

        throw new KeyNotFoundException($"Unknown model '{id}'. {NameSuggestions.Describe(id, All.Select(m => m.Id))}");
    }
}
