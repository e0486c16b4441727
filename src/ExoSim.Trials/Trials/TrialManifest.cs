using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using ExoSim.Therapies.Exosomes;
using ExoSim.Trials.Scenarios;

namespace ExoSim.Trials.Trials;

/// <summary>
/// The content of <c>trial.json</c> (layout <see cref="SchemaName"/>): the trial as resolved (cohorts, arms with their
/// events, randomisation, schedule, endpoints, solver), the seed, the tool version, the shard, and the trial file's
/// text, from which <c>exosim merge</c> and <c>--resume</c> rebuild exactly the same trial.
/// </summary>
/// <param name="Schema">Name and version of the layout.</param>
/// <param name="ExosimVersion">Version of the tool.</param>
/// <param name="Notice">The research-use notice.</param>
/// <param name="Trial">The trial file and its name.</param>
/// <param name="Fingerprint">SHA-256 of the file text, the seed and the version: runs, resumes and shards that may be combined share it.</param>
/// <param name="Seed">The seed in effect.</param>
/// <param name="RandomisationSeed">Seed of the allocation stream.</param>
/// <param name="Patients">Number of patients.</param>
/// <param name="ChunkSize">Patients per chunk file.</param>
/// <param name="Shard">This run's shard, or null for the whole trial.</param>
/// <param name="Model">Model id.</param>
/// <param name="Cohorts">Cohorts with how their patients are obtained.</param>
/// <param name="Arms">Arms with regimen and events (trial time, min).</param>
/// <param name="Randomisation">Randomisation.</param>
/// <param name="Schedule">Schedule (min).</param>
/// <param name="Endpoints">Endpoints (the glycaemic ones, then <c>adverse_events</c> when reported).</param>
/// <param name="Columns">Number columns of the patient table after the text columns.</param>
/// <param name="Solver">Solver, rtol and atol.</param>
/// <param name="SourceText">The trial file as read.</param>
public sealed record TrialManifest(
    string Schema,
    string ExosimVersion,
    string Notice,
    TrialInfo Trial,
    string Fingerprint,
    ulong Seed,
    ulong RandomisationSeed,
    int Patients,
    int ChunkSize,
    ShardInfo? Shard,
    string Model,
    IReadOnlyList<CohortInfo> Cohorts,
    IReadOnlyList<ArmInfo> Arms,
    RandomisationSpec Randomisation,
    ScheduleInfo Schedule,
    IReadOnlyList<string> Endpoints,
    IReadOnlyList<string> Columns,
    string Solver,
    string SourceText)
{
    /// <summary>The layout's name and version.</summary>
    public const string SchemaName = "exosim.trial/1";

    /// <summary>The adverse-event hazards the arms' therapies carry (sampled per patient), or null when no arm has a therapy (then left out of trial.json).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AdverseEventHazard>? AdverseEventHazards { get; init; }

    /// <summary>Whether per-patient time series were requested (<c>exosim trial --timeseries</c>): a resume must ask the same.</summary>
    public bool TimeSeries { get; init; }

    /// <summary>The manifest of <paramref name="trial"/> read from <paramref name="sourceText"/>.</summary>
    public static TrialManifest Build(ResolvedTrial trial, string sourceText, string exosimVersion, string notice, ShardInfo? shard)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(sourceText);
        var d = trial.Document;
        var s = d.Schedule;
        var hazards = AdverseEvents.Hazards(trial);
        return new TrialManifest(
            SchemaName,
            exosimVersion,
            notice,
            new TrialInfo(d.File, d.Name, d.Description),
            FingerprintOf(sourceText, d.Seed, exosimVersion),
            d.Seed,
            trial.RandomisationSeed,
            trial.Population.Count,
            TrialEngine.ChunkSize,
            shard,
            trial.Model.Id,
            trial.Population.Cohorts.Select(c => new CohortInfo(c.Name, c.Type, c.Model.Id, c.Size, c.Describe())).ToArray(),
            trial.Arms.Select(a => new ArmInfo(a.Name, a.Ratio, a.Insulin, a.Events.Select(EventInfo.From).ToArray(), a.Modulations) { Therapy = TherapyEventInfo.Of(a) }).ToArray(),
            d.Randomisation,
            new ScheduleInfo(s.RunInMin, s.TreatmentMin, s.Visits, trial.VisitLabels, s.WindowMin, s.OutputIntervalMin, s.Meals, s.FastingTimeOfDayMin, trial.Sensor?.Name, trial.Background),
            [.. d.Endpoints, .. trial.ReportsAdverseEvents ? [AdverseEvents.EndpointName] : Array.Empty<string>()],
            PatientColumns(trial),
            $"{trial.Solver.Name}, rtol {trial.Options.RelativeTolerance:G3}, atol {trial.Options.AbsoluteTolerance:G3}",
            sourceText)
        {
            AdverseEventHazards = hazards.Count > 0 ? hazards : null,
        };
    }

    /// <summary>The number columns of the patient table: covariates, every endpoint column, then the adverse-event columns when reported.</summary>
    public static IReadOnlyList<string> PatientColumns(ResolvedTrial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return [.. TrialColumns.Covariates, .. new TrialColumns(trial.Document.Endpoints, trial.VisitLabels).Endpoints, .. trial.ReportsAdverseEvents ? AdverseEvents.Columns : []];
    }

    /// <summary>SHA-256 (hex) of the trial text, seed and tool version.</summary>
    public static string FingerprintOf(string sourceText, ulong seed, string exosimVersion)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{sourceText}\nseed={seed}\nversion={exosimVersion}")));
}

