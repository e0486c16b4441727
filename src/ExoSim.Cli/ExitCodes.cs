namespace ExoSim.Cli;

/// <summary>Process exit codes of <c>exosim</c>. Documented in docs/cli.md; scripts rely on them.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>The input was valid but the run failed (solver failure, output not writable, internal error).</summary>
    public const int RunFailure = 1;

    /// <summary>Bad input or usage: unknown command or option, missing or malformed argument.</summary>
    public const int BadInput = 2;
}
