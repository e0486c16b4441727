using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Models.T1dProgression;
using ExoSim.Models.Validation;
using ExoSim.Numerics.Ode;

namespace ExoSim.Models.Tests.T1dProgression;

/// <summary>
/// <c>t1d-progression</c>: the validation suite (Topp et al. 2000 fixed points, doi:10.1006/jtbi.2000.2150; kappa_crit;
/// diagnosis at fasting glucose ≥ 126 mg/dL against an independent Python implementation and Klinke 2011,
/// doi:10.1371/journal.pone.0026873; the honeymoon against clinical ranges), an independent test-side implementation
/// integrated with a fixed-step classical RK4 in days (with and without insulin), insulin input, the honeymoon's
/// dependence on insulin therapy and the therapy hook on kappa.
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
        Assert.Equal(24, Suite.Value.Count);
    }

    [Fact]
    public void Suite_cites_topp_the_diagnosis_criterion_and_klinke()
    {
        Assert.Contains(Suite.Value, c => c.Reference.Contains("doi:10.1006/jtbi.2000.2150", StringComparison.Ordinal));
        Assert.Contains(Suite.Value, c => c.Reference.Contains("126 mg/dL", StringComparison.Ordinal));
        Assert.Contains(Suite.Value, c => c.Reference.Contains("doi:10.1371/journal.pone.0026873", StringComparison.Ordinal));
        Assert.Contains(Suite.Value, c => c.Reference.Contains("doi:10.3390/ijerph17134801", StringComparison.Ordinal));
        Assert.Contains(Suite.Value, c => c.Reference.Contains("PMID 15089789", StringComparison.Ordinal));
        Assert.Contains(Suite.Value, c => c.Reference.Contains("CALIBRATION TARGET", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0.02, -1.0)]
    [InlineData(0.015, 40.0)]
    public void Matches_an_independent_rk4_implementation_in_days(double kappa, double insulinStartDay)
    {
        // Rows every 20 d up to day 160; with insulinStartDay ≥ 0, basal insulin 1 U/h from then on (the honeymoon).
        var parameters = WithKappa(kappa);
        IReadOnlyList<Intervention> events = insulinStartDay >= 0 ? [new InsulinBasal(insulinStartDay * Day, 1)] : [];
        var result = Run(parameters, 160, 20, events, []);
        var reference = IndependentRk4(parameters, 160, 0.001, insulinStartDay);
        string[] states = ["G", "I", "beta", "phi"];
        for (int j = 0; j < states.Length; j++)
        {
            var column = result.Column(states[j]);
            for (int r = 0; r < result.RowCount; r++)
            {
                Assert.Equal(reference[r][j], column[r], (1e-4 * Math.Abs(reference[r][j])) + 1e-9);
            }
        }

        Assert.True(result.Column("phi")[2] > 0.1, "hyperglycaemia by day 40 must have inactivated part of the β-cells");
    }

    [Fact]
    public void Insulin_therapy_lets_inactive_beta_cells_recover_and_function_rise_transiently()
    {
        // Basal insulin from symptomatic onset: glucose falls below G_tox, phi decays at k_re and the active mass rises
        // although the total mass keeps falling (killing continues); without insulin the function only falls.
        var parameters = Model.Patient(T1dProgressionModel.ProgressorSubject);
        double onsetDay = T1dProgressionValidation.Onset(parameters, T1dProgressionValidation.SymptomaticGlucoseMgPerDl).Day;
        var treated = Run(parameters, onsetDay + 200, 1, [new InsulinBasal(onsetDay * Day, 1)], []);
        var untreated = Run(parameters, onsetDay + 200, 1, [], []);
        int start = (int)Math.Ceiling(onsetDay);
        var function = treated.Column(T1dProgressionModel.BetaCellFunctionFraction);
        var mass = treated.Column(T1dProgressionModel.BetaCellMassFraction);
        var phi = treated.Column("phi");
        Assert.True(function[start + 20] > 1.4 * function[start], "function must rise after insulin start");
        Assert.True(mass[start + 20] < mass[start], "mass must keep falling (autoimmune killing continues)");
        Assert.True(phi[start + 20] < 0.5 * phi[start], "inactive cells must recover");
        Assert.True(function[^1] < function[start], "the remission must end");
        var untreatedFunction = untreated.Column(T1dProgressionModel.BetaCellFunctionFraction);
        for (int d = start + 1; d < start + 100; d++)
        {
            Assert.True(untreatedFunction[d] <= untreatedFunction[d - 1], $"without insulin, function must not rise (day {d})");
        }
    }

    [Fact]
    public void Without_inactivation_there_is_no_honeymoon()
    {
        // k_in = 0, the model before the honeymoon: phi stays 0, function = mass, and insulin lowers glucose, which slows
        // Topp's glucose-driven replication, so function only falls after insulin start.
        var parameters = Model.Complete(Model.Patient(T1dProgressionModel.ProgressorSubject).WithUserValue(T1dProgressionModel.InactivationRateParameter, 0));
        double onsetDay = T1dProgressionValidation.Onset(parameters, T1dProgressionValidation.SymptomaticGlucoseMgPerDl).Day;
        var course = T1dProgressionValidation.Honeymoon(parameters, onsetDay, 1);
        Assert.True(course.LargestRise <= 0, $"no rise of function without inactivation (got {course.LargestRise})");
        Assert.True(double.IsNaN(course.DurationDays) || course.DurationDays < 0.1, $"no remission without inactivation (got {course.DurationDays} d)");
    }

    [Fact]
    public void Basal_insulin_without_beta_cells_settles_at_rate_over_clearance()
    {
        // With beta = 0 only exogenous insulin remains: I → (U/h·10⁶/60/VI) / (k/1440) = 6.614 µU/mL at 1 U/h.
        var parameters = Model.Patient(T1dProgressionModel.ProgressorSubject);
        var result = Run(parameters, 5, 5, [new InsulinBasal(0, 1)], [], [100, 0, 0, 0]);
        double expected = (1e6 / 60 / parameters["VI"]) / (parameters["k"] / Day);
        Assert.Equal(expected, result.Column("I")[^1], 1e-6);
        Assert.Equal(parameters["R0"] / (parameters["EG0"] + (parameters["SI"] * expected)), result.Column(Observable.GlucoseMgPerDl)[^1], 1e-4);
    }

    [Fact]
    public void Halving_kappa_below_kappa_crit_lets_the_beta_cell_mass_recover()
    {
        // kappa 0.015 → 0.0075 /d (< kappa_crit) from day 40, when G ≈ 140 mg/dL lies between the new rest glucoses 125 and
        // 225 mg/dL: glucose-driven replication now exceeds killing, so β rises towards the compensated state at 125 mg/dL,
        // where a part phi of it is inactive (G > G_tox), so the total mass is the active mass over (1 − phi).
        var parameters = Model.Patient(T1dProgressionModel.ProgressorSubject);
        var therapy = new StepModulation(T1dProgressionModel.KillingRateParameter, 0.5, 40 * Day, 2000 * Day);
        var treated = Run(parameters, 1000, 10, [], [therapy]).Column("beta");
        var untreated = Run(parameters, 1000, 10, [], []).Column("beta");
        Assert.True(treated[10] > treated[4], "β must rise after the therapy starts");
        Assert.True(untreated[^1] < 1e-3, "untreated β must collapse");
        var compensated = Model.Complete(parameters.WithUserValue(T1dProgressionModel.KillingRateParameter, 0.0075));
        double restingGlucose = T1dProgressionModel.BetaRestGlucose(compensated, 0.0075, upperRoot: false);
        double restingBeta = T1dProgressionModel.RestingInsulinAndBeta(compensated, restingGlucose).Beta
            / (1 - T1dProgressionModel.RestingInactiveFraction(compensated, restingGlucose));
        Assert.Equal(restingBeta, treated[^1], 0.01 * treated[^1]);
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
        double[] y = [180, 4.5, 60, 0.3];
        var analytic = new double[16];
        ((IOdeJacobian)system).EvaluateJacobian(0, y, analytic);
        for (int j = 0; j < 4; j++)
        {
            double h = 1e-6 * Math.Max(Math.Abs(y[j]), 1);
            double[] plus = (double[])y.Clone(), minus = (double[])y.Clone();
            plus[j] += h;
            minus[j] -= h;
            double[] fPlus = new double[4], fMinus = new double[4];
            system.Evaluate(0, plus, fPlus);
            system.Evaluate(0, minus, fMinus);
            for (int i = 0; i < 4; i++)
            {
                double numeric = (fPlus[i] - fMinus[i]) / (2 * h);
                Assert.Equal(numeric, analytic[(i * 4) + j], 1e-7 * Math.Max(Math.Abs(numeric), 1e-3));
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

    /// <summary>
    /// Topp's equations with −kappa·β and the inactive fraction phi written here in days (state G, I, β, phi), classical RK4;
    /// basal insulin 1 U/h from <paramref name="insulinStartDay"/> (none if negative; a multiple of 20 d); rows every 20 d.
    /// </summary>
    private static List<double[]> IndependentRk4(ParameterSet p, double days, double h, double insulinStartDay)
    {
        double insulinPerDay = 1e6 / 60 / p["VI"] * Day;
        double[] Rhs(double[] s, double u)
        {
            double g = s[0], i = s[1], b = s[2], phi = s[3];
            double excess = Math.Max(0, g - p["G_tox"]) / p["G_tox"];
            return
            [
                p["R0"] - ((p["EG0"] + (p["SI"] * i)) * g),
                ((1 - phi) * b * p["sigma"] * g * g / (p["alpha"] + (g * g))) - (p["k"] * i) + u,
                (-p["d0"] + (p["r1"] * g) - (p["r2"] * g * g) - p["kappa"]) * b,
                (p["k_in"] * excess * (1 - phi)) - (p["k_re"] * phi),
            ];
        }

        double[] Add(double[] y, double factor, double[] k) => [.. y.Select((v, j) => v + (factor * k[j]))];

        double[] y = [100, 10, 300, 0];
        var rows = new List<double[]> { (double[])y.Clone() };
        int stepsPerRow = (int)Math.Round(20 / h);
        for (int n = 1; n <= (int)Math.Round(days / h); n++)
        {
            double u = insulinStartDay >= 0 && (n - 1) * h >= insulinStartDay - (h / 2) ? insulinPerDay : 0;
            var k1 = Rhs(y, u);
            var k2 = Rhs(Add(y, h / 2, k1), u);
            var k3 = Rhs(Add(y, h / 2, k2), u);
            var k4 = Rhs(Add(y, h, k3), u);
            for (int j = 0; j < 4; j++)
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
