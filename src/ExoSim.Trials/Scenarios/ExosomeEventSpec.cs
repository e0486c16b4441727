using ExoSim.Therapies.Exosomes;

namespace ExoSim.Trials.Scenarios;

/// <summary>
/// One exosome dose as read from an <c>exosome</c> event (its schedule expanded), before it is resolved against the
/// model (which mechanisms it has) and the exosome parameters (protein → particles).
/// </summary>
/// <param name="TimeMin">When the dose is given (min).</param>
/// <param name="Particles">The dose in particles, or null when given as protein.</param>
/// <param name="ProteinUg">The dose in µg exosomal protein, or null when given as particles.</param>
/// <param name="Route">How it is given.</param>
/// <param name="Source">Cells of origin.</param>
/// <param name="BatchPotency">Batch potency factor (1 = the calibrated product).</param>
/// <param name="Mechanisms">The mechanisms asked for, each where it was written; null means every mechanism the model has.</param>
public sealed record ExosomeEventSpec(
    double TimeMin,
    double? Particles,
    double? ProteinUg,
    ExosomeRoute Route,
    ExosomeSource Source,
    double BatchPotency,
    IReadOnlyList<Located<ExosomeMechanism>>? Mechanisms);

/// <summary>One MSC infusion as read from an <c>msc</c> event (its schedule expanded).</summary>
/// <param name="TimeMin">When (min).</param>
/// <param name="Cells">Cells, or cells per kg when <paramref name="PerKg"/>.</param>
/// <param name="PerKg">Whether <paramref name="Cells"/> is per kg body weight.</param>
/// <param name="BatchPotency">Potency of the cells' secretion (1 = the default).</param>
/// <param name="Mechanisms">The mechanisms asked for; null means every mechanism the model has.</param>
public sealed record MscEventSpec(double TimeMin, double Cells, bool PerKg, double BatchPotency, IReadOnlyList<Located<ExosomeMechanism>>? Mechanisms);
