using System.Globalization;
using System.Text;
using ExoSim.Models;
using ExoSim.Models.Random;
using ExoSim.Trials.Scenarios;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ExoSim.Reports.Glossary;

/// <summary>
/// The plain-language glossary of <c>exosim explain</c> and of the reports: entries read from a YAML data file
/// (the shipped one is <c>glossary.yaml</c>, embedded in this assembly), looked up by term or alias ignoring case,
/// spaces and punctuation (<c>beta cell</c> finds <c>β-cell</c>), with closest-name suggestions for unknown terms.
/// </summary>
public sealed class GlossaryCatalog
{
    /// <summary>The fields an entry may have, in the order docs/glossary.md describes them.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["term", "aliases", "category", "definition", "in_exosim", "fun_fact", "sources"];

    private const string ResourceName = "ExoSim.Reports.Glossary.glossary.yaml";
    private static readonly Lazy<GlossaryCatalog> Shipped = new(LoadShipped);

    private readonly GlossaryEntry[] entries;
    private readonly Dictionary<string, GlossaryEntry> byKey;

    private GlossaryCatalog(GlossaryEntry[] entries, Dictionary<string, GlossaryEntry> byKey)
    {
        this.entries = entries;
        this.byKey = byKey;
    }

    /// <summary>The glossary ExoSim ships (<c>src/ExoSim.Reports/Glossary/glossary.yaml</c>).</summary>
    public static GlossaryCatalog Default => Shipped.Value;

    /// <summary>The entries in file order.</summary>
    public IReadOnlyList<GlossaryEntry> Entries => entries;

    /// <summary>Reads glossary text; <paramref name="fileName"/> is used in messages.</summary>
    /// <exception cref="GlossaryException">A mistake in the text (with file, line, field and what is allowed).</exception>
    public static GlossaryCatalog Load(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            throw new GlossaryException(At(fileName, exception.Start), "(syntax)", $"not valid YAML: {exception.InnerException?.Message ?? exception.Message}", exception);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlSequenceNode list)
        {
            throw new GlossaryException(new SourceLocation(fileName, 1, 1), "(file)", "expected one YAML list of entries ('- term: ...').");
        }

        var read = new List<GlossaryEntry>();
        var byKey = new Dictionary<string, GlossaryEntry>(StringComparer.Ordinal);
        var anchors = new Dictionary<string, GlossaryEntry>(StringComparer.Ordinal);
        foreach (var node in list.Children)
        {
            var entry = ReadEntry(node, fileName, read.Count);
            foreach (string name in entry.Names)
            {
                string key = Normalize(name);
                if (key.Length == 0)
                {
                    throw new GlossaryException(At(fileName, node.Start), $"entries[{read.Count}]", $"'{name}' has no letters or digits.");
                }

                if (!byKey.TryAdd(key, entry) && byKey[key] != entry)
                {
                    throw new GlossaryException(At(fileName, node.Start), $"entries[{read.Count}]", $"the name '{name}' is already used by '{byKey[key].Term}' (line {byKey[key].Line}); terms and aliases must be unique ignoring case, spaces and punctuation.");
                }
            }

            if (!anchors.TryAdd(entry.Anchor, entry))
            {
                throw new GlossaryException(At(fileName, node.Start), $"entries[{read.Count}].term", $"the anchor '{entry.Anchor}' is already used by '{anchors[entry.Anchor].Term}'.");
            }

            read.Add(entry);
        }

