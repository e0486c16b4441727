using System.CommandLine;
using System.Globalization;
using ExoSim.Reports.Glossary;
using Spectre.Console;

namespace ExoSim.Cli.Commands;

/// <summary>
/// <c>exosim explain [TERM] [--random [--seed S]] [--json]</c>: the plain-language glossary. No term lists every
/// entry by category; a term prints its entry; <c>--random</c> picks a term of the day (by seed, else by today's UTC
/// date); an unknown term exits with 2 and the closest terms.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        var termArgument = new Argument<string[]>("TERM")
        {
            Description = "The term, e.g. HbA1c, \"beta cell\" or exosome (case, spaces and punctuation do not matter). Without it: the list of terms.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var randomOption = new Option<bool>("--random") { Description = "A term of the day: chosen by --seed, else by today's date (UTC)." };
        var seedOption = new Option<ulong?>("--seed") { Description = "Seed of --random; the same seed gives the same term.", HelpName = "S" };
        var jsonOption = new Option<bool>("--json") { Description = "Print the entry (or the list) as JSON." };
        var command = new Command("explain", "Explain a term in plain language (glossary of physiology, therapy and methods, with sources).")
        {
            termArgument,
            randomOption,
            seedOption,
            jsonOption,
        };
        command.SetAction(parseResult => Execute(
            context,
            string.Join(' ', parseResult.GetValue(termArgument) ?? []),
            parseResult.GetValue(randomOption),
            parseResult.GetValue(seedOption),
            parseResult.GetValue(jsonOption)));
        context.AddExamples(command, "exosim explain", "exosim explain HbA1c", "exosim explain beta cell", "exosim explain --random --seed 7", "exosim explain exosome --json");
        return command;
    }

    private static int Execute(CliContext context, string term, bool random, ulong? seed, bool json)
    {
        var glossary = GlossaryCatalog.Default;
        if (seed is not null && !random)
        {
            throw new UsageException("--seed chooses the term of --random; add --random, or leave out --seed.");
        }

        if (random)
        {
            if (term.Length > 0)
            {
                throw new UsageException($"Give either a term or --random, not both (got '{term}').");
            }

            return Random(context, glossary, seed, json);
        }

        if (term.Length == 0)
        {
            return List(context, glossary, json);
        }

        var entry = glossary.Find(term) ?? throw new UsageException(Unknown(glossary, term));
        if (json)
        {
            context.Out.Write(CliJson.Serialize(Json(entry)));
            return ExitCodes.Ok;
        }

        Show(context.Out, entry);
        return ExitCodes.Ok;
    }

    private static int Random(CliContext context, GlossaryCatalog glossary, ulong? seed, bool json)
    {
        var date = DateOnly.FromDateTime(DateTime.UtcNow);
        ulong used = seed ?? GlossaryCatalog.DateSeed(date);
        var entry = glossary.EntryOfTheDay(used);
        string chosenBy = seed is null
            ? $"today's date, {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (UTC)"
            : $"seed {used.ToString(CultureInfo.InvariantCulture)}";
        if (json)
        {
            context.Out.Write(CliJson.Serialize(new
            {
                term_of_the_day = new { seed = used, date = seed is null ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null, chosen_by = chosenBy },
                entry = Json(entry),
            }));
            return ExitCodes.Ok;
        }

        context.Out.WriteLine($"Term of the day (chosen by {chosenBy}):");
        context.Out.WriteLine();
        Show(context.Out, entry);
        return ExitCodes.Ok;
    }

    private static int List(CliContext context, GlossaryCatalog glossary, bool json)
    {
        var groups = glossary.Entries.GroupBy(e => e.Category).OrderBy(g => g.Key).ToArray();
        if (json)
        {
            context.Out.Write(CliJson.Serialize(new
            {
                count = glossary.Entries.Count,
                categories = groups.Select(g => new
                {
                    category = g.Key,
                    terms = g.Select(e => new { term = e.Term, aliases = e.Aliases }),
                }),
            }));
            return ExitCodes.Ok;
        }

        var console = context.CreateResultConsole();
        foreach (var group in groups)
        {
            var table = new Table()
                .Title($"{group.Key} ({group.Count()} terms)")
                .AddColumn("Term")
                .AddColumn("Also found by");
            foreach (var entry in group)
            {
                table.AddRow(Markup.Escape(entry.Term), Markup.Escape(string.Join(", ", entry.Aliases)));
            }

            console.Write(table);
        }

        console.WriteLine($"{glossary.Entries.Count} terms. Details: exosim explain TERM; a term of the day: exosim explain --random.");
        return ExitCodes.Ok;
    }

    /// <summary>One entry as plain lines (no wrapping or colour: it reads the same in a terminal, a pipe or a file).</summary>
    private static void Show(TextWriter console, GlossaryEntry entry)
    {
        string aliases = entry.Aliases.Count > 0 ? $" (also: {string.Join(", ", entry.Aliases)})" : string.Empty;
        console.WriteLine($"{entry.Term}{aliases} — {entry.Category.ToString().ToLowerInvariant()}");
        console.WriteLine();
        console.WriteLine(entry.Definition);
        console.WriteLine();
        console.WriteLine($"In ExoSim: {entry.InExoSim}");
        if (entry.FunFact is { } funFact)
        {
            console.WriteLine();
            console.WriteLine($"Fun fact: {funFact}");
        }

        console.WriteLine();
        console.WriteLine("Sources:");
        foreach (string source in entry.Sources)
        {
            console.WriteLine($"  - {source}");
        }

        console.WriteLine();
        console.WriteLine(CliContext.Notice);
    }

    private static object Json(GlossaryEntry entry) => new
    {
        term = entry.Term,
        aliases = entry.Aliases,
        category = entry.Category,
        definition = entry.Definition,
        in_exosim = entry.InExoSim,
        fun_fact = entry.FunFact,
        sources = entry.Sources,
        anchor = entry.Anchor,
    };

    private static string Unknown(GlossaryCatalog glossary, string term)
    {
        var closest = glossary.Suggest(term);
        string hint = closest.Count > 0
            ? $"Did you mean '{string.Join("' or '", closest.Select(e => e.Term))}'? "
            : string.Empty;
        return $"'{term}' is not in the glossary. {hint}Run 'exosim explain' for the list of all {glossary.Entries.Count} terms.";
    }
}
