using ExoSim.Models.Parameters;

namespace ExoSim.Therapies.Drugs;

/// <summary>
/// Parameters of the T2D drugs (what <c>exosim params metformin</c> and <c>exosim params glp1</c> show), each with
/// unit, value and source or assumption. Concentrations are in mg/L. See docs/therapies/drugs.md.
/// </summary>
public static class DrugParameters
{
#pragma warning disable CS1591 // Parameter names; each is documented in the schema.
    public const string PeakTime = "tmax_h";
    public const string HalfLife = "half_life_h";
    public const string AbsorptionRate = "ka_per_h";
    public const string ApparentVolume = "v_over_f_l";
    public const string Ec50 = "ec50_mg_per_l";
    public const string EmaxProduction = "emax_kp1";
    public const string EmaxSecretion = "emax_secretion";
    public const string EmaxGastric = "emax_gastric_emptying";
    public const string MolarMass = "molar_mass_g_per_mol";
#pragma warning restore CS1591

    /// <summary>Metformin's therapy id and drug name.</summary>
    public const string Metformin = "metformin";

    /// <summary>The GLP-1 receptor agonist's therapy id (the drug modelled is liraglutide).</summary>
    public const string Glp1 = "glp1";

    private const string Metformin1993 =
        "metformin 500 mg single dose in 24 healthy volunteers, Biopharm Drug Dispos 1993;14:257 (doi:10.1002/bdd.2510140308), abstract: Cmax 682.1 ng/mL at tmax 2.4 h, t½ 3.16 h";

    private const string Flint2010 =
        "Flint et al. 2010, Br J Clin Pharmacol 70:807 (doi:10.1111/j.1365-2125.2010.03762.x), Table 3, healthy subjects, single s.c. dose: tmax 12.3 h, t½ 11.2 h, CL/F 1.18 L/h, Vz/F 18.7 L, Cmax 6746 pmol/L";

    private const string Hundal2000 =
        "Hundal et al. 2000, Diabetes 49:2063 (doi:10.2337/diabetes.49.12.2063), abstract: 3 months of metformin lowered glucose production by 24 % and fasting glucose by 30 % in T2D";

    private const string Victoza =
        "Victoza (liraglutide) US prescribing information §12.2: postprandial glucose AUC0–300 min 35 % (1.2 mg) and 38 % (1.8 mg) lower than placebo at steady state";

    private static ParameterDefinition Definition(string name, string unit, string description) => new(name, unit, description);

    private static ParameterSchema Schema(params ParameterDefinition[] extra) => new(
    [
        Definition(PeakTime, "h", "Time of the peak plasma concentration after one dose"),
        Definition(HalfLife, "h", "Plasma elimination half-life"),
        Definition(AbsorptionRate, "1/h", "First-order absorption rate ka: the value whose single-dose peak is at tmax, ln(ka/ke)/(ka − ke) = tmax") with { IsDerived = true },
        Definition(ApparentVolume, "L", "Apparent volume of distribution V/F (bioavailability folded in)"),
        Definition(Ec50, "mg/L", "Plasma concentration of half the maximal effect (Emax relation E = Emax·C/(EC50 + C))"),
        .. extra,
    ]);

