using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Models.Topp;
using ExoSim.Models.Units;

namespace ExoSim.Models.T1dProgression;

/// <summary>
/// Autoimmune β-cell loss on the β-cell–insulin–glucose (βIG) core of Topp et al. 2000, over months to years, with
/// reversible glucotoxic β-cell inactivation that produces the honeymoon (partial remission) after insulin start:
/// <code>
/// dG/dt   = R0 − (EG0 + SI·I)·G
/// dI/dt   = (1 − phi)·β·σ·G²/(α + G²) − k·I + u/VI
/// dβ/dt   = (−d0 + r1·G − r2·G²)·β − kappa·β
/// dphi/dt = k_in·max(0, G − G_tox)/G_tox·(1 − phi) − k_re·phi
/// </code>
/// The G, I and β terms are Topp's equations (J Theor Biol 2000;206:605, eqs. 1–3, doi:10.1006/jtbi.2000.2150);
/// kappa·β is ExoSim's autoimmune killing term (an assumption: first-order in β, i.e. killing by a constant effector
/// T-cell level; the immune-cell dynamics of Marée-type T1D models are not modelled) and u is exogenous insulin.
/// phi is the fraction of the β-cell mass that is inactive (stunned) under hyperglycaemia and recovers at rate k_re
/// when glucose falls: the structure of Ridout, Vellanki &amp; Nemenman (eLife reviewed preprint 100193,
/// doi:10.7554/eLife.100193, Fig. 1B); its linear glucose dependence above G_tox is ExoSim's assumption. Inactive and
/// active cells share the same replication, death and killing, so β (the total mass) follows Topp's equation unchanged
/// and phi obeys its own equation. Parameters keep Topp's per-day units; the right-hand side divides every rate by
/// 1440 min/d.
/// </summary>
/// <remarks>
/// The healthy state (the lower root of d0 − r1·G + r2·G² = 0, G = 100 mg/dL) loses stability once kappa exceeds
/// kappa_crit = r1²/(4·r2) − d0 = 0.0135 /d: glucose-driven β-cell replication can no longer compensate and β
/// collapses towards Topp's pathological state (G = R0/EG0 = 600 mg/dL, I = β = 0). A therapy slows the attack by
/// multiplying <c>kappa</c> (a <see cref="StepModulation"/> on "kappa").
/// </remarks>
public sealed class T1dProgressionModel : PhysiologyModel
{
    /// <summary>The model's stable id.</summary>
    public const string ModelId = "t1d-progression";

    /// <summary>The reference subject: Topp's parameters with autoimmune killing above the critical rate.</summary>
    public const string ProgressorSubject = "topp-autoimmune";

    /// <summary>Name of the autoimmune killing rate, the parameter therapies modulate.</summary>
    public const string KillingRateParameter = "kappa";

    /// <summary>Observable: β-cell mass relative to the healthy fixed point (dimensionless).</summary>
    public const string BetaCellMassFraction = "beta_cell_mass_fraction";

    /// <summary>Observable: active (secreting) β-cell mass (1 − phi)·beta relative to the healthy fixed point (dimensionless).</summary>
    public const string BetaCellFunctionFraction = "beta_cell_function_fraction";

    /// <summary>Name of the glucotoxic inactivation rate (1/d per unit relative glucose excess).</summary>
    public const string InactivationRateParameter = "k_in";

    /// <summary>Name of the recovery rate of inactive β-cells (1/d).</summary>
    public const string RecoveryRateParameter = "k_re";

    /// <summary>Name of the glucose above which β-cells are inactivated (mg/dL).</summary>
    public const string InactivationGlucoseParameter = "G_tox";

    private const double MinPerDay = 1440;

    private const double MicroUnitsPerUnit = 1e6;

    private static readonly Observable[] ObservableList =
    [
        new(Observable.GlucoseMgPerDl, "mg/dL", "Plasma glucose (= G)"),
        new(Observable.InsulinPmolPerL, "pmol/L", "Plasma insulin I converted with 1 µU/mL = 6 pmol/L"),
        new("beta_cell_mass_mg", "mg", "β-cell mass (= beta, active and inactive cells)"),
        new(BetaCellMassFraction, "1", "β-cell mass relative to the healthy fixed point: beta / beta0"),
        new(BetaCellFunctionFraction, "1", "Residual β-cell function: active mass (1 − phi)·beta relative to the healthy fixed point's (1 − phi0)·beta0"),
    ];

