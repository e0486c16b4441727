using ExoSim.Analysis.Estimation;
using ExoSim.Trials.Fitting;
using ExoSim.Trials.Scenarios;

namespace ExoSim.Trials.Tests.Fitting;

public class FitReaderTests
{
    private const string Data = """
        # two subjects, glucose in mmol/L
        subject,time [min],glucose [mmol/L]
        a,10,12.0
        a,20,9.5
        a,40,6.1
        a,60,5.2
        a,90,5.0
        b,10,13.1
        b,20,
        b,30,10.2
        b,60,6.0
        b,90,5.4
        """;

    private static readonly string[] Lines = Data.Split('\n');

    private const string Spec = """
        scenario:
          model: bergman-minimal
          duration: 182 min
        data:
          file: data.csv
          columns: {glucose: glucose_mg_dl}
        parameters:
          p1: {initial: 0.03, lower: 0.001, upper: 0.2}
          G0: {initial: 280 mg/dL, lower: 150 mg/dL, upper: 500 mg/dL}
        error_model:
          glucose: {type: additive, a: estimate 0.3 mmol/L}
        profile: [p1]
        """;

    private static FitDocument Read(string text) => FitReader.Read(text, "fit.yaml", ".");

    [Fact]
    public void TheShippedExampleReadsAndResolves()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "fit-examples", "fit-ivgtt.yaml");
        var document = FitReader.ReadFile(path);
        var fit = FitResolver.Resolve(document, FitData.ReadFile(document.DataFile.Value));
        var subject = Assert.Single(fit.Subjects);
        Assert.Equal(["p1", "p2", "p3", "G0"], subject.Problem.Parameters.Select(p => p.Name));
        Assert.Equal(["glucose_mg_dl"], fit.ModelColumns);

        // Glucose from 8 min: 20 of the 24 samples, in mg/dL.
        Assert.Equal(20, subject.Problem.Observations.Count);
        Assert.Equal(240, subject.Problem.Observations[0].Value);
        Assert.Equal(["p1", "p3"], fit.Settings.Profiles);
    }

    [Fact]
    public void InlineScenarioSubjectsUnitsAndErrorModelsResolve()
    {
        var fit = FitResolver.Resolve(Read(Spec), FitData.Read(Lines, "data.csv"));
        Assert.Equal(["a", "b"], fit.Subjects.Select(s => s.Subject));

        // 12.0 mmol/L × 180.156/10 = 216.19 mg/dL; the empty cell of b is a missing value.
        Assert.Equal(12.0 * 18.0156, fit.Subjects[0].Problem.Observations[0].Value, 1e-9);
        Assert.Equal([10.0, 30, 60, 90], fit.Subjects[1].Problem.Observations.Select(o => o.TimeMin));
        var error = fit.Subjects[0].Problem.ErrorModels[0];
        Assert.Equal(ErrorModelKind.Additive, error.Kind);
        Assert.True(error.Additive!.Estimated);
        Assert.Equal(0.3 * 18.0156, error.Additive.Value, 1e-9);
        Assert.Equal(280, fit.Subjects[0].Problem.Parameters[1].Initial);
    }

    [Theory]
    [InlineData("parameters:", "  p1: {initial: 0.03, lower: 0.001, upper: 0.2}", "  p11: {initial: 0.03}", "fit.yaml:8:3: parameters.p11: the model has no parameter 'p11'. Did you mean 'p1'")]
    [InlineData("parameters:", "  p1: {initial: 0.03, lower: 0.001, upper: 0.2}", "  SI: {initial: 0.0005}", "parameters.SI: 'SI' is derived from other parameters")]
    [InlineData("profile: [p1]", "profile: [p1]", "profile: [p2]", "profile[0]: not an estimated quantity. Did you mean 'p1'")]
    [InlineData("data:", "  columns: {glucose: glucose_mg_dl}", "  columns: {glucose: glucose}", "data.columns.glucose: model 'bergman-minimal' has no state or observable 'glucose'. Did you mean 'glucose_mg_dl'")]
    [InlineData("error_model:", "  glucose: {type: additive, a: estimate 0.3 mmol/L}", "  glucose: {type: additiv, a: 1 mg/dL}", "error_model.glucose.type: unknown error model. Did you mean 'additive'")]
    [InlineData("error_model:", "  glucose: {type: additive, a: estimate 0.3 mmol/L}", "  glucose: {type: additive, b: 5 %}", "error_model.glucose.b: a additive error model has no 'b'")]
    [InlineData("scenario:", "profile: [p1]", "profile: [p1]\nobjectiv: wls", "objectiv: unknown field. Did you mean 'objective'")]
    [InlineData("parameters:", "  G0: {initial: 280 mg/dL, lower: 150 mg/dL, upper: 500 mg/dL}", "  G0: {initial: 100 mg/dL, lower: 150 mg/dL, upper: 500 mg/dL}", "parameters.G0: Parameter 'G0': the initial value 100 lies outside its bounds")]
    public void MistakesNameTheFieldAndWhatIsAllowed(string _, string original, string replacement, string expected)
    {
        var error = Assert.Throws<ScenarioException>(() => FitResolver.Resolve(Read(Spec.Replace(original, replacement, StringComparison.Ordinal)), FitData.Read(Lines, "data.csv")));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EstimatingAnErrorModelUnderWeightedLeastSquaresIsRefused()
    {
        var error = Assert.Throws<ScenarioException>(() => FitResolver.Resolve(Read(Spec + "\nobjective: wls"), FitData.Read(Lines, "data.csv")));
        Assert.Contains("error_model.glucose.a: with 'objective: wls'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("time [min],glucose\n1,2", "data.csv:1:12: (header): column 'glucose' needs a name and a unit")]
    [InlineData("glucose [mg/dL]\n1", "data.csv:1:1: (header): no time column")]
    [InlineData("time [min],glucose [mg/dL]\n1,abc", "data.csv:2:3: glucose: expected a number; got 'abc'")]
    [InlineData("time [parsec],glucose [mg/dL]\n1,2", "data.csv:1:1: (header): the time column needs a time unit")]
    public void DataMistakesNameLineAndColumn(string text, string expected)
    {
        var error = Assert.Throws<ScenarioException>(() => FitData.Read(text.Split('\n'), "data.csv"));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AUnitOfTheWrongDimensionIsRefusedAtItsHeaderCell()
    {
        var data = FitData.Read(["time [min],glucose [pmol/L]", "10,5"], "data.csv");
        var error = Assert.Throws<ScenarioException>(() => FitResolver.Resolve(Read(Spec), data));
        Assert.Contains("data.csv:1:12: glucose: unit 'pmol/L' cannot be converted to glucose_mg_dl's unit mg/dL", error.Message, StringComparison.Ordinal);
    }
}
