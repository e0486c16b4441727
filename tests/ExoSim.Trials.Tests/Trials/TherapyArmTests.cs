using ExoSim.Models;
using ExoSim.Therapies.Exosomes;
using ExoSim.Trials.Scenarios;
using ExoSim.Trials.Trials;

namespace ExoSim.Trials.Tests.Trials;

/// <summary>Exosome and MSC events in trial arms: checked like a scenario's, shifted to trial time, per patient.</summary>
public class TherapyArmTests
{
    private const string Trial = """
        seed: 11
        population:
          - {name: adults, type: t1d, source: named, group: adult}
        arms:
          - {name: control}
          - name: exosome
            events:
              - at: 0 d
                exosome: {dose: 70 mg, route: iv, mechanisms: [sensitivity]}
        schedule:
          run_in: 1 d
          duration: 2 d
          visits: [2 d]
          window: 1 d
          meals:
            - {time: "07:00", carbs: 50 g}
        """;

    [Fact]
    public void An_exosome_arm_modulates_each_patients_sensitivity_from_randomisation_on()
    {
        var trial = TrialResolver.Resolve(TrialReader.Read(Trial, "t.yaml"));
        var exosome = trial.Arms.Single(a => a.Name == "exosome");
        Assert.Null(trial.Arms.Single(a => a.Name == "control").Therapy);
        Assert.Equal(1440, Assert.Single(exosome.Therapy!.Exosomes).Value.TimeMin); // 0 d after a 1-day run-in

        var model = ModelCatalog.Get("uva-padova-t1d");
        var modulations = exosome.ModulationsFor(model, model.Complete(model.Patient("adult#001")));
        Assert.Equal(["Vmx", "kp3"], modulations.Select(m => m.Parameter).Order(StringComparer.Ordinal));
        Assert.All(modulations, m => Assert.IsType<ExosomeModulation>(m));
        foreach (var modulation in modulations)
        {
            Assert.Equal(1, modulation.Multiplier(1000, 0)); // before the dose
            double after = modulation.Multiplier(1440 + (12 * 60), 1440);
            Assert.True(after > 1, $"{modulation.Parameter}: multiplier {after} half a day after the dose");
        }
    }

    [Fact]
    public void Trial_json_records_the_arms_exosome_doses_in_the_files_words()
    {
        var trial = TrialResolver.Resolve(TrialReader.Read(Trial, "t.yaml"));
        var manifest = TrialManifest.Build(trial, Trial, "test", "notice", null);
        Assert.Empty(manifest.Arms.Single(a => a.Name == "control").Therapy);
        var dose = Assert.Single(manifest.Arms.Single(a => a.Name == "exosome").Therapy);
        Assert.Equal(new TherapyEventInfo("exosome", 1440, "70000 µg protein", "iv", "umbilical_cord", 1, dose.Mechanisms), dose);
        Assert.Equal(["sensitivity"], dose.Mechanisms);
    }

    [Fact]
    public void A_mechanism_the_model_lacks_is_an_error_at_its_line()
    {
        string text = Trial.Replace("mechanisms: [sensitivity]", "mechanisms: [immune]", StringComparison.Ordinal);
        var error = Assert.Throws<ScenarioException>(() => TrialResolver.Resolve(TrialReader.Read(text, "t.yaml")));
        Assert.Equal(9, error.Location.Line); // the exosome event
        Assert.Contains("uva-padova-t1d", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exosome_parameters_of_a_trial_act_in_every_arm_with_doses()
    {
        var model = ModelCatalog.Get("uva-padova-t1d");
        var patient = model.Complete(model.Patient("adult#001"));
        double Effect(string text) => TrialResolver.Resolve(TrialReader.Read(text, "t.yaml")).Arms.Single(a => a.Name == "exosome")
            .ModulationsFor(model, patient).Single(m => m.Parameter == "Vmx").Multiplier(1440 + 720, 1440) - 1;

        double nominal = Effect(Trial);
        double halved = Effect("exosome_parameters: {emax_sensitivity: 0.25}\n" + Trial);
        Assert.True(nominal > 0);
        Assert.Equal(nominal / 2, halved, 12);
    }

    [Fact]
    public void Exosome_parameters_without_an_exosome_arm_are_an_error()
    {
        string text = "exosome_parameters: {emax_sensitivity: 0.25}\n" + Trial.Replace("exosome: {dose: 70 mg, route: iv, mechanisms: [sensitivity]}", "insulin: {bolus: 1 U}", StringComparison.Ordinal);
        var error = Assert.Throws<ScenarioException>(() => TrialResolver.Resolve(TrialReader.Read(text, "t.yaml")));
        Assert.Equal((1, "exosome_parameters"), (error.Location.Line, error.Field));
        Assert.Contains("no arm has exosome or msc events", error.Message, StringComparison.Ordinal);
    }
}
