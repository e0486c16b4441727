using System.Text;
using ExoSim.Reports.Glossary;

namespace ExoSim.Reports.Tests.Glossary;

/// <summary>docs/glossary.md lists every term of the data file; this test keeps the two from drifting apart.</summary>
public class GlossaryDocsTests
{
    private const string Begin = "<!-- glossary-terms:begin -->";
    private const string End = "<!-- glossary-terms:end -->";

    [Fact]
    public void The_term_list_in_docs_glossary_md_matches_the_data_file()
    {
        string page = File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "docs", "glossary.md"));
        int begin = page.IndexOf(Begin, StringComparison.Ordinal);
        int end = page.IndexOf(End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"docs/glossary.md needs the markers {Begin} and {End}.");

        string documented = page[(begin + Begin.Length)..end].Trim().ReplaceLineEndings("\n");
        string expected = TermList(GlossaryCatalog.Default).Trim();
        Assert.True(documented == expected, $"docs/glossary.md is out of date; put this between the markers:\n\n{expected}\n");
    }

    /// <summary>The generated list: one table per category with each term and its aliases.</summary>
    private static string TermList(GlossaryCatalog glossary)
    {
        var text = new StringBuilder();
        foreach (var group in glossary.Entries.GroupBy(e => e.Category).OrderBy(g => g.Key))
        {
            text.Append("\n### ").Append(group.Key).Append(" (").Append(group.Count()).Append(" terms)\n\n");
            text.Append("| Term | Also found by |\n|---|---|\n");
            foreach (var entry in group)
            {
                text.Append("| ").Append(entry.Term).Append(" | ").Append(string.Join(", ", entry.Aliases)).Append(" |\n");
            }
        }

        return text.ToString();
    }
}
