using ExoSim.Models.Validation;
using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Models.UvaPadova;
using ExoSim.Numerics.Ode;
using ExoSim.Numerics.Ode.ExplicitRungeKutta;
using static ExoSim.Models.UvaPadova.UvaPadovaStates;

namespace ExoSim.Models.Tests.UvaPadova;

/// <summary>
/// Validation of <c>uva-padova-t1d</c>. References: the 30 virtual subjects and their published basal values in
/// simglucose's vpatient_params.csv / Quest.csv (github.com/jxx123/simglucose, commit a6f6777586c860457a2a1e6cce6d0bd3fd33d1cc);
/// a trajectory recorded by simglucose itself (examples/results/2022-11-27_09-54-45/adolescent#001.csv, commit
/// 763dc728e8b8f2d4d693aaf45946514ad532c975); steady-state relations of Dalla Man et al. 2007 (doi:10.1109/TBME.2007.893506).
/// </summary>
public class UvaPadovaValidationTests
{
    private static readonly UvaPadovaT1DModel Model = new();

    public static TheoryData<string> Subjects()
    {
        var data = new TheoryData<string>();
        foreach (var name in Model.PatientNames)
        {
            data.Add(name);
        }

        return data;
    }

    private static SimulationResult Run(string subject, double durationMin, IReadOnlyList<Intervention> interventions, double rtol = 1e-8, ParameterSet? parameters = null)
        => Simulator.Run(
            new SimulationRequest
            {
                Model = Model,
                Parameters = parameters ?? Model.Patient(subject),
                DurationMin = durationMin,
                OutputIntervalMin = 1,
                Interventions = interventions,
            },
            new DormandPrince54(),
            new SolverOptions { RelativeTolerance = rtol, AbsoluteTolerance = 1e-10 });

    [Theory]
    [MemberData(nameof(Subjects))]
    public void Basal_state_is_a_steady_state_of_every_subject(string subject)
    {
        // f(x_basal) = 0 up to rounding: relative residual 1e-12 per minute (observed ≤ ~1e-15).
        Assert.True(BasalResidual.Of(Model, Model.Patient(subject)) < 1e-12);
    }

    [Theory]
    [MemberData(nameof(Subjects))]
    public void A_day_at_basal_insulin_without_meals_keeps_glucose_at_Gb(string subject)
    {
        var p = Model.Patient(subject);
        var result = Run(subject, 1440, []);
        double gb = p["Gb"];
        foreach (double g in result.Column("glucose_mg_dl"))
        {
            Assert.InRange(g, gb - 0.1, gb + 0.1); // tolerance 0.1 mg/dL over 24 h
        }
    }

    [Fact]
    public void Subject_table_holds_the_30_simglucose_subjects_in_order()
    {
        var expected = new List<string>();
        foreach (var group in new[] { "adult", "adolescent", "child" })
        {
            for (int i = 1; i <= 10; i++)
            {
                expected.Add($"{group}#{i:000}");
            }
        }

        Assert.Equal(expected, Model.PatientNames);
        Assert.Equal("adult#001", Model.DefaultPatient);
    }

    [Theory]
    [InlineData("adolescent#001", "BW", 68.706)]
    [InlineData("adult#001", "Gb", 138.56)]
    [InlineData("adult#001", "Ib", 100.25)]
    [InlineData("adult#001", "kmax", 0.046122)]
    [InlineData("adolescent#001", "kp3", 0.023253)]
    [InlineData("adult#001", "CR", 10)]
    [InlineData("adolescent#001", "CR", 12)]
    [InlineData("adult#001", "Age", 61)]
    [InlineData("child#010", "Age", 12)]
    [InlineData("adolescent#002", "TDI", 62.031042736)]
    public void Spot_values_round_trip_from_the_published_table(string subject, string parameter, double published)
    {
        // Values from NOTES.md §3 / simglucose vpatient_params.csv and Quest.csv at commit a6f6777.
        var p = Model.Patient(subject);
        Assert.Equal(published, p[parameter]);
        Assert.Equal(ParameterOrigin.Literature, p.Entry(parameter).Origin);
    }

    [Theory]
    [MemberData(nameof(Subjects))]
    public void Recomputed_basal_quantities_equal_simglucose_published_values(string subject)
    {
        // Complete() recomputes Gpb, Gtb, Ipb, Ilb, kp1, Vm0, m30, u2ss, isc1ss, isc2ss, Rdb, PCRb from the primary
        // parameters; simglucose publishes them with 12 significant digits. Tolerance 1e-9 relative (observed ≤ 5e-12).
        var p = Model.Patient(subject);
        for (int i = UvaPadovaParameters.FirstDerived; i < UvaPadovaParameters.FirstCovariate; i++)
        {
            string name = p.Schema[i].Name;
            double published = UvaPadovaSubjects.PublishedValue(subject, name);
            Assert.True(Math.Abs(p[i] - published) <= 1e-9 * Math.Abs(published), $"{subject} {name}: {p[i]} vs {published}");
            Assert.Equal(ParameterOrigin.Derived, p.Entry(name).Origin);
        }
    }

