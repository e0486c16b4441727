using ExoSim.Models;
using ExoSim.Therapies.Drugs;
using ExoSim.Trials.Scenarios;
using ExoSim.Trials.Trials;

namespace ExoSim.Trials.Tests.Scenarios;

public class ScenarioDrugTests
{
    private const string Metformin = """
        model: dalla-man-2007
        patient: t2d
        duration: 2 d
        events:
          - at: 8 h
            drug: {name: metformin, dose: 1 g, every: 12 h}
          - at: 9 h
            drug: {name: liraglutide, dose: 1.8 mg, every: 1 d, doses: 1}
        """;

    [Fact]
    public void Drug_events_become_modulations_with_every_dose_to_the_end()
    {
        var scenario = ScenarioResolver.Resolve(ScenarioReader.Read(Metformin, "m.yaml"));
        var drugs = scenario.Request.Modulations.OfType<DrugModulation>().ToArray();
        Assert.Equal(["kp1", "beta", "K", "kmax"], drugs.Select(d => d.Parameter));
        Assert.Equal([480, 1200, 1920, 2640], drugs[0].Breakpoints); // 08:00 and 20:00 on both days
        Assert.Equal([540], drugs[1].Breakpoints);                  // one dose
        Assert.Equal(1, drugs[0].Multiplier(400, 0));
        Assert.True(drugs[0].Multiplier(600, 480) < 1);

        var run = ScenarioRunner.Run(scenario);
        var glucose = run.Result.Column(Observable.GlucoseMgPerDl);
        Assert.True(glucose[^1] < glucose[0] - 10, $"fasting glucose {glucose[0]:F1} → {glucose[^1]:F1} mg/dL under metformin");
    }

    [Fact]
    public void A_model_the_drugs_do_not_act_on_is_an_error_at_the_event()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioResolver.Resolve(ScenarioReader.Read(
            "model: uva-padova-t1d\nduration: 1 d\nevents:\n  - at: 1 h\n    drug: {name: metformin, dose: 500 mg}\n", "u.yaml")));
        Assert.StartsWith("u.yaml:4:5: events[0].drug: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("dalla-man-2007", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trial_arm_doses_metformin_from_randomisation_to_the_end_of_the_trial()
    {
        const string trial = """
            seed: 3
            population:
              - {name: t2d, type: t2d, source: generated, size: 4}
            arms:
              - {name: control}
              - name: metformin
                events:
                  - at: 0 d
                    drug: {name: metformin, dose: 1000 mg, every: 12 h}
            schedule:
              run_in: 1 d
              duration: 2 d
              visits: [2 d]
              window: 1 d
              meals:
                - {time: "07:00", carbs: 50 g}
            endpoints: [fasting_glucose_mg_dl, mean_glucose_mg_dl]
            """;
        var resolved = TrialResolver.Resolve(TrialReader.Read(trial, "t.yaml"));
        var arm = resolved.Arms.Single(a => a.Name == "metformin");
        var patient = resolved.Population.Patient(0, new ExoSim.Models.Random.NormalGenerator(ExoSim.Trials.Populations.Population.Stream(3, 0)));
        var modulation = Assert.IsType<DrugModulation>(Assert.Single(arm.ModulationsFor(resolved.Model, patient.Parameters)));
        Assert.Equal(Enumerable.Range(0, 5).Select(k => 1440 + (k * 720.0)), modulation.Breakpoints);

        var control = TrialEngine.Simulate(resolved, 0, resolved.Arms[0], "");
        var treated = TrialEngine.Simulate(resolved, 0, arm, "");
        Assert.True(treated.Values[2] < control.Values[2] - 5, $"change of fasting glucose: metformin {treated.Values[2]:F1} vs control {control.Values[2]:F1} mg/dL");
    }
}
