using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Models.Validation;
using ExoSim.Numerics.Ode;

namespace ExoSim.Models.DallaMan;

/// <summary>
/// Validation of <c>dalla-man-2007</c> for <c>exosim validate</c>: (1) basal steady states of both subjects, (2) the
/// derived basal quantities against Table 1 of Dalla Man et al. 2007 (doi:10.1109/TBME.2007.893506), (3) mass balance
/// of the gut, (4) the response to a 1 g/kg meal against an independent implementation of the equations and against
/// the curated BioModels encoding BIOMD0000000379, (5) normal vs type 2 contrasts. The paper's figure values could
/// not be retrieved and are not checked (docs/models/dalla-man-2007.md).
/// </summary>
public sealed class DallaMan2007Validation : IModelValidation
{
    private const string Independent =
        "independent transcription of BIOMD0000000379's equations with the paper's conditions and ExoSim's values, classical RK4 " +
        "Δt = 0.01 min (tests/ExoSim.Models.Tests/DallaMan/Biomd0000000379.cs; agrees to < 1e-6 along the trajectory); " +
        "tolerance: rounding of the reference and the 1-min output grid";

    private const string Biomd =
        "curated BioModels encoding BIOMD0000000379 as published (own Gb 95, Ib 25, Sb 1.8 and Table 1 kp1/Vm0/m2/m4; 20 % less " +
        "insulin-dependent uptake, K·dG/dt of either sign, no renal term), integrated by the test-side transcription; tolerance " +
        "≈ 5 %: the size of these differences, not a fit";

    private const string Ada =
        "plausibility, not a DM2007 figure: ADA thresholds for 2-h plasma glucose in a 75-g OGTT (< 140 mg/dL normal, ≥ 200 mg/dL " +
        "diabetes; Diabetes Care 2024;47(Suppl 1):S20, doi:10.2337/dc24-S002); the 1 g/kg meal (78 g) is comparable, not identical";

    private const string Contrast =
        "qualitative contrast of DM2007's T2D subject (higher, later glucose peak; delayed insulin response); must be ≤ 0";

    private static readonly DallaMan2007Model Model = new();

    /// <summary>Glucose peak (mg/dL) after a 1 g/kg impulse meal at t = 0, normal subject, by the independent transcription.</summary>
    public const double IndependentNormalGlucosePeak = 157.355;

    /// <summary>Time of that peak on the 1-min grid (min).</summary>
    public const double IndependentNormalGlucosePeakTime = 66;

    /// <summary>Insulin peak (pmol/L) after a 1 g/kg impulse meal at t = 0, normal subject, by the independent transcription.</summary>
    public const double IndependentNormalInsulinPeak = 253.126;

    /// <summary>Time of that peak on the 1-min grid (min).</summary>
    public const double IndependentNormalInsulinPeakTime = 98;

    /// <summary>Glucose peak (mg/dL) after a 1 g/kg impulse meal at t = 0, t2d subject, by the independent transcription.</summary>
    public const double IndependentT2DGlucosePeak = 295.998;

    /// <summary>Time of that peak on the 1-min grid (min).</summary>
    public const double IndependentT2DGlucosePeakTime = 122;

    /// <summary>Glucose peak (mg/dL) of BIOMD0000000379 as published (78 g at t = 0 from its own initial state).</summary>
    public const double BiomdGlucosePeak = 163.94;

    /// <summary>Insulin peak (pmol/L) of BIOMD0000000379 as published.</summary>
    public const double BiomdInsulinPeak = 259.38;

    /// <inheritdoc />
    public string ModelId => DallaMan2007Model.ModelId;

    /// <inheritdoc />
    public IReadOnlyList<ValidationCheck> Run()
    {
        var checks = new List<ValidationCheck>();
        var responses = new Dictionary<string, MealResponse>(StringComparer.Ordinal);
        foreach (string name in Model.PatientNames)
        {
            var p = Model.Patient(name);
            AddSteadyStateChecks(checks, name, p);
            responses[name] = MealResponse.Of(Simulate(p, 1440, [new MealIntake(0, p["BW"], 0)]));
        }

        AddTable1Checks(checks);

        var normal = Model.Patient(DallaManSubjects.Normal);
        var n = responses[DallaManSubjects.Normal];
        var t = responses[DallaManSubjects.T2D];
        checks.Add(Check("absorbed glucose ∫Ra·BW dt over 24 h after 78 g (normal)", "g", normal["f"] * 78, n.AbsorbedMgPerKg * normal["BW"] / 1000,
            0.01 * normal["f"] * 78, "mass balance: f × D; 1 %"));

        checks.Add(Check("glucose peak after 1 g/kg (normal)", "mg/dL", IndependentNormalGlucosePeak, n.GlucosePeak, 0.01, Independent));
        checks.Add(Check("time of the glucose peak (normal)", "min", IndependentNormalGlucosePeakTime, n.GlucosePeakTime, 1, Independent));
        checks.Add(Check("insulin peak after 1 g/kg (normal)", "pmol/L", IndependentNormalInsulinPeak, n.InsulinPeak, 0.01, Independent));
        checks.Add(Check("time of the insulin peak (normal)", "min", IndependentNormalInsulinPeakTime, n.InsulinPeakTime, 1, Independent));
        checks.Add(Check("glucose peak after 1 g/kg (t2d)", "mg/dL", IndependentT2DGlucosePeak, t.GlucosePeak, 0.01, Independent));
        checks.Add(Check("time of the glucose peak (t2d)", "min", IndependentT2DGlucosePeakTime, t.GlucosePeakTime, 1, Independent));
        checks.Add(Check("glucose peak after 78 g (normal) vs the BioModels encoding", "mg/dL", BiomdGlucosePeak, n.GlucosePeak, 8, Biomd));
        checks.Add(Check("insulin peak after 78 g (normal) vs the BioModels encoding", "pmol/L", BiomdInsulinPeak, n.InsulinPeak, 0.05 * BiomdInsulinPeak, Biomd));

        checks.Add(new ValidationCheck(ModelId, "2-h glucose after 1 g/kg (normal)", "mg/dL", 0, n.GlucoseAt120, 140, ValidationComparison.AtMost, Ada));
        checks.Add(new ValidationCheck(ModelId, "200 mg/dL − 2-h glucose after 1 g/kg (t2d)", "mg/dL", 0, 200 - t.GlucoseAt120, 0, ValidationComparison.AtMost, Ada));
        checks.Add(new ValidationCheck(ModelId, "normal − t2d basal glucose", "mg/dL", 0, normal["Gb"] - Model.Patient(DallaManSubjects.T2D)["Gb"], 0, ValidationComparison.AtMost, Contrast));
        checks.Add(new ValidationCheck(ModelId, "normal − t2d glucose peak", "mg/dL", 0, n.GlucosePeak - t.GlucosePeak, 0, ValidationComparison.AtMost, Contrast));
        checks.Add(new ValidationCheck(ModelId, "normal − t2d time of the glucose peak", "min", 0, n.GlucosePeakTime - t.GlucosePeakTime, 0, ValidationComparison.AtMost, Contrast));
        checks.Add(new ValidationCheck(ModelId, "normal − t2d time of the insulin peak", "min", 0, n.InsulinPeakTime - t.InsulinPeakTime, 0, ValidationComparison.AtMost, Contrast));
        return checks;
    }

