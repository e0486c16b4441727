using ExoSim.Models.Parameters;

namespace ExoSim.Therapies.Exosomes;

/// <summary>
/// The exosome therapy's parameters — pharmacokinetics (mouse reference values and their allometric scaling to the
/// subject), cargo/effect kinetics, pharmacodynamics per mechanism, product and safety — each with unit, value and
/// source or assumption, in the same <see cref="ParameterSet"/> form as the physiology models (what
/// <c>exosim params exosome</c> shows and a scenario's <c>exosome_parameters</c> block may override). See docs/therapies/exosome.md.
/// </summary>
public static class ExosomeParameters
{
    /// <summary>The therapy's id (in <c>exosim params</c> and scenario files).</summary>
    public const string TherapyId = "exosome";

    /// <summary>Name of the default parameter set.</summary>
    public const string DefaultSetName = "msc-exosome-default";

#pragma warning disable CS1591 // Parameter names; each is documented in Schema.
    public const string PlasmaHalfLifeMouse = "plasma_half_life_mouse_min";
    public const string FractionLiver = "fraction_liver";
    public const string FractionSpleen = "fraction_spleen";
    public const string FractionLung = "fraction_lung";
    public const string FractionPancreas = "fraction_pancreas";
    public const string FractionOther = "fraction_other_tissue";
    public const string FractionEliminated = "fraction_eliminated_from_plasma";
    public const string TissueHalfLifeMouse = "tissue_half_life_mouse_h";
    public const string IpAbsorptionHalfLifeMouse = "ip_absorption_half_life_mouse_h";
    public const string IpBioavailability = "ip_bioavailability";
    public const string LocalRetainedFraction = "intrapancreatic_retained_fraction";
    public const string ReferenceBodyWeight = "reference_body_weight_kg";
    public const string BodyWeight = "body_weight_kg";
    public const string AllometricExponent = "allometric_time_exponent";
    public const string PlasmaHalfLife = "plasma_half_life_min";
    public const string TissueHalfLife = "tissue_half_life_h";
    public const string IpAbsorptionHalfLife = "ip_absorption_half_life_h";
    public const string EffectHalfLife = "effect_half_life_d";
    public const string ParticlesPerMicrogram = "particles_per_ug_protein";
    public const string Hill = "hill";
    public const string PotencyBoneMarrow = "potency_bone_marrow";
    public const string PotencyUmbilicalCord = "potency_umbilical_cord";
    public const string PotencyAdipose = "potency_adipose";
    public const string InfusionReactionProbability = "infusion_reaction_probability_per_dose";
#pragma warning restore CS1591

    /// <summary>Mouse body weight of the biodistribution studies (kg): the reference of the allometric scaling.</summary>
    private const double MouseBodyWeightKg = 0.025;

    /// <summary>Dose of the calibration (µg exosomal protein per kg): the effective low dose of Yap et al. 2022.</summary>
    internal const double CalibrationDoseUgPerKg = 1000;

    private const string Morishita2015 =
        "Morishita et al. 2015, J Pharm Sci 104:705 (doi:10.1002/jps.24251), abstract: ¹²⁵I-labelled B16BL6 exosomes IV in mice, 28 % (liver), " +
        "1.6 % (spleen) and 7 % (lung) of the injected radioactivity per organ at 4 h";

    private const string Yap2022 =
        "Yap et al. 2022, Pharmaceutics 14:649 (doi:10.3390/pharmaceutics14030649), abstract: hUC-MSC sEVs at 1 mg/kg improved glucose " +
        "tolerance and HbA1c in HFD/STZ T2D rats (no effect sizes read)";

    /// <summary>Parameter names of the mechanisms' maximal effect (dimensionless fraction).</summary>
    public static string EmaxName(ExosomeMechanism mechanism) => $"emax_{ExosomeMechanisms.Name(mechanism)}";

    /// <summary>Parameter names of the mechanisms' half-maximal cargo (particles per kg body weight at the mechanism's site).</summary>
    public static string Ec50Name(ExosomeMechanism mechanism) => $"ec50_{ExosomeMechanisms.Name(mechanism)}_particles_per_kg";

