using ExoSim.Models;
using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Therapies.Exosomes;
using ExoSim.Therapies.Msc;

namespace ExoSim.Trials.Scenarios;

/// <summary>A scenario's exosome and MSC therapy, resolved against its model.</summary>
/// <param name="Parameters">The exosome parameters used (body weight from the model when it has one).</param>
/// <param name="Doses">The exosome doses in particles, with their mechanisms and potency.</param>
/// <param name="MscParameters">The MSC parameters used.</param>
/// <param name="Infusions">The MSC infusions in cells.</param>
/// <param name="Modulations">The parameter modulations the doses and infusions cause.</param>
public sealed record ResolvedExosomeTherapy(
    ParameterSet Parameters, IReadOnlyList<ExosomeDose> Doses, ParameterSet MscParameters, IReadOnlyList<MscDose> Infusions, IReadOnlyList<ParameterModulation> Modulations);

/// <summary>Resolution of <c>exosome</c> and <c>msc</c> events.</summary>
public static partial class ScenarioResolver
{
    /// <summary>The model parameter whose value, in kg, is the subject's body weight for the exosome kinetics.</summary>
    private const string BodyWeightParameter = "BW";

    /// <summary>
    /// The parameter modulations of a document's exosome doses, MSC infusions and drug doses for one subject's parameters (its body
    /// weight scales the kinetics); empty when there are none. Used by trial arms, whose patients differ.
    /// </summary>
    /// <exception cref="ScenarioException">A mechanism the model does not have.</exception>
    public static IReadOnlyList<ParameterModulation> TherapyModulations(ScenarioDocument document, PhysiologyModel model, ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(parameters);
        return [.. ResolveExosome(document, model, parameters)?.Modulations ?? [], .. DrugModulations(document, model)];
    }

    private static ResolvedExosomeTherapy? ResolveExosome(ScenarioDocument document, PhysiologyModel model, ParameterSet modelParameters)
    {
        if (document.Exosomes.Count == 0 && document.Mscs.Count == 0)
        {
            return null;
        }

        var parameters = ExosomeParameters.Default;
        int bodyWeight = modelParameters.Schema.IndexOf(BodyWeightParameter);
        if (bodyWeight >= 0 && modelParameters.Schema[bodyWeight].Unit == "kg")
        {
            parameters = ExosomeParameters.Complete(parameters.With(
                parameters.Schema.RequireIndex(ExosomeParameters.BodyWeight), modelParameters[bodyWeight], ParameterOrigin.Derived,
                $"the subject's body weight: parameter {BodyWeightParameter} of model '{model.Id}'"));
        }

        var doses = new List<ExosomeDose>();
        foreach (var located in document.Exosomes)
        {
            var spec = located.Value;
            var mechanisms = Mechanisms(document, model, located.Location, located.Field + ".exosome", spec.TimeMin, spec.Mechanisms);
            double particles = spec.Particles ?? (spec.ProteinUg!.Value * parameters[ExosomeParameters.ParticlesPerMicrogram]);
            double potency = spec.BatchPotency * ExosomeParameters.SourcePotency(parameters, spec.Source);
            doses.Add(new ExosomeDose(spec.TimeMin, particles, spec.Route, potency, mechanisms));
        }

        var infusions = new List<MscDose>();
        foreach (var located in document.Mscs)
        {
            var spec = located.Value;
            var mechanisms = Mechanisms(document, model, located.Location, located.Field + ".msc", spec.TimeMin, spec.Mechanisms);
            double cells = spec.PerKg ? spec.Cells * parameters[ExosomeParameters.BodyWeight] : spec.Cells;
            infusions.Add(new MscDose(spec.TimeMin, cells, spec.BatchPotency, mechanisms));
        }

        var (location, field) = document.Exosomes.Count > 0
            ? (document.Exosomes[0].Location, document.Exosomes[0].Field + ".exosome")
            : (document.Mscs[0].Location, document.Mscs[0].Field + ".msc");
        var msc = MscParameters.Default;
        var modulations = Guard(location, field, () => ExosomeTherapy.Modulations(model.Id, parameters, doses, msc, infusions));
        return new ResolvedExosomeTherapy(parameters, doses, msc, infusions, modulations);
    }

    /// <summary>Exosome and MSC events do not act in a multiscale course yet: its slow β-cell course has no therapy hook.</summary>
    private static void RequireNoTherapyInCourse(ScenarioDocument document)
    {
        var (location, field) = document.Exosomes.Count > 0 ? (document.Exosomes[0].Location, document.Exosomes[0].Field + ".exosome")
            : document.Mscs.Count > 0 ? (document.Mscs[0].Location, document.Mscs[0].Field + ".msc")
            : (default(SourceLocation?), string.Empty);
        if (location is { } at)
        {
            throw new ScenarioException(at, field,
                "exosome and msc events do not act in a multiscale course yet (its slow β-cell course has no therapy hook); run them on a long-horizon model (topp-2000, t1d-progression, t2d-progression) without 'multiscale'.");
        }
    }

    /// <summary>The mechanisms of one dose: those asked for (each checked against the model), else every one the model has.</summary>
    private static HashSet<ExosomeMechanism> Mechanisms(
        ScenarioDocument document, PhysiologyModel model, SourceLocation location, string field, double timeMin, IReadOnlyList<Located<ExosomeMechanism>>? asked)
    {
        var supported = ExosomeTargets.Supported(model.Id);
        if (supported.Count == 0)
        {
            throw new ScenarioException(location, field, $"model '{model.Id}' has no parameter an exosome mechanism acts on. Models with exosome mechanisms: {string.Join(", ", ModelCatalog.All.Select(m => m.Id).Where(id => ExosomeTargets.Supported(id).Count > 0))}.");
        }

        RequireWithin(location, field[..field.LastIndexOf('.')], timeMin, document.DurationMin.Value);
        if (asked is null)
        {
            return [.. supported];
        }

        var mechanisms = new HashSet<ExosomeMechanism>();
        foreach (var mechanism in asked)
        {
            Guard(mechanism, () => ExosomeTargets.Parameters(model.Id, mechanism.Value));
            mechanisms.Add(mechanism.Value);
        }

        return mechanisms;
    }
}