    private void AddSteadyStateChecks(List<ValidationCheck> checks, string name, ParameterSet p)
    {
        checks.Add(new ValidationCheck(ModelId, $"max |f(x_basal)|/max(|x|, 1) ({name})", "1/min", 0, BasalResidual.Of(Model, p), 1e-12,
            ValidationComparison.AtMost, "basal state must be a steady state (rounding only)"));
        var fasting = Simulate(p, 1440, []);
        double glucoseDrift = fasting.Column(Observable.GlucoseMgPerDl).Max(g => Math.Abs(g - p["Gb"]));
        double insulinDrift = fasting.Column("insulin_pmol_l").Max(i => Math.Abs(i - p["Ib"]));
        checks.Add(new ValidationCheck(ModelId, $"max |G − Gb| over 24 h without meal ({name})", "mg/dL", 0, glucoseDrift, 0.1,
            ValidationComparison.AtMost, "steady state held by the solver"));
        checks.Add(new ValidationCheck(ModelId, $"max |I − Ib| over 24 h without meal ({name})", "pmol/L", 0, insulinDrift, 0.1,
            ValidationComparison.AtMost, "steady state held by the solver"));
    }

    private void AddTable1Checks(List<ValidationCheck> checks)
    {
        const string Source = DallaManParameters.Dm2007 + ", Table 1; 1 %: the basal values are rounded to 4 digits, Table 1 to 2–3";
        var normal = Model.Patient(DallaManSubjects.Normal);
        foreach (var (parameter, published) in DallaManSubjects.Table1DerivedValues[DallaManSubjects.Normal])
        {
            checks.Add(Check($"{parameter} recomputed from the basal state (normal)", normal.Schema[normal.Schema.RequireIndex(parameter)].Unit,
                published, normal[parameter], 0.01 * published, Source));
        }

        // t2d: the assumed basal values were solved from kp1, Vm0 and m4, so only m2 is left to check; it tests the basal
        // relations (m2/m4 = 1.5/HEb) against Table 1's T2D column, not the basal values themselves.
        double m2 = DallaManSubjects.Table1DerivedValues[DallaManSubjects.T2D]["m2"];
        checks.Add(Check("m2 recomputed from the basal state (t2d; tests m2/m4 = 1.5/HEb only)", "1/min", m2,
            Model.Patient(DallaManSubjects.T2D)["m2"], 0.01 * m2, Source));
    }

    private ValidationCheck Check(string quantity, string unit, double expected, double got, double tolerance, string reference)
        => new(ModelId, quantity, unit, expected, got, tolerance, ValidationComparison.WithinTolerance, reference);

    private static SimulationResult Simulate(ParameterSet p, double durationMin, IReadOnlyList<Intervention> interventions)
        => Simulator.Run(
            new SimulationRequest { Model = Model, Parameters = p, DurationMin = durationMin, OutputIntervalMin = 1, Interventions = interventions },
            OdeSolvers.DormandPrince54,
            new SolverOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-10 });

    /// <summary>Peak values and times (on the 1-min output grid) and the absorbed glucose after one meal at t = 0.</summary>
    private sealed record MealResponse(double GlucosePeak, double GlucosePeakTime, double InsulinPeak, double InsulinPeakTime, double GlucoseAt120, double AbsorbedMgPerKg)
    {
        public static MealResponse Of(SimulationResult result)
        {
            var glucose = result.Column(Observable.GlucoseMgPerDl);
            var insulin = result.Column("insulin_pmol_l");
            var ra = result.Column("ra_mg_kg_min");
            double absorbed = 0;
            for (int k = 1; k < ra.Length; k++)
            {
                absorbed += 0.5 * (ra[k - 1] + ra[k]); // trapezoid on the 1-min grid
            }

            double gPeak = glucose.Max();
            double iPeak = insulin.Max();
            return new MealResponse(gPeak, Array.IndexOf(glucose, gPeak), iPeak, Array.IndexOf(insulin, iPeak), glucose[120], absorbed);
        }
    }
}
