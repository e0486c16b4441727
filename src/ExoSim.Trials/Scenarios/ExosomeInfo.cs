using ExoSim.Therapies.Exosomes;

namespace ExoSim.Trials.Scenarios;

/// <summary>The exosome therapy of a run, as <c>summary.json</c> records it.</summary>
/// <param name="Doses">Every dose in canonical units.</param>
/// <param name="Parameters">Every exosome parameter used, with unit, origin and source.</param>
/// <param name="Modulations">Which model parameter each mechanism multiplied.</param>
public sealed record ExosomeInfo(IReadOnlyList<ExosomeDoseInfo> Doses, IReadOnlyList<ParameterInfo> Parameters, IReadOnlyList<ExosomeModulationInfo> Modulations)
{
    /// <summary>Builds the record of a resolved therapy.</summary>
    public static ExosomeInfo From(ResolvedExosomeTherapy therapy)
    {
        ArgumentNullException.ThrowIfNull(therapy);
        return new ExosomeInfo(
            therapy.Doses.Select(d => new ExosomeDoseInfo(d.TimeMin, d.Particles, d.Route.ToString(), d.Potency,
                ExosomeMechanisms.All.Where(d.Mechanisms.Contains).Select(ExosomeMechanisms.Name).ToArray())).ToArray(),
            therapy.Parameters.Entries.Select(e => new ParameterInfo(e.Name, e.Value, e.Unit, e.Origin, e.Source, e.Definition.Description)).ToArray(),
            therapy.Modulations.OfType<ExosomeModulation>()
                .Select(m => new ExosomeModulationInfo(ExosomeMechanisms.Name(m.Effect.Mechanism), m.Parameter, ExosomeMechanisms.Direction(m.Effect.Mechanism) > 0 ? "raised" : "lowered"))
                .ToArray());
    }
}

/// <summary>One exosome dose.</summary>
/// <param name="TimeMin">When (min).</param>
/// <param name="Particles">Particles given.</param>
/// <param name="Route">Route.</param>
/// <param name="Potency">Batch × source potency.</param>
/// <param name="Mechanisms">Mechanisms it acts through.</param>
public sealed record ExosomeDoseInfo(double TimeMin, double Particles, string Route, double Potency, IReadOnlyList<string> Mechanisms);

/// <summary>A mechanism acting on a model parameter.</summary>
/// <param name="Mechanism">The mechanism.</param>
/// <param name="Parameter">The model parameter.</param>
/// <param name="Direction">"raised" (× (1 + E)) or "lowered" (× (1 − E)).</param>
public sealed record ExosomeModulationInfo(string Mechanism, string Parameter, string Direction);