    private static readonly StateVariable[] StateList =
    [
        .. Topp2000Model.CoreStates,
        new("phi", "1", "Fraction of the β-cell mass inactive (stunned) by hyperglycaemia; recovers when glucose falls"),
    ];

    // Topp's βIG core parameters (shared definitions), then the autoimmune, insulin-input and honeymoon (inactivation) additions.
    private static readonly ParameterSchema ParameterList = new(
    [
        .. Topp2000Model.CoreParameters,
        new ParameterDefinition(KillingRateParameter, "1/d", "Autoimmune β-cell killing rate (immune killing term −kappa·β); the parameter an immunomodulating therapy multiplies")
        {
            PlausibleMinimum = 0, PlausibleMaximum = 0.1,
            RangeSource = "assumption: 0 = no autoimmunity; rates above ≈ 0.1 /d destroy the β-cell mass within weeks",
        },
        new ParameterDefinition("VI", "mL", "Distribution volume of exogenous insulin (converts U/h into µU/mL per minute)"),
        new ParameterDefinition(InactivationRateParameter, "1/d", "Glucotoxic β-cell inactivation rate per unit relative glucose excess (G − G_tox)/G_tox; 0 switches the honeymoon mechanism off")
        {
            PlausibleMinimum = 0, PlausibleMaximum = 1,
            RangeSource = "assumption: 0 = no reversible glucotoxicity; above ≈ 1 /d nearly all β-cells are inactive within days of mild hyperglycaemia " +
                "(Ridout et al.'s kIN, doi:10.7554/eLife.100193, multiplies a different, unverified glucose function and is not comparable)",
        },
        new ParameterDefinition(RecoveryRateParameter, "1/d", "Recovery rate of inactive (stunned) β-cells while glucose is at or below G_tox")
        {
            PlausibleMinimum = 0.01, PlausibleMaximum = 0.2,
            RangeSource = "assumption: recovery over days to weeks (the intermediate time scale of Ridout et al., doi:10.7554/eLife.100193, Fig. 1 legend)",
        },
        new ParameterDefinition(InactivationGlucoseParameter, "mg/dL", "Glucose above which β-cells are inactivated (glucotoxicity threshold)")
        {
            PlausibleMinimum = 70, PlausibleMaximum = 200,
            RangeSource = "assumption: between normal fasting glucose and the symptomatic random-glucose criterion (200 mg/dL, ADA 2010)",
        },
        new ParameterDefinition("kappa_crit", "1/d", "Killing rate above which the healthy state no longer exists: r1²/(4·r2) − d0") { IsDerived = true },
        new ParameterDefinition("G0", "mg/dL", "Healthy fixed-point glucose: lower root of d0 − r1·G + r2·G² = 0") { IsDerived = true },
        new ParameterDefinition("I0", "µU/mL", "Healthy fixed-point insulin: (R0/G0 − EG0)/SI") { IsDerived = true },
        new ParameterDefinition("phi0", "1", "Healthy fixed-point inactive fraction: the rest point of the phi equation at G0 (0 when G0 ≤ G_tox)") { IsDerived = true },
        new ParameterDefinition("beta0", "mg", "Healthy fixed-point β-cell mass: k·I0·(α + G0²)/(σ·G0²·(1 − phi0))") { IsDerived = true },
    ]);

    private static readonly string[] Interventions = ["insulin bolus", "insulin basal"];

    /// <inheritdoc />
    public override string Id => ModelId;

    /// <inheritdoc />
    public override string Title => "T1D progression: Topp βIG core with autoimmune β-cell killing and a glucotoxic honeymoon";

    /// <inheritdoc />
    public override string Summary => "β-cell mass and function, insulin and fasting glucose over months to years under autoimmune β-cell killing (kappa), with exogenous insulin and the honeymoon it produces.";

    /// <inheritdoc />
    public override string TimeScale => "weeks to years (fasting glucose; no meals)";

