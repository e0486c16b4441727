using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Models.T1dProgression;
using ExoSim.Models.Validation;
using ExoSim.Numerics.Ode;

namespace ExoSim.Models.Tests.T1dProgression;

/// <summary>
/// <c>t1d-progression</c>: the validation suite (Topp et al. 2000 fixed points, doi:10.1006/jtbi.2000.2150; kappa_crit;
/// diagnosis at fasting glucose ≥ 126 mg/dL against an independent Python implementation and Klinke 2011,
/// doi:10.1371/journal.pone.0026873), an independent test-side implementation integrated with a fixed-step
/// classical RK4 in days, insulin input and the therapy hook on kappa.
/// </summary>
public class T1dProgressionModelTests
{
    private const double Day = 1440;

    private static readonly T1dProgressionModel Model = new();

    private static readonly Lazy<IReadOnlyList<ValidationCheck>> Suite = new(() => new T1dProgressionValidation().Run());

    [Fact]
    public void Every_validation_check_passes()
    {
        var failures = Suite.Value.Where(c => !c.Passed)
            .Select(c => $"{c.Quantity}: got {c.Got} {c.Unit}, expected {c.Expected} ± {c.Tolerance} ({c.Reference})");
        Assert.Empty(failures);
        Assert.Equal(14, Suite.Value.Count);
    }

    [Fact]
    public void Suite_cites_topp_the_diagnosis_criterion_and_klinke()
    {
        Assert.Contains(Suite.Value, c => c.Reference.Contains("doi:10.1006/jtbi.2000.2150", StringComparison.Ordinal));
        Assert.Contains(Suite.Value, c => c.Reference.Contains("126 mg/dL", StringComparison.Ordinal));
        Assert.Contains(Suite.Value, c => c.Reference.Contains("doi:10.1371/journal.pone.0026873", StringComparison.Ordinal));
    }

    [Fact]
    public void Matches_an_independent_rk4_implementation_in_days()
    {
        var parameters = WithKappa(0.02);
        var result = Run(parameters, 80, 20, [], []);
        var reference = IndependentRk4(parameters, 80, 0.001);
        var glucose = result.Column("G");
        var insulin = result.Column("I");
        var beta = result.Column("beta");
        for (int r = 0; r < result.RowCount; r++)
        {
            Assert.Equal(reference[r][0], glucose[r], 1e-4 * reference[r][0]);
            Assert.Equal(reference[r][1], insulin[r], 1e-4 * reference[r][1]);
            Assert.Equal(reference[r][2], beta[r], 1e-4 * reference[r][2]);
        }

        Assert.True(glucose[^1] > 126, "kappa = 0.02 /d must be diabetic by day 80");
    }

    [Fact]
    public void Basal_insulin_without_beta_cells_settles_at_rate_over_clearance()
    {
        // With beta = 0 only exogenous insulin remains: I → (U/h·10⁶/60/VI) / (k/1440) = 6.614 µU/mL at 1 U/h.
        var parameters = Model.Patient(T1dProgressionModel.ProgressorSubject);
        var result = Run(parameters, 5, 5, [new InsulinBasal(0, 1)], [], [100, 0, 0]);
        double expected = (1e6 / 60 / parameters["VI"]) / (parameters["k"] / Day);
        Assert.Equal(expected, result.Column("I")[^1], 1e-6);
        Assert.Equal(parameters["R0"] / (parameters["EG0"] + (parameters["SI"] * expected)), result.Column(Observable.GlucoseMgPerDl)[^1], 1e-4);
    }

    [Fact]
    public void Halving_kappa_below_kappa_crit_lets_the_beta_cell_mass_recover()
    {
        // kappa 0.015 → 0.0075 /d (< kappa_crit) from day 100, when G ≈ 140 mg/dL is above the compensated state's
        // 125 mg/dL: glucose-driven replication now exceeds killing, so β rises towards that state.
        var parameters = Model.Patient(T1dProgressionModel.ProgressorSubject);
        var therapy = new StepModulation(T1dProgressionModel.KillingRateParameter, 0.5, 100 * Day, 2000 * Day);
        var treated = Run(parameters, 1000, 10, [], [therapy]).Column("beta");
        var untreated = Run(parameters, 1000, 10, [], []).Column("beta");
        Assert.True(treated[20] > treated[10], "β must rise after the therapy starts");
        Assert.True(untreated[^1] < 1e-3, "untreated β must collapse");
        var compensated = Model.Complete(parameters.WithUserValue(T1dProgressionModel.KillingRateParameter, 0.0075));
        double restingGlucose = T1dProgressionModel.BetaRestGlucose(compensated, 0.0075, upperRoot: false);
        Assert.Equal(T1dProgressionModel.RestingInsulinAndBeta(compensated, restingGlucose).Beta, treated[^1], 0.01 * treated[^1]);
    }