    /// <summary>The parameter definitions.</summary>
    public static ParameterSchema Schema { get; } = new(
    [
        Range(new ParameterDefinition(PlasmaHalfLifeMouse, "min", "Plasma (blood) half-life of IV exosomes in the mouse"), 1, 60,
            "≈ 2 min (Takahashi 2013, gLuc) to < 1 h (Lai 2014, EV-GlucB) in mice"),
        Fraction(FractionLiver, "Share of the plasma outflow taken up by the liver"),
        Fraction(FractionSpleen, "Share of the plasma outflow taken up by the spleen"),
        Fraction(FractionLung, "Share of the plasma outflow taken up by the lung"),
        Fraction(FractionPancreas, "Share of the plasma outflow taken up by the pancreas/islets"),
        Fraction(FractionOther, "Share of the plasma outflow taken up by other tissue (muscle, adipose, gut, kidney, …)"),
        Fraction(FractionEliminated, "Share of the plasma outflow eliminated without tissue uptake: 1 − the organ shares") with { IsDerived = true },
        Range(new ParameterDefinition(TissueHalfLifeMouse, "h", "Half-life of exosomes taken up by a tissue (degradation) in the mouse"), 2, 48,
            "assumption: 4–24 h (ExoSim science notes §6, unverified), widened"),
        Range(new ParameterDefinition(IpAbsorptionHalfLifeMouse, "h", "Half-life of absorption from the peritoneal cavity to blood in the mouse"), 0.25, 12, "assumption"),
        Fraction(IpBioavailability, "Share of an intraperitoneal dose that reaches blood (the rest is degraded locally)"),
        Fraction(LocalRetainedFraction, "Share of an intrapancreatic (local) dose retained in the pancreas; the rest enters blood"),
        new ParameterDefinition(ReferenceBodyWeight, "kg", "Body weight of the species the kinetic values were measured in (mouse)"),
        Range(new ParameterDefinition(BodyWeight, "kg", "Body weight of the treated subject (allometric scaling, dose per kg)"), 0.015, 250, "mouse to heavy adult human")
            with { IsCovariate = true },
        Range(new ParameterDefinition(AllometricExponent, "1", "Exponent b of physiological time: half-lives scale as (BW/BW_ref)^b"), 0.2, 0.33,
            "allometric time exponents 0.25 (quarter-power) to 1/3 in interspecies pharmacokinetic scaling"),
        new ParameterDefinition(PlasmaHalfLife, "min", "Plasma half-life in the subject: mouse value × (BW/BW_ref)^b") { IsDerived = true },
        new ParameterDefinition(TissueHalfLife, "h", "Tissue half-life in the subject: mouse value × (BW/BW_ref)^b") { IsDerived = true },
        new ParameterDefinition(IpAbsorptionHalfLife, "h", "Peritoneal absorption half-life in the subject: mouse value × (BW/BW_ref)^b") { IsDerived = true },
        Range(new ParameterDefinition(EffectHalfLife, "d", "Half-life of the delivered cargo's (miRNA, protein) biological effect in the target cells"), 3.5, 14,
            "assumption: k_e0 0.05–0.2 /d (ExoSim science notes §6, unverified)"),
        Range(new ParameterDefinition(ParticlesPerMicrogram, "particles/µg", "Exosome particles per µg of exosomal protein (converts a protein dose to particles)"), 1e8, 3e10,
            "assumption: particle-to-protein ratios of EV preparations span about two orders of magnitude with purity (not verified here)"),
        Range(new ParameterDefinition(Hill, "1", "Hill coefficient of every Emax relation"), 0.5, 3, "assumption"),
        .. ExosomeMechanisms.All.SelectMany(m => new[]
        {
            Fraction(EmaxName(m), $"Maximal effect of {ExosomeMechanisms.Describe(m)} (fractional change of its target parameters)"),
            new ParameterDefinition(Ec50Name(m), "particles/kg",
                $"Cargo at the {ExosomeMechanisms.SiteName(ExosomeMechanisms.Site(m))} (particles delivered per kg body weight) giving half the maximal {ExosomeMechanisms.Name(m)} effect")
            {
                PlausibleMinimum = 0,
            },
        }),
        Range(new ParameterDefinition(PotencyBoneMarrow, "1", "Relative potency of bone-marrow MSC exosomes"), 0, 10, "assumption"),
        Range(new ParameterDefinition(PotencyUmbilicalCord, "1", "Relative potency of umbilical-cord MSC exosomes"), 0, 10, "assumption"),
        Range(new ParameterDefinition(PotencyAdipose, "1", "Relative potency of adipose MSC exosomes"), 0, 10, "assumption"),
        Fraction(InfusionReactionProbability, "Probability of an acute infusion reaction per dose (not yet sampled: needs the trial engine, issue #5)"),
    ]);

    /// <summary>The default parameter set (mouse kinetics scaled to a 70-kg adult), completed.</summary>
    public static ParameterSet Default { get; } = Complete(CreateDefault());

