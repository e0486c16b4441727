using ExoSim.Reports.Glossary;

namespace ExoSim.Reports.Html;

/// <summary>A glossary entry a report uses, and the phrases of the report's text that mention it.</summary>
/// <param name="Entry">The glossary entry.</param>
/// <param name="Phrases">Text that mentions the term: its names, and report wordings such as "Time below / in / above".</param>
public sealed record ReportTerm(GlossaryEntry Entry, IReadOnlyList<string> Phrases);
