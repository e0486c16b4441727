using ExoSim.Models.Parameters;

namespace ExoSim.Models.RoyParker;

/// <summary>
/// Parameters of the Roy &amp; Parker 2006 FFA-extended minimal model (Diabetes Technol Ther 8:617,
/// doi:10.1089/dia.2006.8.617) and its reference subject. The paper's full text and its parameter table could not be
/// consulted; values are those gathered in ExoSim's science notes (§4, tagged "unverified recollection") and are
/// marked as assumptions with that provenance. See docs/models/roy-parker-2006.md.
/// </summary>
public static class RoyParker2006Parameters
{
    /// <summary>The reference (nominal) subject's name.</summary>
    public const string NominalSubject = "nominal";

    /// <summary>Schema indices, in <see cref="Schema"/> order.</summary>
    public const int P1 = 0, P2 = 1, P3 = 2, P4 = 3, P5 = 4, P6 = 5, P7 = 6, P8 = 7, P9 = 8, PF2 = 9, PF3 = 10,
        K1 = 11, K2 = 12, N = 13, VolG = 14, Gb = 15, Ib = 16, Fb = 17, BW = 18, Zb = 19, U1b = 20;

    private const string Notes =
        "Roy & Parker 2006, doi:10.1089/dia.2006.8.617, parameter table, as recalled in ExoSim's science notes §4 " +
        "(tagged unverified: the paper's table could not be consulted)";

    private const string Rp2007 =
        "Roy & Parker 2007, J Diabetes Sci Technol 1(3) (exercise extension of the same base model, same authors), " +
        "value as transcribed in hpeuscher/loopinsight1 src/core/models/RoyParker2007.ts (commit e8cb4320d172bc3be63a2c6bad8a47253900736c); " +
        "the 2006 paper's own value could not be consulted";

    /// <summary>The parameter definitions (names are the paper's symbols).</summary>
    public static ParameterSchema Schema { get; } = new(
    [
        new ParameterDefinition("p1", "1/min", "Insulin-independent fractional glucose disappearance (glucose effectiveness at Z = 0)"),
        new ParameterDefinition("p2", "1/min", "Decay rate of remote insulin action on glucose X"),
        new ParameterDefinition("p3", "1/min² per µU/mL", "Rate at which plasma insulin above basal raises X"),
        new ParameterDefinition("p4", "1", "Gain of remote insulin action X on glucose uptake (dimensionless with X in 1/min; see docs)"),
        new ParameterDefinition("p5", "1/mL", "Insulin infusion to plasma insulin concentration (reciprocal insulin distribution volume)"),
        new ParameterDefinition("p6", "1/min per µmol/L", "Impairment of glucose uptake by remote FFA Z"),
        new ParameterDefinition("p7", "1/min", "Fractional return of plasma FFA to basal (FFA turnover)"),
        new ParameterDefinition("p8", "1", "Gain of the antilipolytic action of remote insulin Y on FFA (dimensionless with Y in 1/min)"),
        new ParameterDefinition("p9", "1/min per mg/dL", "Lipolytic effect of glucose above basal on FFA (prolonged hyperglycaemia)"),
        new ParameterDefinition("pF2", "1/min", "Decay rate of remote insulin action on FFA Y"),
        new ParameterDefinition("pF3", "1/min² per µU/mL", "Rate at which plasma insulin above basal raises Y"),
        new ParameterDefinition("k1", "1/min", "Rate at which plasma FFA above basal fills the remote FFA compartment Z"),
        new ParameterDefinition("k2", "1/min", "Return rate of the remote FFA compartment Z to basal"),
        new ParameterDefinition("n", "1/min", "Fractional clearance of plasma insulin"),
        new ParameterDefinition("VolG", "dL", "Glucose distribution volume"),
        new ParameterDefinition("Gb", "mg/dL", "Basal plasma glucose"),
        new ParameterDefinition("Ib", "µU/mL", "Basal plasma insulin (held by the basal infusion u1b)"),
        new ParameterDefinition("Fb", "µmol/L", "Basal plasma FFA"),
        new ParameterDefinition("BW", "kg", "Body weight (only to convert an IV glucose dose in g/kg)"),
        new ParameterDefinition("Zb", "µmol/L", "Basal remote FFA, Zb = k1·Fb/k2 (ExoSim assumption, see docs)") { IsDerived = true },
        new ParameterDefinition("u1b", "µU/min", "Basal insulin infusion that holds I = Ib: u1b = n·Ib/p5") { IsDerived = true },
    ]);

    /// <summary>Recomputes Zb = k1·Fb/k2 and u1b = n·Ib/p5.</summary>
    public static ParameterSet Complete(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters
            .With(Zb, parameters[K1] * parameters[Fb] / parameters[K2], ParameterOrigin.Derived,
                "Zb = k1·Fb/k2: remote FFA fed in proportion to F without a constant source (ExoSim assumption; the paper's Zb could not be consulted)")
            .With(U1b, parameters[N] * parameters[Ib] / parameters[P5], ParameterOrigin.Derived,
                "u1b = n·Ib/p5, the steady state of dI/dt = −n·I + p5·u1");
    }

    /// <summary>The nominal subject.</summary>
    public static ParameterSet Nominal() => Complete(ParameterSet.Create(NominalSubject, Schema)
        .Set("p1", 0.068, ParameterOrigin.Assumption, Notes)
        .Set("p2", 0.037, ParameterOrigin.Assumption, Notes)
        .Set("p3", 1.2e-5, ParameterOrigin.Assumption, Notes)
        .Set("p4", 1.3, ParameterOrigin.Assumption, Notes + "; the notes give the unit mL/µU/min, which is inconsistent with p3's unit — only p3·p4 matters")
        .Set("p5", 0.098e-3, ParameterOrigin.Assumption, Rp2007 + " (named p4 there)")
        .Set("p6", 6e-5, ParameterOrigin.Assumption, Notes)
        .Set("p7", 0.03, ParameterOrigin.Assumption, Notes)
        .Set("p8", 4.5, ParameterOrigin.Assumption, Notes + "; the notes give mL/µU/min, inconsistent with pF3's unit — only pF3·p8 matters")
        .Set("p9", 2e-5, ParameterOrigin.Assumption, Notes)
        .Set("pF2", 0.17, ParameterOrigin.Assumption, Notes)
        .Set("pF3", 1e-5, ParameterOrigin.Assumption, Notes + " (unit not given there)")
        .Set("k1", 0.02, ParameterOrigin.Assumption, Notes)
        .Set("k2", 0.03, ParameterOrigin.Assumption, Notes)
        .Set("n", 0.142, ParameterOrigin.Assumption, Notes + "; same value in " + Rp2007)
        .Set("VolG", 117, ParameterOrigin.Assumption, Notes + "; same value in " + Rp2007)
        .Set("Gb", 98, ParameterOrigin.Assumption, Notes)
        .Set("Ib", 11.5, ParameterOrigin.Assumption,
            "assumption: the plasma insulin a basal infusion of 1 U/h gives with n and p5 (1e6/60·p5/n = 11.5 µU/mL), the default basal rate of the transcription in " + Rp2007)
        .Set("Fb", 380, ParameterOrigin.Assumption, Notes + " (given as ≈ 380)")
        .Set("BW", 70, ParameterOrigin.Assumption, "assumption: 70 kg reference adult, the body weight of the transcription in " + Rp2007)
        .Set("Zb", 0, ParameterOrigin.Derived, "Zb = k1·Fb/k2")
        .Set("u1b", 0, ParameterOrigin.Derived, "u1b = n·Ib/p5")
        .Build());
}
