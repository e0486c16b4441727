using ExoSim.Models.Parameters;

namespace ExoSim.Trials.Populations;

/// <summary>One virtual patient of a trial.</summary>
/// <param name="Index">Position in the trial (0-based, across cohorts in file order).</param>
/// <param name="Id">Stable identifier, e.g. <c>adults-00012</c> or a published subject's name.</param>
/// <param name="Cohort">The cohort's name.</param>
/// <param name="Subject">The published subject it is, or the subjects it was drawn from (<c>generated:adult</c>).</param>
/// <param name="Parameters">The model parameters, completed (derived values recomputed).</param>
/// <param name="AgeYears">Age (years), NaN where the model has none.</param>
/// <param name="WeightKg">Body weight (kg).</param>
public sealed record VirtualPatient(int Index, string Id, string Cohort, string Subject, ParameterSet Parameters, double AgeYears, double WeightKg);
