using ExoSim.Models.Parameters;

namespace ExoSim.Therapies.Msc;

/// <summary>
/// Parameters of the MSC (mesenchymal stromal cell) comparator: lung trapping and survival of infused cells and their
/// paracrine exosome secretion, which feeds the exosome pharmacokinetics and pharmacodynamics
/// (<see cref="Exosomes.ExosomeParameters"/>), so that the two therapies share mechanism and differ in kinetics and
/// risk. Adverse-event hazards are parameters; the trial engine samples them per patient
/// (<c>ExoSim.Trials.Trials.AdverseEvents</c>) and a rejection scales that patient's MSC secretion by
/// <see cref="RejectionEfficacyFactor"/>. See docs/therapies/msc.md.
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
    public const string RejectionEfficacyFactor = "rejection_efficacy_factor";
#pragma warning restore CS1591

    private const string Notes = "ExoSim science notes §7 (gathered, not verified against the paper)";

    // What the two meta-analyses report was checked in their abstracts (PubMed 23133515 and 31989101); neither abstract
    // gives an absolute event rate, so the probabilities below remain assumptions.
    private const string Lalu2012 =
        "Lalu et al. 2012, PLoS One 7:e47559, doi:10.1371/journal.pone.0047559 (36 studies, 1012 participants, 8 RCTs: association with transient fever; " +
        "none with acute infusional toxicity, organ complications, infection, death or malignancy)";

    private const string Thompson2020 =
        "Thompson et al. 2020, EClinicalMedicine 19:100249, doi:10.1016/j.eclinm.2019.100249 (55 RCTs, 2696 patients: fever RR 2.48, 95 % CI 1.27–4.86; " +
        "non-fever acute infusional toxicity RR 1.16, 0.70–1.91; malignancy RR 0.93, 0.60–1.45)";

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
        new ParameterDefinition(InfusionReactionProbability, "1", "Probability of an acute infusion or immune reaction (transient fever) per infusion")
        {
            PlausibleMinimum = 0, PlausibleMaximum = 1, RangeSource = "a probability",
        },
        new ParameterDefinition(RejectionProbability, "1", "Probability that a patient rejects the allogeneic cells (immunogenic rejection; once per patient with at least one infusion)")
        {
            PlausibleMinimum = 0, PlausibleMaximum = 1, RangeSource = "a probability",
        },
        new ParameterDefinition(EctopicTissueHazard, "1/y", "Hazard of ectopic tissue or tumour formation after IV MSCs, from the first infusion to the end of follow-up")
        {
            PlausibleMinimum = 0, RangeSource = "a hazard",
        },
        new ParameterDefinition(RejectionEfficacyFactor, "1", "Factor on the MSC secretion (paracrine effect) of a patient who rejects the cells, from the first infusion on")
        {
            PlausibleMinimum = 0, PlausibleMaximum = 1, RangeSource = "a factor: 0 = no effect left, 1 = rejection without efficacy loss",
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
            "assumption in 0.05–0.15 per infusion: transient fever is the one adverse event associated with IV MSCs in " + Lalu2012 + " and " + Thompson2020 +
            "; the abstracts give relative risks, not the absolute rate")
        .Set(RejectionProbability, 0.1, ParameterOrigin.Assumption,
            "assumption: donor-specific antibodies in some recipients of allogeneic MSCs (Ankrum, Ong & Karp 2014, Nat Biotechnol 32:252, doi:10.1038/nbt.2816, via " + Notes +
            ", not read); no rate was verified. Autologous cells would have 0")
        .Set(EctopicTissueHazard, 0, ParameterOrigin.Assumption,
            "assumption: 0 after IV infusion: no malignancy signal in " + Thompson2020 + " or " + Lalu2012 + "; ectopic tissue was seen after local injection in animals (via " + Notes + ")")
        .Set(RejectionEfficacyFactor, 0.5, ParameterOrigin.Assumption,
            "assumption: rejected allogeneic cells are cleared faster, halving their secretion over their lifetime; no measurement was verified")
        .Build();
}
