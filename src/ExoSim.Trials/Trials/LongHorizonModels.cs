using ExoSim.Models.HaSherman;
using ExoSim.Models.T1dProgression;
using ExoSim.Trials.Endpoints;

namespace ExoSim.Trials.Trials;

/// <summary>
/// A long-horizon (months to years, fasting-level glucose) model a trial cohort can use with <c>model:</c>, with the
/// defaults a cohort of it takes when the file gives none.
/// </summary>
/// <param name="ModelId">The model's id.</param>
/// <param name="Populations">The population types whose cohorts may use it, with their enrolment defaults.</param>
/// <param name="DefaultVariability">Coefficients of variation (fractions) of the independent log-normal variability when the cohort gives no <c>variability</c>; ExoSim's assumptions (no published population distribution of these parameters was found).</param>
/// <param name="Endpoints">The endpoints the model can give, in the documented order (<see cref="CourseEndpoints"/>).</param>
public sealed record LongHorizonModel(
    string ModelId, IReadOnlyList<LongHorizonPopulation> Populations, IReadOnlyList<KeyValuePair<string, double>> DefaultVariability, IReadOnlyList<string> Endpoints)
{
    /// <summary>The population of type <paramref name="type"/> this model has, or null.</summary>
    public LongHorizonPopulation? Population(string type) => Populations.FirstOrDefault(p => p.Type == type);
}

/// <summary>A population type a long-horizon model can enrol, and the fasting glucose that enrols a <c>stage: new-onset</c> patient of it.</summary>
/// <param name="Type">The population type (<c>type:</c> of a cohort).</param>
/// <param name="DefaultOnsetGlucoseMgPerDl">New-onset cohorts: the fasting glucose that enrols (diagnoses), by default (mg/dL).</param>
/// <param name="OnsetReason">Why that default.</param>
/// <param name="MaxOnsetGlucoseMgPerDl">The highest <c>onset_glucose</c> that still fits the type (mg/dL, exclusive), or null for no limit.</param>
/// <param name="NeedsStage">Cohorts of the type must be enrolled at onset (<c>stage: new-onset</c>): the model's start is not yet of that type.</param>
/// <param name="OnsetName">What reaching the onset glucose is, in the cohort's description.</param>
public sealed record LongHorizonPopulation(string Type, double DefaultOnsetGlucoseMgPerDl, string OnsetReason, double? MaxOnsetGlucoseMgPerDl = null, bool NeedsStage = false, string OnsetName = "diagnosis");

/// <summary>The long-horizon models trial cohorts can use (docs/trials.md, "Long-horizon cohorts").</summary>
public static class LongHorizonModels
{
    /// <summary>Enrolment stage: randomised at the patient's own diagnosis.</summary>
    public const string NewOnset = "new-onset";

    /// <summary>The enrolment stages a long-horizon cohort can have.</summary>
    public static IReadOnlyList<string> Stages { get; } = [NewOnset];

    /// <summary>Longest time from the model's start to diagnosis when a new-onset cohort gives no <c>screening</c> (min; 5 years).</summary>
    public const double DefaultScreeningMin = 5 * 365 * 1440.0;

    /// <summary>The fasting glucose from which a patient has diabetes, not prediabetes (mg/dL; ADA 2010, Diabetes Care 33 Suppl 1:S62).</summary>
    public const double PrediabetesUpperMgPerDl = 126;

    /// <summary>The models, by id.</summary>
    public static IReadOnlyList<LongHorizonModel> All { get; } =
    [
        new(
            T1dProgressionModel.ModelId,
            [new("t1d", 200, "symptomatic onset (ADA 2010 random glucose ≥ 200 mg/dL with symptoms, applied to the model's fasting-level glucose), where the model's honeymoon follows insulin start (docs/models/t1d-progression.md)")],
            [new("kappa", 0.10), new("SI", 0.25), new("k_in", 0.20)],
            [CourseEndpoints.FastingGlucose, CourseEndpoints.MeanGlucose, CourseEndpoints.Hba1c, CourseEndpoints.BetaCellMass, CourseEndpoints.BetaCellFunction, CourseEndpoints.InsulinDose]),
        new(
            HaSherman2016Model.ModelId,
            [
                new("t2d", 126, "the ADA 2010 fasting plasma glucose criterion (≥ 126 mg/dL)"),

                // Impaired fasting glucose, 100–125 mg/dL: American Diabetes Association, Diagnosis and classification of
                // diabetes mellitus, Diabetes Care 2010;33 Suppl 1:S62 (doi:10.2337/dc10-S062). 126 mg/dL and above is diabetes.
                new("prediabetes", 100, "impaired fasting glucose onset (ADA 2010 IFG 100–125 mg/dL; 126 mg/dL and above is diabetes)", PrediabetesUpperMgPerDl, NeedsStage: true, OnsetName: "impaired fasting glucose onset"),
            ],
            [new("target_Si", 0.15), new("t_Si", 0.25)],
            [CourseEndpoints.FastingGlucose, CourseEndpoints.MeanGlucose, CourseEndpoints.Hba1c, CourseEndpoints.HomaIr, CourseEndpoints.HomaB, CourseEndpoints.BetaCellMass, CourseEndpoints.BetaCellFunction]),
    ];

    /// <summary>The long-horizon model <paramref name="modelId"/>, or null when it is not one.</summary>
    public static LongHorizonModel? Get(string modelId) => All.FirstOrDefault(m => m.ModelId == modelId);
}
