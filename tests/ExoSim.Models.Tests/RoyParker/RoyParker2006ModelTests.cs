using ExoSim.Models.Parameters;
using ExoSim.Models.RoyParker;
using ExoSim.Models.Simulation;
using ExoSim.Models.Validation;
using ExoSim.Numerics.Ode;
using ExoSim.Numerics.Ode.ExplicitRungeKutta;

namespace ExoSim.Models.Tests.RoyParker;

/// <summary>
/// <c>roy-parker-2006</c> (Roy &amp; Parker 2006, doi:10.1089/dia.2006.8.617): basal steady state, an independent
/// transcription of the equations integrated with a fixed-step RK4, the three mechanisms of the paper's abstract,
/// interventions, derived parameters and the Jacobian.
/// </summary>
public class RoyParker2006ModelTests
{
    private static readonly RoyParker2006Model Model = new();

    private static ParameterSet Nominal => Model.Patient(RoyParker2006Parameters.NominalSubject);

    private static SimulationResult Run(ParameterSet p, double durationMin, IReadOnlyList<Intervention> interventions, double[]? initial = null)
        => Simulator.Run(
            new SimulationRequest { Model = Model, Parameters = p, InitialState = initial, DurationMin = durationMin, OutputIntervalMin = 1, Interventions = interventions },
            new DormandPrince54(),
            new SolverOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-12 });

    [Fact]
    public void Is_registered_with_its_validation_suite_and_is_not_stiff()
    {
        Assert.Same(typeof(RoyParker2006Model), ModelCatalog.Get("roy-parker-2006").GetType());
        Assert.Contains(ValidationCatalog.All, s => s.ModelId == "roy-parker-2006");
        Assert.False(Model.IsStiff); // measured: docs/models/roy-parker-2006.md, Performance
    }

    [Fact]
    public void States_and_observables_are_named_after_the_paper_and_ExoSim_conventions()
    {
        Assert.Equal(["G", "X", "I", "Y", "F", "Z"], Model.States.Select(s => s.Name));
        Assert.Equal(["glucose_mg_dl", "insulin_pmol_l", "ffa_umol_l"], Model.Observables.Select(o => o.Name));
    }

    [Fact]
    public void Every_validation_check_passes()
    {
        var checks = new RoyParker2006Validation().Run();
        Assert.Equal(14, checks.Count);
        Assert.All(checks, c => Assert.True(c.Passed, $"{c.Quantity}: expected {c.Expected}, got {c.Got}, tolerance {c.Tolerance}"));
    }

    [Fact]
    public void Basal_state_is_at_rest_with_FFA_at_Fb()
    {
        var p = Nominal;
        Assert.Equal([98, 0, 11.5, 0, 380, 0.02 * 380 / 0.03], Model.InitialState(p));
        Assert.True(BasalResidual.Of(Model, p) < 1e-12);
        var rest = Run(p, 600, []);
        Assert.All(rest.Column("ffa_umol_l"), f => Assert.InRange(f, 380 - 1e-9, 380 + 1e-9));
        Assert.All(rest.Column("insulin_pmol_l"), i => Assert.InRange(i, 69 - 1e-9, 69 + 1e-9)); // 11.5 µU/mL × 6
    }

    [Fact]
    public void Derived_parameters_follow_overrides()
    {
        var p = Model.Complete(Nominal.WithUserValue("Fb", 600).WithUserValue("Ib", 20));
        Assert.Equal(0.02 * 600 / 0.03, p["Zb"], 12);
        Assert.Equal(0.142 * 20 / 0.098e-3, p["u1b"], 9);
        Assert.Equal(ParameterOrigin.Derived, p.Entry("Zb").Origin);
        Assert.True(BasalResidual.Of(Model, p) < 1e-12);
    }

    [Fact]
    public void A_fasting_start_at_other_basal_values_is_a_steady_state()
    {
        var start = SteadyStart.AtFasting(Model, Nominal, fastingGlucoseMgPerDl: 150, basalInsulin: 8);
        Assert.Equal(150, start.State[0], 9);
        Assert.Equal(8, start.State[2], 9);
        Assert.Equal(380, start.State[4], 9);
    }

    [Fact]
    public void Agrees_with_an_independent_RK4_transcription_over_the_insulin_modified_IVGTT()
    {
        // Independent transcription of the six equations (docs/models/roy-parker-2006.md) with the nominal values,
        // classical RK4 at Δt = 0.01 min; the bolus jumps are applied by hand. Tolerance 1e-5 relative (observed ~1e-9).
        var result = Run(Nominal, 360, RoyParker2006Validation.InsulinModifiedIvgtt);
        var reference = Rk4Reference(360, 0.01);
        string[] names = ["G", "X", "I", "Y", "F", "Z"];
        for (int s = 0; s < names.Length; s++)
        {
            var column = result.Column(names[s]);
            for (int minute = 0; minute <= 360; minute += 5)
            {
                double expected = reference[minute][s];
                Assert.True(Math.Abs(column[minute] - expected) <= (1e-5 * Math.Abs(expected)) + 1e-9, $"{names[s]} at {minute} min: {column[minute]} vs {expected}");
            }
        }
    }

    [Fact]
    public void Insulin_suppresses_FFA_and_hyperglycaemia_raises_them()
    {
        var p = Nominal;
        var withInsulin = Run(p, 240, RoyParker2006Validation.InsulinModifiedIvgtt).Column("ffa_umol_l");
        var glucoseOnly = Run(p, 240, [new GlucoseBolusIv(0, 0.3)]).Column("ffa_umol_l");
        Assert.True(withInsulin.Min() < 380 - 50);     // nadir ≈ 309 µmol/L
        Assert.True(glucoseOnly.Max() > 380 + 5);      // peak ≈ 393 µmol/L
        Assert.True(glucoseOnly.Min() >= 380 - 1e-6);  // no insulin above basal: never below Fb
    }

    [Fact]
    public void Raised_FFA_impair_glucose_uptake_only_through_p6()
    {
        var p = Nominal;
        var start = Model.InitialState(p);
        start[4] = 760;
        Assert.True(Run(p, 180, [], start).Column("glucose_mg_dl").Max() > 98 + 5);
        var noCoupling = Model.Complete(p.WithUserValue("p6", 0));
        Assert.All(Run(noCoupling, 180, [], start).Column("glucose_mg_dl"), g => Assert.InRange(g, 98 - 1e-9, 98 + 1e-9));
    }

    [Fact]
    public void Boluses_jump_glucose_and_insulin_by_the_documented_amounts()
    {
        var p = Nominal;
        var result = Run(p, 2, [new GlucoseBolusIv(1, 0.3), new InsulinBolus(1, 2)]);
        Assert.Equal(98 + (0.3 * 70 * 1000 / 117), result.Column("G")[1], 9);
        Assert.Equal(11.5 + (2e6 * 0.098e-3), result.Column("I")[1], 9);
    }

    [Fact]
    public void A_basal_rate_moves_plasma_insulin_to_its_steady_state()
    {
        // 2 U/h → u1 = 2e6/60 µU/min; steady I = p5·u1/n = 23.0 µU/mL, reached with time constant 1/n ≈ 7 min.
        var result = Run(Nominal, 300, [new InsulinBasal(0, 2)]);
        Assert.Equal(0.098e-3 * 2e6 / 60 / 0.142, result.Column("I")[300], 6);
    }

    [Fact]
    public void Meals_are_not_supported()
    {
        var exception = Assert.Throws<NotSupportedException>(() => Run(Nominal, 60, [new MealIntake(0, 50, 15)]));
        Assert.Contains("IV glucose bolus", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analytic_Jacobian_matches_finite_differences()
    {
        var p = Nominal;
        var system = Model.CreateSystem(p, []);
        double[] y = [180, 0.01, 60, 0.004, 330, 240];
        var jacobian = new double[36];
        ((IOdeJacobian)system).EvaluateJacobian(0, y, jacobian);
        var plus = new double[6];
        var minus = new double[6];
        for (int j = 0; j < 6; j++)
        {
            double h = 1e-6 * Math.Max(Math.Abs(y[j]), 1e-3);
            var yp = (double[])y.Clone();
            var ym = (double[])y.Clone();
            yp[j] += h;
            ym[j] -= h;
            system.Evaluate(0, yp, plus);
            system.Evaluate(0, ym, minus);
            for (int i = 0; i < 6; i++)
            {
                double fd = (plus[i] - minus[i]) / (2 * h);
                Assert.True(Math.Abs(jacobian[(i * 6) + j] - fd) <= 1e-6 * (Math.Abs(fd) + 1e-3), $"J[{i},{j}] = {jacobian[(i * 6) + j]} vs {fd}");
            }
        }
    }

    /// <summary>State at every whole minute of the IM-IVGTT (0.3 g/kg at 0, 2.1 U IV at 20 min), classical RK4.</summary>
    private static double[][] Rk4Reference(int minutes, double dt)
    {
        const double p1 = 0.068, p2 = 0.037, p3 = 1.2e-5, p4 = 1.3, p5 = 0.098e-3, p6 = 6e-5, p7 = 0.03, p8 = 4.5, p9 = 2e-5;
        const double pF2 = 0.17, pF3 = 1e-5, k1 = 0.02, k2 = 0.03, n = 0.142, volG = 117, gb = 98, ib = 11.5, fb = 380, bw = 70;
        const double zb = k1 * fb / k2, u1 = n * ib / p5;
        static double[] F(double[] s) =>
        [
            (-p1 * s[0]) - (p4 * s[1] * s[0]) + (p6 * s[0] * s[5]) + (p1 * gb) - (p6 * gb * zb),
            (-p2 * s[1]) + (p3 * (s[2] - ib)),
            (-n * s[2]) + (p5 * u1),
            (-pF2 * s[3]) + (pF3 * (s[2] - ib)),
            (-p7 * (s[4] - fb)) - (p8 * s[3] * s[4]) + (p9 * ((s[4] * s[0]) - (fb * gb))),
            (-k2 * (s[5] - zb)) + (k1 * (s[4] - fb)),
        ];
        static double[] Add(double[] s, double[] d, double h) => s.Select((v, i) => v + (h * d[i])).ToArray();

        double[] state = [gb + (0.3 * bw * 1000 / volG), 0, ib, 0, fb, zb];
        int perMinute = (int)Math.Round(1 / dt);
        var output = new double[minutes + 1][];
        output[0] = state;
        for (int minute = 1; minute <= minutes; minute++)
        {
            for (int k = 0; k < perMinute; k++)
            {
                var a = F(state);
                var b = F(Add(state, a, dt / 2));
                var c = F(Add(state, b, dt / 2));
                var d = F(Add(state, c, dt));
                state = state.Select((v, i) => v + (dt / 6 * (a[i] + (2 * b[i]) + (2 * c[i]) + d[i]))).ToArray();
            }

            if (minute == 20)
            {
                state[2] += 2.1e6 * p5; // the 20-min IV insulin bolus; the output row at 20 min shows the jumped state
            }

            output[minute] = state;
        }

        return output;
    }
}
