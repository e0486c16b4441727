using ExoSim.Therapies.Insulin;
using ExoSim.Trials.Scenarios;
using ExoSim.Trials.Trials;

namespace ExoSim.Trials.Tests.Trials;

/// <summary>Insulin regimens of trial arms: basal–bolus with correction, pump profiles, the closed loop.</summary>
public class InsulinArmTests
{
    private static string Trial(string arms, string sensor = "") => $"""
        seed: 5
        population:
          - {"{"}name: adults, type: t1d, source: named, group: adult{"}"}
        arms:
        {arms}
        schedule:
          run_in: 1 d
          duration: 1 d
          visits: [1 d]
          window: 1 d
          output_interval: {(sensor.Length > 0 ? "3 min" : "5 min")}
          {sensor}
          meals:
            - {"{"}time: "07:00", carbs: 45 g{"}"}
            - {"{"}time: "12:30", carbs: 70 g{"}"}
            - {"{"}time: "19:00", carbs: 80 g{"}"}
        endpoints: [tir_percent, insulin_u_per_day]
        """;

    private const string Arms = """
          - name: bb
            insulin: {regimen: basal-bolus, correction: true, carb_ratio: 10 g/U}
          - name: pump
            insulin: {regimen: pump, basal_profile: [{time: "00:00", rate: 0.9 U/h}, {time: "06:00", rate: 1.2 U/h}]}
          - name: loop
            insulin: {regimen: closed-loop, target: 110 mg/dL}
        """;

    [Fact]
    public void Arms_read_their_regimens_with_options()
    {
        var document = TrialReader.Read(Trial(Arms), "t.yaml");
        var bb = document.Arms[0].Insulin!;
        Assert.Equal(("basal-bolus", true, 10.0), (bb.Kind, bb.Correction, bb.CarbRatioGPerU!.Value));
        Assert.Equal([new BasalSegment(0, 0.9), new BasalSegment(360, 1.2)], document.Arms[1].Insulin!.BasalProfile);
        Assert.Equal(("closed-loop", 110.0), (document.Arms[2].Insulin!.Kind, document.Arms[2].Insulin!.TargetMgDl!.Value));
    }

    [Theory]
    [InlineData("insulin: {regimen: closed-lop}", "t.yaml:6:24: arms[0].insulin.regimen: unknown regimen 'closed-lop'. Did you mean 'closed-loop'?")]
    [InlineData("insulin: {regimen: basal-bolus, meal_bolus: false}", "arms[0].insulin.meal_bolus: only a closed loop can go without meal boluses.")]
    [InlineData("insulin: {regimen: pump, basal_profile: [{time: \"25:00\", rate: 1 U/h}]}", "arms[0].insulin.basal_profile[0].time: expected a time of day HH:MM")]
    public void Arm_regimen_mistakes_name_the_line_and_field(string insulin, string expected)
    {
        var exception = Assert.Throws<ScenarioException>(() => TrialReader.Read(Trial($"  - name: a\n    {insulin}"), "t.yaml"));
        Assert.Contains(expected, exception.Message);
    }

    [Fact]
    public void A_closed_loop_patient_on_the_cgm_is_identical_across_runs_and_its_delivered_insulin_is_counted()
    {
        var trial = TrialResolver.Resolve(TrialReader.Read(Trial(Arms, "sensor: Dexcom"), "t.yaml"));
        var loop = trial.Arms.Single(a => a.Name == "loop");
        var first = TrialEngine.Simulate(trial, 0, loop, "");
        var second = TrialEngine.Simulate(trial, 0, loop, "");
        Assert.Equal(first.Values, second.Values);

        // insulin_u_per_day at the visit: the controller's basal rates and meal boluses, not only the planned doses.
        double insulin = first.Values[4];
        var basalBolus = TrialEngine.Simulate(trial, 0, trial.Arms.Single(a => a.Name == "bb"), "");
        Assert.InRange(insulin, 0.5 * basalBolus.Values[4], 2 * basalBolus.Values[4]);
    }
}
