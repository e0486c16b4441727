using ExoSim.Models;
using ExoSim.Models.Simulation;
using ExoSim.Therapies.Insulin;
using ExoSim.Trials.Scenarios;

namespace ExoSim.Trials.Tests.Scenarios;

public class ScenarioInsulinTests
{
    private const string Meals = """
        events:
          - {at: 7 h, meal: {carbs: 45 g}}
          - {at: 12 h, meal: {carbs: 70 g}}
          - {at: 19 h, meal: {carbs: 80 g}}
        """;

    private static string Scenario(string block, string model = "uva-padova-t1d") => $"""
        model: {model}
        patient: {(model == "uva-padova-t1d" ? "adult#001" : "t2d")}
        duration: 24 h
        output_interval: 5 min
        {block}
        {Meals}
        """;

    private static ScenarioException Error(string text) => Assert.Throws<ScenarioException>(() => ScenarioResolver.Resolve(ScenarioReader.Read(text, "ins.yaml")));

    [Fact]
    public void Reads_a_pump_regimen_with_its_basal_profile_and_options()
    {
        var document = ScenarioReader.Read(Scenario("""
            regimen:
              type: pump
              correction: true
              carb_ratio: 12 g/U
              correction_factor: 2 mmol/L/U
              target: 6 mmol/L
              basal_profile:
                - {time: "06:00", rate: 1.2 U/h}
                - {time: "00:00", rate: 0.8 U/h}
            """), "pump.yaml");
        var regimen = document.Regimen!.Value;
        Assert.Equal("pump", regimen.Kind);
        Assert.True(regimen.Correction);
        Assert.Equal(12, regimen.CarbRatioGPerU);
        Assert.Equal(2 * 18.0156, regimen.CorrectionFactorMgDlPerU!.Value, 3);
        Assert.Equal(6 * 18.0156, regimen.TargetMgDl!.Value, 3);
        Assert.Equal([new BasalSegment(360, 1.2), new BasalSegment(0, 0.8)], regimen.BasalProfile);
    }

    [Fact]
    public void A_controller_block_is_a_closed_loop()
    {
        var document = ScenarioReader.Read(Scenario("controller: {type: pid, target: 110 mg/dL, meal_bolus: false}"), "cl.yaml");
        var regimen = document.Regimen!.Value;
        Assert.Equal("closed-loop", regimen.Kind);
        Assert.Equal(110, regimen.TargetMgDl);
        Assert.False(regimen.MealBolus);
    }

    [Theory]
    [InlineData("regimen: {type: pmp}", "ins.yaml:5:17: regimen.type: unknown regimen 'pmp'. Did you mean 'pump'?")]
    [InlineData("regimen: {type: pump}", "ins.yaml:5:10: regimen.basal_profile: missing: a pump regimen needs 'basal_profile'")]
    [InlineData("regimen: {type: pump, basal_profile: [{time: \"00:00\", rate: -1 U/h}]}", "regimen.basal_profile[0].rate: must not be negative.")]
    [InlineData("regimen: {type: basal-bolus, carb_ratio: 10 g}", "regimen.carb_ratio: expected a quantity per unit of insulin, e.g. '10 g/U'; got '10 g'.")]
    [InlineData("regimen: {type: basal-bolus, carb_ratio: 10 mL/U}", "regimen.carb_ratio: ")]
    [InlineData("regimen: {type: basal-bolus, target: 120 U}", "regimen.target: ")]
    [InlineData("controller: {type: mpc}", "controller.type: unknown controller type 'mpc'.")]
    [InlineData("controller: {type: pid, correction: true}", "controller.correction: unknown field.")]
    public void Regimen_mistakes_name_the_line_and_field(string block, string expected)
        => Assert.Contains(expected, Error(Scenario(block)).Message);

    [Fact]
    public void A_model_without_insulin_refuses_a_regimen()
        => Assert.Contains("takes no exogenous insulin", Error(Scenario("controller: {type: pid}", "dalla-man-2007")).Message);

    [Fact]
    public void A_closed_loop_reading_the_cgm_is_deterministic_and_keeps_glucose_in_range_longer_than_the_open_loop()
    {
        string closedText = Scenario("controller: {type: pid}").Replace("duration: 24 h", "duration: 24 h\nsensor: {type: Dexcom, seed: 3}", StringComparison.Ordinal);
        var closed = ScenarioResolver.Resolve(ScenarioReader.Read(closedText, "cl.yaml"));
        Assert.Contains(closed.Request.Interventions, i => i is InsulinFeedback { Sensor: not null });
        var first = ScenarioRunner.Run(closed);
        var second = ScenarioRunner.Run(closed);
        Assert.Equal(first.Result.Column(Observable.GlucoseMgPerDl), second.Result.Column(Observable.GlucoseMgPerDl));
        Assert.Equal(first.Cgm!.Readings, second.Cgm!.Readings);

        var open = ScenarioRunner.Run(ScenarioResolver.Resolve(ScenarioReader.Read(Scenario("regimen: {type: basal-bolus}"), "bb.yaml")));
        static double Tir(ScenarioRun run) => run.Result.Column(Observable.GlucoseMgPerDl).Count(g => g is >= 70 and <= 180) / (double)run.Result.RowCount;
        Assert.True(Tir(first) >= Tir(open), $"closed {Tir(first):P1} vs open {Tir(open):P1}");
    }

    [Fact]
    public void A_correction_bolus_sees_the_glucose_at_the_meal()
    {
        // Starting high (Gp raised), a meal at 30 min gets the correction (G − 140)/CF too: more insulin, lower glucose.
        static string Text(string regimen) => $$"""
            model: uva-padova-t1d
            patient: adult#001
            duration: 6 h
            output_interval: 5 min
            initial: {Gp: 450}
            regimen: {{regimen}}
            events:
              - at: 30 min
                meal: {carbs: 40 g}
            """;
        var plain = ScenarioRunner.Run(ScenarioResolver.Resolve(ScenarioReader.Read(Text("{type: basal-bolus}"), "a.yaml")));
        var corrected = ScenarioRunner.Run(ScenarioResolver.Resolve(ScenarioReader.Read(Text("{type: basal-bolus, correction: true}"), "b.yaml")));
        var g0 = plain.Result.Column(Observable.GlucoseMgPerDl);
        var g1 = corrected.Result.Column(Observable.GlucoseMgPerDl);
        Assert.True(g0[6] > 150, $"glucose at the meal {g0[6]:F1} mg/dL should call for a correction");
        Assert.Equal(g0[6], g1[6], 9);
        Assert.True(g1[6 + 36] < g0[6 + 36] - 5, $"3 h after the meal: corrected {g1[42]:F1} vs plain {g0[42]:F1} mg/dL");
    }
}
