using ExoSim.Models;
using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Therapies.Exosomes;

namespace ExoSim.Trials.Scenarios;

/// <summary>A scenario's exosome therapy, resolved against its model.</summary>
/// <param name="Parameters">The exosome parameters used (body weight from the model when it has one).</param>
/// <param name="Doses">The doses in particles, with their mechanisms and potency.</param>
/// <param name="Modulations">The parameter modulations the doses cause.</param>
public sealed record ResolvedExosomeTherapy(ParameterSet Parameters, IReadOnlyList<ExosomeDose> Doses, IReadOnlyList<ParameterModulation> Modulations);

/// <summary>Resolution of <c>exosome</c> events.</summary>
public static partial class ScenarioResolver
{
    /// <summary>The model parameter whose value, in kg, is the subject's body weight for the exosome kinetics.</summary>
    private const string BodyWeightParameter = "BW";

    private static ResolvedExosomeTherapy? ResolveExosome(ScenarioDocument document, PhysiologyModel model, ParameterSet modelParameters)
    {
        if (document.Exosomes.Count == 0)
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

        var supported = ExosomeTargets.Supported(model.Id);
        var doses = new List<ExosomeDose>();
        foreach (var located in document.Exosomes)
        {
            var spec = located.Value;
            if (supported.Count == 0)
            {
                throw new ScenarioException(located.Location, located.Field + ".exosome", $"model '{model.Id}' has no parameter an exosome mechanism acts on. Models with exosome mechanisms: {string.Join(", ", ModelCatalog.All.Select(m => m.Id).Where(id => ExosomeTargets.Supported(id).Count > 0))}.");
            }

            RequireWithin(located.Location, located.Field, spec.TimeMin, document.DurationMin.Value);
            var mechanisms = new HashSet<ExosomeMechanism>(supported);
            if (spec.Mechanisms is { } asked)
            {
                mechanisms.Clear();
                foreach (var mechanism in asked)
                {
                    Guard(mechanism, () => ExosomeTargets.Parameters(model.Id, mechanism.Value));
                    mechanisms.Add(mechanism.Value);
                }
            }

            double particles = spec.Particles ?? (spec.ProteinUg!.Value * parameters[ExosomeParameters.ParticlesPerMicrogram]);
            double potency = spec.BatchPotency * ExosomeParameters.SourcePotency(parameters, spec.Source);
            doses.Add(new ExosomeDose(spec.TimeMin, particles, spec.Route, potency, mechanisms));
        }

        var first = document.Exosomes[0];
        var modulations = Guard(first.Location, first.Field + ".exosome", () => ExosomeTherapy.Modulations(model.Id, parameters, doses));
        return new ResolvedExosomeTherapy(parameters, doses, modulations);
    }
}
