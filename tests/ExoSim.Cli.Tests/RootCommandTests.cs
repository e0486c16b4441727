using System.Reflection;

namespace ExoSim.Cli.Tests;

public class RootCommandTests
{
    private static readonly string[] CommandNames =
        ["demo", "simulate", "trial", "merge", "models", "params", "explain", "validate", "burden", "fit", "sensitivity"];

    public static TheoryData<string> AllCommands => new(CommandNames);

    [Fact]
    public void Version_prints_the_assembly_version_and_exits_0()
    {
        var result = CliRunner.Run("--version");

        var version = typeof(Program).Assembly.GetName().Version!;
        string expected = $"{version.Major}.{version.Minor}.{version.Build}";
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith(expected, result.Out.Trim(), StringComparison.Ordinal);
        Assert.Equal(
            typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion,
            result.Out.Trim());
        Assert.Empty(result.Err);
    }

    [Fact]
    public void Help_lists_every_command_of_the_interface()
    {
        var result = CliRunner.Run("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("not medical advice", result.Out, StringComparison.Ordinal);
        foreach (string command in CommandNames)
        {
            Assert.Matches($@"(?m)^\s+{command}\b", result.Out);
        }
    }

    [Fact]
    public void No_arguments_shows_help()
    {
        var result = CliRunner.Run();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllCommands))]
    public void Every_command_has_help_with_description_and_example(string command)
    {
        var result = CliRunner.Run(command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Description:", result.Out, StringComparison.Ordinal);
        Assert.Contains("Examples:", result.Out, StringComparison.Ordinal);
        Assert.Contains($"exosim {command}", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_command_exits_2_with_one_message_and_a_suggestion()
    {
        var result = CliRunner.Run("simualte", "scenario.yaml");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'simualte' is not an exosim command", result.Err, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'simulate'?", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public void Unknown_option_exits_2_and_points_to_the_command_help()
    {
        var result = CliRunner.Run("demo", "--bogus");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--bogus", result.Err, StringComparison.Ordinal);
        Assert.Contains("exosim demo --help", result.Err, StringComparison.Ordinal);
    }
}