    [Fact]
    public void Derived_fixed_point_follows_user_overrides()
    {
        var parameters = Model.Complete(Model.Patient(T1dProgressionModel.ProgressorSubject).WithUserValue("R0", 1000));
        Assert.Equal(100, parameters["G0"], 9);
        Assert.Equal(((1000 / 100.0) - 1.44) / 0.72, parameters["I0"], 9);
        Assert.Equal(ParameterOrigin.Derived, parameters.Entry("beta0").Origin);
        Assert.True(BasalResidual.Of(Model, Model.Complete(parameters.WithUserValue("kappa", 0))) < 1e-12);
    }

    [Fact]
    public void Analytic_jacobian_matches_central_differences()
    {
        var system = Model.CreateSystem(Model.Patient(T1dProgressionModel.ProgressorSubject), []);
        double[] y = [180, 4.5, 60];
        var analytic = new double[9];
        ((IOdeJacobian)system).EvaluateJacobian(0, y, analytic);
        for (int j = 0; j < 3; j++)
        {
            double h = 1e-6 * Math.Max(Math.Abs(y[j]), 1);
            double[] plus = (double[])y.Clone(), minus = (double[])y.Clone();
            plus[j] += h;
            minus[j] -= h;
            double[] fPlus = new double[3], fMinus = new double[3];
            system.Evaluate(0, plus, fPlus);
            system.Evaluate(0, minus, fMinus);
            for (int i = 0; i < 3; i++)
            {
                double numeric = (fPlus[i] - fMinus[i]) / (2 * h);
                Assert.Equal(numeric, analytic[(i * 3) + j], 1e-7 * Math.Max(Math.Abs(numeric), 1e-3));
            }
        }
    }

    [Fact]
    public void Negative_insulin_is_rejected()
    {
        var parameters = Model.Patient(T1dProgressionModel.ProgressorSubject);
        var schedule = new InterventionSchedule(Model.CreateSystem(parameters, []));
        Assert.Throws<ArgumentException>(() => Model.Schedule(new InsulinBasal(0, -1), schedule, parameters));
    }

    private static ParameterSet WithKappa(double kappa)
        => Model.Complete(Model.Patient(T1dProgressionModel.ProgressorSubject).WithUserValue(T1dProgressionModel.KillingRateParameter, kappa));

    private static SimulationResult Run(ParameterSet parameters, double days, double intervalDays, IReadOnlyList<Intervention> events,
        IReadOnlyList<ParameterModulation> modulations, double[]? start = null)
        => Simulator.Run(
            new SimulationRequest
            {
                Model = Model, Parameters = parameters, InitialState = start, DurationMin = days * Day,
                OutputIntervalMin = intervalDays * Day, Interventions = events, Modulations = modulations,
            },
            OdeSolvers.Rodas5P,
            new SolverOptions { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-10 });

    /// <summary>Topp's equations with −kappa·β written here in days (state G, I, β), classical RK4; rows every 20 d.</summary>
    private static List<double[]> IndependentRk4(ParameterSet p, double days, double h)
    {
        double[] Rhs(double[] s)
        {
            double g = s[0], i = s[1], b = s[2];
            return
            [
                p["R0"] - ((p["EG0"] + (p["SI"] * i)) * g),
                (b * p["sigma"] * g * g / (p["alpha"] + (g * g))) - (p["k"] * i),
                (-p["d0"] + (p["r1"] * g) - (p["r2"] * g * g) - p["kappa"]) * b,
            ];
        }

        double[] y = [100, 10, 300];
        var rows = new List<double[]> { (double[])y.Clone() };
        int stepsPerRow = (int)Math.Round(20 / h);
        for (int n = 1; n <= (int)Math.Round(days / h); n++)
        {
            var k1 = Rhs(y);
            var k2 = Rhs([y[0] + (h / 2 * k1[0]), y[1] + (h / 2 * k1[1]), y[2] + (h / 2 * k1[2])]);
            var k3 = Rhs([y[0] + (h / 2 * k2[0]), y[1] + (h / 2 * k2[1]), y[2] + (h / 2 * k2[2])]);
            var k4 = Rhs([y[0] + (h * k3[0]), y[1] + (h * k3[1]), y[2] + (h * k3[2])]);
            for (int j = 0; j < 3; j++)
            {
                y[j] += h / 6 * (k1[j] + (2 * k2[j]) + (2 * k3[j]) + k4[j]);
            }

            if (n % stepsPerRow == 0)
            {
                rows.Add((double[])y.Clone());
            }
        }

        return rows;
    }
}
