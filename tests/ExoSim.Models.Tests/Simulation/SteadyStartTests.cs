using ExoSim.Models.Bergman;
using ExoSim.Models.Simulation;
using ExoSim.Models.UvaPadova;
using ExoSim.Numerics.Ode.ExplicitRungeKutta;
using ExoSim.Numerics.Ode;
using static ExoSim.Models.UvaPadova.UvaPadovaStates;

namespace ExoSim.Models.Tests.Simulation;

public class SteadyStartTests
{
    private static readonly UvaPadovaT1DModel Uva = new();

    [Theory]
    [InlineData("adult#001")]
    [InlineData("adolescent#003")]
    [InlineData("child#010")]
    public void Subjects_published_basal_state_is_already_at_rest(string subject)
    {
        var start = SteadyStart.AtFasting(Uva, Uva.Patient(subject));
        var analytic = Uva.InitialState(start.Parameters);

        // The analytic basal state of the published subject is a steady state to round-off (scaled residual ≤ 1e-9/min).
        Assert.True(start.ScaledResidual <= 1e-9, $"residual {start.ScaledResidual}");
        for (int i = 0; i < analytic.Length; i++)
        {
            Assert.Equal(analytic[i], start.State[i], 1e-6 * (1 + Math.Abs(analytic[i])));
        }
    }

    [Theory]
    [InlineData(120.0)]
    [InlineData(180.0)]
    public void Chosen_fasting_glucose_gives_a_state_at_that_glucose_that_stays_there(double fastingMgPerDl)
    {
        var start = SteadyStart.AtFasting(Uva, Uva.Patient("adult#001"), fastingMgPerDl);
        Assert.Equal(fastingMgPerDl, start.State[Gp] / start.Parameters[UvaPadovaParameters.Vg], 9);

        // Held for 24 h without meals or boluses, plasma glucose stays at the chosen value (to 1e-4 mg/dL at rtol 1e-10).
        var result = Simulator.Run(
            new SimulationRequest
            {
                Model = Uva,
                Parameters = start.Parameters,
                InitialState = start.State,
                DurationMin = 1440,
                OutputIntervalMin = 60,
            },
            new DormandPrince54(),
            new SolverOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-12 });
        foreach (double g in result.Column(Observable.GlucoseMgPerDl))
        {
            Assert.Equal(fastingMgPerDl, g, 1e-4);
        }
    }

    [Fact]
    public void Basal_insulin_override_recomputes_the_basal_infusion()
    {
        var reference = SteadyStart.AtFasting(Uva, Uva.Patient("adult#001"));
        var raised = SteadyStart.AtFasting(Uva, Uva.Patient("adult#001"), basalInsulin: 150);
        Assert.Equal(150, raised.State[Ip] / raised.Parameters[UvaPadovaParameters.Vi], 9);

        // u2ss is linear in Ib (u2ss = ((m2 + m4) − m1·m2/(m1 + m30))·Ib·Vi), so it scales by 150/Ib.
        double ratio = 150 / reference.Parameters[UvaPadovaParameters.Ib];
        Assert.Equal(reference.Parameters[UvaPadovaParameters.U2ss] * ratio, raised.Parameters[UvaPadovaParameters.U2ss], 9);
    }

    [Fact]
    public void Fasting_glucose_without_a_steady_state_is_a_clear_error()
    {
        // With EGPb = 0.9 < Fsnc = 1 mg/kg/min the liver cannot cover even the insulin-independent uptake: at any
        // fasting glucose the insulin-dependent uptake EGPb − Fsnc − E would be negative.
        var lowProduction = Uva.Patient("adult#001").WithUserValue("EGPb", 0.9);
        var error = Assert.Throws<InvalidOperationException>(() => SteadyStart.AtFasting(Uva, lowProduction, 120));
        Assert.Contains("no basal steady state", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_that_starts_after_an_ivgtt_bolus_refuses_a_fasting_glucose()
    {
        var bergman = new BergmanMinimalModel();
        var error = Assert.Throws<InvalidOperationException>(() => SteadyStart.AtFasting(bergman, bergman.Patient(bergman.DefaultPatient), 100));
        Assert.Contains("does not start at a fasting steady state", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_positive_fasting_glucose_is_rejected()
        => Assert.Throws<InvalidOperationException>(() => SteadyStart.AtFasting(Uva, Uva.Patient("adult#001"), -5));
}
