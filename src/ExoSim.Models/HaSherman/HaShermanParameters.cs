using ExoSim.Models.Parameters;

namespace ExoSim.Models.HaSherman;

/// <summary>
/// Parameter schema of the Ha–Satin–Sherman 2016 model of T2D pathogenesis (Endocrinology 157:624,
/// doi:10.1210/en.2015-1564). Names are the authors' symbols as spelled in their XPP supplement (human.ode); units are
/// the paper's (time in days), converted to minutes only inside the right-hand side.
/// </summary>
public static class HaShermanParameters
{
    /// <summary>Citation of the model.</summary>
    public const string Ha2016 = "Ha, Satin & Sherman 2016, Endocrinology 157:624 (doi:10.1210/en.2015-1564)";

#pragma warning disable CS1591 // Parameter indices; each parameter is documented in Schema.
    public const int Eg0 = 0, K = 1, R0 = 2, BV = 3, Mmax = 4, AlphaM = 5, KM = 6, AlphaIsr = 7, KIsr = 8,
        Pmax = 9, KP = 10, AlphaP = 11, Amax = 12, AlphaA = 13, KA = 14, Ab = 15, TauB = 16,
        GBar = 17, Gs = 18, Gn = 19, Gshft = 20, TauG = 21,
        SigmaGsh = 22, IsriBar = 23, IsriS = 24, IsriN = 25, IsriK = 26, SigmaB = 27, MiBar = 28, MiK = 29, MiS = 30, MiN = 31, TauSigma = 32,
        Si0 = 33, TSi = 34, TargetSi = 35, Tonsi = 36, TSi2 = 37, TargetSi2 = 38;
#pragma warning restore CS1591

    private const string Rate = "mU/(mg·d)";

    /// <summary>The parameter definitions in index order.</summary>
    public static ParameterSchema Schema { get; } = new(
    [
        new("Eg0", "1/d", "Insulin-independent glucose effectiveness (glucose uptake per unit glucose at zero insulin)"),
        new("k", "1/d", "Fractional clearance of plasma insulin"),
        new("R0", "mg/dL/d", "Glucose production and intake (hepatic output plus absorbed food) at zero glucose"),
        new("BV", "L", "Blood volume into which the β-cells secrete insulin"),
        new("Mmax", "1", "Maximal β-cell metabolic rate M (glucose metabolism driving secretion)"),
        new("alpha_M", "mg/dL", "Glucose at half-maximal metabolic rate M(G) = Mmax·G^kM/(alpha_M^kM + G^kM)"),
        new("kM", "1", "Hill coefficient of M(G)"),
        new("alpha_ISR", "1", "Half-saturation of the insulin secretion rate in M + γ: ISR = σ·(M+γ)^kISR/(alpha_ISR^kISR + (M+γ)^kISR)"),
        new("kISR", "1", "Hill coefficient of ISR in M + γ"),
        new("Pmax", "1", "Maximal β-cell proliferation (replication) factor P(ISR); rate = P/tau_b") { PlausibleMinimum = 0 },
        new("kP", "1", "Hill coefficient of P(ISR)"),
        new("alpha_P", Rate, "Insulin secretion rate per β-cell mass at half-maximal proliferation"),
        new("Amax", "1", "Maximal glucose-driven β-cell apoptosis (death) factor A(M); rate = A/tau_b") { PlausibleMinimum = 0 },
        new("alpha_A", "1", "Metabolic rate M at half-maximal apoptosis"),
        new("kA", "1", "Hill coefficient of A(M)"),
        new("A_b", "1", "Basal (glucose-independent) β-cell apoptosis factor; rate = A_b/tau_b") { PlausibleMinimum = 0 },
        new("tau_b", "d", "Time constant of β-cell mass turnover: dβ/dt = (P − A)·β/tau_b"),
        new("G_bar", "1", "Range of the glucose-dependent shift γ∞(G) = G_bar/(1 + exp(−(G − Gs)/Gn)) − Gshft"),
        new("Gs", "mg/dL", "Glucose at the midpoint of γ∞(G)"),
        new("Gn", "mg/dL", "Steepness (width) of γ∞(G)"),
        new("Gshft", "1", "Offset of γ∞(G)"),
        new("tau_g", "d", "Time constant of γ, the shift of the β-cell's glucose dose–response (KATP-channel density)"),
        new("sigma_Gsh", "mg/dL", "Glucose shift of the metabolic rate seen by the σ feedbacks: M_Gsh = M(G − sigma_Gsh)"),
        new("ISRI_bar", Rate, "Maximal σ from the positive (ISR-driven) feedback σ_ISRI = ISRI_bar/(1 + ISRI_k·exp(−(ISR_Gsh − ISRI_s)/ISRI_n))"),
        new("ISRI_s", Rate, "Midpoint of σ_ISRI in the shifted secretion rate ISR_Gsh"),
        new("ISRI_n", Rate, "Width of σ_ISRI"),
        new("ISRI_k", "1", "Scale factor of the exponential of σ_ISRI"),
        new("sigma_b", Rate, "Basal β-cell function: σ∞ = σ_MI·σ_ISRI + sigma_b"),
        new("MI_bar", "1", "Depth of the negative (metabolic) feedback σ_MI = 1 − MI_bar/(1 + MI_k·exp(−(M_Gsh − MI_s)/MI_n))"),
        new("MI_k", "1", "Scale factor of the exponential of σ_MI"),
        new("MI_s", "1", "Midpoint of σ_MI in M_Gsh"),
        new("MI_n", "1", "Width of σ_MI"),
        new("tau_sigma", "d", "Time constant of σ, β-cell function (maximal secretory capacity per mass)"),
        new("Si0", "mL/(µU·d)", "Insulin sensitivity SI at t = 0 (the start of the prescribed course)") { PlausibleMinimum = 0 },
        new("t_Si", "1/d", "Rate of the prescribed course of SI before tonsi: dSI/dt = −t_Si·(SI − target_Si)") { PlausibleMinimum = 0 },
        new("target_Si", "mL/(µU·d)", "SI approached before tonsi (the insulin resistance the subject is heading for)") { PlausibleMinimum = 0 },
        new("tonsi", "d", "Time at which the SI course switches (an intervention: lifestyle, weight loss)") { PlausibleMinimum = 0 },
        new("t_Si2", "1/d", "Rate of the SI course after tonsi: dSI/dt = −t_Si2·(SI − target_Si2)") { PlausibleMinimum = 0 },
        new("target_Si2", "mL/(µU·d)", "SI approached after tonsi") { PlausibleMinimum = 0 },
    ]);
}
