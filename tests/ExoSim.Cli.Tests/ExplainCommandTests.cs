using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ExoSim.Reports.Glossary;

namespace ExoSim.Cli.Tests;

public class ExplainCommandTests
{
    [Fact]
    public void Without_a_term_it_lists_every_term_grouped_by_category()
    {
        var result = CliRunner.Run("explain");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Err);
        foreach (var category in Enum.GetValues<GlossaryCategory>())
        {
            Assert.Contains($"{category} (", result.Out, StringComparison.Ordinal);
        }

        foreach (var entry in GlossaryCatalog.Default.Entries)
        {
            Assert.Contains(entry.Term, result.Out, StringComparison.Ordinal);
        }

        Assert.Contains($"{GlossaryCatalog.Default.Entries.Count} terms.", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_list_as_json_has_every_term_once_under_its_category()
    {
        var result = CliRunner.Run("explain", "--json");

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        var root = document.RootElement;
        Assert.Equal(GlossaryCatalog.Default.Entries.Count, root.GetProperty("count").GetInt32());
        var terms = root.GetProperty("categories").EnumerateArray()
            .SelectMany(c => c.GetProperty("terms").EnumerateArray().Select(t => (Category: c.GetProperty("category").GetString(), Term: t.GetProperty("term").GetString())))
            .ToArray();
        Assert.Equal(GlossaryCatalog.Default.Entries.Select(e => (e.Category.ToString().ToLowerInvariant(), e.Term)).Order(), terms.Select(t => (t.Category!, t.Term!)).Order());
    }

    [Theory]
    [InlineData("HbA1c")]
    [InlineData("glycated", "haemoglobin")]
    [InlineData("A1C")]
    public void A_term_prints_its_entry_with_definition_in_exosim_fun_fact_and_sources(params string[] term)
    {
        var result = CliRunner.Run(["explain", .. term]);

        Assert.Equal(0, result.ExitCode);
        var entry = GlossaryCatalog.Default.Find("HbA1c")!;
        Assert.StartsWith("HbA1c (also: A1c", result.Out, StringComparison.Ordinal);
        Assert.Contains("In ExoSim:", result.Out, StringComparison.Ordinal);
        Assert.Contains("hba1c_percent", result.Out, StringComparison.Ordinal);
        Assert.Contains("Fun fact:", result.Out, StringComparison.Ordinal);
        Assert.Contains("Rahbar", result.Out, StringComparison.Ordinal);
        foreach (string source in entry.Sources)
        {
            Assert.Contains(source, result.Out.ReplaceLineEndings(" "), StringComparison.Ordinal);
        }

        Assert.Contains("not medical advice", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_term_as_json_is_the_whole_entry()
    {
        var result = CliRunner.Run("explain", "beta", "cell", "--json");

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        var root = document.RootElement;
        var entry = GlossaryCatalog.Default.Find("β-cell")!;
        Assert.Equal("β-cell", root.GetProperty("term").GetString());
        Assert.Equal("physiology", root.GetProperty("category").GetString());
        Assert.Equal(entry.Definition, root.GetProperty("definition").GetString());
        Assert.Equal(entry.InExoSim, root.GetProperty("in_exosim").GetString());
        Assert.Equal(entry.Sources, root.GetProperty("sources").EnumerateArray().Select(s => s.GetString()!));
        Assert.Equal("glossary-beta-cell", root.GetProperty("anchor").GetString());
    }

    [Fact]
    public void An_unknown_term_exits_2_with_the_closest_terms()
    {
        var result = CliRunner.Run("explain", "exosme");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.StartsWith("exosim: 'exosme' is not in the glossary. Did you mean 'exosome'", result.Err, StringComparison.Ordinal);
        Assert.Contains("Run 'exosim explain' for the list", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_term_with_no_close_match_exits_2_and_points_to_the_list()
    {
        var result = CliRunner.Run("explain", "qqqqqqqq", "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Equal($"exosim: 'qqqqqqqq' is not in the glossary. Run 'exosim explain' for the list of all {GlossaryCatalog.Default.Entries.Count} terms.", result.Err.TrimEnd());
    }

    [Fact]
    public void Random_with_a_seed_is_the_same_term_every_time()
    {
        var first = CliRunner.Run("explain", "--random", "--seed", "7");
        var second = CliRunner.Run("explain", "--random", "--seed", "7");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Out, second.Out);
        Assert.StartsWith("Term of the day (chosen by seed 7):", first.Out, StringComparison.Ordinal);
        Assert.Contains(GlossaryCatalog.Default.EntryOfTheDay(7).Definition, first.Out.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }

    [Fact]
    public void Random_without_a_seed_says_it_chose_by_todays_date()
    {
        var result = CliRunner.Run("explain", "--random", "--json");

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        var chosen = document.RootElement.GetProperty("term_of_the_day");
        var date = DateOnly.ParseExact(chosen.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        ulong seed = chosen.GetProperty("seed").GetUInt64();
        Assert.Equal(GlossaryCatalog.DateSeed(date), seed);
        Assert.Contains("today's date", chosen.GetProperty("chosen_by").GetString(), StringComparison.Ordinal);
        Assert.Equal(GlossaryCatalog.Default.EntryOfTheDay(seed).Term, document.RootElement.GetProperty("entry").GetProperty("term").GetString());
        Assert.InRange(date.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber, -1, 0); // the run may straddle midnight
    }

    [Theory]
    [InlineData("--seed", "3")]
    [InlineData("HbA1c", "--random")]
    [InlineData("--random", "--seed", "minus-one")]
    public void Contradictory_or_malformed_options_exit_2(params string[] args)
    {
        var result = CliRunner.Run(["explain", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.NotEmpty(result.Err);
    }

    [Fact]
    public void Every_command_an_entry_names_exists_with_its_options()
    {
        var root = new CliApplication(TextWriter.Null, TextWriter.Null, _ => null).Root;
        var problems = new List<string>();
        foreach (var entry in GlossaryCatalog.Default.Entries)
        {
            foreach (string line in entry.CodeNames.Where(n => n.StartsWith("exosim ", StringComparison.Ordinal)))
            {
                // Words select sub-commands while they name one; after that they are arguments; options must exist there.
                Command command = root;
                foreach (string word in line.Split(' ')[1..])
                {
                    if (word.StartsWith('-'))
                    {
                        if (!command.Options.Concat(root.Options).Any(o => o.Name == word || o.Aliases.Contains(word)))
                        {
                            problems.Add($"{entry.Term}: `{line}`: '{command.Name}' has no option {word}");
                        }
                    }
                    else if (command.Subcommands.FirstOrDefault(c => c.Name == word) is { } sub)
                    {
                        command = sub;
                    }
                    else if (command == root)
                    {
                        problems.Add($"{entry.Term}: `{line}`: no command '{word}'");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("; ", problems));
    }
}
