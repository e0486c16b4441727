using ExoSim.Models.Parameters;
using ExoSim.Models.Random;
using ExoSim.Therapies.Exosomes;
using ExoSim.Therapies.Msc;
using ExoSim.Trials.Statistics;

namespace ExoSim.Trials.Trials;

/// <summary>One kind of adverse event a therapy can cause, and the hazard parameter it is drawn from.</summary>
/// <param name="Name">Event name; its patient-table column is <c>ae_</c> + name.</param>
/// <param name="Therapy">Therapy id (<c>exosome</c>, <c>msc</c>), whose parameter set holds the hazard.</param>
/// <param name="Parameter">The hazard parameter.</param>
/// <param name="Exposure">What one draw is for: <c>dose</c>, <c>infusion</c>, <c>patient</c> or <c>year</c> (a hazard rate over the follow-up).</param>
/// <param name="Description">Plain-language description.</param>
public sealed record AdverseEventType(string Name, string Therapy, string Parameter, string Exposure, string Description)
{
    /// <summary>The patient-table column of this event (a count).</summary>
    public string Column => "ae_" + Name;
}

/// <summary>A hazard as used by a trial (in trial.json): the event, its parameter's value, unit and source.</summary>
/// <param name="Event">Event name.</param>
/// <param name="Therapy">Therapy id.</param>
/// <param name="Parameter">Hazard parameter.</param>
/// <param name="Value">Its value.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Exposure">What one draw is for (see <see cref="AdverseEventType.Exposure"/>).</param>
/// <param name="Origin">Literature, assumption, …</param>
/// <param name="Source">Its source or the reason for the assumption.</param>
public sealed record AdverseEventHazard(string Event, string Therapy, string Parameter, double Value, string Unit, string Exposure, string Origin, string Source);

/// <summary>The adverse events one patient had, as counts in the order of <see cref="AdverseEvents.Types"/>.</summary>
/// <param name="Counts">Events per type (0/1 for per-patient and per-follow-up events).</param>
/// <param name="MscEfficacyFactor">Factor on the patient's MSC secretion: <see cref="MscParameters.RejectionEfficacyFactor"/> after a rejection, else 1.</param>
public sealed record PatientAdverseEvents(IReadOnlyList<int> Counts, double MscEfficacyFactor)
{
    /// <summary>No adverse event (a patient without therapy).</summary>
    public static PatientAdverseEvents None { get; } = new(new int[AdverseEvents.Types.Count], 1);

    /// <summary>Whether the patient had any adverse event.</summary>
    public bool Any => Counts.Any(c => c > 0);

    /// <summary>The patient-table values: each count, then <c>ae_any</c> (0 or 1), in the order of <see cref="AdverseEvents.Columns"/>.</summary>
    public IReadOnlyList<double> Values => [.. Counts.Select(c => (double)c), Any ? 1 : 0];

    /// <summary>The events read back from the patient-table values (<see cref="Values"/>), with the efficacy factor a rejection implies.</summary>
    public static PatientAdverseEvents FromValues(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int[] counts = [.. values.Take(AdverseEvents.Types.Count).Select(v => (int)v)];
        return new PatientAdverseEvents(counts, counts[AdverseEvents.Types.ToList().IndexOf(AdverseEvents.MscRejection)] > 0 ? MscParameters.Default[MscParameters.RejectionEfficacyFactor] : 1);
    }
}

/// <summary>
/// Adverse events of exosome and MSC therapy, sampled per patient from the hazards in the therapies' parameter sets
/// (<see cref="ExosomeParameters"/>, <see cref="MscParameters"/>). Draws come from a stream of their own,
/// <see cref="Stream"/>, so the patient's parameters, meals and sensor noise (its stream
/// <c>ForStream(seed, i + 1)</c>) are exactly those of a trial without adverse events. See docs/trials.md.
/// </summary>
public static class AdverseEvents
{
    /// <summary>The endpoint name that asks for adverse events in a trial file's <c>endpoints</c>.</summary>
    public const string EndpointName = "adverse_events";

    /// <summary>The column that is 1 when a patient had any adverse event.</summary>
    public const string AnyColumn = "ae_any";

    /// <summary>
    /// XOR-ed into the trial seed to seed the adverse-event streams ("SAFETY" in ASCII, padded): a different
    /// SplitMix64-expanded starting state, statistically independent of the patient and randomisation streams.
    /// </summary>
    public const ulong StreamDomain = 0x0000_5341_4645_5459UL;

    /// <summary>The exosome infusion reaction (per dose).</summary>
    public static AdverseEventType ExosomeInfusionReaction { get; } =
        new("exosome_infusion_reaction", ExosomeParameters.TherapyId, ExosomeParameters.InfusionReactionProbability, "dose", "acute infusion reaction to an exosome dose");

    /// <summary>The MSC infusion or immune reaction, e.g. transient fever (per infusion).</summary>
    public static AdverseEventType MscInfusionReaction { get; } =
        new("msc_infusion_reaction", MscParameters.TherapyId, MscParameters.InfusionReactionProbability, "infusion", "acute infusion or immune reaction (transient fever) to an MSC infusion");

