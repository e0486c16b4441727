using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Models.Validation;
using ExoSim.Numerics.Ode;

namespace ExoSim.Models.UvaPadova;

/// <summary>
/// Validation of <c>uva-padova-t1d</c> for <c>exosim validate</c>: basal steady states of the 30 subjects, the basal
/// quantities simglucose publishes (vpatient_params.csv, commit a6f6777), a trajectory recorded by simglucose
/// itself, and mass balance of the gut. The same checks, per subject, are in the unit tests.
/// </summary>
public sealed class UvaPadovaValidation : IModelValidation
{
    private const string SimglucoseTable = "simglucose vpatient_params.csv (github.com/jxx123/simglucose, commit a6f6777), 12 significant digits";

    private const string RecordedTrajectory =
        "simglucose's own output examples/results/2022-11-27_09-54-45/adolescent#001.csv (commit 763dc728): 3-min means of Gs/Vg; " +
        "inputs as recorded (pump basal 0.0139333 U/min, 40 g at 07:33 with 3.3 U, 59 g at 11:48 with 4.9 U); " +
        "tolerance: simglucose's own integration accuracy";

    private static readonly UvaPadovaT1DModel Model = new();

    /// <inheritdoc />
    public string ModelId => UvaPadovaT1DModel.ModelId;

    /// <inheritdoc />
    public IReadOnlyList<ValidationCheck> Run()
    {
        var checks = new List<ValidationCheck>();
        double residual = 0, derived = 0, drift = 0;
        foreach (string name in Model.PatientNames)
        {
            var p = Model.Patient(name);
            residual = Math.Max(residual, BasalResidual.Of(Model, p));
            for (int i = UvaPadovaParameters.FirstDerived; i < UvaPadovaParameters.FirstCovariate; i++)
            {
                double published = UvaPadovaSubjects.PublishedValue(name, p.Schema[i].Name);
                derived = Math.Max(derived, Math.Abs(p[i] - published) / Math.Abs(published));
            }

            foreach (double g in Simulate(p, 1440, []).Column(Observable.GlucoseMgPerDl))
            {
                drift = Math.Max(drift, Math.Abs(g - p[UvaPadovaParameters.Gb]));
            }
        }

        checks.Add(new ValidationCheck(ModelId, "max |f(x_basal)|/max(|x|, 1), 30 subjects", "1/min", 0, residual, 1e-12,
            ValidationComparison.AtMost, "basal state must be a steady state (rounding only)"));
        checks.Add(new ValidationCheck(ModelId, "max relative error of recomputed Gpb…PCRb, 30 subjects", "1", 0, derived, 1e-9,
            ValidationComparison.AtMost, SimglucoseTable));
        checks.Add(new ValidationCheck(ModelId, "max |G − Gb| over 24 h at basal insulin, no meal, 30 subjects", "mg/dL", 0, drift, 0.1,
            ValidationComparison.AtMost, "steady state held by the solver"));
        checks.Add(new ValidationCheck(ModelId, "max |CGM − simglucose record|, adolescent#001, 13 h with two meals", "mg/dL", 0,
            RecordedTrajectoryError(), 1e-4, ValidationComparison.AtMost, RecordedTrajectory));

        var adult = Model.Patient("adult#001");
        var ra = Simulate(adult, 1440, [new MealIntake(30, 50, 0)]).Column("ra_mg_kg_min");
        double integral = 0;
        for (int k = 1; k < ra.Length; k++)
        {
            integral += 0.5 * (ra[k - 1] + ra[k]);
        }

        checks.Add(new ValidationCheck(ModelId, "absorbed glucose ∫Ra·BW dt after a 50 g meal, adult#001", "g",
            adult[UvaPadovaParameters.F] * 50, integral * adult[UvaPadovaParameters.BW] / 1000, 0.01 * adult[UvaPadovaParameters.F] * 50,
            ValidationComparison.WithinTolerance, "mass balance: f × carbohydrate; 1 %"));
        return checks;
    }

    private static double RecordedTrajectoryError()
    {
        const double basal = 0.013933333333333336 * 60;
        static double At(int hour, int minute) => ((hour * 60) + minute) - 60;
        var cgm = Simulate(Model.Patient("adolescent#001"), 800,
        [
            new InsulinBasal(0, basal),
            new MealIntake(At(7, 33), 40, 0),
            new InsulinBasal(At(7, 36), 1.1250416666666667 * 60),
            new InsulinBasal(At(7, 39), basal),
            new MealIntake(At(11, 48), 59, 0),
            new InsulinBasal(At(11, 51), 1.652825 * 60),
            new InsulinBasal(At(11, 54), basal),
        ], 1e-10).Column("cgm_glucose_mg_dl");
        (double Time, double Bg)[] recorded =
        [
            (At(4, 0), 149.02285461555624), (At(7, 30), 149.03085852816392), (At(7, 42), 149.04037263783084),
            (At(8, 0), 150.20345950791153), (At(8, 45), 158.1757472317271), (At(9, 30), 148.7886284516614),
            (At(10, 30), 133.20604171670573), (At(11, 54), 127.03537565426515), (At(12, 30), 130.73421895516532),
            (At(13, 0), 136.99004008682797), (At(13, 51), 125.8560877460273),
        ];
        double worst = 0;
        foreach (var (time, bg) in recorded)
        {
            int k = (int)time;
            worst = Math.Max(worst, Math.Abs(((cgm[k - 2] + cgm[k - 1] + cgm[k]) / 3) - bg));
        }

        return worst;
    }

    private static SimulationResult Simulate(ParameterSet p, double durationMin, IReadOnlyList<Intervention> interventions, double rtol = 1e-8)
        => Simulator.Run(
            new SimulationRequest { Model = Model, Parameters = p, DurationMin = durationMin, OutputIntervalMin = 1, Interventions = interventions },
            OdeSolvers.DormandPrince54,
            new SolverOptions { RelativeTolerance = rtol, AbsoluteTolerance = 1e-10 });
}