        return new GlossaryCatalog([.. read], byKey);
    }

    /// <summary>The entry with this term or alias (ignoring case, spaces and punctuation), or null.</summary>
    public GlossaryEntry? Find(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return byKey.GetValueOrDefault(Normalize(term));
    }

    /// <summary>
    /// The entries closest to an unknown term, best first: names within a small edit distance (see
    /// <see cref="NameSuggestions.Closest"/>), then names that contain it (three characters or more).
    /// </summary>
    public IReadOnlyList<GlossaryEntry> Suggest(string term, int maximum = 3)
    {
        ArgumentNullException.ThrowIfNull(term);
        string key = Normalize(term);
        if (key.Length == 0)
        {
            return [];
        }

        var close = NameSuggestions.Closest(key, byKey.Keys, maximum: byKey.Count).Select(k => byKey[k]);
        var containing = key.Length >= 3 ? entries.Where(e => e.Names.Any(n => Normalize(n).Contains(key, StringComparison.Ordinal))) : [];
        return close.Concat(containing).Distinct().Take(maximum).ToArray();
    }

    /// <summary>The "term of the day" for a seed: the same entry for the same seed and glossary.</summary>
    public GlossaryEntry EntryOfTheDay(ulong seed)
    {
        // One draw of ExoSim's seeded generator; the modulo bias (entries/2^64) is negligible.
        ulong draw = Xoshiro256StarStar.ForStream(seed, 0).NextUInt64();
        return entries[(int)(draw % (ulong)entries.Length)];
    }

    /// <summary>The seed of a calendar date for <see cref="EntryOfTheDay(ulong)"/>: yyyymmdd, e.g. 20261201.</summary>
    public static ulong DateSeed(DateOnly date) => (ulong)((date.Year * 10_000) + (date.Month * 100) + date.Day);

    /// <summary>The lookup key of a name: lower case, β→beta, α→alpha, accents dropped, only letters and digits kept.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = new StringBuilder(name.Length);
        foreach (char c in SpellGreek(name).Normalize(NormalizationForm.FormKD))
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString();
    }

    /// <summary>A name as an HTML id fragment: lower-case letters and digits joined by single dashes (β-cell → beta-cell).</summary>
    public static string Slug(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var slug = new StringBuilder(name.Length);
        foreach (char c in SpellGreek(name).Normalize(NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (!char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }

    private static string SpellGreek(string name) => name.Replace("β", "beta", StringComparison.Ordinal).Replace("α", "alpha", StringComparison.Ordinal);

    private static GlossaryCatalog LoadShipped()
    {
        using var stream = typeof(GlossaryCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The glossary resource '{ResourceName}' is missing from {typeof(GlossaryCatalog).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Load(reader.ReadToEnd(), "glossary.yaml");
    }

    private static GlossaryEntry ReadEntry(YamlNode node, string file, int index)
    {
        string path = $"entries[{index}]";
        if (node is not YamlMappingNode mapping)
        {
            throw new GlossaryException(At(file, node.Start), path, "expected an entry ('term: ...', 'definition: ...', ...).");
        }

        foreach (var key in mapping.Children.Keys)
        {
            string name = key is YamlScalarNode { Value: { } v } ? v : string.Empty;
            if (!Fields.Contains(name, StringComparer.Ordinal))
            {
                throw new GlossaryException(At(file, key.Start), $"{path}.{name}", $"unknown field. {NameSuggestions.Describe(name, Fields)}");
            }
        }

        string term = Text(mapping, "term", file, path, required: true)!;
        path = $"{path} ({term})";
        string categoryText = Text(mapping, "category", file, path, required: true)!;
        var categories = Enum.GetValues<GlossaryCategory>();
        if (!categories.Any(c => c.ToString().Equals(categoryText, StringComparison.OrdinalIgnoreCase)))
        {
            throw new GlossaryException(At(file, mapping.Children[new YamlScalarNode("category")].Start), $"{path}.category", $"unknown category '{categoryText}'. Allowed: {string.Join(", ", categories.Select(c => c.ToString().ToLowerInvariant()))}.");
        }

        var sources = List(mapping, "sources", file, path);
        if (sources.Length == 0)
        {
            throw new GlossaryException(At(file, mapping.Start), $"{path}.sources", "every entry needs at least one source (a citation with its DOI, or a docs page).");
        }

        return new GlossaryEntry(
            term,
            List(mapping, "aliases", file, path),
            categories.First(c => c.ToString().Equals(categoryText, StringComparison.OrdinalIgnoreCase)),
            Text(mapping, "definition", file, path, required: true)!,
            Text(mapping, "in_exosim", file, path, required: true)!,
            Text(mapping, "fun_fact", file, path, required: false),
            sources,
            (int)mapping.Start.Line);
    }

    private static string? Text(YamlMappingNode mapping, string field, string file, string path, bool required)
    {
        if (!mapping.Children.TryGetValue(new YamlScalarNode(field), out var node))
        {
            return required ? throw new GlossaryException(At(file, mapping.Start), $"{path}.{field}", $"missing: every entry needs '{field}'.") : null;
        }

        if (node is not YamlScalarNode { Value: { } value } || string.IsNullOrWhiteSpace(value))
        {
            throw new GlossaryException(At(file, node.Start), $"{path}.{field}", "expected non-empty text.");
        }

        return value.Trim();
    }

    private static string[] List(YamlMappingNode mapping, string field, string file, string path)
    {
        if (!mapping.Children.TryGetValue(new YamlScalarNode(field), out var node))
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw new GlossaryException(At(file, node.Start), $"{path}.{field}", "expected a list ('[a, b]' or lines starting with '- ').");
        }

        return sequence.Children.Select((item, i) => item is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : throw new GlossaryException(At(file, item.Start), $"{path}.{field}[{i}]", "expected non-empty text.")).ToArray();
    }

    private static SourceLocation At(string file, Mark mark) => new(file, (int)mark.Line, (int)mark.Column);
}
