using System.Text.Json;

namespace ExoSim.Cli.Tests;

public class ValidateCommandTests
{
    [Fact]
    public void Validate_prints_a_table_of_passing_checks()
    {
        var result = CliRunner.Run("validate");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("bergman-minimal", result.Out, StringComparison.Ordinal);
        Assert.Contains("checks pass", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_json_lists_every_check_with_expected_got_tolerance_and_reference()
    {
        var result = CliRunner.Run("validate", "--model", "bergman-minimal", "--json");
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        var checks = document.RootElement.GetProperty("checks");
        Assert.True(checks.GetArrayLength() >= 5);
        foreach (var check in checks.EnumerateArray())
        {
            Assert.Equal("bergman-minimal", check.GetProperty("model").GetString());
            Assert.True(check.GetProperty("pass").GetBoolean());
            Assert.False(string.IsNullOrWhiteSpace(check.GetProperty("reference").GetString()));
            _ = check.GetProperty("expected").GetDouble();
            _ = check.GetProperty("got").GetDouble();
            _ = check.GetProperty("tolerance").GetDouble();
        }

        Assert.Equal(0, document.RootElement.GetProperty("failed").GetInt32());
    }

    [Fact]
    public void Validate_with_an_unknown_model_is_a_usage_error_with_a_suggestion()
    {
        var result = CliRunner.Run("validate", "--model", "bergman-minimall");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Did you mean 'bergman-minimal'", result.Err, StringComparison.Ordinal);
    }
}