    /// <summary>Immunogenic rejection of allogeneic MSCs (once per patient); reduces that patient's MSC efficacy.</summary>
    public static AdverseEventType MscRejection { get; } =
        new("msc_rejection", MscParameters.TherapyId, MscParameters.RejectionProbability, "patient", "immunogenic rejection of the allogeneic cells; scales the patient's MSC secretion by rejection_efficacy_factor");

    /// <summary>Ectopic tissue or tumour formation after MSCs (a hazard per year from the first infusion).</summary>
    public static AdverseEventType MscEctopicTissue { get; } =
        new("msc_ectopic_tissue", MscParameters.TherapyId, MscParameters.EctopicTissueHazard, "year", "ectopic tissue or tumour formation between the first MSC infusion and the end of the trial");

    /// <summary>Every event type, in the order of the patient-table columns and of the draws.</summary>
    public static IReadOnlyList<AdverseEventType> Types { get; } = [ExosomeInfusionReaction, MscInfusionReaction, MscRejection, MscEctopicTissue];

    /// <summary>The patient-table columns: one count per type, then <see cref="AnyColumn"/>.</summary>
    public static IReadOnlyList<string> Columns { get; } = [.. Types.Select(t => t.Column), AnyColumn];

    private const double MinutesPerYear = 365.25 * 1440;

    /// <summary>The adverse-event stream of patient <paramref name="index"/>: <c>ForStream(seed ⊕ StreamDomain, index)</c>.</summary>
    public static Xoshiro256StarStar Stream(ulong seed, int index) => Xoshiro256StarStar.ForStream(seed ^ StreamDomain, index);

    /// <summary>The hazards a trial uses (those of the therapies its arms give), or empty when no arm has a therapy.</summary>
    public static IReadOnlyList<AdverseEventHazard> Hazards(ResolvedTrial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var therapies = trial.Arms.Where(a => a.Therapy is not null).ToArray();
        bool exosome = therapies.Any(a => a.Therapy!.Exosomes.Count > 0), msc = therapies.Any(a => a.Therapy!.Mscs.Count > 0);
        return [.. Types.Where(t => t.Therapy == ExosomeParameters.TherapyId ? exosome : msc).Select(t =>
        {
            var entry = ParametersOf(t).Entry(t.Parameter);
            return new AdverseEventHazard(t.Name, t.Therapy, t.Parameter, entry.Value, entry.Definition.Unit, t.Exposure, entry.Origin.ToString().ToLowerInvariant(), entry.Source);
        })];
    }

    /// <summary>
    /// Draws one patient's adverse events in its arm: one uniform per exosome dose, one per MSC infusion, then — with at
    /// least one infusion — one for rejection and one for ectopic tissue over the follow-up from the first infusion to
    /// <paramref name="endMin"/> (P = 1 − exp(−h·years), with the platform-independent <see cref="PortableMath.Exp"/>). A patient without therapy draws nothing.
    /// </summary>
    /// <param name="arm">The patient's arm (trial time).</param>
    /// <param name="seed">The trial seed.</param>
    /// <param name="index">The patient index.</param>
    /// <param name="endMin">End of the trial (min, trial time).</param>
    public static PatientAdverseEvents Sample(ResolvedArm arm, ulong seed, int index, double endMin)
    {
        ArgumentNullException.ThrowIfNull(arm);
        if (arm.Therapy is not { } therapy)
        {
            return PatientAdverseEvents.None;
        }

        var uniform = Stream(seed, index);
        double followUpMin = FollowUpMin(therapy.Mscs.Select(m => m.Value.TimeMin), endMin);
        var counts = new int[Types.Count];
        for (int t = 0; t < Types.Count; t++)
        {
            double probability = DrawProbability(Types[t], followUpMin);
            for (int draw = 0; draw < Draws(Types[t], therapy.Exosomes.Count, therapy.Mscs.Count); draw++)
            {
                counts[t] += uniform.NextDouble() < probability ? 1 : 0;
            }
        }

        bool rejected = counts[Types.ToList().IndexOf(MscRejection)] > 0;
        return new PatientAdverseEvents(counts, rejected ? MscParameters.Default[MscParameters.RejectionEfficacyFactor] : 1);
    }

    /// <summary>
    /// The risk of each event for a patient given <paramref name="exosomeDoses"/> doses and <paramref name="mscInfusions"/>
    /// infusions, followed for <paramref name="mscFollowUpMin"/> after the first infusion: P(at least one event) =
    /// 1 − (1 − p)^draws, the same probabilities a trial draws from (a single scenario reports these instead of drawing).
    /// </summary>
    public static IReadOnlyList<AdverseEventRisk> Risks(int exosomeDoses, int mscInfusions, double mscFollowUpMin)
    {
        return [.. Types.Select(t => (Type: t, Draws: Draws(t, exosomeDoses, mscInfusions))).Where(x => x.Draws > 0).Select(x =>
        {
            double p = DrawProbability(x.Type, mscFollowUpMin);
            return new AdverseEventRisk(x.Type.Name, x.Type.Parameter, ParametersOf(x.Type)[x.Type.Parameter], x.Type.Exposure, x.Draws, 1 - Math.Pow(1 - p, x.Draws));
        })];
    }

