namespace ExoSim.Models.Multiscale;

/// <summary>
/// Slow dynamics of a meal-scale model over months: β-cell mass with the glucose-dependent net growth of Topp et al.
/// 2000 (J Theor Biol 206:605, doi:10.1006/jtbi.2000.2150: dβ/dt = (−d0 + r1·G − r2·G²)·β, rates per day), driven by
/// the fast model's plasma glucose, and an insulin-sensitivity factor that drifts exponentially towards a target
/// (assumption: the simplest prescribed insulin-resistance course; ds/dt = (s∞ − s)/τ). The β-cell mass, relative to
/// its start, multiplies the fast model's insulin-secretion parameters; the sensitivity factor multiplies its
/// insulin-sensitivity parameters.
/// </summary>
public sealed class GlucotoxicBetaCellCourse : SlowDynamics
{
    private const double MinutesPerDay = 1440;

    private static readonly StateVariable[] StateList =
    [
        new("beta_rel", "1", "β-cell mass relative to its value at the start (Topp's β / β(0))"),
        new("si_factor", "1", "Insulin-sensitivity multiplier (1 = the subject's own sensitivity)"),
    ];

    private readonly string[] coupled;
    private readonly int secretionCount;

    /// <summary>Creates the course.</summary>
    /// <param name="deathRatePerDay">d0: β-cell death rate at zero glucose (1/d).</param>
    /// <param name="growthPerMgDlPerDay">r1: glucose-driven replication (1/d per mg/dL).</param>
    /// <param name="toxicityPerMgDl2PerDay">r2: glucotoxic death (1/d per (mg/dL)²).</param>
    /// <param name="secretionParameters">Fast-model parameters scaled by relative β-cell mass (e.g. DM2007's beta, K, Sb).</param>
    /// <param name="sensitivityParameters">Fast-model parameters scaled by the sensitivity factor (e.g. DM2007's Vmx).</param>
    /// <param name="targetSensitivityFactor">s∞, the factor insulin sensitivity drifts to (1 = no drift).</param>
    /// <param name="sensitivityTimeConstantDays">τ of the drift (d).</param>
    public GlucotoxicBetaCellCourse(
        double deathRatePerDay, double growthPerMgDlPerDay, double toxicityPerMgDl2PerDay,
        IReadOnlyList<string> secretionParameters, IReadOnlyList<string> sensitivityParameters,
        double targetSensitivityFactor = 1, double sensitivityTimeConstantDays = 365)
    {
        ArgumentNullException.ThrowIfNull(secretionParameters);
        ArgumentNullException.ThrowIfNull(sensitivityParameters);
        if (!(targetSensitivityFactor >= 0) || !(sensitivityTimeConstantDays > 0))
        {
            throw new ArgumentException("The target sensitivity factor must be ≥ 0 and its time constant positive.");
        }

        DeathRatePerDay = deathRatePerDay;
        GrowthPerMgDlPerDay = growthPerMgDlPerDay;
        ToxicityPerMgDl2PerDay = toxicityPerMgDl2PerDay;
        TargetSensitivityFactor = targetSensitivityFactor;
        SensitivityTimeConstantDays = sensitivityTimeConstantDays;
        coupled = [.. secretionParameters, .. sensitivityParameters];
        secretionCount = secretionParameters.Count;
    }

    /// <summary>
    /// The course with β-cell growth taken from a <c>topp-2000</c> parameter set (its d0, r1, r2 with their provenance
    /// there), so that the slow dynamics and the topp-2000 model cannot drift apart.
    /// </summary>
    public static GlucotoxicBetaCellCourse FromTopp(
        Parameters.ParameterSet toppParameters, IReadOnlyList<string> secretionParameters, IReadOnlyList<string> sensitivityParameters,
        double targetSensitivityFactor = 1, double sensitivityTimeConstantDays = 365)
    {
        ArgumentNullException.ThrowIfNull(toppParameters);
        return new GlucotoxicBetaCellCourse(
            toppParameters["d0"], toppParameters["r1"], toppParameters["r2"], secretionParameters, sensitivityParameters, targetSensitivityFactor, sensitivityTimeConstantDays);
    }

    /// <summary>Fast-model parameters scaled by relative β-cell mass.</summary>
    public IReadOnlyList<string> SecretionParameters => coupled[..secretionCount];

    /// <summary>Fast-model parameters scaled by the insulin-sensitivity factor.</summary>
    public IReadOnlyList<string> SensitivityParameters => coupled[secretionCount..];

    /// <summary>d0 (1/d).</summary>
    public double DeathRatePerDay { get; }

    /// <summary>r1 (1/d per mg/dL).</summary>
    public double GrowthPerMgDlPerDay { get; }

    /// <summary>r2 (1/d per (mg/dL)²).</summary>
    public double ToxicityPerMgDl2PerDay { get; }

    /// <summary>s∞.</summary>
    public double TargetSensitivityFactor { get; }

    /// <summary>τ (d).</summary>
    public double SensitivityTimeConstantDays { get; }

    /// <inheritdoc />
    public override IReadOnlyList<StateVariable> States => StateList;

    /// <inheritdoc />
    public override IReadOnlyList<string> CoupledParameters => coupled;

    /// <inheritdoc />
    public override double[] InitialState() => [1, 1];

    /// <summary>The net β-cell growth rate −d0 + r1·G − r2·G² (1/d) at a glucose level: zero at Topp's fixed points.</summary>
    public double NetGrowthPerDay(double glucoseMgPerDl)
        => -DeathRatePerDay + (GrowthPerMgDlPerDay * glucoseMgPerDl) - (ToxicityPerMgDl2PerDay * glucoseMgPerDl * glucoseMgPerDl);

    /// <inheritdoc />
    public override void Derivatives(double glucoseMgPerDl, ReadOnlySpan<double> slow, Span<double> dSlowPerMin)
    {
        dSlowPerMin[0] = NetGrowthPerDay(glucoseMgPerDl) * slow[0] / MinutesPerDay;
        dSlowPerMin[1] = (TargetSensitivityFactor - slow[1]) / (SensitivityTimeConstantDays * MinutesPerDay);
    }

    /// <inheritdoc />
    public override void Multipliers(ReadOnlySpan<double> slow, Span<double> multipliers)
    {
        for (int i = 0; i < coupled.Length; i++)
        {
            multipliers[i] = Math.Max(i < secretionCount ? slow[0] : slow[1], 0);
        }
    }
}
