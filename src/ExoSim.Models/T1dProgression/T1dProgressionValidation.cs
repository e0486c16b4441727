using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Models.Validation;
using ExoSim.Numerics.Ode;

namespace ExoSim.Models.T1dProgression;

/// <summary>
/// Validation of <c>t1d-progression</c>: (1) the three fixed points published by Topp et al. 2000
/// (doi:10.1006/jtbi.2000.2150), statically and as the end points of simulations on either side of the saddle;
/// (2) the killing threshold kappa_crit; (3) diagnosis (fasting glucose ≥ 126 mg/dL, the ADA criterion) against
/// an independent implementation and against the β-cell loss at onset reported by Klinke 2008.
/// </summary>
public sealed class T1dProgressionValidation : IModelValidation
{
    /// <summary>Fasting plasma glucose at or above which diabetes is diagnosed (mg/dL).</summary>
    public const double DiagnosisGlucoseMgPerDl = 126;

    /// <summary>Plasma glucose at or above which diabetes is diagnosed in a patient with symptoms (random glucose, mg/dL).</summary>
    public const double SymptomaticGlucoseMgPerDl = 200;

    private const string DiagnosisCriterion =
        "diagnosis = fasting plasma glucose ≥ 126 mg/dL (American Diabetes Association, Diagnosis and Classification of Diabetes Mellitus, Diabetes Care 2010;33 Suppl 1, Table 3)";

    private const string ToppFixedPoints =
        "Topp et al. 2000, J Theor Biol 206:605, doi:10.1006/jtbi.2000.2150: fixed points at G = 100 (stable), 250 (saddle) and 600 mg/dL " +
        "(pathological, I = β = 0); I and β follow from the model's equations at rest";

    private const string IndependentReference =
        "the same equations integrated independently (Python, classical RK4 in days, Δt = 0.002 d) for this model's validation note; tolerance = step of the reference";

    private const double Day = 1440;

    private static readonly T1dProgressionModel Model = new();

    /// <inheritdoc />
    public string ModelId => T1dProgressionModel.ModelId;

    /// <inheritdoc />
    public IReadOnlyList<ValidationCheck> Run()
    {
        var checks = new List<ValidationCheck>();
        var subject = Model.Patient(T1dProgressionModel.ProgressorSubject);
        var healthy = WithKappa(subject, 0);

        checks.Add(Within("healthy fixed point G0", "mg/dL", 100, subject["G0"], 1e-9, ToppFixedPoints));
        checks.Add(Within("healthy fixed point I0", "µU/mL", 10, subject["I0"], 1e-9, ToppFixedPoints));
        checks.Add(Within("healthy fixed point beta0", "mg", 300, subject["beta0"], 1e-7, ToppFixedPoints));
        checks.Add(new ValidationCheck(ModelId, "max relative |dx/dt| at the healthy fixed point, kappa = 0", "1/min", 0,
            BasalResidual.Of(Model, healthy), 1e-12, ValidationComparison.AtMost, "the healthy fixed point is a rest point of the right-hand side"));
        checks.Add(Within("saddle glucose, kappa = 0", "mg/dL", 250, T1dProgressionModel.BetaRestGlucose(subject, 0, upperRoot: true), 1e-9, ToppFixedPoints));

        // Either side of the saddle's β (36.96 mg) the trajectory ends at the healthy or the pathological point.
        var saddleGlucose = T1dProgressionModel.BetaRestGlucose(subject, 0, upperRoot: true);
        var (saddleInsulin, saddleBeta) = T1dProgressionModel.RestingInsulinAndBeta(subject, saddleGlucose);
        checks.Add(Within("G after 3000 d from 1.02 × saddle β, kappa = 0", "mg/dL", 100,
            FinalGlucose(healthy, [saddleGlucose, saddleInsulin, 1.02 * saddleBeta], 3000), 0.5, ToppFixedPoints));
        checks.Add(Within("G after 3000 d from 0.98 × saddle β, kappa = 0", "mg/dL", 600,
            FinalGlucose(healthy, [saddleGlucose, saddleInsulin, 0.98 * saddleBeta], 3000), 0.5, ToppFixedPoints));

        double critical = subject["kappa_crit"];
        checks.Add(Within("kappa_crit = r1²/(4·r2) − d0", "1/d", 0.0135, critical, 1e-12,
            "closed form from Topp's β-cell equation with −kappa·β: the largest net growth rate, at G = r1/(2·r2) = 175 mg/dL"));
        var compensated = WithKappa(subject, 0.9 * critical);
        checks.Add(Within("G after 3000 d, kappa = 0.9·kappa_crit (compensated)", "mg/dL",
            T1dProgressionModel.BetaRestGlucose(compensated, compensated["kappa"], upperRoot: false),
            FinalGlucose(compensated, Model.InitialState(compensated), 3000), 0.5,
            "closed form: lower root of d0 + kappa − r1·G + r2·G² = 0, the stable compensated state"));
        checks.Add(Within("G after 3000 d, kappa = 1.1·kappa_crit (progressor)", "mg/dL", 600,
            FinalGlucose(WithKappa(subject, 1.1 * critical), Model.InitialState(subject), 3000), 0.5, ToppFixedPoints));

        var (onsetDay, onsetFraction) = Diagnosis(subject);
        checks.Add(Within("time to diagnosis, reference subject (kappa = 0.015 /d)", "d", 53.69, onsetDay, 0.01, $"{IndependentReference}; {DiagnosisCriterion}"));
        checks.Add(Within("time to diagnosis, kappa = 0.02 /d", "d", 36.14, Diagnosis(WithKappa(subject, 0.02)).Day, 0.01, $"{IndependentReference}; {DiagnosisCriterion}"));
        checks.Add(Within("β-cell mass fraction at diagnosis, reference subject", "1", 0.60, onsetFraction, 0.10,
            "Klinke 2008, PLoS ONE 3:e1374, doi:10.1371/journal.pone.0001374 (meta-analysis of histopathology; restated in Klinke 2011, doi:10.1371/journal.pone.0026873): " +
            $"on average a 40 % reduction in β-cell mass at onset at 20 years of age; tolerance ±0.10 is ExoSim's (the abstract gives no interval); {DiagnosisCriterion}"));
        checks.Add(Within("β-cell mass fraction when glucose reaches 200 mg/dL, reference subject", "1", 0.125, Diagnosis(subject, SymptomaticGlucoseMgPerDl).BetaFraction, 0.075,
            "Klinke 2008, doi:10.1371/journal.pone.0001374: the commonly stated 80–95 % reduction in β-cell mass at onset of clinical symptoms (histopathology, mostly young patients), " +
            "i.e. 5–20 % remaining; 200 mg/dL = the ADA random-glucose criterion with symptoms, applied here to the model's fasting-level glucose"));
        return checks;
    }

