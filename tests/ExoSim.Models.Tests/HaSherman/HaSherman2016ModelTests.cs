using ExoSim.Models.HaSherman;
using ExoSim.Models.Simulation;

namespace ExoSim.Models.Tests.HaSherman;

public class HaSherman2016ModelTests
{
    private const double MinPerDay = 1440;
    private static readonly HaSherman2016Model Model = new();

    [Theory]
    [InlineData(HaShermanSubjects.Progressor, 14_000_000, 0.028, 0.245)]
    [InlineData(HaShermanSubjects.EarlyReversal, 365, 0.028, 0.4)]
    [InlineData(HaShermanSubjects.LateReversal, 730, 0.028, 0.4)]
    public void Three_years_agree_with_an_independent_transcription_integrated_by_RK4(string subject, double tonsi, double tSi2, double targetSi2)
    {
        // ExoSim (Rodas5P, rtol = atol = 1e-10, per minute) against the test-side XPP transcription (RK4, Δt = 0.002 d, per day),
        // from the same start state. Tolerance 1e-3 relative on every state, checked every 30 d: the RK4 error at this step
        // (its halving changes G by < 1e-5 mg/dL) and the steep σ collapse of years 2–3 dominate.
        var p = Model.Patient(subject);
        var start = Model.InitialState(p);
        var reference = new HumanOdeTranscription(HumanOdeTranscription.SetFile(tonsi, tSi2, targetSi2)).Integrate(start, 1080, 0.002, 30);
        var result = HaSherman2016Validation.Simulate(p, 1080, 30);
        for (int row = 0; row < reference.Count; row++)
        {
            for (int i = 0; i < HaShermanStates.Count; i++)
            {
                double got = result.Column(Model.States[i].Name)[row];
                double expected = reference[row][i];
                Assert.True(Math.Abs(got - expected) <= 1e-3 * Math.Max(Math.Abs(expected), 1),
                    $"{subject} {Model.States[i].Name} at {30 * row} d: ExoSim {got}, transcription {expected}");
            }
        }
    }

    [Fact]
    public void The_SI_course_follows_its_closed_form_and_switches_exactly_at_tonsi()
    {
        // dSI/dt = −t_Si·(SI − target_Si) gives SI(t) = target + (SI0 − target)·e^(−t_Si·t); after tonsi the same with the second pair.
        var p = Model.Patient(HaShermanSubjects.Prevention);
        var result = HaSherman2016Validation.Simulate(p, 600, 1);
        var t = result.Column(Simulator.TimeColumn);
        var si = result.Column("SI");
        double atSwitch = p["target_Si"] + ((p["Si0"] - p["target_Si"]) * Math.Exp(-p["t_Si"] * p["tonsi"]));
        for (int r = 0; r < t.Length; r++)
        {
            double day = t[r] / MinPerDay;
            double exact = day <= p["tonsi"]
                ? p["target_Si"] + ((p["Si0"] - p["target_Si"]) * Math.Exp(-p["t_Si"] * day))
                : p["target_Si2"] + ((atSwitch - p["target_Si2"]) * Math.Exp(-p["t_Si2"] * (day - p["tonsi"])));
            Assert.True(Math.Abs(si[r] - exact) < 1e-8, $"SI at {day} d: {si[r]} vs {exact}");
        }
    }

    [Theory]
    [InlineData(0.8)]
    [InlineData(0.4)]
    [InlineData(0.2)]
    public void The_glucose_set_point_does_not_depend_on_SI_and_beta_compensates(double si)
    {
        // P(ISR) = A(M) fixes G (Topp et al. 2000's set point); β and I scale with 1/SI so that SI·I = R0/G − Eg0.
        var p = Model.Patient(HaShermanSubjects.Progressor);
        var reference = HaShermanSteadyStates.Physiological(p, 0.8);
        var state = HaShermanSteadyStates.Physiological(p, si);
        Assert.Equal(reference[HaShermanStates.G], state[HaShermanStates.G], 1e-9);
        Assert.Equal(reference[HaShermanStates.Beta] * 0.8 / si, state[HaShermanStates.Beta], 1e-6 * state[HaShermanStates.Beta]);
        Assert.Equal((p["R0"] / state[HaShermanStates.G]) - p["Eg0"], si * state[HaShermanStates.I], 1e-9);
    }

    [Fact]
    public void Observables_follow_their_formulas_at_rest()
    {
        var p = Model.Patient(HaShermanSubjects.Progressor);
        var x = Model.InitialState(p);
        var values = new double[Model.Observables.Count];
        Model.EvaluateObservables(0, x, p, values);
        Assert.Equal(x[HaShermanStates.G], values[0]);
        Assert.Equal(6 * x[HaShermanStates.I], values[1], 1e-12);
        Assert.Equal(x[HaShermanStates.Beta], values[2]);
        // At rest secretion balances clearance: β·ISR/BV = k·I, and replication balances death.
        Assert.Equal(p["k"] * x[HaShermanStates.I], x[HaShermanStates.Beta] * values[3] / p["BV"], 1e-9);
        Assert.Equal(values[5], values[6], 1e-15);
        Assert.Equal((x[HaShermanStates.G] + 46.7) / 28.7, values[7], 1e-12);
    }

    [Fact]
    public void A_therapy_modulation_of_apoptosis_acts_like_the_changed_parameter()
    {
        // The general StepModulation multiplies Amax (β-cell death) over the whole run; same as overriding Amax.
        var p = Model.Patient(HaShermanSubjects.Progressor);
        var modulated = Simulator.Run(
            new SimulationRequest
            {
                Model = Model, Parameters = p, DurationMin = 1000 * MinPerDay, OutputIntervalMin = 100 * MinPerDay,
                Modulations = [new StepModulation("Amax", 0.5, 0, 1000 * MinPerDay)],
            },
            Numerics.Ode.OdeSolvers.Rodas5P,
            new Numerics.Ode.SolverOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-10 });
        var overridden = HaSherman2016Validation.Simulate(p.WithUserValue("Amax", 0.5 * p["Amax"]), 1000, 100, Model.InitialState(p));
        var a = modulated.Column(Observable.GlucoseMgPerDl);
        var b = overridden.Column(Observable.GlucoseMgPerDl);
        Assert.Equal(b.Length, a.Length);
        for (int i = 0; i < a.Length; i++)
        {
            Assert.Equal(b[i], a[i], 1e-6);
        }

        // Less death keeps more β-cell mass; it does not prevent T2D here, where the collapse of σ (function) drives onset.
        var untreated = HaSherman2016Validation.Simulate(p, 1000, 100);
        Assert.True(modulated.Column("beta")[^1] > untreated.Column("beta")[^1]);
        Assert.True(a[^1] > HaSherman2016Validation.DiabetesThreshold);
    }
}
