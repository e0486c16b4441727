using ExoSim.Models.Bergman;
using ExoSim.Models.DallaMan;
using ExoSim.Models.HaSherman;
using ExoSim.Models.RoyParker;
using ExoSim.Models.T1dProgression;
using ExoSim.Models.Topp;
using ExoSim.Models.UvaPadova;

namespace ExoSim.Therapies.Exosomes;

/// <summary>
/// Which parameters of which model each mechanism multiplies: by 1 + E(t) for a raising mechanism (replication,
/// sensitivity), by 1 − E(t) for a lowering one (apoptosis, lipolysis, immune killing). A model lacks a mechanism
/// when it has no parameter for it (meal-scale models have no β-cell mass; no model yet has a lipolysis parameter,
/// roy-parker-2006's FFA equations await verification, issue #3).
/// </summary>
public static class ExosomeTargets
{
    private static readonly Dictionary<string, Dictionary<ExosomeMechanism, string[]>> Table = new(StringComparer.Ordinal)
    {
        // Topp 2000: d0 is the glucose-independent death rate and r2 the glucotoxic (quadratic) death term; both are
        // apoptosis, which p38-MAPK inhibition lowers. r1 is glucose-driven replication; SI insulin sensitivity.
        [Topp2000Model.ModelId] = new()
        {
            [ExosomeMechanism.Apoptosis] = ["d0", "r2"],
            [ExosomeMechanism.Replication] = ["r1"],
            [ExosomeMechanism.Sensitivity] = ["SI"],
        },
        [T1dProgressionModel.ModelId] = new()
        {
            [ExosomeMechanism.Apoptosis] = ["d0", "r2"],
            [ExosomeMechanism.Replication] = ["r1"],
            [ExosomeMechanism.Sensitivity] = ["SI"],
            [ExosomeMechanism.Immune] = [T1dProgressionModel.KillingRateParameter],
        },

        // Ha–Satin–Sherman 2016: apoptosis A(M) = Amax·M^kA/(…) + A_b, proliferation P = Pmax·…; SI is a state that
        // relaxes towards target_Si (target_Si2 after tonsi) at t_Si, so a sensitising effect acts through its targets.
        [HaSherman2016Model.ModelId] = new()
        {
            [ExosomeMechanism.Apoptosis] = ["Amax", "A_b"],
            [ExosomeMechanism.Replication] = ["Pmax"],
            [ExosomeMechanism.Sensitivity] = ["target_Si", "target_Si2"],
        },

        // Meal-scale models: insulin-dependent peripheral utilisation (Vmx) and hepatic insulin action (kp3).
        [DallaMan2007Model.ModelId] = new() { [ExosomeMechanism.Sensitivity] = ["Vmx", "kp3"] },
        [UvaPadovaT1DModel.ModelId] = new() { [ExosomeMechanism.Sensitivity] = ["Vmx", "kp3"] },
        [RoyParker2006Model.ModelId] = new() { [ExosomeMechanism.Sensitivity] = ["p4"] },
        [BergmanMinimalModel.ModelId] = new() { [ExosomeMechanism.Sensitivity] = ["p3"] },
    };

    /// <summary>The mechanisms a model has parameters for, in <see cref="ExosomeMechanisms.All"/> order (none for an unknown id).</summary>
    public static IReadOnlyList<ExosomeMechanism> Supported(string modelId)
        => Table.TryGetValue(modelId, out var targets) ? ExosomeMechanisms.All.Where(targets.ContainsKey).ToArray() : [];

    /// <summary>The parameters a mechanism multiplies in a model.</summary>
    /// <exception cref="ArgumentException">Naming the model, the mechanism and the mechanisms the model has.</exception>
    public static IReadOnlyList<string> Parameters(string modelId, ExosomeMechanism mechanism)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        if (Table.TryGetValue(modelId, out var targets) && targets.TryGetValue(mechanism, out var parameters))
        {
            return parameters;
        }

        var supported = Supported(modelId);
        string allowed = supported.Count == 0 ? "none" : string.Join(", ", supported.Select(ExosomeMechanisms.Name));
        throw new ArgumentException(
            $"model '{modelId}' has no parameter for the exosome mechanism '{ExosomeMechanisms.Name(mechanism)}' ({ExosomeMechanisms.Describe(mechanism)}). Mechanisms of this model: {allowed}.");
    }
}
