using ExoSim.Models.Simulation;
using ExoSim.Trials.Scenarios;
using ExoSim.Trials.Trials;

namespace ExoSim.Trials.Tests.Trials;

public class TrialReaderTests
{
    [Fact]
    public void Reads_cohorts_arms_schedule_and_events_in_scenario_syntax()
    {
        var document = TrialReader.Read(TrialEngineTests.Small, "small.yaml");
        Assert.Equal(7UL, document.Seed);
        var cohort = Assert.Single(document.Cohorts);
        Assert.Equal(("adults", "t1d", "generated", "adult", 6), (cohort.Name, cohort.Type, cohort.Source, cohort.Group, cohort.Size));
        Assert.Equal(["control", "sensitised"], document.Arms.Select(a => a.Name));
        Assert.Equal(new ModulationSpec("Vmx", 1.5, 0, 2880), Assert.Single(document.Arms[1].Modulations).Value);
        Assert.Equal("block", document.Randomisation.Method);
        Assert.Equal(4, document.Randomisation.BlockSize);
        var schedule = document.Schedule;
        Assert.Equal((1440.0, 2880.0, 1440.0, 5.0, 360.0), (schedule.RunInMin, schedule.TreatmentMin, schedule.WindowMin, schedule.OutputIntervalMin, schedule.FastingTimeOfDayMin));
        Assert.Equal([2880.0], schedule.Visits);
        Assert.Equal(new MealSpec(420, 50, 15, 0.1, 0), schedule.Meals[0]);
        Assert.Equal(ExoSim.Trials.Endpoints.TrialEndpoints.Names, document.Endpoints);
    }

    [Fact]
    public void Resolving_shifts_arm_events_to_randomisation()
    {
        var trial = TrialResolver.Resolve(TrialReader.Read(
            TrialEngineTests.Small.Replace("modulate: {parameter: Vmx, factor: 1.5, duration: 2 d}", "insulin: {bolus: 1 U}", StringComparison.Ordinal),
            "small.yaml"));
        Assert.Equal(new InsulinBolus(1440, 1), Assert.Single(trial.Arms[1].Events));
    }

    [Theory]
    [InlineData("population:\n  - {name: a, type: t1d, source: generatd, size: 3}\narms: [{name: x}]\nschedule: {run_in: 1 d, duration: 1 d, visits: [1 d]}\n", "x.yaml:2:34: population[0].source: unknown value 'generatd'. Did you mean 'generated'?")]
    [InlineData("population:\n  - {name: a, type: t1d, source: generated}\narms: [{name: x}]\nschedule: {run_in: 1 d, duration: 1 d, visits: [1 d]}\n", "x.yaml:2:5: population[0].size: missing")]
    [InlineData("population:\n  - {name: a, type: t1d, source: named, group: adult}\narms: [{name: x, ratoi: 2}]\nschedule: {run_in: 1 d, duration: 1 d, visits: [1 d]}\n", "x.yaml:3:18: arms[0].ratoi: unknown field. Did you mean 'ratio'?")]
    [InlineData("population:\n  - {name: a, type: t1d, source: named}\narms:\n  - name: x\n    events:\n      - at: 1 h\n        mael: {carbs: 5 g}\nschedule: {run_in: 1 d, duration: 1 d, visits: [1 d]}\n", "x.yaml:7:9: arms[0].events[0].mael: unknown event field. Did you mean 'meal'?")]
    [InlineData("population:\n  - {name: a, type: t1d, source: named}\narms: [{name: x}]\nschedule: {run_in: 1 d, duration: 1 d, visits: [2 d]}\n", "x.yaml:4:49: schedule.visits[0]: visits must increase")]
    [InlineData("population:\n  - {name: a, type: t1d, source: named}\narms: [{name: x, ratio: 1}, {name: y, ratio: 2}]\nrandomisation: {method: block, block_size: 4}\nschedule: {run_in: 1 d, duration: 1 d, visits: [1 d]}\n", "x.yaml:4:44: randomisation.block_size: must be a multiple of the sum of the allocation ratios (3)")]
    [InlineData("population:\n  - {name: a, type: t1d, source: named}\narms: [{name: x}]\nschedule: {run_in: 1 d, duration: 1 d, visits: [1 d], meals: [{time: '7:5', carbs: 5 g}]}\n", "x.yaml:4:70: schedule.meals[0].time: expected a time of day HH:MM")]
    public void Mistakes_name_file_line_column_and_field(string text, string expectedStart)
    {
        var exception = Assert.Throws<ScenarioException>(() => TrialReader.Read(text, "x.yaml"));
        Assert.StartsWith(expectedStart, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("population:\n  - {name: a, type: prediabetes, source: named}\narms: [{name: x}]\nschedule: {run_in: 1 d, duration: 1 d, visits: [1 d]}\n", "x.yaml:2:5: population[0].type: no meal-scale model has 'prediabetes' subjects; a prediabetes cohort needs a long-horizon model: add 'model: t2d-progression' with 'stage: new-onset'")]
    [InlineData("population:\n  - {name: a, type: t2d, source: generated, size: 2, variability: {Vmxx: 20 %}}\narms: [{name: x}]\nschedule: {run_in: 1 d, duration: 1 d, visits: [1 d]}\n", "x.yaml:2:74: population[0].variability.Vmxx: model 'dalla-man-2007' has no parameter 'Vmxx'.")]
    [InlineData("population:\n  - {name: a, type: t2d, source: named}\narms: [{name: x, insulin: basal-bolus}]\nschedule: {run_in: 1 d, duration: 1 d, visits: [1 d]}\n", "x.yaml:3:8: arms[0].insulin: model 'dalla-man-2007' takes no exogenous insulin")]
    [InlineData("population:\n  - {name: a, type: t1d, source: named}\narms:\n  - name: x\n    events:\n      - {at: 1 h, modulate: {parameter: Vmxx, factor: 2, duration: 1 h}}\nschedule: {run_in: 1 d, duration: 1 d, visits: [1 d]}\n", "x.yaml:6:9: arms[0].events[0].modulate.parameter: model 'uva-padova-t1d' has no parameter 'Vmxx'.")]
    [InlineData("population:\n  - {name: a, type: t1d, source: named}\narms: [{name: x}]\nschedule: {run_in: 1 d, duration: 1 d, visits: [1 d], sensor: Dexcom, output_interval: 1 min}\n", "x.yaml:4:63: schedule.sensor: the Dexcom reads every 3 min")]
    public void Resolution_mistakes_point_at_their_line(string text, string expectedStart)
    {
        var exception = Assert.Throws<ScenarioException>(() => TrialResolver.Resolve(TrialReader.Read(text, "x.yaml")));
        Assert.StartsWith(expectedStart, exception.Message, StringComparison.Ordinal);
    }
}
