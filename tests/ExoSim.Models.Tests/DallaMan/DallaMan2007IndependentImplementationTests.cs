using ExoSim.Models.DallaMan;
using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Numerics.Ode;
using ExoSim.Numerics.Ode.ExplicitRungeKutta;

namespace ExoSim.Models.Tests.DallaMan;

/// <summary>
/// ExoSim's <c>dalla-man-2007</c> against an independent implementation: the test-side transcription of the curated
/// BioModels encoding BIOMD0000000379 (<see cref="Biomd0000000379"/>, fixed-step RK4) versus ExoSim (adaptive
/// Dormand–Prince 5(4)), after a 1 g/kg glucose meal given as DM2007's impulse into Qsto1 at t = 0.
/// </summary>
public class DallaMan2007IndependentImplementationTests
{
    private const int Minutes = 420;
    private static readonly DallaMan2007Model Model = new();

    private static SimulationResult RunExoSim(ParameterSet p, double carbsG) => Simulator.Run(
        new SimulationRequest { Model = Model, Parameters = p, DurationMin = Minutes, OutputIntervalMin = 1, Interventions = [new MealIntake(0, carbsG, 0)] },
        new DormandPrince54(),
        new SolverOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-10 });

    /// <summary>ExoSim's state [Qsto1, Qsto2, Qgut, Gp, Gt, Ip, Il, X, I1, Id, Ipo, Y] in the SBML's species order.</summary>
    private static double[] ToSbmlOrder(double[] x) => [x[3], x[4], x[6], x[5], x[0], x[2], x[8], x[9], x[7], x[10], x[11], x[1]];

    [Theory]
    [InlineData(DallaManSubjects.Normal)]
    [InlineData(DallaManSubjects.T2D)]
    public void Trajectories_agree_with_the_BioModels_equations_under_the_papers_conditions(string subject)
    {
        // Same parameter values and basal state in both; the transcription's four departures from the paper are switched
        // off (Biomd0000000379.PaperConditions). Tolerance 1e-3 mg/dL and 1e-3 pmol/L over 7 h: RK4 at Δt = 0.01 min
        // loses order only at the kink of max(dG/dt, 0); observed differences are ~1e-6.
        var p = Model.Patient(subject);
        double doseMg = 1000 * p["BW"];
        var reference = Biomd0000000379.PaperConditions(p, doseMg);
        var initial = ToSbmlOrder(Model.InitialState(p));
        initial[4] = doseMg; // Q_sto1(0) = D: the impulse
        var rows = reference.Integrate(initial, Minutes, stepsPerMinute: 100);

        var result = RunExoSim(p, p["BW"]);
        var glucose = result.Column("glucose_mg_dl");
        var insulin = result.Column("insulin_pmol_l");
        var egp = result.Column("egp_mg_kg_min");
        for (int minute = 1; minute <= Minutes; minute++)
        {
            Assert.True(Math.Abs(glucose[minute] - reference.Glucose(rows[minute])) < 1e-3, $"{subject} G at {minute} min: {glucose[minute]} vs {reference.Glucose(rows[minute])}");
            Assert.True(Math.Abs(insulin[minute] - reference.Insulin(rows[minute])) < 1e-3, $"{subject} I at {minute} min: {insulin[minute]} vs {reference.Insulin(rows[minute])}");
            Assert.True(Math.Abs(egp[minute] - reference.Egp(rows[minute])) < 1e-5, $"{subject} EGP at {minute} min");

            // ExoSim's guards EGP ≥ 0 and HE ≥ 0 (absent from paper and encoding) must be inactive for the comparison to hold.
            Assert.True(reference.Egp(rows[minute]) > 0);
            Assert.True(reference.HepaticExtraction(rows[minute]) > 0);
        }
    }

    [Fact]
    public void The_literal_BioModels_encoding_differs_from_ExoSim_normal_only_by_its_own_values_and_departures()
    {
        // BIOMD0000000379 as published (own Gb 95, Ib 25, Sb 1.8, Table 1 kp1/Vm0/m2/m4, part = 0.2, K·dG/dt of either
        // sign, no Y floor, E = 0; its initial state is near but not at steady state) against ExoSim's normal subject
        // (DM2007 basal values, derived kp1/Vm0/m2/m4). Observed: glucose peak 163.94 mg/dL at 70 min vs 157.36 at
        // 66 min; insulin peak 259.4 vs 253.1 pmol/L. Bounds: 8 mg/dL (≈ 5 %) on the glucose peak, 6 min on its time,
        // 5 % on the insulin peak — the size of the differences listed, not a fit.
        var literal = Biomd0000000379.Literal();
        var rows = literal.Integrate(Biomd0000000379.PublishedInitialState(), Minutes, stepsPerMinute: 100);
        var biomdGlucose = rows.Select(r => literal.Glucose(r)).ToArray();
        var biomdInsulin = rows.Select(r => literal.Insulin(r)).ToArray();

        var result = RunExoSim(Model.Patient(DallaManSubjects.Normal), 78);
        var glucose = result.Column("glucose_mg_dl");
        var insulin = result.Column("insulin_pmol_l");

        Assert.Equal(biomdGlucose.Max(), glucose.Max(), 8.0);
        Assert.InRange(Array.IndexOf(glucose, glucose.Max()) - Array.IndexOf(biomdGlucose, biomdGlucose.Max()), -6, 6);
        Assert.Equal(biomdInsulin.Max(), insulin.Max(), 0.05 * biomdInsulin.Max());
        // The suite's reference values for the published encoding come from this transcription (rounding 0.01).
        Assert.Equal(DallaMan2007Validation.BiomdGlucosePeak, biomdGlucose.Max(), 0.01);
        Assert.Equal(DallaMan2007Validation.BiomdInsulinPeak, biomdInsulin.Max(), 0.01);
    }

    [Theory]
    [InlineData(DallaManSubjects.Normal, DallaMan2007Validation.IndependentNormalGlucosePeak, DallaMan2007Validation.IndependentNormalGlucosePeakTime)]
    [InlineData(DallaManSubjects.T2D, DallaMan2007Validation.IndependentT2DGlucosePeak, DallaMan2007Validation.IndependentT2DGlucosePeakTime)]
    public void The_validation_suites_reference_peaks_are_those_of_the_independent_transcription(string subject, double peak, double peakTime)
    {
        var p = Model.Patient(subject);
        var reference = Biomd0000000379.PaperConditions(p, 1000 * p["BW"]);
        var initial = ToSbmlOrder(Model.InitialState(p));
        initial[4] = 1000 * p["BW"];
        var rows = reference.Integrate(initial, Minutes, stepsPerMinute: 100);
        var glucose = rows.Select(r => reference.Glucose(r)).ToArray();
        Assert.Equal(peak, glucose.Max(), 0.001); // the constants carry 3 decimals
        Assert.Equal(peakTime, Array.IndexOf(glucose, glucose.Max()));
        if (subject == DallaManSubjects.Normal)
        {
            var insulin = rows.Select(r => reference.Insulin(r)).ToArray();
            Assert.Equal(DallaMan2007Validation.IndependentNormalInsulinPeak, insulin.Max(), 0.001);
            Assert.Equal(DallaMan2007Validation.IndependentNormalInsulinPeakTime, Array.IndexOf(insulin, insulin.Max()));
        }
    }
}