    /// <summary>
    /// Recomputes the derived values: the eliminated share (1 − the organ shares) and the subject's half-lives by
    /// allometric scaling, t½ = t½,ref·(BW/BW_ref)^b.
    /// </summary>
    /// <exception cref="ArgumentException">When the organ shares exceed 1 or a weight is not positive.</exception>
    public static ParameterSet Complete(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        double organs = parameters[FractionLiver] + parameters[FractionSpleen] + parameters[FractionLung] + parameters[FractionPancreas] + parameters[FractionOther];
        if (organs > 1 || organs < 0)
        {
            throw new ArgumentException($"The organ uptake shares ({FractionLiver}, {FractionSpleen}, {FractionLung}, {FractionPancreas}, {FractionOther}) add up to {organs:G4}; they must lie between 0 and 1 together.");
        }

        if (!(parameters[BodyWeight] > 0) || !(parameters[ReferenceBodyWeight] > 0))
        {
            throw new ArgumentException($"'{BodyWeight}' and '{ReferenceBodyWeight}' must be positive.");
        }

        double scale = AllometricTimeScale(parameters);
        const string Scaled = "allometric: mouse value × (body_weight_kg/reference_body_weight_kg)^allometric_time_exponent";
        var schema = parameters.Schema;
        return parameters
            .With(schema.RequireIndex(FractionEliminated), 1 - organs, ParameterOrigin.Derived, "1 − (liver + spleen + lung + pancreas + other tissue shares)")
            .With(schema.RequireIndex(PlasmaHalfLife), parameters[PlasmaHalfLifeMouse] * scale, ParameterOrigin.Derived, Scaled)
            .With(schema.RequireIndex(TissueHalfLife), parameters[TissueHalfLifeMouse] * scale, ParameterOrigin.Derived, Scaled)
            .With(schema.RequireIndex(IpAbsorptionHalfLife), parameters[IpAbsorptionHalfLifeMouse] * scale, ParameterOrigin.Derived, Scaled);
    }

    /// <summary>(BW/BW_ref)^b: the factor by which the subject's kinetic half-lives exceed the mouse's.</summary>
    public static double AllometricTimeScale(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Math.Pow(parameters[BodyWeight] / parameters[ReferenceBodyWeight], parameters[AllometricExponent]);
    }

