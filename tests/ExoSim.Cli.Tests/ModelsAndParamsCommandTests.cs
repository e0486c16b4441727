using System.Text.Json;
using ExoSim.Models;
using ExoSim.Models.Parameters;
using ExoSim.Therapies;

namespace ExoSim.Cli.Tests;

public class ModelsAndParamsCommandTests
{
    [Fact]
    public void Models_lists_every_catalog_model()
    {
        var result = CliRunner.Run("models");
        Assert.Equal(0, result.ExitCode);
        foreach (var model in ModelCatalog.All)
        {
            Assert.Contains(model.Id, result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Models_json_has_states_with_units_and_the_subjects()
    {
        var result = CliRunner.Run("models", "--json");
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        var models = document.RootElement.GetProperty("models");
        Assert.Equal(ModelCatalog.All.Count, models.GetArrayLength());
        var uva = models.EnumerateArray().Single(m => m.GetProperty("id").GetString() == "uva-padova-t1d");
        Assert.Equal(30, uva.GetProperty("patients").GetArrayLength());
        Assert.Equal(ModelCatalog.Get("uva-padova-t1d").TimeScale, uva.GetProperty("time_scale").GetString());
        Assert.Contains(uva.GetProperty("states").EnumerateArray(), s => s.GetProperty("name").GetString() == "Gp" && s.GetProperty("unit").GetString() == "mg/kg");
    }

    [Fact]
    public void Params_json_lists_every_parameter_with_name_value_unit_and_source()
    {
        var result = CliRunner.Run("params", "uva-padova-t1d", "--patient", "child#003", "--json");
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        Assert.Equal("child#003", document.RootElement.GetProperty("patient").GetString());
        AssertListsEveryParameter(ModelCatalog.Get("uva-padova-t1d").Patient("child#003"), document.RootElement.GetProperty("parameters"));
    }

    [Fact]
    public void Params_table_shows_values_and_units()
    {
        var result = CliRunner.Run("params", "bergman-minimal");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("p1", result.Out, StringComparison.Ordinal);
        Assert.Contains("0.03082", result.Out, StringComparison.Ordinal);
        Assert.Contains("1/min", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("exosome", "plasma_half_life_min")]
    [InlineData("msc", "paracrine_potency")]
    [InlineData("insulin", "pid_integral_time_min")]
    [InlineData("metformin", "emax_kp1")]
    [InlineData("glp1", "emax_gastric_emptying")]
    public void Params_of_a_therapy_lists_every_value_with_unit_and_source(string therapy, string parameter)
    {
        var result = CliRunner.Run("params", therapy, "--json");
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        Assert.Equal(therapy, document.RootElement.GetProperty("model").GetString());
        AssertListsEveryParameter(TherapyCatalog.Find(therapy)!.Value.Parameters, document.RootElement.GetProperty("parameters"));

        var table = CliRunner.Run("params", therapy);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains(parameter, table.Out, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("params", therapy, "--patient", "x").ExitCode);
    }

    [Theory]
    [InlineData("uva-padova-t2d", "Did you mean 'uva-padova-t1d'?")]
    [InlineData("exosom", "Did you mean 'exosome'?")]
    [InlineData("uva-padova-t1d --patient adult#0001", "Did you mean 'adult#001'")]
    public void Unknown_model_or_patient_is_a_usage_error_with_a_suggestion(string args, string fragment)
    {
        var result = CliRunner.Run(["params", .. args.Split(' ')]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(fragment, result.Err, StringComparison.Ordinal);
    }

    private static void AssertListsEveryParameter(ParameterSet expected, JsonElement parameters)
    {
        Assert.Equal(expected.Entries.Count, parameters.GetArrayLength());
        foreach (var parameter in parameters.EnumerateArray())
        {
            string name = parameter.GetProperty("name").GetString()!;
            Assert.Equal(expected[name], parameter.GetProperty("value").GetDouble());
            Assert.Equal(expected.Entry(name).Unit, parameter.GetProperty("unit").GetString());
            Assert.False(string.IsNullOrWhiteSpace(parameter.GetProperty("source").GetString()));
        }
    }
}
