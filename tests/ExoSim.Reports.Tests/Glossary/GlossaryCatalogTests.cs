using System.Text.RegularExpressions;
using ExoSim.Models;
using ExoSim.Models.Sensors;
using ExoSim.Models.Simulation;
using ExoSim.Numerics.Ode;
using ExoSim.Reports.Glossary;
using ExoSim.Trials.Endpoints;
using ExoSim.Trials.Scenarios;

namespace ExoSim.Reports.Tests.Glossary;

public partial class GlossaryCatalogTests
{
    // The terms issue #6 and its brief name (physiology, therapy, methods): each must be found by this name.
    public static TheoryData<string> RequiredTerms => new(
        "insulin", "glucagon", "glucose", "β-cell", "α-cell", "islet of Langerhans", "insulin resistance", "insulin sensitivity",
        "glucose effectiveness", "HbA1c", "fasting glucose", "OGTT", "IVGTT", "HOMA-IR", "HOMA-B", "glucotoxicity", "lipotoxicity",
        "free fatty acids", "lipolysis", "type 1 diabetes", "type 2 diabetes", "prediabetes", "honeymoon phase", "ketoacidosis",
        "hypoglycaemia", "time in range", "CGM", "GMI",
        "exosome", "extracellular vesicle", "miRNA", "p38 MAPK", "apoptosis", "β-cell regeneration", "mesenchymal stem cell", "MSC",
        "immunogenicity", "biodistribution", "pharmacokinetics", "pharmacodynamics", "Emax model", "allometric scaling", "metformin",
        "GLP-1 receptor agonist", "basal–bolus insulin", "closed loop", "artificial pancreas",
        "virtual patient", "in-silico trial", "ODE", "stiffness", "Rosenbrock method", "Dormand–Prince", "multiscale", "averaging",
        "confidence interval", "p-value", "Welch t-test", "randomisation", "sensitivity analysis", "Sobol index", "identifiability");

