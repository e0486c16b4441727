using ExoSim.Models.Bergman;
using ExoSim.Models.DallaMan;
using ExoSim.Models.HaSherman;
using ExoSim.Models.RoyParker;
using ExoSim.Models.T1dProgression;
using ExoSim.Models.Topp;
using ExoSim.Models.UvaPadova;

namespace ExoSim.Models;

/// <summary>Every model ExoSim ships, by stable id.</summary>
public static class ModelCatalog
{
    private static readonly PhysiologyModel[] Models =
    [
        new BergmanMinimalModel(),
        new DallaMan2007Model(),
        new UvaPadovaT1DModel(),
        new RoyParker2006Model(),
        new Topp2000Model(),
        new HaSherman2016Model(),
        new T1dProgressionModel(),
    ];

    /// <summary>All models, in the order <c>exosim models</c> lists them.</summary>
    public static IReadOnlyList<PhysiologyModel> All => Models;

    /// <summary>A model by id.</summary>
    /// <exception cref="KeyNotFoundException">With the closest valid ids when unknown.</exception>
    public static PhysiologyModel Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        foreach (var model in Models)
        {
            if (string.Equals(model.Id, id, StringComparison.Ordinal))
            {
                return model;
            }
        }

        throw new KeyNotFoundException($"Unknown model '{id}'. {NameSuggestions.Describe(id, Models.Select(m => m.Id))}");
    }
}
