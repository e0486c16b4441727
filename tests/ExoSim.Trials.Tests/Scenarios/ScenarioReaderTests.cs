using ExoSim.Models.Simulation;
using ExoSim.Trials.Scenarios;

namespace ExoSim.Trials.Tests.Scenarios;

public class ScenarioReaderTests
{
    private const string IssueExample = """
        model: uva-padova-t1d
        patient: adult#001             # named parameter set; default: the model's reference subject
        parameters: {BW: 70}           # overrides, by the parameter names `exosim params` shows, in their units
        initial: {Gp: 250}             # initial-state overrides, by state name
        duration: 24 h
        output_interval: 1 min
        events:
          - at: 60 min
            meal: {carbs: 50 g, duration: 10 min}
          - at: 60 min
            insulin: {bolus: 5 U}
        """;

    [Fact]
    public void Reads_the_format_of_the_issue_with_canonical_units()
    {
        var document = ScenarioReader.Read(IssueExample, "day.yaml");
        Assert.Equal("uva-padova-t1d", document.Model.Value);
        Assert.Equal("adult#001", document.Patient!.Value);
        Assert.Equal(new KeyValuePair<string, string>("BW", "70"), Assert.Single(document.Parameters).Value);
        Assert.Equal(new KeyValuePair<string, string>("Gp", "250"), Assert.Single(document.Initial).Value);
        Assert.Equal(1440, document.DurationMin.Value);
        Assert.Equal(1, document.OutputIntervalMin.Value);
        Assert.Equal(
            [new MealIntake(60, 50, 10), new InsulinBolus(60, 5)],
            document.Events.Select(e => e.Value).ToArray());
    }

    [Fact]
    public void Repeats_expand_into_occurrences_every_interval()
    {
        var document = ScenarioReader.Read(
            """
            model: uva-padova-t1d
            duration: 3 d
            events:
              - at: 7 h
                repeat: {every: 1 d, count: 3}
                meal: {carbs: 40 g}
              - at: 0 h
                insulin: {basal: 0.9 U/h}
            """,
            "repeat.yaml");
        Assert.Equal(
            [new MealIntake(420, 40, 0), new MealIntake(1860, 40, 0), new MealIntake(3300, 40, 0), new InsulinBasal(0, 0.9)],
            document.Events.Select(e => e.Value).ToArray());
    }

    [Fact]
    public void Reads_fasting_solver_outputs_and_modulations()
    {
        var document = ScenarioReader.Read(
            """
            model: uva-padova-t1d
            duration: 2 d
            fasting: {glucose: 7 mmol/L, insulin: 15 µU/mL}
            solver: {method: rodas5p, rtol: 1e-8, atol: 1e-10}
            outputs: [glucose_mg_dl, Gp]
            events:
              - at: 1 d
                modulate: {parameter: Vmx, factor: 1.5, duration: 12 h}
            """,
            "extras.yaml");
        Assert.Equal(7 * 18.0156, document.FastingGlucoseMgPerDl!.Value, 9);
        Assert.Equal("15 µU/mL", document.FastingInsulin!.Value);
        Assert.Equal("rodas5p", document.SolverMethod!.Value);
        Assert.Equal(1e-8, document.RelativeTolerance!.Value);
        Assert.Equal(1e-10, document.AbsoluteTolerance!.Value);
        Assert.Equal(["glucose_mg_dl", "Gp"], document.Outputs!.Select(o => o.Value));
        Assert.Equal(new ModulationSpec("Vmx", 1.5, 1440, 2160), Assert.Single(document.Modulations).Value);
    }