    /// <inheritdoc />
    public override string Reference =>
        "Topp B, Promislow K, deVries G, Miura RM, Finegood DT. J Theor Biol 2000;206:605–619 (doi:10.1006/jtbi.2000.2150); " +
        "reversible β-cell inactivation after Ridout, Vellanki & Nemenman, eLife reviewed preprint 100193 (doi:10.7554/eLife.100193); " +
        "autoimmune killing term −kappa·β, the inactivation's glucose dependence and exogenous insulin added by ExoSim (assumptions, see docs/models/t1d-progression.md)";

    /// <inheritdoc />
    public override IReadOnlyList<StateVariable> States => StateList;

    /// <inheritdoc />
    public override IReadOnlyList<Observable> Observables => ObservableList;

    /// <inheritdoc />
    public override ParameterSchema Schema => ParameterList;

    /// <inheritdoc />
    public override IReadOnlyList<string> PatientNames { get; } = [ProgressorSubject];

    /// <inheritdoc />
    public override IReadOnlyList<string> SupportedInterventions => Interventions;

    /// <summary>
    /// Stiff: insulin clears in 1/k ≈ 3.3 min while β changes over months. Over the 3-year example Dormand–Prince 5(4)
    /// needed ≈ 900 000 right-hand-side evaluations against ≈ 1 500 for Rodas5P (measured before phi was added; Rodas5P
    /// now needs ≈ 2 300, docs/models/t1d-progression.md).
    /// </summary>
    public override bool IsStiff => true;

