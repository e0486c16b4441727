namespace ExoSim.Trials.Scenarios;

/// <summary>Where something is in a scenario file (1-based line and column).</summary>
/// <param name="File">The file's path as the user gave it.</param>
/// <param name="Line">Line, from 1.</param>
/// <param name="Column">Column, from 1.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary><c>file:line:column</c>, the form editors jump to.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>
/// A mistake in a scenario file: the message starts with <c>file:line:column</c> and the field, and says what is
/// allowed. Meant to be shown to the user as is.
/// </summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the error for a field at a location.</summary>
    public ScenarioException(SourceLocation location, string field, string problem, Exception? innerException = null)
        : base($"{location}: {field}: {problem}", innerException)
    {
        Location = location;
        Field = field;
        Problem = problem;
    }

    /// <summary>Where the mistake is.</summary>
    public SourceLocation Location { get; }

    /// <summary>The field, as a path such as <c>events[2].meal.carbs</c>.</summary>
    public string Field { get; }

    /// <summary>What is wrong and what is allowed.</summary>
    public string Problem { get; }
}