/// <summary>A shard of a trial: chunks ShardIndex, ShardIndex + Count, … (1-based index as on the command line).</summary>
/// <param name="Index">1-based shard number.</param>
/// <param name="Count">Number of shards.</param>
public sealed record ShardInfo(int Index, int Count);

/// <summary>A cohort in trial.json.</summary>
/// <param name="Name">Name.</param>
/// <param name="Type">Population type.</param>
/// <param name="Model">Model id.</param>
/// <param name="Size">Patients.</param>
/// <param name="Patients">How the patients are obtained.</param>
public sealed record CohortInfo(string Name, string Type, string Model, int Size, string Patients);

/// <summary>An arm in trial.json.</summary>
/// <param name="Name">Name.</param>
/// <param name="Ratio">Allocation ratio.</param>
/// <param name="Insulin">Insulin regimen from randomisation.</param>
/// <param name="Events">The arm's own events (trial time).</param>
/// <param name="Modulations">The arm's modulations (trial time).</param>
public sealed record ArmInfo(string Name, int Ratio, InsulinRegimen Insulin, IReadOnlyList<EventInfo> Events, IReadOnlyList<ModulationSpec> Modulations)
{
    /// <summary>The arm's exosome doses and MSC infusions (trial time), as written.</summary>
    public IReadOnlyList<TherapyEventInfo> Therapy { get; init; } = [];
}

/// <summary>An exosome dose or MSC infusion of an arm in trial.json, in the scenario file's words.</summary>
/// <param name="Kind"><c>exosome</c> or <c>msc</c>.</param>
/// <param name="TimeMin">When (trial time, min).</param>
/// <param name="Dose">The dose with its unit, e.g. <c>70000 µg protein</c>, <c>1e+10 particles</c>, <c>1e+06 cells/kg</c>.</param>
/// <param name="Route">The exosome route keyword (null for MSC, always intravenous).</param>
/// <param name="Source">The exosome source keyword (null for MSC).</param>
/// <param name="Potency">Batch potency factor.</param>
/// <param name="Mechanisms">The mechanisms asked for, or null for every mechanism the model has.</param>
public sealed record TherapyEventInfo(string Kind, double TimeMin, string Dose, string? Route, string? Source, double Potency, IReadOnlyList<string>? Mechanisms)
{
    /// <summary>The therapy events of a resolved arm.</summary>
    public static TherapyEventInfo[] Of(ResolvedArm arm)
    {
        ArgumentNullException.ThrowIfNull(arm);
        if (arm.Therapy is not { } therapy)
        {
            return [];
        }

        static string[]? Names(IReadOnlyList<Located<ExosomeMechanism>>? mechanisms) => mechanisms?.Select(m => ExosomeMechanisms.Name(m.Value)).ToArray();
        var exosomes = therapy.Exosomes.Select(e => e.Value).Select(e => new TherapyEventInfo(
            "exosome",
            e.TimeMin,
            e.Particles is double particles ? string.Create(CultureInfo.InvariantCulture, $"{particles:G6} particles") : string.Create(CultureInfo.InvariantCulture, $"{e.ProteinUg:G6} µg protein"),
            ScenarioReader.ExosomeRoutes.First(r => r.Value == e.Route).Key,
            ScenarioReader.ExosomeSources.First(r => r.Value == e.Source).Key,
            e.BatchPotency,
            Names(e.Mechanisms)));
        var mscs = therapy.Mscs.Select(m => m.Value).Select(m => new TherapyEventInfo(
            "msc", m.TimeMin, string.Create(CultureInfo.InvariantCulture, $"{m.Cells:G6} {(m.PerKg ? "cells/kg" : "cells")}"), null, null, m.BatchPotency, Names(m.Mechanisms)));
        return [.. exosomes, .. mscs];
    }
}

/// <summary>The schedule in trial.json (min).</summary>
/// <param name="RunInMin">Run-in.</param>
/// <param name="TreatmentMin">Treatment period.</param>
/// <param name="VisitsMin">Visit times from randomisation.</param>
/// <param name="VisitLabels">Visit labels.</param>
/// <param name="WindowMin">Measurement window.</param>
/// <param name="OutputIntervalMin">Sample spacing.</param>
/// <param name="Meals">Daily meal plan.</param>
/// <param name="FastingTimeOfDayMin">Fasting sample time of day.</param>
/// <param name="Sensor">CGM sensor, or null.</param>
/// <param name="RunInInsulin">Regimen of every arm during the run-in.</param>
public sealed record ScheduleInfo(
    double RunInMin, double TreatmentMin, IReadOnlyList<double> VisitsMin, IReadOnlyList<string> VisitLabels, double WindowMin, double OutputIntervalMin,
    IReadOnlyList<MealSpec> Meals, double FastingTimeOfDayMin, string? Sensor, InsulinRegimen RunInInsulin);