    [Fact]
    public void Basal_state_equals_simglucose_initial_state_for_adolescent_001()
    {
        // x0 of adolescent#001 in vpatient_params.csv (NOTES.md §3): [0,0,0,Gpb,Gtb,Ipb,0,Ib,Ib,Ilb,isc1ss,isc2ss,Gpb].
        double[] published = [0, 0, 0, 250.621836, 176.506559902, 4.697517762, 0, 97.554, 97.554, 3.19814917262, 57.951224472, 93.2258828462, 250.621836];
        var x0 = Model.InitialState(Model.Patient("adolescent#001"));
        for (int i = 0; i < published.Length; i++)
        {
            Assert.Equal(published[i], x0[i], 1e-9 * Math.Max(1, published[i]));
        }
    }

    [Fact]
    public void A_meal_raises_glucose_which_returns_towards_basal_and_a_bolus_lowers_the_peak()
    {
        const string subject = "adult#001";
        var p = Model.Patient(subject);
        double gb = p["Gb"];
        var mealOnly = Run(subject, 720, [new MealIntake(60, 50, 0)]).Column("glucose_mg_dl");
        var withBolus = Run(subject, 720, [new MealIntake(60, 50, 0), new InsulinBolus(60, 50 / p["CR"])]).Column("glucose_mg_dl");

        double peak = mealOnly.Max();
        int peakAt = Array.IndexOf(mealOnly, peak);
        Assert.True(peak > gb + 30, $"peak {peak}");
        // Without a bolus the T1D subject has only basal insulin: a late, broad peak (observed 212.8 mg/dL at 247 min
        // after the meal) that decays slowly (observed 151.1 mg/dL 11 h after the meal; with the bolus 185.0 mg/dL).
        Assert.InRange(peakAt, 60 + 30, 60 + 360);
        // 11 h after the meal, without bolus, glucose is back within 25 % of the excursion.
        Assert.True(mealOnly[^1] - gb < 0.25 * (peak - gb), $"end {mealOnly[^1]} vs Gb {gb}, peak {peak}");
        Assert.True(mealOnly[^1] < mealOnly[peakAt]);

        Assert.True(withBolus.Max() < peak - 10, $"bolus peak {withBolus.Max()} vs {peak}");
    }

    [Theory]
    [InlineData("adult#001", 50, 0)]
    [InlineData("child#005", 30, 15)]
    [InlineData("adolescent#005", 80, 0)]
    public void Absorbed_carbohydrate_equals_f_times_the_meal(string subject, double carbsG, double durationMin)
    {
        var p = Model.Patient(subject);
        var result = Run(subject, 24 * 60, [new MealIntake(30, carbsG, durationMin)]);
        var ra = result.Column("ra_mg_kg_min");
        double integral = 0; // trapezoid on the 1-min grid, mg/kg
        for (int k = 1; k < ra.Length; k++)
        {
            integral += 0.5 * (ra[k - 1] + ra[k]);
        }

        double absorbedG = integral * p["BW"] / 1000;
        Assert.Equal(p["f"] * carbsG, absorbedG, 0.01 * p["f"] * carbsG); // within 1 %
    }

    [Fact]
    public void Complete_keeps_the_steady_state_after_overriding_Gb()
    {
        var p = Model.Complete(Model.Patient("adult#001").WithUserValue("Gb", 120));
        Assert.Equal(120 * p["Vg"], p["Gpb"], 1e-9);
        Assert.True(BasalResidual.Of(Model, p) < 1e-12);
        var g = Run("adult#001", 1440, [], parameters: p).Column("glucose_mg_dl");
        Assert.All(g, v => Assert.InRange(v, 119.9, 120.1));
    }

    [Fact]
    public void Complete_keeps_the_steady_state_after_overriding_BW_and_Ib()
    {
        var p = Model.Complete(Model.Patient("child#003").WithUserValue("BW", 40).WithUserValue("Ib", 80));
        Assert.True(BasalResidual.Of(Model, p) < 1e-12);
    }

