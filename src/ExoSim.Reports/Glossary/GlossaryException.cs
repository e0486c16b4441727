using ExoSim.Trials.Scenarios;

namespace ExoSim.Reports.Glossary;

/// <summary>
/// A mistake in a glossary data file: the message starts with <c>file:line:column</c> and the field, and says what
/// is allowed (the house style of <see cref="ScenarioException"/>).
/// </summary>
public sealed class GlossaryException : Exception
{
    /// <summary>Creates the error for a field at a location.</summary>
    public GlossaryException(SourceLocation location, string field, string problem, Exception? innerException = null)
        : base($"{location}: {field}: {problem}", innerException)
    {
        Location = location;
    }

    /// <summary>Where the mistake is.</summary>
    public SourceLocation Location { get; }
}