    [Theory]
    [InlineData("model: uva-padova-t1d\nduration: 24\n", 2, 11, "duration", "no unit")]
    [InlineData("model: uva-padova-t1d\nduration: 24 h\nduraton: 2 h\n", 3, 1, "duraton", "Did you mean 'duration'?")]
    [InlineData("duration: 24 h\n", 1, 1, "model", "missing")]
    [InlineData("model: uva-padova-t1d\nduration: 24 h\nevents:\n  - at: 1 h\n    meal: {carbs: 50}\n", 5, 19, "events[0].meal.carbs", "no unit")]
    [InlineData("model: uva-padova-t1d\nduration: 24 h\nevents:\n  - at: 1 h\n    meal: {carbs: 50 U}\n", 5, 19, "events[0].meal.carbs", "not a unit of mass")]
    [InlineData("model: uva-padova-t1d\nduration: 24 h\nevents:\n  - meal: {carbs: 50 g}\n", 4, 5, "events[0].at", "missing")]
    [InlineData("model: uva-padova-t1d\nduration: 24 h\nevents:\n  - at: 1 h\n", 4, 5, "events[0]", "no kind")]
    [InlineData("model: uva-padova-t1d\nduration: 24 h\nevents:\n  - at: 1 h\n    meal: {carbs: 5 g}\n    insulin: {bolus: 1 U}\n", 6, 5, "events[0].insulin", "one kind")]
    [InlineData("model: uva-padova-t1d\nduration: 24 h\nevents:\n  - at: 1 h\n    drug: {name: metformin}\n", 5, 11, "events[0].drug.dose", "needs 'dose'")]
    [InlineData("model: dalla-man-2007\nduration: 24 h\nevents:\n  - at: 1 h\n    drug: {name: metformine, dose: 1 g}\n", 5, 18, "events[0].drug.name", "Did you mean 'metformin'?")]
    [InlineData("model: dalla-man-2007\nduration: 24 h\nevents:\n  - at: 1 h\n    drug: {name: metformin, dose: -500 mg}\n", 5, 35, "events[0].drug.dose", "negative")]
    [InlineData("model: dalla-man-2007\nduration: 24 h\nevents:\n  - at: 1 h\n    drug: {name: metformin, dose: 500 U}\n", 5, 35, "events[0].drug.dose", "not a unit of mass")]
    [InlineData("model: dalla-man-2007\nduration: 24 h\nevents:\n  - at: 1 h\n    drug: {name: metformin, dose: 500 mg, doses: 3}\n", 5, 50, "events[0].drug.every", "need the interval")]
    [InlineData("model: uva-padova-t1d\nduration: 24 h\nevents:\n  - at: 1 h\n    meal: {carbs: -5 g}\n", 5, 19, "events[0].meal.carbs", "negative")]
    [InlineData("model: uva-padova-t1d\nduration: 24 h\nsolver: {rtol: 2}\n", 3, 16, "solver.rtol", "between 0 and 1")]
    [InlineData("model: uva-padova-t1d\nduration: 24 h\nevents:\n  - at: 1 h\n    repeat: {every: 1 d, count: 0}\n    meal: {carbs: 5 g}\n", 5, 33, "events[0].repeat.count", "whole number")]
    [InlineData("model: [uva\n", 2, 1, "(syntax)", "not valid YAML")]
    [InlineData("model: uva-padova-t1d\nduration: 24 h\nsensor: {type: Dexcom, seed: -1}\n", 3, 30, "sensor.seed", "whole number")]
    [InlineData("model: uva-padova-t1d\nduration: 24 h\nsensor: {seed: 1}\n", 3, 9, "sensor.type", "missing")]
    [InlineData("", 1, 1, "(file)", "empty")]
    [InlineData("- model: uva-padova-t1d\n", 1, 1, "(file)", "mapping")]
    [InlineData("model: uva-padova-t1d\nduration: 24 h\nevents: {at: 1 h}\n", 3, 9, "events", "list of events")]
    public void Mistakes_name_line_column_field_and_what_is_allowed(string text, int line, int column, string field, string fragment)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioReader.Read(text, "bad.yaml"));
        Assert.Equal(new SourceLocation("bad.yaml", line, column), error.Location);
        Assert.Equal(field, error.Field);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"bad.yaml:{line}:{column}: {field}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_keys_are_an_error()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioReader.Read("model: a\nmodel: b\nduration: 1 h\n", "dup.yaml"));
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void A_missing_file_is_reported_by_name()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ScenarioReader.ReadFile("/nonexistent/scenario.yaml"));
        Assert.Contains("/nonexistent/scenario.yaml", error.Message, StringComparison.Ordinal);
    }
}