    /// <summary>The relative potency of an exosome source (1 for a user-defined product, whose potency the scenario gives).</summary>
    public static double SourcePotency(ParameterSet parameters, ExosomeSource source)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return source switch
        {
            ExosomeSource.BoneMarrow => parameters[PotencyBoneMarrow],
            ExosomeSource.UmbilicalCord => parameters[PotencyUmbilicalCord],
            ExosomeSource.Adipose => parameters[PotencyAdipose],
            _ => 1,
        };
    }

    private static ParameterSet CreateDefault()
    {
        // Tissue half-life 12 h: a dose taken up within minutes keeps exp(−ln2·4/12) = 0.794 of itself at 4 h, so the
        // uptake shares below are Morishita's 4-h organ amounts divided by 0.794.
        const double KeptAt4h = 0.79370052598409979; // 2^(−1/3)
        const string UptakeFromMorishita = Morishita2015 + "; uptake share = 4-h amount / 2^(−4 h / 12 h) (tissue half-life, assumption)";
        var builder = ParameterSet.Create(DefaultSetName, Schema)
            .Set(PlasmaHalfLifeMouse, 2, ParameterOrigin.Literature,
                "Takahashi et al. 2013, J Biotechnol 165:77 (doi:10.1016/j.jbiotec.2013.03.013): apparent blood half-life ≈ 2 min of B16-BL6 exosomes IV in mice; " +
                "value as quoted by ExoSim's science notes and by a citing review (the paper itself was not read)")
            .Set(FractionLiver, 0.28 / KeptAt4h, ParameterOrigin.Literature, UptakeFromMorishita)
            .Set(FractionSpleen, 0.016 / KeptAt4h, ParameterOrigin.Literature, UptakeFromMorishita)
            .Set(FractionLung, 0.07 / KeptAt4h, ParameterOrigin.Literature, UptakeFromMorishita)
            .Set(FractionPancreas, 0.01, ParameterOrigin.Assumption,
                "assumption: pancreas signal near background in Wiklander et al. 2015 (doi:10.3402/jev.v4.26316, abstract read, no pancreas % read); " +
                "≤ 1–2 % of the dose per a systematic review (Kang et al. 2021, doi:10.1002/jev2.12085; unverified)")
            .Set(FractionOther, 0.2, ParameterOrigin.Assumption,
                "assumption: part of the dose Morishita 2015 did not find in liver, spleen and lung at 4 h, taken up by muscle, adipose, gut and kidney")
            .Set(FractionEliminated, 0, ParameterOrigin.Derived, "1 − organ shares")
            .Set(TissueHalfLifeMouse, 12, ParameterOrigin.Assumption,
                "assumption: 4–24 h in ExoSim's science notes (§6, unverified); Takahashi 2013 reported the signal largely gone within hours (not read)")
            .Set(IpAbsorptionHalfLifeMouse, 1, ParameterOrigin.Assumption,
                "assumption: no peritoneal absorption kinetics were verified; Wiklander 2015 reports route-dependent distribution without rates read here")
            .Set(IpBioavailability, 0.5, ParameterOrigin.Assumption,
                "assumption: Wiklander 2015 found less liver/spleen accumulation after IP than after IV (abstract); share not verified")
            .Set(LocalRetainedFraction, 0.5, ParameterOrigin.Assumption, "assumption: half of a local intrapancreatic injection stays at the site")
            .Set(ReferenceBodyWeight, MouseBodyWeightKg, ParameterOrigin.Assumption, "assumption: a typical adult laboratory mouse (the biodistribution studies used mice)")
            .Set(BodyWeight, 70, ParameterOrigin.Assumption, "assumption: reference adult")
            .Set(AllometricExponent, 0.25, ParameterOrigin.Assumption,
                "assumption: quarter-power scaling of physiological time (Boxenbaum 1982, J Pharmacokinet Biopharm 10:201, not re-read here); " +
                "nanoparticle clearance by the mononuclear phagocyte system may scale differently")
            .Set(PlasmaHalfLife, 0, ParameterOrigin.Derived, "allometric")
            .Set(TissueHalfLife, 0, ParameterOrigin.Derived, "allometric")
            .Set(IpAbsorptionHalfLife, 0, ParameterOrigin.Derived, "allometric")
            .Set(EffectHalfLife, 7, ParameterOrigin.Assumption,
                "assumption: middle of k_e0 0.05–0.2 /d (ExoSim science notes §6, unverified); weekly dosing in the rodent studies; not scaled between species (cellular turnover)")
            .Set(ParticlesPerMicrogram, 2e9, ParameterOrigin.Assumption,
                "assumption: a typical MSC-EV preparation; particles per µg protein vary about 100-fold with isolation and purity (not verified here)")
            .Set(Hill, 1, ParameterOrigin.Assumption, "assumption: hyperbolic Emax relation")
            .Set(PotencyBoneMarrow, 1, ParameterOrigin.Assumption, "assumption: no quantitative comparison of MSC sources was verified")
            .Set(PotencyUmbilicalCord, 1, ParameterOrigin.Assumption, "assumption: reference source (the calibration study used umbilical-cord MSC sEVs)")
            .Set(PotencyAdipose, 1, ParameterOrigin.Assumption, "assumption: no quantitative comparison of MSC sources was verified")
            .Set(InfusionReactionProbability, 0.005, ParameterOrigin.Assumption,
                "assumption: low but non-zero; no exosome infusion-reaction rate was verified (MSC cell infusions: transient fever is the signal in meta-analyses)");

        foreach (var mechanism in ExosomeMechanisms.All)
        {
            builder
                .Set(EmaxName(mechanism), ExosomeMechanisms.DefaultEmax(mechanism), ParameterOrigin.Assumption,
                    $"assumption: {ExosomeMechanisms.EmaxRationale(mechanism)}; human efficacy is unknown")
                .Set(Ec50Name(mechanism), 1, ParameterOrigin.Assumption, "placeholder, replaced by the calibration");
        }

        return Calibrate(builder.Build());
    }

    /// <summary>
    /// Sets each EC50 to the peak cargo per kg at the mechanism's site after one IV dose of 1 mg/kg protein, computed
    /// with the default kinetics in the mouse (where that dose was effective), so that the calibration follows the
    /// kinetic defaults instead of being typed in.
    /// </summary>
    private static ParameterSet Calibrate(ParameterSet provisional)
    {
        var mouse = new ExosomeKinetics(Complete(provisional.With(
            Schema.RequireIndex(BodyWeight), provisional[ReferenceBodyWeight], ParameterOrigin.Assumption, "calibration in the mouse")));
        double particlesPerKg = CalibrationDoseUgPerKg * provisional[ParticlesPerMicrogram];
        var calibrated = provisional;
        foreach (var mechanism in ExosomeMechanisms.All)
        {
            double ec50 = particlesPerKg * mouse.PeakCargoFraction(ExosomeMechanisms.Site(mechanism), ExosomeRoute.Intravenous);
            calibrated = calibrated.With(Schema.RequireIndex(Ec50Name(mechanism)), ec50, ParameterOrigin.Assumption,
                $"calibration (not validation): peak {ExosomeMechanisms.SiteName(ExosomeMechanisms.Site(mechanism))} cargo per kg after one IV dose of " +
                $"1 mg/kg exosomal protein in the mouse (× particles_per_ug_protein), so that this dose gives half the maximal effect at its peak; {Yap2022}");
        }

        return calibrated;
    }

    private static ParameterDefinition Fraction(string name, string description)
        => new(name, "1", description) { PlausibleMinimum = 0, PlausibleMaximum = 1, RangeSource = "a share" };

    private static ParameterDefinition Range(ParameterDefinition definition, double min, double max, string source)
        => definition with { PlausibleMinimum = min, PlausibleMaximum = max, RangeSource = source };
}
