using ExoSim.Models.Parameters;
using static ExoSim.Models.DallaMan.DallaManParameters;

namespace ExoSim.Models.DallaMan;

/// <summary>
/// The two parameter sets of Dalla Man, Rizza &amp; Cobelli 2007 (doi:10.1109/TBME.2007.893506): <c>normal</c> (mean of
/// the normal subjects' triple-tracer meal data) and <c>t2d</c> (type 2 diabetes), Table 1 of the paper.
/// </summary>
public static class DallaManSubjects
{
    /// <summary>The normal subject (default).</summary>
    public const string Normal = "normal";

    /// <summary>The type 2 diabetic subject.</summary>
    public const string T2D = "t2d";

    private const string Table1 =
        Dm2007 + ", Table 1; the normal column agrees with the curated BioModels encoding BIOMD0000000379, both columns " +
        "with an independent transcription (evabowe/Insulinpumpe system_parameters.py)";

    private const string NormalBasal =
        Dm2007 + ", basal values of the normal subjects (Gb 91.76 mg/dL, Ib 25.49 pmol/L, EGPb 1.92 mg/kg/min) as transcribed " +
        "by the GIM re-implementation evagflo/Simulations normal.m; checked: with Table 1 they give kp1 = 2.703 (Table 2.70), " +
        "Vm0 = 2.513 (2.50), m2 = 0.486 (0.484), m4 = 0.1945 (0.194)";

    private const string T2DBasal =
        "assumption: the T2D basal values were not found in an accessible copy of " + Dm2007 + "; solved from Table 1's " +
        "T2D column so that the basal relations reproduce its kp1 = 3.09, Vm0 = 4.65 and m4 = 0.269 " +
        "(Ib = 0.4·(1 − HEb)·Sb/(m4·VI) with Sb = (m6 − HEb)/m5; Gb, EGPb from kp1 and Vm0), rounded to 4 digits; a figure " +
        "reading of Gb ≈ 242 mg/dL by another transcription is inconsistent with Table 1 (docs/models/dalla-man-2007.md)";

    private const string NormalWeight =
        "body weight of the model's normal subject: 78 kg, as in the curated BioModels encoding BIOMD0000000379 (meal D = 78 g = 1 g/kg)";

    private const string T2DWeight =
        "assumption: 91 kg, body weight of the T2D group as given by a secondary transcription, not verified against the paper; " +
        "meals given per kg make the response independent of it";

    /// <summary>Names in catalog order; the first is the default.</summary>
    public static IReadOnlyList<string> Names { get; } = [Normal, T2D];

    /// <summary>
    /// Table 1's printed values of the parameters ExoSim derives from the basal state (kp1, Vm0, m2, m4), by subject,
    /// for comparison with <see cref="DallaManParameters.Complete"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Table1DerivedValues { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal)
        {
            [Normal] = new Dictionary<string, double>(StringComparer.Ordinal) { ["kp1"] = 2.70, ["Vm0"] = 2.50, ["m2"] = 0.484, ["m4"] = 0.194 },
            [T2D] = new Dictionary<string, double>(StringComparer.Ordinal) { ["kp1"] = 3.09, ["Vm0"] = 4.65, ["m2"] = 0.673, ["m4"] = 0.269 },
        };

    // Table 1, normal and T2D columns, in schema order (BW, Gb, Ib, EGPb first; their sources differ).
    private static readonly (string Name, double Normal, double T2D)[] Table1Values =
    [
        ("VG", 1.88, 1.49), ("k1", 0.065, 0.042), ("k2", 0.079, 0.071), ("VI", 0.05, 0.04), ("m1", 0.190, 0.379),
        ("m5", 0.0304, 0.0526), ("m6", 0.6471, 0.8118), ("HEb", 0.6, 0.6), ("kmax", 0.0558, 0.0465), ("kmin", 0.0080, 0.0076),
        ("kabs", 0.057, 0.023), ("kgri", 0.0558, 0.0465), ("f", 0.90, 0.90), ("b", 0.82, 0.68), ("d", 0.010, 0.09),
        ("kp2", 0.0021, 0.0007), ("kp3", 0.009, 0.005), ("kp4", 0.0618, 0.0786), ("ki", 0.0079, 0.0066), ("Fcns", 1, 1),
        ("Vmx", 0.047, 0.034), ("Km0", 225.59, 466.21), ("p2U", 0.0331, 0.0840), ("K", 2.30, 0.99), ("alpha", 0.050, 0.013),
        ("beta", 0.11, 0.05), ("gamma", 0.5, 0.5), ("ke1", 0.0005, 0.0007), ("ke2", 339, 269),
    ];

    /// <summary>A subject's parameter set with the derived values not yet computed (call Complete afterwards).</summary>
    /// <exception cref="KeyNotFoundException">For a name other than <see cref="Normal"/> or <see cref="T2D"/>.</exception>
    public static ParameterSet Build(string name)
    {
        bool normal = name switch
        {
            Normal => true,
            T2D => false,
            _ => throw new KeyNotFoundException($"No DM2007 subject '{name}'."),
        };
        var builder = ParameterSet.Create(name, Schema);
        if (normal)
        {
            builder.Set("BW", 78, ParameterOrigin.Literature, NormalWeight)
                .Set("Gb", 91.76, ParameterOrigin.Literature, NormalBasal)
                .Set("Ib", 25.49, ParameterOrigin.Literature, NormalBasal)
                .Set("EGPb", 1.92, ParameterOrigin.Literature, NormalBasal);
        }
        else
        {
            builder.Set("BW", 91, ParameterOrigin.Assumption, T2DWeight)
                .Set("Gb", 159.2, ParameterOrigin.Assumption, T2DBasal)
                .Set("Ib", 59.88, ParameterOrigin.Assumption, T2DBasal)
                .Set("EGPb", 1.992, ParameterOrigin.Assumption, T2DBasal);
        }

        foreach (var (parameter, normalValue, t2dValue) in Table1Values)
        {
            builder.Set(parameter, normal ? normalValue : t2dValue, ParameterOrigin.Literature, Table1);
        }

        for (int i = FirstDerived; i < Schema.Count; i++)
        {
            builder.Set(Schema[i].Name, 0, ParameterOrigin.Derived, "computed by Complete from the basal state");
        }

        return builder.Build();
    }
}
