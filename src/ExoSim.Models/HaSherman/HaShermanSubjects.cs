using ExoSim.Models.Parameters;
using static ExoSim.Models.HaSherman.HaShermanParameters;

namespace ExoSim.Models.HaSherman;

/// <summary>
/// The named scenarios of <c>t2d-progression</c> (Ha, Satin &amp; Sherman 2016, Fig. 7, human): one subject whose insulin
/// sensitivity SI falls from 0.8 towards 0.18 mL/(µU·d), differing only in when and how the SI course is changed.
/// </summary>
public static class HaShermanSubjects
{
    /// <summary>SI falls to 0.18 and is never restored: progression to T2D (default).</summary>
    public const string Progressor = "progressor";

    /// <summary>The fall of SI is halted at 300 d (SI → 0.245): T2D is prevented (the authors' fig7_human_prevention.set).</summary>
    public const string Prevention = "prevention";

    /// <summary>SI is restored towards 0.4 from 1 year on, shortly after fasting glucose has crossed 126 mg/dL: T2D is reversed.</summary>
    public const string EarlyReversal = "early-reversal";

    /// <summary>The same restoration from 2 years on, once β-cell function has begun to collapse: T2D is not reversed.</summary>
    public const string LateReversal = "late-reversal";

    /// <summary>Names in catalog order; the first is the default.</summary>
    public static IReadOnlyList<string> Names { get; } = [Progressor, Prevention, EarlyReversal, LateReversal];

    /// <summary>Where the human values come from.</summary>
    public const string SetFile =
        Ha2016 + "; human values as in the authors' XPP supplement, set file fig7_human_prevention.set " +
        "(artielbm/artielbm.github.io, Models/Pathogenesis, commit ea749d6), which reproduces its own stored end state (validation)";

    private const string OdeFile =
        Ha2016 + "; value of the authors' XPP supplement human.ode (artielbm/artielbm.github.io, Models/Pathogenesis, commit e8ac723)";

    private const string NoSwitch =
        "the SI course is never switched: tonsi = 14 000 000 d, the default of the authors' human.ode (" + Ha2016 + ")";

    private const string ReversalTarget =
        "Si_tar = 0.4 mL/(µU·d), the SI the authors' human.ode provides for simulating an intensive lifestyle intervention (" + Ha2016 +
        "); the set files of Fig. 7's early and late interventions were not readable here, so the reversal targets this value";

    private const string ReversalRate =
        "assumption: the rate of the SI change after tonsi of fig7_human_prevention.set (0.028/d, " + Ha2016 + "), reused for reversal";

    // Values shared by every scenario (fig7_human_prevention.set, which differs from human.ode's defaults in Amax 9 vs 3.11 and ISRI_bar 600 vs 867.6).
    private static readonly (int Index, double Value)[] Shared =
    [
        (Eg0, 1.44), (K, 700), (R0, 864), (BV, 5), (Mmax, 1), (AlphaM, 150), (KM, 2), (AlphaIsr, 1.2), (KIsr, 2),
        (Pmax, 4.55), (KP, 4), (AlphaP, 41.77), (Amax, 9), (AlphaA, 0.44), (KA, 6), (Ab, 0.8), (TauB, 8570),
        (GBar, 0.2), (Gs, 99.9), (Gn, 1), (Gshft, 0.1), (TauG, 2.14),
        (SigmaGsh, 75), (IsriBar, 600), (IsriS, 0.1), (IsriN, 0.1), (IsriK, 1), (SigmaB, 3), (MiBar, 1), (MiK, 0.2), (MiS, 0.2), (MiN, 0.02), (TauSigma, 249.9),
        (Si0, 0.8), (TSi, 0.00756), (TargetSi, 0.18),
    ];

    /// <summary>A scenario's parameter set.</summary>
    /// <exception cref="KeyNotFoundException">For an unknown name.</exception>
    public static ParameterSet Build(string name)
    {
        var builder = ParameterSet.Create(name, Schema);
        foreach (var (index, value) in Shared)
        {
            builder.Set(Schema[index].Name, value, ParameterOrigin.Literature, SetFile);
        }

        switch (name)
        {
            case Progressor:
                builder.Set("tonsi", 14_000_000, ParameterOrigin.Literature, NoSwitch)
                    .Set("t_Si2", 0.028, ParameterOrigin.Literature, SetFile + "; inactive (never switched)")
                    .Set("target_Si2", 0.245, ParameterOrigin.Literature, SetFile + "; inactive (never switched)");
                break;
            case Prevention:
                builder.Set("tonsi", 300, ParameterOrigin.Literature, SetFile)
                    .Set("t_Si2", 0.028, ParameterOrigin.Literature, SetFile)
                    .Set("target_Si2", 0.245, ParameterOrigin.Literature, SetFile);
                break;
            case EarlyReversal:
            case LateReversal:
                double onset = name == EarlyReversal ? 365 : 730;
                builder.Set("tonsi", onset, ParameterOrigin.Assumption,
                        $"assumption: {onset} d, {(name == EarlyReversal ? "early: fasting G has crossed 126 mg/dL (at ≈ 0.9 y) while σ is still high" : "late: σ (β-cell function) has begun to collapse (fasting G ≈ 200 mg/dL)")} in the progressor; the paper's intervention times were not readable here")
                    .Set("t_Si2", 0.028, ParameterOrigin.Assumption, ReversalRate)
                    .Set("target_Si2", 0.4, ParameterOrigin.Literature, OdeFile + "; " + ReversalTarget);
                break;
            default:
                throw new KeyNotFoundException($"No t2d-progression scenario '{name}'.");
        }

        return builder.Build();
    }
}
