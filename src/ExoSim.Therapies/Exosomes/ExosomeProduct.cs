namespace ExoSim.Therapies.Exosomes;

/// <summary>How exosomes are given.</summary>
public enum ExosomeRoute
{
    /// <summary>Intravenous bolus into plasma.</summary>
    Intravenous,

    /// <summary>Intraperitoneal: absorbed from the peritoneal cavity into blood, part degraded locally.</summary>
    Intraperitoneal,

    /// <summary>Local (intrapancreatic) injection: part stays in the pancreas, the rest enters blood.</summary>
    Intrapancreatic,
}

/// <summary>The cells the exosomes come from.</summary>
public enum ExosomeSource
{
    /// <summary>Bone-marrow mesenchymal stromal cells.</summary>
    BoneMarrow,

    /// <summary>Umbilical-cord mesenchymal stromal cells.</summary>
    UmbilicalCord,

    /// <summary>Adipose-tissue mesenchymal stromal cells.</summary>
    Adipose,

    /// <summary>A product described by the user (its potency given in the scenario).</summary>
    UserDefined,
}

/// <summary>One mechanism through which exosome cargo acts (each switchable).</summary>
public enum ExosomeMechanism
{
    /// <summary>Lower β-cell apoptosis (p38-MAPK inhibition).</summary>
    Apoptosis,

    /// <summary>Higher β-cell regeneration/replication.</summary>
    Replication,

    /// <summary>Higher insulin sensitivity of muscle, liver and adipose tissue.</summary>
    Sensitivity,

    /// <summary>Lower lipolysis and plasma free fatty acids.</summary>
    Lipolysis,

    /// <summary>Slower autoimmune β-cell killing (immunomodulation, T1D).</summary>
    Immune,
}

/// <summary>Where a mechanism's cargo acts.</summary>
public enum ExosomeSite
{
    /// <summary>The pancreas/islets compartment.</summary>
    Islets,

    /// <summary>Insulin-sensitive tissue: liver plus the other-tissue compartment (muscle, adipose).</summary>
    InsulinSensitiveTissue,

    /// <summary>Lymphoid tissue: the spleen compartment.</summary>
    LymphoidTissue,
}

/// <summary>One exosome dose, in canonical units.</summary>
/// <param name="TimeMin">When it is given (min).</param>
/// <param name="Particles">Number of particles (a protein dose already converted).</param>
/// <param name="Route">How it is given.</param>
/// <param name="Potency">Relative potency of the cargo: batch potency × source potency (1 = the calibrated product).</param>
/// <param name="Mechanisms">The mechanisms this dose acts through.</param>
public sealed record ExosomeDose(double TimeMin, double Particles, ExosomeRoute Route, double Potency, IReadOnlySet<ExosomeMechanism> Mechanisms);

/// <summary>Names, sites and default effect sizes of the mechanisms.</summary>
public static class ExosomeMechanisms
{
    /// <summary>Every mechanism, in documentation order.</summary>
    public static IReadOnlyList<ExosomeMechanism> All { get; } =
        [ExosomeMechanism.Apoptosis, ExosomeMechanism.Replication, ExosomeMechanism.Sensitivity, ExosomeMechanism.Lipolysis, ExosomeMechanism.Immune];

    /// <summary>The mechanism's name in scenario files and parameter names.</summary>
    public static string Name(ExosomeMechanism mechanism) => mechanism switch
    {
        ExosomeMechanism.Apoptosis => "apoptosis",
        ExosomeMechanism.Replication => "replication",
        ExosomeMechanism.Sensitivity => "sensitivity",
        ExosomeMechanism.Lipolysis => "lipolysis",
        _ => "immune",
    };

    /// <summary>The mechanism named in a scenario, or null.</summary>
    public static ExosomeMechanism? Parse(string name) => All.Cast<ExosomeMechanism?>().FirstOrDefault(m => Name(m!.Value) == name);

    /// <summary>Plain-language description.</summary>
    public static string Describe(ExosomeMechanism mechanism) => mechanism switch
    {
        ExosomeMechanism.Apoptosis => "lower β-cell apoptosis (p38-MAPK inhibition)",
        ExosomeMechanism.Replication => "higher β-cell replication/regeneration",
        ExosomeMechanism.Sensitivity => "higher insulin sensitivity (muscle, liver, adipose)",
        ExosomeMechanism.Lipolysis => "lower lipolysis / plasma FFA",
        _ => "slower autoimmune β-cell killing (immunomodulation)",
    };

    /// <summary>Where the mechanism's cargo acts.</summary>
    public static ExosomeSite Site(ExosomeMechanism mechanism) => mechanism switch
    {
        ExosomeMechanism.Apoptosis or ExosomeMechanism.Replication => ExosomeSite.Islets,
        ExosomeMechanism.Immune => ExosomeSite.LymphoidTissue,
        _ => ExosomeSite.InsulinSensitiveTissue,
    };

    /// <summary>Name of a site.</summary>
    public static string SiteName(ExosomeSite site) => site switch
    {
        ExosomeSite.Islets => "islet",
        ExosomeSite.LymphoidTissue => "spleen (lymphoid)",
        _ => "insulin-sensitive tissue (liver + other tissue)",
    };

    /// <summary>Whether the mechanism raises (+1) or lowers (−1) its target parameters.</summary>
    public static int Direction(ExosomeMechanism mechanism)
        => mechanism is ExosomeMechanism.Replication or ExosomeMechanism.Sensitivity ? +1 : -1;

    internal static double DefaultEmax(ExosomeMechanism mechanism) => mechanism switch
    {
        ExosomeMechanism.Sensitivity => 0.5,
        ExosomeMechanism.Lipolysis => 0.3,
        _ => 0.5,
    };

    internal static string EmaxRationale(ExosomeMechanism mechanism) => mechanism switch
    {
        ExosomeMechanism.Sensitivity =>
            "at most +50 % insulin sensitivity; below the +80–90 % glucose uptake of human skeletal muscle cells at 20 µg/mL sEVs in vitro " +
            "(Yap et al. 2022 abstract), an in-vitro upper bound",
        ExosomeMechanism.Lipolysis => "at most −30 % lipolysis; no quantitative FFA effect of MSC exosomes was verified",
        ExosomeMechanism.Apoptosis => "at most halves β-cell death; Sun et al. 2018 (ACS Nano 12:7613, doi:10.1021/acsnano.7b07643) report less STZ-induced β-cell apoptosis without effect sizes read",
        ExosomeMechanism.Replication => "at most +50 % β-cell replication; no replication rate under MSC exosomes was verified",
        _ => "at most halves autoimmune killing; more regulatory T cells after AD-MSC exosomes (Nojehdehi et al. 2018, unverified) without a killing rate",
    };
}
