using ExoSim.Models.Bergman;
using ExoSim.Models.Simulation;
using ExoSim.Numerics.Ode;
using ExoSim.Numerics.Ode.ExplicitRungeKutta;

namespace ExoSim.Models.Tests.Bergman;

/// <summary>
/// Validation of <c>bergman-minimal</c> against (1) closed-form solutions of its equations and (2) the published
/// example FSIGT data of the MINMOD program: Pacini &amp; Bergman 1986, Comput Methods Programs Biomed 23:113,
/// doi:10.1016/0169-2607(86)90106-9, as tabulated in AllenDowney/ModSimPy notebooks/data/glucose_insulin.csv
/// (commit fc3f32c).
/// </summary>
public class BergmanMinimalValidationTests
{
    // Published example IVGTT (time min, glucose mg/dL, insulin µU/mL); see class summary.
    private static readonly double[] DataTimeMin = [0, 2, 4, 6, 8, 10, 12, 14, 16, 19, 22, 27, 32, 42, 52, 62, 72, 82, 92, 102, 122, 142, 162, 182];
    private static readonly double[] DataGlucose = [92, 350, 287, 251, 240, 216, 211, 205, 196, 192, 172, 163, 142, 124, 105, 92, 84, 77, 82, 81, 82, 82, 85, 90];
    private static readonly double[] DataInsulin = [11, 26, 130, 85, 51, 49, 45, 41, 35, 30, 30, 27, 30, 22, 15, 15, 11, 10, 8, 11, 7, 8, 8, 7];

    private static readonly BergmanMinimalModel Model = new();

    private static SimulationResult Simulate(Models.Parameters.ParameterSet parameters, double durationMin = 182, double intervalMin = 1)
        => Simulator.Run(
            new SimulationRequest { Model = Model, Parameters = parameters, DurationMin = durationMin, OutputIntervalMin = intervalMin },
            new DormandPrince54(),
            new SolverOptions { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-12 });

    [Fact]
    public void Without_insulin_action_glucose_decays_exponentially_with_rate_p1()
    {
        // With p3 = 0, X stays 0 and dG/dt = −p1 (G − Gb): G(t) = Gb + (G0 − Gb) e^(−p1 t) exactly.
        var parameters = Model.Complete(Model.Patient(BergmanMinimalModel.ExampleSubject).WithUserValue("p3", 0));
        var result = Simulate(parameters);
        var time = result.Column(Simulator.TimeColumn);
        var glucose = result.Column("glucose_mg_dl");
        for (int r = 0; r < result.RowCount; r++)
        {
            double exact = 92 + ((287 - 92) * Math.Exp(-0.03082 * time[r]));
            Assert.Equal(exact, glucose[r], 6);
        }
    }

    [Fact]
    public void Below_threshold_insulin_decays_with_clearance_n()
    {
        // With G0 ≤ h and p3 = 0, G stays ≤ h (it relaxes towards Gb = 92 > h = 89.5 only from below),
        // so the secretion term is zero while G ≤ h and I(t) = I0 e^(−n t).
        var parameters = Model.Complete(Model.Patient(BergmanMinimalModel.ExampleSubject)
            .WithUserValue("p3", 0).WithUserValue("G0", 80).WithUserValue("Gb", 80));
        var result = Simulate(parameters, durationMin: 60);
        var time = result.Column(Simulator.TimeColumn);
        var insulin = result.Column("I");
        for (int r = 0; r < result.RowCount; r++)
        {
            Assert.Equal(403.4 * Math.Exp(-0.2659 * time[r]), insulin[r], 6);
        }
    }

    [Fact]
    public void Insulin_sensitivity_is_p3_over_p2()
    {
        var parameters = Model.Patient(BergmanMinimalModel.ExampleSubject);
        Assert.Equal(1.062e-5 / 0.02093, parameters["SI"], 12);
        Assert.Equal(Models.Parameters.ParameterOrigin.Derived, parameters.Entry("SI").Origin);
    }

    [Fact]
    public void Example_subject_follows_the_published_FSIGT_data()
    {
        // Closed-loop simulation of the example subject against the measured data from 8 min on (the first samples
        // are dominated by bolus mixing, which the model replaces by the initial conditions G0, I0).
        // The parameter set was identified the MINMOD way — glucose equations forced by measured insulin and vice
        // versa — so the closed loop deviates more than a forced fit: measured RMS 12.9 mg/dL and 10.4 µU/mL.
        // Tolerances: 15 mg/dL and 12 µU/mL (about 10 % of the glucose excursion; assay scatter of the data).
        var result = Simulate(Model.Patient(BergmanMinimalModel.ExampleSubject));
        var time = result.Column(Simulator.TimeColumn);
        var glucose = result.Column("glucose_mg_dl");
        var insulin = result.Column("I");
        double glucoseSquares = 0;
        double insulinSquares = 0;
        int count = 0;
        for (int k = 0; k < DataTimeMin.Length; k++)
        {
            if (DataTimeMin[k] < 8)
            {
                continue;
            }

            int row = Array.IndexOf(time, DataTimeMin[k]);
            Assert.True(row >= 0, $"no output row at {DataTimeMin[k]} min");
            glucoseSquares += Math.Pow(glucose[row] - DataGlucose[k], 2);
            insulinSquares += Math.Pow(insulin[row] - DataInsulin[k], 2);
            count++;
        }

        double glucoseRms = Math.Sqrt(glucoseSquares / count);
        double insulinRms = Math.Sqrt(insulinSquares / count);
        Assert.True(glucoseRms < 15, $"glucose RMS {glucoseRms:F2} mg/dL");
        Assert.True(insulinRms < 12, $"insulin RMS {insulinRms:F2} µU/mL");
    }

    [Fact]
    public void Example_subject_matches_an_independent_implementation()
    {
        // Reference: the same equations and parameters integrated independently (Python, classical RK4, Δt = 0.01 min)
        // for ExoSim's research note on meal-scale model sources (2026-11): G(30) = 130, G(60) = 90, G(180) = 94 mg/dL
        // (rounded to 1 mg/dL) and X peaking at 0.01282 /min at 11.4 min. Tolerances: the rounding of the reference.
        var result = Simulate(Model.Patient(BergmanMinimalModel.ExampleSubject), intervalMin: 0.1);
        var time = result.Column(Simulator.TimeColumn);
        var glucose = result.Column("glucose_mg_dl");
        var x = result.Column("X");
        double At(double minute) => glucose[Array.FindIndex(time, t => Math.Abs(t - minute) < 1e-9)];
        Assert.Equal(130, At(30), 0.5);
        Assert.Equal(90, At(60), 0.5);
        Assert.Equal(94, At(180), 0.5);
        double xMax = x.Max();
        Assert.Equal(0.01282, xMax, 0.000005);
        Assert.Equal(11.4, time[Array.IndexOf(x, xMax)], 0.1);
    }

    [Fact]
    public void Glucose_falls_from_G0_and_returns_near_basal_within_the_test()
    {
        // Shape of the published data: glucose back at basal (92 mg/dL) by about 60 min, nadir below basal
        // (77 mg/dL at 82 min), then recovery towards basal by 180 min.
        var result = Simulate(Model.Patient(BergmanMinimalModel.ExampleSubject));
        var glucose = result.Column("glucose_mg_dl");
        Assert.Equal(287, glucose[0], 9);
        double nadir = glucose.Min();
        int nadirMinute = Array.IndexOf(glucose, nadir);
        Assert.InRange(nadir, 70, 92);
        Assert.InRange(nadirMinute, 60, 130);
        Assert.InRange(glucose[180], 80, 100);
    }
}
