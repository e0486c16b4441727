namespace ExoSim.Cli;

/// <summary>A mistake in what the user asked for (exit code 2). The message is shown as is, without a stack trace.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UsageException()
    {
    }
}

/// <summary>A run that could not complete (exit code 1). The message is shown as is, without a stack trace.</summary>
internal sealed class RunFailureException : Exception
{
    public RunFailureException(string message)
        : base(message)
    {
    }

    public RunFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RunFailureException()
    {
    }
}
