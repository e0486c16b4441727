namespace ExoSim.Cli;

/// <summary>Entry point of the <c>exosim</c> command.</summary>
public static class Program
{
    /// <summary>Runs <c>exosim</c> with the process's standard streams.</summary>
    /// <returns>The exit code (see docs/cli.md): 0 ok, 1 run failure, 2 bad input or usage, 3 not yet available.</returns>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs <c>exosim</c> in-process with the given output writers (used by tests and embedding hosts).</summary>
    /// <param name="args">Command-line arguments, without the program name.</param>
    /// <param name="output">Where results and help go.</param>
    /// <param name="error">Where error messages go.</param>
    /// <returns>The exit code: 0 ok, 1 run failure, 2 bad input or usage, 3 not yet available.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        return new CliApplication(output, error).Run(args);
    }
}