    /// <summary>
    /// Glucose at which the β-cell equation is at rest for a killing rate: a root of d0 + kappa − r1·G + r2·G² = 0
    /// (the lower root is stable, the upper one is the saddle of Topp et al. 2000); NaN when kappa &gt; kappa_crit.
    /// </summary>
    public static double BetaRestGlucose(ParameterSet parameters, double kappa, bool upperRoot)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        double r1 = parameters["r1"], r2 = parameters["r2"];
        double root = Math.Sqrt((r1 * r1) - (4 * r2 * (parameters["d0"] + kappa)));
        return (r1 + (upperRoot ? root : -root)) / (2 * r2);
    }

    /// <summary>
    /// The quasi-steady insulin and active β-cell mass (1 − phi)·β that hold glucose at <paramref name="glucose"/> (Topp's
    /// eqs. 1–2 at rest, no exogenous insulin); with phi = 0 the active mass is the whole mass.
    /// </summary>
    public static (double Insulin, double Beta) RestingInsulinAndBeta(ParameterSet parameters, double glucose)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        double insulin = ((parameters["R0"] / glucose) - parameters["EG0"]) / parameters["SI"];
        double g2 = glucose * glucose;
        return (insulin, parameters["k"] * insulin * (parameters["alpha"] + g2) / (parameters["sigma"] * g2));
    }

    /// <summary>The inactive fraction phi at rest for a constant glucose: a/(a + k_re) with a = k_in·max(0, G − G_tox)/G_tox.</summary>
    public static double RestingInactiveFraction(ParameterSet parameters, double glucose)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        double inactivation = parameters[InactivationRateParameter] * GlucoseExcess(glucose, parameters[InactivationGlucoseParameter]);
        return inactivation == 0 ? 0 : inactivation / (inactivation + parameters[RecoveryRateParameter]);
    }

    // Relative glucose excess above the glucotoxicity threshold, max(0, G − G_tox)/G_tox (ExoSim's assumption).
    private static double GlucoseExcess(double glucose, double thresholdMgPerDl) => Math.Max(0, glucose - thresholdMgPerDl) / thresholdMgPerDl;

    /// <inheritdoc />
    public override ParameterSet Complete(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        double g0 = BetaRestGlucose(parameters, 0, upperRoot: false);
        var (i0, activeBeta0) = RestingInsulinAndBeta(parameters, g0);
        double phi0 = RestingInactiveFraction(parameters, g0);
        double crit = (parameters["r1"] * parameters["r1"] / (4 * parameters["r2"])) - parameters["d0"];
        return parameters
            .With(Schema.RequireIndex("kappa_crit"), crit, ParameterOrigin.Derived, "r1²/(4·r2) − d0: largest net glucose-driven β-cell growth rate, at G = r1/(2·r2)")
            .With(Schema.RequireIndex("G0"), g0, ParameterOrigin.Derived, "(r1 − √(r1² − 4·r2·d0))/(2·r2) (Topp et al. 2000)")
            .With(Schema.RequireIndex("I0"), i0, ParameterOrigin.Derived, "(R0/G0 − EG0)/SI (Topp et al. 2000)")
            .With(Schema.RequireIndex("phi0"), phi0, ParameterOrigin.Derived, "rest point of the phi equation at G0: a/(a + k_re), a = k_in·max(0, G0 − G_tox)/G_tox")
            .With(Schema.RequireIndex("beta0"), activeBeta0 / (1 - phi0), ParameterOrigin.Derived, "k·I0·(α + G0²)/(σ·G0²·(1 − phi0)) (Topp et al. 2000 with the inactive fraction)");
    }

    /// <summary>The healthy fixed point (G0, I0, beta0, phi0) before autoimmunity: the attack (kappa) acts from t = 0.</summary>
    public override double[] InitialState(ParameterSet parameters)
    {
        var p = Complete(parameters);
        return [p["G0"], p["I0"], p["beta0"], p["phi0"]];
    }

    /// <inheritdoc />
    public override ModelSystem CreateSystem(ParameterSet parameters, IReadOnlyList<ParameterModulation> modulations)
        => new T1dProgressionSystem(Complete(parameters), modulations);

    /// <inheritdoc />
    public override void EvaluateObservables(double timeMin, ReadOnlySpan<double> state, ParameterSet parameters, Span<double> values)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        values[0] = state[0];
        values[1] = state[1] * UnitCatalog.PmolPerLPerMicroUnitPerMl;
        values[2] = state[2];
        values[3] = state[2] / parameters["beta0"];
        values[4] = (1 - state[3]) * state[2] / ((1 - parameters["phi0"]) * parameters["beta0"]);
    }

    /// <summary>
    /// Exogenous insulin enters plasma directly (no subcutaneous depot: its hours are negligible on this time scale).
    /// Basal: U/h × 10⁶ / 60 / VI µU/mL per minute from the event on. Bolus: U × 10⁶ / VI µU/mL added to I.
    /// </summary>
    public override void Schedule(Intervention intervention, InterventionSchedule schedule, ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(intervention);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(parameters);
        double volume = parameters["VI"];
        switch (intervention)
        {
            case InsulinBasal basal when basal.RateUPerH >= 0 && double.IsFinite(basal.RateUPerH):
                schedule.SetRate(basal.TimeMin, 0, basal.RateUPerH * MicroUnitsPerUnit / 60 / volume, "insulin basal");
                break;
            case InsulinBolus bolus when bolus.DoseU >= 0 && double.IsFinite(bolus.DoseU):
                schedule.AddStateJump(bolus.TimeMin, 1, bolus.DoseU * MicroUnitsPerUnit / volume, "insulin bolus");
                break;
            case InsulinBasal or InsulinBolus:
                throw new ArgumentException($"An {intervention.Kind} must be a finite, non-negative amount of insulin.");
            default:
                base.Schedule(intervention, schedule, parameters);
                break;
        }
    }

    /// <inheritdoc />
    protected override ParameterSet LoadPatient(string name) => Complete(Topp2000Model.SetPaperValues(ParameterSet.Create(name, Schema))
        .Set(KillingRateParameter, 0.015, ParameterOrigin.Assumption,
            "assumption: 11 % above kappa_crit = 0.0135 /d, so the healthy state is lost; fasting glucose reaches 126 mg/dL after ≈ 54 d. Not fitted to human data")
        .Set("VI", 8400, ParameterOrigin.Assumption,
            "assumption: 0.12 L/kg (insulin distribution volume of Hovorka et al. 2004, Physiol Meas 25:905, doi:10.1088/0967-3334/25/4/010) × 70 kg")
        .Set(InactivationRateParameter, 0.1, ParameterOrigin.Assumption,
            "assumption, calibrated: chosen so that the β-cell mass left when glucose reaches 200 mg/dL is ≈ 60 % (Klinke 2008, doi:10.1371/journal.pone.0001374: " +
            "40 % reduction at onset at 20 years) while the active mass is 20 %; not fitted to time courses")
        .Set(RecoveryRateParameter, 0.04, ParameterOrigin.Literature,
            "Ridout, Vellanki & Nemenman, eLife reviewed preprint 100193, doi:10.7554/eLife.100193, Fig. 2A caption: kRE = 0.04 /d in their illustrative " +
            "ketosis-prone-diabetes simulations (not fitted to T1D data)")
        .Set(InactivationGlucoseParameter, 100, ParameterOrigin.Assumption,
            "assumption: no glucotoxic inactivation at or below Topp's healthy fasting glucose G0 = 100 mg/dL, so the healthy fixed point is Topp's")
        .Set("phi0", 0, ParameterOrigin.Derived, "healthy fixed point")
        .Set("kappa_crit", 0, ParameterOrigin.Derived, "r1²/(4·r2) − d0")
        .Set("G0", 0, ParameterOrigin.Derived, "healthy fixed point")
        .Set("I0", 0, ParameterOrigin.Derived, "healthy fixed point")
        .Set("beta0", 0, ParameterOrigin.Derived, "healthy fixed point")
        .Build());

    private sealed class T1dProgressionSystem : ModelSystem, Numerics.Ode.IOdeJacobian
    {
        private readonly int r0, eg0, si, sigma, alpha, k, d0, r1, r2, kappa, kIn, kRe, gTox;

        public T1dProgressionSystem(ParameterSet parameters, IReadOnlyList<ParameterModulation> modulations)
            : base(parameters, dimension: 4, inputChannelCount: 1, modulations)
        {
            var schema = parameters.Schema;
            r0 = schema.RequireIndex("R0");
            eg0 = schema.RequireIndex("EG0");
            si = schema.RequireIndex("SI");
            sigma = schema.RequireIndex("sigma");
            alpha = schema.RequireIndex("alpha");
            k = schema.RequireIndex("k");
            d0 = schema.RequireIndex("d0");
            r1 = schema.RequireIndex("r1");
            r2 = schema.RequireIndex("r2");
            kappa = schema.RequireIndex(KillingRateParameter);
            kIn = schema.RequireIndex(InactivationRateParameter);
            kRe = schema.RequireIndex(RecoveryRateParameter);
            gTox = schema.RequireIndex(InactivationGlucoseParameter);
        }

        public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian)
        {
            double g = y[0], beta = y[2], phi = y[3];
            double active = (1 - phi) * beta;
            double denominator = P[alpha] + (g * g);
            double secretion = g * g / denominator;
            double secretionSlope = 2 * P[alpha] * g / (denominator * denominator);
            double excessSlope = g > P[gTox] ? 1 / P[gTox] : 0;
            jacobian.Clear();
            jacobian[0] = -(P[eg0] + (P[si] * y[1])) / MinPerDay;
            jacobian[1] = -P[si] * g / MinPerDay;
            jacobian[4] = active * P[sigma] * secretionSlope / MinPerDay;
            jacobian[5] = -P[k] / MinPerDay;
            jacobian[6] = (1 - phi) * P[sigma] * secretion / MinPerDay;
            jacobian[7] = -beta * P[sigma] * secretion / MinPerDay;
            jacobian[8] = (P[r1] - (2 * P[r2] * g)) * beta / MinPerDay;
            jacobian[10] = (-P[d0] + (P[r1] * g) - (P[r2] * g * g) - P[kappa]) / MinPerDay;
            jacobian[12] = P[kIn] * excessSlope * (1 - phi) / MinPerDay;
            jacobian[15] = (-(P[kIn] * GlucoseExcess(g, P[gTox])) - P[kRe]) / MinPerDay;
        }

        // Topp et al. 2000 eqs. 1–3 plus −kappa·β, exogenous insulin and the inactive fraction phi (secretion by (1 − phi)·β);
        // per-day rates ÷ 1440 give per-minute rates.
        protected override void EvaluateModel(double t, ReadOnlySpan<double> y, Span<double> dydt)
        {
            double g = y[0], insulin = y[1], beta = y[2], phi = y[3];
            double g2 = g * g;
            dydt[0] = (P[r0] - ((P[eg0] + (P[si] * insulin)) * g)) / MinPerDay;
            dydt[1] = (((1 - phi) * beta * P[sigma] * g2 / (P[alpha] + g2)) - (P[k] * insulin)) / MinPerDay + InputRates[0];
            dydt[2] = ((-P[d0] + (P[r1] * g) - (P[r2] * g2) - P[kappa]) * beta) / MinPerDay;
            dydt[3] = ((P[kIn] * GlucoseExcess(g, P[gTox]) * (1 - phi)) - (P[kRe] * phi)) / MinPerDay;
        }
    }
}
