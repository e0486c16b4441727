namespace ExoSim.Burden;

/// <summary>
/// A mistake in what a burden analysis was asked for: the message names where (an option, or a file and field) and
/// what is allowed, and is meant to be shown to the user as is.
/// </summary>
public sealed class BurdenInputException : Exception
{
    /// <summary>Creates the error for <paramref name="field"/> (e.g. <c>--uptake</c> or <c>summary.json: comparisons[0].difference</c>).</summary>
    public BurdenInputException(string field, string problem, Exception? innerException = null)
        : base($"{field}: {problem}", innerException)
    {
        Field = field;
        Problem = problem;
    }

    /// <summary>Creates an error with a message only.</summary>
    public BurdenInputException(string message)
        : base(message)
    {
        Field = string.Empty;
        Problem = message;
    }

    /// <summary>Creates an error with a message and its cause.</summary>
    public BurdenInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
        Problem = message;
    }

    /// <summary>Creates an error without details.</summary>
    public BurdenInputException()
    {
        Field = string.Empty;
        Problem = string.Empty;
    }

    /// <summary>Where the mistake is: an option name, or a file and field path.</summary>
    public string Field { get; }

    /// <summary>What is wrong and what is allowed.</summary>
    public string Problem { get; }
}
