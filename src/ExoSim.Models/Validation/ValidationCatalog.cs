using ExoSim.Models.Bergman;
using ExoSim.Models.DallaMan;
using ExoSim.Models.HaSherman;
using ExoSim.Models.RoyParker;
using ExoSim.Models.T1dProgression;
using ExoSim.Models.Topp;
using ExoSim.Models.UvaPadova;

namespace ExoSim.Models.Validation;

/// <summary>The validation suites of every model in <see cref="ModelCatalog"/> (what <c>exosim validate</c> runs).</summary>
public static class ValidationCatalog
{
    /// <summary>All suites, in catalog order.</summary>
    public static IReadOnlyList<IModelValidation> All { get; } =
    [
        new BergmanMinimalValidation(),
        new DallaMan2007Validation(),
        new UvaPadovaValidation(),
        new RoyParker2006Validation(),
        new Topp2000Validation(),
        new HaSherman2016Validation(),
        new T1dProgressionValidation(),
    ];

    /// <summary>Runs every suite and concatenates the checks.</summary>
    public static IReadOnlyList<ValidationCheck> RunAll() => All.SelectMany(suite => suite.Run()).ToArray();
}