    /// <summary>Time from the first of <paramref name="infusionTimesMin"/> to <paramref name="endMin"/> (0 without infusions).</summary>
    public static double FollowUpMin(IEnumerable<double> infusionTimesMin, double endMin)
    {
        ArgumentNullException.ThrowIfNull(infusionTimesMin);
        var times = infusionTimesMin.ToArray();
        return times.Length == 0 ? 0 : Math.Max(0, endMin - times.Min());
    }

    // One draw per dose or infusion, or one per patient with at least one infusion (rejection, ectopic tissue).
    private static int Draws(AdverseEventType type, int exosomeDoses, int mscInfusions)
        => type.Exposure switch
        {
            "dose" => exosomeDoses,
            "infusion" => mscInfusions,
            _ => mscInfusions > 0 ? 1 : 0,
        };

    // The probability of one draw; a hazard per year over the follow-up becomes 1 − exp(−h·years).
    private static double DrawProbability(AdverseEventType type, double followUpMin)
    {
        double value = ParametersOf(type)[type.Parameter];
        return type.Exposure == "year" ? 1 - PortableMath.Exp(-value * followUpMin / MinutesPerYear) : value;
    }

    private static ParameterSet ParametersOf(AdverseEventType type) => type.Therapy == ExosomeParameters.TherapyId ? ExosomeParameters.Default : MscParameters.Default;
}

/// <summary>The risk of one adverse event for a patient with a given therapy (a single scenario's <c>summary.json</c>).</summary>
/// <param name="Event">Event name.</param>
/// <param name="Parameter">Hazard parameter.</param>
/// <param name="Value">Its value.</param>
/// <param name="Exposure">What one draw is for.</param>
/// <param name="Draws">Doses, infusions or 1 (per patient, per follow-up).</param>
/// <param name="Probability">Probability of at least one event.</param>
public sealed record AdverseEventRisk(string Event, string Parameter, double Value, string Exposure, int Draws, double Probability);

/// <summary>Adverse events of one arm and event type (summary.json's <c>adverse_events</c>).</summary>
/// <param name="Event">Event name, or <c>any</c>.</param>
/// <param name="Arm">The arm.</param>
/// <param name="N">Patients allocated to the arm.</param>
/// <param name="Exposed">Patients of the arm who received the event's therapy (for <c>any</c>: all when the arm has a therapy, else 0).</param>
/// <param name="Patients">Patients with at least one event.</param>
/// <param name="Events">Events (a patient may have several per-dose events).</param>
/// <param name="Rate">Patients / N (null when N is 0).</param>
/// <param name="Ci95Low">Lower end of the Wilson 95 % interval of the rate.</param>
/// <param name="Ci95High">Upper end.</param>
public sealed record AdverseEventRate(string Event, string Arm, int N, int Exposed, int Patients, int Events, double? Rate, double? Ci95Low, double? Ci95High)
{
    /// <summary>The event name of the row counting patients with any adverse event.</summary>
    public const string AnyEvent = "any";

    /// <summary>Per arm (in trial order): each event type of the therapies it gives, then <c>any</c> (every arm): counts, rate and Wilson 95 % interval.</summary>
    public static IReadOnlyList<AdverseEventRate> Build(ResolvedTrial trial, IReadOnlyDictionary<string, List<PatientAdverseEvents>> byArm)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(byArm);
        var rates = new List<AdverseEventRate>();
        foreach (var arm in trial.Arms)
        {
            var patients = byArm[arm.Name];
            bool exosome = arm.Therapy?.Exosomes.Count > 0, msc = arm.Therapy?.Mscs.Count > 0;
            for (int t = 0; t < AdverseEvents.Types.Count; t++)
            {
                var type = AdverseEvents.Types[t];
                if (type.Therapy == ExosomeParameters.TherapyId ? exosome : msc)
                {
                    rates.Add(From(type.Name, arm.Name, patients.Count, patients.Count, patients.Count(p => p.Counts[t] > 0), patients.Sum(p => p.Counts[t])));
                }
            }

            rates.Add(From(AnyEvent, arm.Name, patients.Count, exosome || msc ? patients.Count : 0, patients.Count(p => p.Any), patients.Sum(p => p.Counts.Sum())));
        }

        return rates;
    }

    private static AdverseEventRate From(string name, string arm, int n, int exposed, int patients, int events)
    {
        var (low, high) = TrialStatistics.WilsonInterval(patients, n);
        return new AdverseEventRate(name, arm, n, exposed, patients, events, n > 0 ? (double)patients / n : null, EndpointSummary.Json(low), EndpointSummary.Json(high));
    }
}
