namespace ExoSim.Cli;

/// <summary>Entry point of the <c>exosim</c> command.</summary>
public static class Program
{
    /// <summary>Runs <c>exosim</c> with the process's standard streams.</summary>
    /// <returns>The exit code (see docs/cli.md): 0 ok, 1 run failure, 2 bad input or usage.</returns>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs <c>exosim</c> in-process with the given output writers (used by tests and embedding hosts).</summary>
    /// <param name="args">Command-line arguments, without the program name.</param>
    /// <param name="output">Where results and help go.</param>
    /// <param name="error">Where error messages go.</param>
    /// <returns>The exit code: 0 ok, 1 run failure, 2 bad input or usage.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, Environment.GetEnvironmentVariable);

    /// <summary>Runs <c>exosim</c> in-process with the given output writers and environment variables.</summary>
    /// <param name="args">Command-line arguments, without the program name.</param>
    /// <param name="output">Where results and help go.</param>
    /// <param name="error">Where error messages go.</param>
    /// <param name="environment">Reads an environment variable by name (null when unset), e.g. <c>EXOSIM_REGISTRY</c>.</param>
    /// <returns>The exit code: 0 ok, 1 run failure, 2 bad input or usage.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(environment);
        return new CliApplication(output, error, environment).Run(args);
    }
}