    [Fact]
    public void A_basal_glucose_without_steady_state_is_a_clear_error()
    {
        // adult#001: Gtb = (k1·Gb·Vg − (EGPb − Fsnc))/k2 is negative below Gb ≈ 11.5 mg/dL.
        var error = Assert.Throws<InvalidOperationException>(() => Model.Complete(Model.Patient("adult#001").WithUserValue("Gb", 10)));
        Assert.Contains("no basal steady state", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reproduces_a_trajectory_recorded_by_simglucose()
    {
        // Reference: simglucose's own output examples/results/2022-11-27_09-54-45/adolescent#001.csv (commit
        // 763dc728e8b8f2d4d693aaf45946514ad532c975): start 01:00, 3-min samples; column BG is the mean of Gs/Vg after
        // the three 1-min steps ending at the row time; CHO (g/min) and insulin (U/min) are the mean inputs of the
        // 3 minutes after it. Recorded inputs: basal 0.0139333 U/min (pump-rounded, slightly below u2ss), 40 g at
        // 07:33, 3-min insulin 1.1250417 U/min at 07:36, 59 g at 11:48, 1.652825 U/min at 11:51. Meals are eaten at
        // 5 g/min (duration 0). Tolerance 1e-4 mg/dL (observed 5e-6, at simglucose's own solver accuracy).
        const double basal = 0.013933333333333336 * 60;
        static double At(int hour, int minute) => ((hour * 60) + minute) - 60;
        var result = Simulator.Run(
            new SimulationRequest
            {
                Model = Model,
                Parameters = Model.Patient("adolescent#001"),
                DurationMin = 800,
                OutputIntervalMin = 1,
                Interventions =
                [
                    new InsulinBasal(0, basal),
                    new MealIntake(At(7, 33), 40, 0),
                    new InsulinBasal(At(7, 36), 1.1250416666666667 * 60),
                    new InsulinBasal(At(7, 39), basal),
                    new MealIntake(At(11, 48), 59, 0),
                    new InsulinBasal(At(11, 51), 1.652825 * 60),
                    new InsulinBasal(At(11, 54), basal),
                ],
            },
            new DormandPrince54(),
            new SolverOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-10 });
        var cgm = result.Column("cgm_glucose_mg_dl");
        (double Time, double Bg)[] recorded =
        [
            (At(4, 0), 149.02285461555624), (At(7, 30), 149.03085852816392), (At(7, 42), 149.04037263783084),
            (At(8, 0), 150.20345950791153), (At(8, 45), 158.1757472317271), (At(9, 30), 148.7886284516614),
            (At(10, 30), 133.20604171670573), (At(11, 54), 127.03537565426515), (At(12, 30), 130.73421895516532),
            (At(13, 0), 136.99004008682797), (At(13, 51), 125.8560877460273),
        ];
        foreach (var (time, bg) in recorded)
        {
            int k = (int)time;
            double sampleMean = (cgm[k - 2] + cgm[k - 1] + cgm[k]) / 3;
            Assert.True(Math.Abs(sampleMean - bg) < 1e-4, $"t = {time} min: {sampleMean} vs recorded {bg}");
        }
    }

    [Fact]
    public void Insulin_bolus_impulse_matches_simglucose_rate_over_one_minute_shifted_by_half_a_minute()
    {
        // simglucose delivers a bolus B as the rate B/Δ over one sample Δ; ExoSim uses an impulse into Isc1. The rate
        // over [t, t+Δ] equals an impulse at t + Δ/2 up to O(Δ²·k²): compare plasma insulin after the delivery.
        var p = Model.Patient("adult#001");
        double basal = UvaPadovaT1DModel.BasalRateUPerHour(p);
        var rate = Run("adult#001", 600, [new InsulinBasal(100, basal + (5 * 60)), new InsulinBasal(101, basal)]).Column("insulin_pmol_l");
        var impulse = Run("adult#001", 600, [new InsulinBolus(100.5, 5)], parameters: p).Column("insulin_pmol_l");
        double peak = rate.Max() - p["Ib"];
        for (int k = 102; k < 600; k++)
        {
            Assert.True(Math.Abs(rate[k] - impulse[k]) < 1e-3 * peak, $"t = {k}: {rate[k]} vs {impulse[k]}");
        }
    }

    [Fact]
    public void Basal_rate_and_bolus_use_6000_pmol_per_unit()
    {
        var p = Model.Patient("adult#001");
        Assert.Equal(p["u2ss"] * p["BW"] / 6000 * 60, UvaPadovaT1DModel.BasalRateUPerHour(p), 1e-12);
        var result = Run("adult#001", 2, [new InsulinBolus(1, 2)]);
        int isc1 = result.ColumnIndex("Isc1");
        Assert.Equal(2 * 6000 / p["BW"], result.Row(1)[isc1] - p["isc1ss"], 1e-9);
        Assert.Equal(Isc1 + 1, isc1); // the table's first column is time
    }

    [Fact]
    public void Model_is_registered_in_the_catalog()
    {
        Assert.Same(typeof(UvaPadovaT1DModel), ModelCatalog.Get("uva-padova-t1d").GetType());
        var error = Assert.Throws<KeyNotFoundException>(() => ModelCatalog.Get("uva-padova"));
        Assert.Contains("uva-padova-t1d", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_state_parameter_and_observable_has_a_unit()
    {
        Assert.Equal(13, Model.States.Count);
        Assert.Equal(["Qsto1", "Qsto2", "Qgut", "Gp", "Gt", "Ip", "X", "I1", "Id", "Il", "Isc1", "Isc2", "Gs"], Model.States.Select(s => s.Name));
        Assert.All(Model.States, s => Assert.False(string.IsNullOrWhiteSpace(s.Unit)));
        Assert.All(Model.Schema.Definitions, d => Assert.False(string.IsNullOrWhiteSpace(d.Unit)));
        Assert.All(Model.Observables, o => Assert.False(string.IsNullOrWhiteSpace(o.Unit)));
        Assert.All(Model.Patient("adult#001").Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Source)));
    }
}
