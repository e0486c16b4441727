using ExoSim.Therapies.Exosomes;
using ExoSim.Trials.Trials;

namespace ExoSim.Trials.Scenarios;

/// <summary>The exosome (and MSC) therapy of a run, as <c>summary.json</c> records it.</summary>
/// <param name="Doses">Every exosome dose in canonical units.</param>
/// <param name="Infusions">Every MSC infusion.</param>
/// <param name="Parameters">Every exosome parameter used, with unit, origin and source.</param>
/// <param name="MscParameters">Every MSC parameter used (when there are infusions).</param>
/// <param name="Modulations">Which model parameter each mechanism multiplied.</param>
public sealed record ExosomeInfo(
    IReadOnlyList<ExosomeDoseInfo> Doses,
    IReadOnlyList<MscInfusionInfo> Infusions,
    IReadOnlyList<ParameterInfo> Parameters,
    IReadOnlyList<ParameterInfo> MscParameters,
    IReadOnlyList<ExosomeModulationInfo> Modulations)
{
    /// <summary>
    /// The risk of each adverse event of this therapy for the simulated subject over the scenario (a reported risk: a
    /// single scenario draws no adverse events, and a rejection's efficacy loss is not applied; trials draw them).
    /// </summary>
    public IReadOnlyList<AdverseEventRisk> AdverseEventRisks { get; init; } = [];

    /// <summary>Builds the record of a resolved therapy simulated until <paramref name="endMin"/>.</summary>
    public static ExosomeInfo From(ResolvedExosomeTherapy therapy, double endMin)
    {
        ArgumentNullException.ThrowIfNull(therapy);
        return new ExosomeInfo(
            therapy.Doses.Select(d => new ExosomeDoseInfo(d.TimeMin, d.Particles, d.Route.ToString(), d.Potency, Names(d.Mechanisms))).ToArray(),
            therapy.Infusions.Select(d => new MscInfusionInfo(d.TimeMin, d.Cells, d.Potency, Names(d.Mechanisms))).ToArray(),
            ParameterInfo.AllOf(therapy.Parameters),
            therapy.Infusions.Count > 0 ? ParameterInfo.AllOf(therapy.MscParameters) : [],
            therapy.Modulations.OfType<ExosomeModulation>()
                .Select(m => new ExosomeModulationInfo(ExosomeMechanisms.Name(m.Effect.Mechanism), m.Parameter, ExosomeMechanisms.Direction(m.Effect.Mechanism) > 0 ? "raised" : "lowered"))
                .ToArray())
        {
            AdverseEventRisks = AdverseEvents.Risks(therapy.Doses.Count, therapy.Infusions.Count, AdverseEvents.FollowUpMin(therapy.Infusions.Select(i => i.TimeMin), endMin)),
        };
    }

    private static string[] Names(IReadOnlySet<ExosomeMechanism> mechanisms) => ExosomeMechanisms.All.Where(mechanisms.Contains).Select(ExosomeMechanisms.Name).ToArray();
}

/// <summary>One MSC infusion.</summary>
/// <param name="TimeMin">When (min).</param>
/// <param name="Cells">Cells infused.</param>
/// <param name="Potency">Potency of their secretion.</param>
/// <param name="Mechanisms">Mechanisms their exosomes act through.</param>
public sealed record MscInfusionInfo(double TimeMin, double Cells, double Potency, IReadOnlyList<string> Mechanisms);

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