    /// <summary>Metformin: oral one-compartment kinetics and an Emax lowering of hepatic glucose production (kp1).</summary>
    public static ParameterSet MetforminDefault { get; } = Complete(ParameterSet.Create("metformin-default",
            Schema(Definition(EmaxProduction, "1", "Maximal fractional lowering of kp1 (dalla-man-2007's extrapolated glucose production at zero glucose and insulin)") with { PlausibleMinimum = 0, PlausibleMaximum = 1, RangeSource = "a fraction" }))
        .Set(PeakTime, 2.4, ParameterOrigin.Literature, Metformin1993)
        .Set(HalfLife, 3.16, ParameterOrigin.Literature, Metformin1993)
        .Set(AbsorptionRate, 0, ParameterOrigin.Derived, "from tmax and t½")
        .Set(ApparentVolume, 433.0, ParameterOrigin.Derived, "fitted so that the one-compartment model gives the source's Cmax 682.1 ng/mL after 500 mg: " + Metformin1993)
        .Set(Ec50, 0.877, ParameterOrigin.Assumption, "assumption: half-maximal at the mean steady-state concentration of 1000 mg every 12 h in this model (0.877 mg/L)")
        .Set(EmaxProduction, 0.73, ParameterOrigin.Assumption,
            "calibrated: at the mean steady-state concentration of 1000 mg every 12 h (E = Emax/2, kp1 × 0.635) basal glucose production of dalla-man-2007 'type 2 diabetes' falls by 24 % at the new fasting steady state, the reduction of " + Hundal2000)
        .Build());

    /// <summary>Liraglutide: s.c. one-compartment kinetics, glucose-dependent secretion (beta, K) raised and gastric emptying (kmax) slowed.</summary>
    public static ParameterSet Glp1Default { get; } = Complete(ParameterSet.Create("liraglutide-default",
            Schema(
                Definition(EmaxSecretion, "1", "Maximal fractional rise of glucose-dependent secretion (dalla-man-2007 beta and K; they act only above the glucose threshold h)"),
                Definition(EmaxGastric, "1", "Maximal fractional slowing of gastric emptying (dalla-man-2007 kmax)") with { PlausibleMinimum = 0, PlausibleMaximum = 1, RangeSource = "a fraction" },
                Definition(MolarMass, "g/mol", "Molar mass of liraglutide (to compare with concentrations in pmol/L)")))
        .Set(PeakTime, 12.3, ParameterOrigin.Literature, Flint2010)
        .Set(HalfLife, 11.2, ParameterOrigin.Literature, Flint2010)
        .Set(AbsorptionRate, 0, ParameterOrigin.Derived, "from tmax and t½")
        .Set(ApparentVolume, 19.07, ParameterOrigin.Derived, "CL/F ÷ ke = 1.18 L/h ÷ (ln2/11.2 h), " + Flint2010)
        .Set(Ec50, 0.0253, ParameterOrigin.Assumption, "assumption: half-maximal at 6746 pmol/L × 3751 g/mol = 0.0253 mg/L, the Cmax of a single 0.75 mg dose (Flint et al. 2010)")
        .Set(EmaxSecretion, 0.9, ParameterOrigin.Assumption,
            "calibrated: at steady state of 1.8 mg daily, the incremental postprandial glucose AUC0–300 min of dalla-man-2007 'type 2 diabetes' is about 38 % lower than without the drug, after " + Victoza + " (whether the label's AUC is total or incremental is not stated; ExoSim uses the incremental one)")
        .Set(EmaxGastric, 0.3, ParameterOrigin.Assumption,
            "assumption: a minor delay of gastric emptying (Jacobsen et al. 2016, Clin Pharmacokinet 55:657, doi:10.1007/s40262-015-0343-6: 'minor delays in gastric emptying'); no effect size read")
        .Set(MolarMass, 3751, ParameterOrigin.Literature, "liraglutide C172H265N43O51, 3751 g/mol (PubChem)")
        .Build());

    /// <summary>Recomputes ka from tmax and t½.</summary>
    public static ParameterSet Complete(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        double ka = OralKinetics.AbsorptionRateForPeak(parameters[PeakTime], parameters[HalfLife]);
        return parameters.With(parameters.Schema.RequireIndex(AbsorptionRate), ka, ParameterOrigin.Derived, "ka with ln(ka/ke)/(ka − ke) = tmax, ke = ln2/t½ (ka > ke)");
    }

    /// <summary>The kinetics of a drug's parameters.</summary>
    public static OralKinetics Kinetics(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new OralKinetics(parameters[AbsorptionRate], parameters[HalfLife], parameters[ApparentVolume]);
    }
}
