using ExoSim.Trials.Scenarios;
using ExoSim.Trials.Sensitivity;

namespace ExoSim.Trials.Tests.Sensitivity;

public sealed class SensitivitySpecReaderTests : IDisposable
{
    private const string Valid = """
        name: test
        scenario: ivgtt.yaml
        output: {column: glucose_mg_dl, mean: {from: 0 min, to: 3 h}}
        factors:
          - {parameter: p1, range: [0.02, 0.04]}
          - {parameter: Gb, range: ±10%}
          - {parameter: p3, range: [5e-6, 2e-5], distribution: log_uniform}
        method: {name: sobol, samples: 64, seed: 9}
        threads: 2
        """;

    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_valid_spec_is_read_with_units_and_defaults()
    {
        var spec = SensitivitySpecReader.Read(Valid, "spec.yaml");
        Assert.Equal(("scenario", "ivgtt.yaml"), (spec.TargetKind, spec.TargetPath.Value));
        Assert.Equal(("glucose_mg_dl", "mean", 0.0, 180.0), (spec.Output.Column!.Value, spec.Output.Statistic, spec.Output.FromMin, spec.Output.ToMin));
        Assert.Equal(["p1", "Gb", "p3"], spec.Factors.Select(f => f.Parameter.Value));
        Assert.Equal(10, spec.Factors[1].RelativePercent!.Value);
        Assert.Equal("log_uniform", spec.Factors[2].Distribution);
        Assert.Equal(("sobol", 64, 200, 0.95, 9UL), (spec.Method.Name, spec.Method.Samples, spec.Method.Bootstrap, spec.Method.Confidence, spec.Method.Seed));
        Assert.Equal(2, spec.Threads);
    }