    /// <summary>First time (d) glucose reaches <paramref name="thresholdMgPerDl"/> and the β-cell mass fraction then (linear interpolation between 0.01-d rows; NaN if not within 1000 d).</summary>
    public static (double Day, double BetaFraction) Diagnosis(ParameterSet parameters, double thresholdMgPerDl = DiagnosisGlucoseMgPerDl)
    {
        var result = Simulate(parameters, null, 1000, 0.01);
        var time = result.Column(Simulator.TimeColumn);
        var glucose = result.Column(Observable.GlucoseMgPerDl);
        var fraction = result.Column(T1dProgressionModel.BetaCellMassFraction);
        for (int r = 1; r < result.RowCount; r++)
        {
            if (glucose[r] >= thresholdMgPerDl)
            {
                double w = (thresholdMgPerDl - glucose[r - 1]) / (glucose[r] - glucose[r - 1]);
                return ((time[r - 1] + (w * (time[r] - time[r - 1]))) / Day, fraction[r - 1] + (w * (fraction[r] - fraction[r - 1])));
            }
        }

        return (double.NaN, double.NaN);
    }

    private ValidationCheck Within(string quantity, string unit, double expected, double got, double tolerance, string reference)
        => new(ModelId, quantity, unit, expected, got, tolerance, ValidationComparison.WithinTolerance, reference);

    private static ParameterSet WithKappa(ParameterSet parameters, double kappa)
        => Model.Complete(parameters.WithUserValue(T1dProgressionModel.KillingRateParameter, kappa, "validation"));

    private static double FinalGlucose(ParameterSet parameters, double[] start, double days)
        => Simulate(parameters, start, days, days).Column(Observable.GlucoseMgPerDl)[^1];

    private static SimulationResult Simulate(ParameterSet parameters, double[]? start, double days, double intervalDays)
        => Simulator.Run(
            new SimulationRequest
            {
                Model = Model, Parameters = parameters, InitialState = start,
                DurationMin = days * Day, OutputIntervalMin = intervalDays * Day,
            },
            OdeSolvers.Rodas5P,
            new SolverOptions { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-10 });
}
