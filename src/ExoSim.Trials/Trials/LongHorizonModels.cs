using ExoSim.Models.HaSherman;
using ExoSim.Models.T1dProgression;
using ExoSim.Trials.Endpoints;

namespace ExoSim.Trials.Trials;

/// <summary>
/// A long-horizon (months to years, fasting-level glucose) model a trial cohort can use with <c>model:</c>, with the
/// defaults a cohort of it takes when the file gives none.
/// </summary>
/// <param name="ModelId">The model's id.</param>
/// <param name="Type">The population type whose cohorts may use it.</param>
/// <param name="DefaultVariability">Coefficients of variation (fractions) of the independent log-normal variability when the cohort gives no <c>variability</c>; ExoSim's assumptions (no published population distribution of these parameters was found).</param>
/// <param name="DefaultOnsetGlucoseMgPerDl">New-onset cohorts: the fasting glucose that diagnoses, by default (mg/dL).</param>
/// <param name="OnsetReason">Why that default.</param>
/// <param name="Endpoints">The endpoints the model can give, in the documented order (<see cref="CourseEndpoints"/>).</param>
public sealed record LongHorizonModel(
    string ModelId, string Type, IReadOnlyList<KeyValuePair<string, double>> DefaultVariability, double DefaultOnsetGlucoseMgPerDl, string OnsetReason, IReadOnlyList<string> Endpoints);

/// <summary>The long-horizon models trial cohorts can use (docs/trials.md, "Long-horizon cohorts").</summary>
public static class LongHorizonModels
{
    /// <summary>Enrolment stage: randomised at the patient's own diagnosis.</summary>
    public const string NewOnset = "new-onset";

    /// <summary>The enrolment stages a long-horizon cohort can have.</summary>
    public static IReadOnlyList<string> Stages { get; } = [NewOnset];

    /// <summary>Longest time from the model's start to diagnosis when a new-onset cohort gives no <c>screening</c> (min; 5 years).</summary>
    public const double DefaultScreeningMin = 5 * 365 * 1440.0;

    /// <summary>The models, by id.</summary>
    public static IReadOnlyList<LongHorizonModel> All { get; } =
    [
        new(
            T1dProgressionModel.ModelId,
            "t1d",
            [new("kappa", 0.10), new("SI", 0.25), new("k_in", 0.20)],
            200,
            "symptomatic onset (ADA 2010 random glucose ≥ 200 mg/dL with symptoms, applied to the model's fasting-level glucose), where the model's honeymoon follows insulin start (docs/models/t1d-progression.md)",
            [CourseEndpoints.FastingGlucose, CourseEndpoints.MeanGlucose, CourseEndpoints.Hba1c, CourseEndpoints.BetaCellMass, CourseEndpoints.BetaCellFunction, CourseEndpoints.InsulinDose]),
        new(
            HaSherman2016Model.ModelId,
            "t2d",
            [new("target_Si", 0.15), new("t_Si", 0.25)],
            126,
            "the ADA 2010 fasting plasma glucose criterion (≥ 126 mg/dL)",
            [CourseEndpoints.FastingGlucose, CourseEndpoints.MeanGlucose, CourseEndpoints.Hba1c, CourseEndpoints.HomaIr, CourseEndpoints.HomaB, CourseEndpoints.BetaCellMass, CourseEndpoints.BetaCellFunction]),
    ];

    /// <summary>The long-horizon model <paramref name="modelId"/>, or null when it is not one.</summary>
    public static LongHorizonModel? Get(string modelId) => All.FirstOrDefault(m => m.ModelId == modelId);
}
