using ExoSim.Models.Parameters;

namespace ExoSim.Therapies.Msc;

/// <summary>
/// Parameters of the MSC (mesenchymal stromal cell) comparator: lung trapping and survival of infused cells and their
/// paracrine exosome secretion, which feeds the exosome pharmacokinetics and pharmacodynamics
/// (<see cref="Exosomes.ExosomeParameters"/>), so that the two therapies share mechanism and differ in kinetics and
/// risk. Adverse-event probabilities are parameters; sampling them per patient needs the trial engine (issue #5).
/// See docs/therapies/msc.md.
/// </summary>
public static class MscParameters
{
    /// <summary>The therapy's id (in <c>exosim params</c>).</summary>
    public const string TherapyId = "msc";

#pragma warning disable CS1591 // Parameter names; each is documented in Schema.
    public const string LungTrappedFraction = "lung_trapped_fraction";
    public const string LungSurvivalHalfLife = "lung_survival_half_life_h";
    public const string UntrappedClearanceHalfLife = "untrapped_clearance_half_life_h";
    public const string SecretionRate = "secretion_particles_per_cell_per_day";
    public const string ParacrinePotency = "paracrine_potency";
    public const string InfusionReactionProbability = "infusion_reaction_probability";
    public const string RejectionProbability = "rejection_probability";
    public const string EctopicTissueHazard = "ectopic_tissue_hazard_per_year";
#pragma warning restore CS1591

    private const string Notes = "ExoSim science notes §7 (gathered, not verified against the paper)";

    /// <summary>The parameter definitions.</summary>
    public static ParameterSchema Schema { get; } = new(
    [
        new ParameterDefinition(LungTrappedFraction, "1", "Share of IV-infused MSCs retained in the lung capillaries on first pass")
        {
            PlausibleMinimum = 0.8, PlausibleMaximum = 0.95, RangeSource = Notes,
        },
        new ParameterDefinition(LungSurvivalHalfLife, "h", "Survival half-life of lung-trapped MSCs")
        {
            PlausibleMinimum = 6, PlausibleMaximum = 72, RangeSource = "assumption around ≈ 24 h (" + Notes + ")",
        },
        new ParameterDefinition(UntrappedClearanceHalfLife, "h", "Clearance half-life of MSCs that pass the lung (liver, spleen)")
        {
            PlausibleMinimum = 0.1, PlausibleMaximum = 24, RangeSource = "assumption",
        },
        new ParameterDefinition(SecretionRate, "particles/cell/d", "Exosomes secreted into blood per living MSC per day")
        {
            PlausibleMinimum = 1e2, PlausibleMaximum = 1e5, RangeSource = "assumption: no in-vivo secretion rate was verified",
        },
        new ParameterDefinition(ParacrinePotency, "1", "Potency of MSC-secreted exosomes relative to the calibrated exosome product")
        {
            PlausibleMinimum = 0, PlausibleMaximum = 10, RangeSource = "assumption",
        },
        new ParameterDefinition(InfusionReactionProbability, "1", "Probability of an acute infusion reaction (fever) per infusion (not yet sampled, issue #5)")
        {
            PlausibleMinimum = 0, PlausibleMaximum = 1, RangeSource = "a probability",
        },
        new ParameterDefinition(RejectionProbability, "1", "Probability of an immunogenic rejection of allogeneic cells per patient (not yet sampled, issue #5)")
        {
            PlausibleMinimum = 0, PlausibleMaximum = 1, RangeSource = "a probability",
        },
        new ParameterDefinition(EctopicTissueHazard, "1/y", "Hazard of ectopic tissue or tumour formation after IV MSCs (not yet sampled, issue #5)")
        {
            PlausibleMinimum = 0, RangeSource = "a hazard",
        },
    ]);

    /// <summary>The default parameter set.</summary>
    public static ParameterSet Default { get; } = ParameterSet.Create("msc-iv-default", Schema)
        .Set(LungTrappedFraction, 0.9, ParameterOrigin.Assumption,
            "assumption in 0.8–0.95: IV MSCs are retained in pulmonary capillaries on first pass (Fischer et al. 2009, Stem Cells Dev 18:683, " +
            "doi:10.1089/scd.2008.0253; Lee et al. 2009, Cell Stem Cell 5:54, doi:10.1016/j.stem.2009.05.003; both via " + Notes + ")")
        .Set(LungSurvivalHalfLife, 24, ParameterOrigin.Assumption,
            "assumption: lung half-life ≈ 24 h of IV hMSCs in mice (Lee et al. 2009 via " + Notes + "); MSCs mostly gone by 24 h (Eggenhofer et al. 2012, " +
            "Front Immunol 3:297, doi:10.3389/fimmu.2012.00297, via the same notes)")
        .Set(UntrappedClearanceHalfLife, 1, ParameterOrigin.Assumption, "assumption: cells that pass the lung are cleared by liver and spleen within hours")
        .Set(SecretionRate, 4000, ParameterOrigin.Assumption,
            "assumption: an order of magnitude for EV release by cultured MSCs; no in-vivo rate was verified. With it, 1e6 cells/kg secrete far fewer " +
            "exosomes than a 1 mg/kg exosome dose (docs/therapies/msc.md)")
        .Set(ParacrinePotency, 1, ParameterOrigin.Assumption,
            "assumption: MSC-secreted exosomes as potent as the calibrated product; other paracrine factors (cytokines) are not modelled")
        .Set(InfusionReactionProbability, 0.1, ParameterOrigin.Assumption,
            "assumption in 0.05–0.15: transient fever is the only significant signal in meta-analyses of MSC infusions (Lalu et al. 2012, PLoS One 7:e47559, " +
            "doi:10.1371/journal.pone.0047559, via " + Notes + ")")
        .Set(RejectionProbability, 0.1, ParameterOrigin.Assumption,
            "assumption: donor-specific antibodies in some recipients of allogeneic MSCs (Ankrum, Ong & Karp 2014, Nat Biotechnol 32:252, doi:10.1038/nbt.2816, via " + Notes + ")")
        .Set(EctopicTissueHazard, 0, ParameterOrigin.Assumption,
            "assumption: ≈ 0 after IV infusion in clinical series (no malignancy signal in the meta-analyses, via " + Notes + "); ectopic tissue was seen after local injection in animals")
        .Build();
}
