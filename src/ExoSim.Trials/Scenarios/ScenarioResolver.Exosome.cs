using ExoSim.Models;
using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Models.Units;
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
    /// The parameter modulations of a document's exosome doses and MSC infusions for one subject's parameters (its body
    /// weight scales the kinetics); empty when there are none. Used by trial arms, whose patients differ.
    /// </summary>
    /// <exception cref="ScenarioException">A mechanism the model does not have.</exception>
    public static IReadOnlyList<ParameterModulation> TherapyModulations(ScenarioDocument document, PhysiologyModel model, ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(parameters);
        return ResolveExosome(document, model, parameters)?.Modulations ?? [];
    }

    /// <summary>
    /// The exosome and MSC parameter sets with the document's <c>exosome_parameters</c> and <c>msc_parameters</c>
    /// overrides (each a number in the parameter's unit, or a quantity with a unit), completed; the exosome body
    /// weight is still the default's (a dose sets it from the model's <c>BW</c>).
    /// </summary>
    /// <exception cref="ScenarioException">An unknown, derived or covariate name, a value that does not parse, or organ shares above 1.</exception>
    public static (ParameterSet Exosome, ParameterSet Msc) TherapyParameters(ScenarioDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var exosome = WithOverrides(ExosomeParameters.Default, document.ExosomeParameterOverrides, ExosomeParameters.TherapyId);
        if (document.ExosomeParameterOverrides.Count > 0)
        {
            var first = document.ExosomeParameterOverrides[0];
            exosome = Guard(first.Location, "exosome_parameters", () => ExosomeParameters.Complete(exosome));
        }

        return (exosome, WithOverrides(MscParameters.Default, document.MscParameterOverrides, MscParameters.TherapyId));
    }

    private static ParameterSet WithOverrides(ParameterSet defaults, IReadOnlyList<Located<KeyValuePair<string, string>>> overrides, string therapyId)
    {
        var parameters = defaults;
        foreach (var entry in overrides)
        {
            var (name, text) = entry.Value;
            int index = parameters.Schema.IndexOf(name);
            if (index < 0)
            {
                throw new ScenarioException(entry.Location, entry.Field, $"therapy '{therapyId}' has no parameter '{name}'. {NameSuggestions.Describe(name, parameters.Schema.Definitions.Where(d => !d.IsDerived && !d.IsCovariate).Select(d => d.Name))} (list: exosim params {therapyId})");
            }

            if (parameters.Schema[index].IsCovariate)
            {
                throw new ScenarioException(entry.Location, entry.Field, $"'{name}' is the subject's, taken from the model's {BodyWeightParameter} where it has one; set {BodyWeightParameter} under 'parameters' instead.");
            }

            double value = Guard(entry, () => UnitCatalog.ParseAs(text, parameters.Schema[index].Unit));
            var current = parameters;
            parameters = Guard(entry, () => current.WithUserValue(name, value, $"scenario {entry.Location}"));
        }

        return parameters;
    }

    private static ResolvedExosomeTherapy? ResolveExosome(ScenarioDocument document, PhysiologyModel model, ParameterSet modelParameters)
    {
        var (parameters, msc) = TherapyParameters(document);
        if (document.Exosomes.Count == 0 && document.Mscs.Count == 0)
        {
            RequireNoOverrides(document.ExosomeParameterOverrides, "exosome_parameters", "exosome or msc");
            RequireNoOverrides(document.MscParameterOverrides, "msc_parameters", "msc");
            return null;
        }

        if (document.Mscs.Count == 0)
        {
            RequireNoOverrides(document.MscParameterOverrides, "msc_parameters", "msc");
        }

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
        var modulations = Guard(location, field, () => ExosomeTherapy.Modulations(model.Id, parameters, doses, msc, infusions));
        return new ResolvedExosomeTherapy(parameters, doses, msc, infusions, modulations);
    }

    /// <summary>Therapy parameters without a dose they act on are a mistake (a misplaced block or a missing event).</summary>
    private static void RequireNoOverrides(IReadOnlyList<Located<KeyValuePair<string, string>>> overrides, string block, string events)
    {
        if (overrides.Count > 0)
        {
            throw new ScenarioException(overrides[0].Location, block, $"has no effect: there are no {events} events for these parameters to act on.");
        }
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

        RequireNoOverrides(document.ExosomeParameterOverrides, "exosome_parameters", "exosome or msc");
        RequireNoOverrides(document.MscParameterOverrides, "msc_parameters", "msc");
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