    [Fact]
    public void The_shipped_glossary_has_at_least_45_complete_entries_in_every_category()
    {
        var entries = GlossaryCatalog.Default.Entries;

        Assert.True(entries.Count >= 45, $"{entries.Count} entries; issue #6 asks for at least 45.");
        foreach (var category in Enum.GetValues<GlossaryCategory>())
        {
            Assert.True(entries.Count(e => e.Category == category) >= 10, $"fewer than 10 {category} entries");
        }

        foreach (var entry in entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Definition), entry.Term);
            Assert.False(string.IsNullOrWhiteSpace(entry.InExoSim), entry.Term);
            Assert.NotEmpty(entry.Sources);
            Assert.True(entry.InExoSim.Count(c => c == '`') % 2 == 0, $"{entry.Term}: unpaired backtick");
        }
    }

    [Theory]
    [MemberData(nameof(RequiredTerms))]
    public void Every_term_the_issue_names_has_an_entry(string term)
        => Assert.NotNull(GlossaryCatalog.Default.Find(term));

    [Fact]
    public void Every_source_is_a_citation_with_a_year_and_every_doi_is_well_formed()
    {
        foreach (var entry in GlossaryCatalog.Default.Entries)
        {
            foreach (string source in entry.Sources)
            {
                Assert.True(Year().IsMatch(source) || source.StartsWith("ExoSim documentation: docs/", StringComparison.Ordinal), $"{entry.Term}: '{source}' has no year");
                foreach (Match doi in DoiPrefix().Matches(source))
                {
                    Assert.Matches(WellFormedDoi(), source[doi.Index..]);
                }
            }
        }
    }

    [Fact]
    public void Every_name_in_backticks_in_an_in_exosim_line_exists_in_the_code()
    {
        // Commands (`exosim ...`) are checked against the command tree in ExoSim.Cli.Tests.
        var models = ModelCatalog.All.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var general = new HashSet<string>(StringComparer.Ordinal) { Simulator.TimeColumn, Observable.GlucoseMgPerDl };
        general.UnionWith(models.Keys);
        general.UnionWith(ClinicalReadouts.Columns.Select(c => c.Name));
        general.UnionWith(ScenarioReader.TopLevelFields);
        general.UnionWith(ScenarioReader.MultiscaleFields);
        general.UnionWith(ScenarioReader.EventKinds);
        general.UnionWith(CgmSensors.All.Select(s => s.Name));

        var unknown = new List<string>();
        foreach (var entry in GlossaryCatalog.Default.Entries)
        {
            var names = entry.CodeNames;
            var known = new HashSet<string>(general, StringComparer.Ordinal);
            foreach (var model in names.Where(models.ContainsKey).Select(id => models[id]))
            {
                known.UnionWith(model.Schema.Definitions.Select(d => d.Name));
                known.UnionWith(model.States.Select(s => s.Name));
                known.UnionWith(model.Observables.Select(o => o.Name));
                known.UnionWith(model.PatientNames);
            }

            unknown.AddRange(names
                .Where(n => !n.StartsWith("exosim ", StringComparison.Ordinal) && !known.Contains(n) && !IsSolverName(n))
                .Select(n => $"{entry.Term}: `{n}`"));
        }

        Assert.True(unknown.Count == 0, "Not a model id, a parameter/state/observable/subject of a model the entry names, a read-out, scenario field, event kind, sensor or solver: " + string.Join("; ", unknown));
    }

    [Theory]
    [InlineData("HbA1c", "HbA1c")]
    [InlineData("hba1c", "HbA1c")]
    [InlineData("A1C", "HbA1c")]
    [InlineData("glycated haemoglobin", "HbA1c")]
    [InlineData("Glycated-Hemoglobin", "HbA1c")]
    [InlineData("beta cell", "β-cell")]
    [InlineData("Beta-Cell", "β-cell")]
    [InlineData("β cell", "β-cell")]
    [InlineData("p38", "p38 MAPK")]
    [InlineData("P38-mapk", "p38 MAPK")]
    [InlineData("extracellular vesicles", "exosome")]
    [InlineData("msc", "mesenchymal stem cell")]
    [InlineData("Dormand-Prince", "Dormand–Prince")]
    [InlineData("basal-bolus", "basal–bolus insulin")]
    [InlineData("hypoglycemia", "hypoglycaemia")]
    [InlineData("  time-in-range! ", "time in range")]
    public void Lookup_ignores_case_spaces_and_punctuation_and_knows_the_aliases(string query, string term)
        => Assert.Equal(term, GlossaryCatalog.Default.Find(query)?.Term);

    [Theory]
    [InlineData("hba1", "HbA1c")]
    [InlineData("insulin resistanse", "insulin resistance")]
    [InlineData("exosme", "exosome")]
    [InlineData("apoptsis", "apoptosis")]
    [InlineData("sensitivity", "insulin sensitivity")]
    public void Unknown_terms_get_the_closest_entries(string query, string expected)
    {
        var glossary = GlossaryCatalog.Default;
        Assert.Null(glossary.Find(query));
        var suggestions = glossary.Suggest(query);
        Assert.InRange(suggestions.Count, 1, 3);
        Assert.Contains(expected, suggestions.Select(s => s.Term));
    }

    [Fact]
    public void Nonsense_gets_no_suggestion()
        => Assert.Empty(GlossaryCatalog.Default.Suggest("qqqqqqqqqq"));

    [Fact]
    public void The_term_of_the_day_depends_only_on_the_seed()
    {
        var glossary = GlossaryCatalog.Default;
        Assert.Equal(glossary.EntryOfTheDay(42), glossary.EntryOfTheDay(42));
        var picks = Enumerable.Range(0, 200).Select(s => glossary.EntryOfTheDay((ulong)s).Term).Distinct().Count();
        Assert.True(picks > glossary.Entries.Count / 2, $"200 seeds picked only {picks} different entries");
        Assert.Equal(20261201UL, GlossaryCatalog.DateSeed(new DateOnly(2026, 12, 1)));
    }

    [Theory]
    [InlineData("β-cell", "beta-cell")]
    [InlineData("HbA1c", "hba1c")]
    [InlineData("Dormand–Prince", "dormand-prince")]
    [InlineData("basal–bolus insulin", "basal-bolus-insulin")]
    [InlineData("p-value", "p-value")]
    public void Anchors_are_readable_ascii_slugs(string term, string slug)
        => Assert.Equal(slug, GlossaryCatalog.Slug(term));

    [Fact]
    public void Anchors_are_unique()
    {
        var anchors = GlossaryCatalog.Default.Entries.Select(e => e.Anchor).ToArray();
        Assert.Equal(anchors.Length, anchors.Distinct().Count());
        Assert.All(anchors, a => Assert.Matches("^glossary-[a-z0-9]+(-[a-z0-9]+)*$", a));
    }

    [Theory]
    [InlineData("- {term: a, category: physiology, definition: d, in_exosim: x, sources: [s]}\n- {term: b, aliases: [A], category: methods, definition: d, in_exosim: x, sources: [s]}", "g.yaml:2:3: entries[1]: the name 'A' is already used by 'a' (line 1)")]
    [InlineData("- {term: a, category: physiology, definition: d, in_exosim: x, source: [s]}", "g.yaml:1:64: entries[0].source: unknown field. Did you mean 'sources'?")]
    [InlineData("- {term: a, category: physics, definition: d, in_exosim: x, sources: [s]}", "g.yaml:1:23: entries[0] (a).category: unknown category 'physics'. Allowed: physiology, therapy, methods.")]
    [InlineData("- {term: a, category: therapy, definition: d, in_exosim: x}", "g.yaml:1:3: entries[0] (a).sources: every entry needs at least one source")]
    [InlineData("- {term: a, category: therapy, in_exosim: x, sources: [s]}", "g.yaml:1:3: entries[0] (a).definition: missing")]
    [InlineData("- {term: a, category: therapy, definition: d, in_exosim: x, sources: s}", "g.yaml:1:70: entries[0] (a).sources: expected a list")]
    [InlineData("term: a", "g.yaml:1:1: (file): expected one YAML list of entries")]
    [InlineData("- [unclosed", "g.yaml:2:1: (syntax): not valid YAML")]
    public void A_mistake_in_a_glossary_file_names_file_line_field_and_what_is_allowed(string yaml, string expectedStart)
    {
        var exception = Assert.Throws<GlossaryException>(() => GlossaryCatalog.Load(yaml, "g.yaml"));
        Assert.StartsWith(expectedStart, exception.Message, StringComparison.Ordinal);
    }

    private static bool IsSolverName(string name)
    {
        try
        {
            OdeSolvers.ByName(name);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\b(1[89]\d\d|20\d\d)\b")]
    private static partial Regex Year();

    [GeneratedRegex("doi:")]
    private static partial Regex DoiPrefix();

    [GeneratedRegex(@"^doi:10\.\d{4,9}/\S+")]
    private static partial Regex WellFormedDoi();
}