    [Theory]
    [InlineData("scenario: ivgtt.yaml", "senario: ivgtt.yaml", 2, 1, "senario", "Did you mean 'scenario'?")]
    [InlineData("scenario: ivgtt.yaml", "trial: t.yaml", 3, 10, "output.column", "unknown field. Allowed: endpoint, visit, arm, versus")]
    [InlineData("mean: {from: 0 min, to: 3 h}", "mean: {from: 3 h, to: 1 h}", 3, 55, "output.mean.to", "must be after 'from'")]
    [InlineData("mean: {from: 0 min, to: 3 h}", "median: {from: 0 min, to: 3 h}", 3, 33, "output.median", "Allowed: column, at, mean, min, max")]
    [InlineData("column: glucose_mg_dl, mean: {from: 0 min, to: 3 h}", "column: glucose_mg_dl, at: 1 h, max: {from: 0 h, to: 1 h}", 3, 9, "output", "give exactly one of at, mean, min, max")]
    [InlineData("range: [0.02, 0.04]", "range: [0.02]", 5, 28, "factors[0].range", "expected '[lower, upper]' or '±P%'")]
    [InlineData("range: ±10%", "range: ±120%", 6, 28, "factors[1].range", "0 < P < 100")]
    [InlineData("distribution: log_uniform", "distribution: lognormal", 7, 56, "factors[2].distribution", "Allowed: uniform, log_uniform")]
    [InlineData("{parameter: Gb, range: ±10%}", "{parameter: p1, range: ±10%}", 6, 17, "factors[1].parameter", "already a factor (factors[0])")]
    [InlineData("{parameter: Gb, range: ±10%}", "{parameter: Gb}", 6, 5, "factors[1].range", "missing: the sobol method samples")]
    [InlineData("name: sobol, samples: 64", "name: sobel, samples: 64", 8, 16, "method.name", "Did you mean 'sobol'?")]
    [InlineData("samples: 64", "trajectories: 64", 8, 23, "method.trajectories", "unknown field")]
    [InlineData("samples: 64", "samples: 1", 8, 32, "method.samples", "whole number from 2")]
    [InlineData("threads: 2", "threads: 0", 9, 10, "threads", "whole number from 1")]
    public void Reading_mistakes_name_line_column_field_and_what_is_allowed(string from, string to, int line, int column, string field, string fragment)
    {
        string text = Valid.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Valid, text);
        var error = Assert.Throws<ScenarioException>(() => SensitivitySpecReader.Read(text, "bad.yaml"));
        Assert.Equal((line, column, field), (error.Location.Line, error.Location.Column, error.Field));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"bad.yaml:{line}:{column}: {field}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Morris_levels_must_be_even()
    {
        var error = Assert.Throws<ScenarioException>(() => SensitivitySpecReader.Read(Valid.Replace("name: sobol, samples: 64, seed: 9", "name: morris, levels: 5", StringComparison.Ordinal), "bad.yaml"));
        Assert.Equal("method.levels", error.Field);
        Assert.Contains("must be even", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{parameter: p1, range: [0.02, 0.04]}", "{parameter: p_1, range: [0.02, 0.04]}", 5, "factors[0].parameter", "Did you mean 'p1'?")]
    [InlineData("{parameter: p1, range: [0.02, 0.04]}", "{parameter: SI, range: [1e-4, 2e-4]}", 5, "factors[0].parameter", "is derived")]
    [InlineData("{parameter: p1, range: [0.02, 0.04]}", "{parameter: p1, range: [0.04, 0.02]}", 5, "factors[0].range[1]", "must be above the lower")]
    [InlineData("{parameter: p1, range: [0.02, 0.04]}", "{parameter: p1, range: [0.02, 0.04 mg]}", 5, "factors[0].range[1]", "cannot be converted")]
    [InlineData("{parameter: p1, range: [0.02, 0.04]}", "{parameter: exosome.hill, range: [0.5, 3]}", 5, "exosome_parameters", "no exosome or msc events")]
    [InlineData("{parameter: p1, range: [0.02, 0.04]}", "{parameter: msc.paracrine_potency, range: [0.5, 2]}", 5, "factors[0].parameter", "no msc events")]
    [InlineData("{parameter: p1, range: [0.02, 0.04]}", "{parameter: exosome.body_weight_kg, range: [50, 90]}", 5, "factors[0].parameter", "body weight")]
    [InlineData("column: glucose_mg_dl", "column: glucose", 3, "output.column", "Did you mean 'glucose_mg_dl'?")]
    [InlineData("to: 3 h", "to: 5 h", 3, "output.mean", "lies after the end of the scenario")]
    [InlineData("scenario: ivgtt.yaml", "scenario: missing.yaml", 2, "scenario", "does not exist")]
    [InlineData("mean: {from: 0 min, to: 3 h}", "mean: {from: 10 min, to: 10.5 min}", 3, "output.mean", "shorter than the scenario's output_interval")]
    public void Resolving_mistakes_point_at_the_spec_line(string from, string to, int line, string field, string fragment)
    {
        File.WriteAllText(Path.Combine(directory.Path, "ivgtt.yaml"), "model: bergman-minimal\nduration: 182 min\n");
        string text = Valid.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Valid, text);
        var error = Assert.Throws<ScenarioException>(() => SensitivityStudy.Resolve(SensitivitySpecReader.Read(text, Path.Combine(directory.Path, "spec.yaml"))));
        Assert.Equal((line, field), (error.Location.Line, error.Field));
        Assert.EndsWith("spec.yaml", error.Location.File, StringComparison.Ordinal);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_local_factor_at_zero_is_refused_before_running()
    {
        File.WriteAllText(Path.Combine(directory.Path, "ivgtt.yaml"), "model: bergman-minimal\nduration: 182 min\nparameters: {p3: 0}\n");
        string text = "scenario: ivgtt.yaml\noutput: {column: glucose_mg_dl, at: 1 h}\nfactors:\n  - {parameter: p1}\n  - {parameter: p3}\nmethod: {name: local}\n";
        var error = Assert.Throws<ScenarioException>(() => SensitivityStudy.Resolve(SensitivitySpecReader.Read(text, Path.Combine(directory.Path, "spec.yaml"))));
        Assert.Equal((5, "factors[1].parameter"), (error.Location.Line, error.Field));
        Assert.Contains("needs a non-zero nominal value", error.Message, StringComparison.Ordinal);
    }
}
