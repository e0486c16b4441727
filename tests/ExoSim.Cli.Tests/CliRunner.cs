namespace ExoSim.Cli.Tests;

/// <summary>
/// Runs <c>exosim</c> in-process and captures its exit code and both output streams. The run registry is off unless
/// a test passes <c>--registry</c>, so that tests never write to the user's own registry.
/// </summary>
internal static class CliRunner
{
    public static CliResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = Program.Run(args, output, error, name => name == "EXOSIM_REGISTRY" ? "off" : Environment.GetEnvironmentVariable(name));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Out, string Err);
