using System.Globalization;
using ExoSim.Models;
using ExoSim.Models.Simulation;
using ExoSim.Models.Units;
using ExoSim.Therapies.Exosomes;
using YamlDotNet.RepresentationModel;

namespace ExoSim.Trials.Scenarios;

/// <summary>Reading of <c>exosome</c> and <c>msc</c> events (docs/scenarios.md, docs/therapies/).</summary>
public static partial class ScenarioReader
{
    /// <summary>Fields of an <c>exosome</c> event.</summary>
    public static IReadOnlyList<string> ExosomeFields { get; } = ["dose", "route", "source", "potency", "every", "doses", "mechanisms"];

    /// <summary>Route names and synonyms.</summary>
    public static IReadOnlyDictionary<string, ExosomeRoute> ExosomeRoutes { get; } = new Dictionary<string, ExosomeRoute>(StringComparer.Ordinal)
    {
        ["iv"] = ExosomeRoute.Intravenous, ["intravenous"] = ExosomeRoute.Intravenous,
        ["ip"] = ExosomeRoute.Intraperitoneal, ["intraperitoneal"] = ExosomeRoute.Intraperitoneal,
        ["local"] = ExosomeRoute.Intrapancreatic, ["intrapancreatic"] = ExosomeRoute.Intrapancreatic,
    };

    /// <summary>Source names.</summary>
    public static IReadOnlyDictionary<string, ExosomeSource> ExosomeSources { get; } = new Dictionary<string, ExosomeSource>(StringComparer.Ordinal)
    {
        ["bone_marrow"] = ExosomeSource.BoneMarrow, ["umbilical_cord"] = ExosomeSource.UmbilicalCord,
        ["adipose"] = ExosomeSource.Adipose, ["user_defined"] = ExosomeSource.UserDefined,
    };

    /// <summary>Fields of an <c>msc</c> event.</summary>
    public static IReadOnlyList<string> MscFields { get; } = ["dose", "route", "potency", "every", "doses", "mechanisms"];

    // MSC infusions are intravenous only (lung trapping is what the kinetics describe).
    private static readonly Dictionary<string, ExosomeRoute> MscRoutes = new(StringComparer.Ordinal)
    {
        ["iv"] = ExosomeRoute.Intravenous, ["intravenous"] = ExosomeRoute.Intravenous,
    };

    private const string ParticleUnit = "particles";
    private const double MicrogramsPerGram = 1e6;
    private const int MaxExosomeDoses = 10_000;

    internal sealed partial class Reader
    {
        /// <summary>The doses of one <c>exosome</c> event starting at <paramref name="time"/>.</summary>
        private List<ExosomeEventSpec> ReadExosome(YamlMappingNode body, double time, string field)
        {
            CheckKeys(body, field, ExosomeFields);
            var (particles, proteinUg) = ReadExosomeDose(Required(body, "dose", field), field + ".dose");
            var route = Choice(body, "route", field, ExosomeRoutes, ExosomeRoute.Intravenous);
            var source = Choice(body, "source", field, ExosomeSources, ExosomeSource.UmbilicalCord);
            var schedule = ReadTherapySchedule(body, field, potencyRequired: source == ExosomeSource.UserDefined);
            return schedule.Times(time)
                .Select(t => new ExosomeEventSpec(t, particles, proteinUg, route, source, schedule.Potency, schedule.Mechanisms))
                .ToList();
        }

        /// <summary>The infusions of one <c>msc</c> event starting at <paramref name="time"/>.</summary>
        private List<MscEventSpec> ReadMsc(YamlMappingNode body, double time, string field)
        {
            CheckKeys(body, field, MscFields);
            var (cells, perKg) = ReadCellDose(Required(body, "dose", field), field + ".dose");
            Choice(body, "route", field, MscRoutes, ExosomeRoute.Intravenous);
            var schedule = ReadTherapySchedule(body, field, potencyRequired: false);
            return schedule.Times(time).Select(t => new MscEventSpec(t, cells, perKg, schedule.Potency, schedule.Mechanisms)).ToList();
        }

        /// <summary>The fields exosome and MSC events share: potency, every, doses, mechanisms.</summary>
        private TherapySchedule ReadTherapySchedule(YamlMappingNode body, string field, bool potencyRequired)
        {
            double potency = 1;
            if (Optional(body, "potency") is { } potencyNode)
            {
                string text = Scalar(potencyNode, field + ".potency");
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out potency) || !(potency >= 0) || !double.IsFinite(potency))
                {
                    throw new ScenarioException(At(potencyNode), field + ".potency", $"expected a non-negative number (1 = the calibrated product); got '{text}'.");
                }
            }
            else if (potencyRequired)
            {
                throw new ScenarioException(At(body), field + ".potency", "a 'user_defined' source needs its 'potency' relative to the calibrated product, e.g. 'potency: 0.5'.");
            }

            int count = 1;
            if (Optional(body, "doses") is { } dosesNode)
            {
                string text = Scalar(dosesNode, field + ".doses");
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > MaxExosomeDoses)
                {
                    throw new ScenarioException(At(dosesNode), field + ".doses", $"expected the number of doses, a whole number from 1 to {MaxExosomeDoses}; got '{text}'.");
                }
            }

            double every = 0;
            if (Optional(body, "every") is { } everyNode)
            {
                every = Quantity(everyNode, field + ".every", Dimension.Time).Value;
                if (!(every > 0))
                {
                    throw new ScenarioException(At(everyNode), field + ".every", "must be positive, e.g. '7 d'.");
                }
            }
            else if (count > 1)
            {
                throw new ScenarioException(At(body), field + ".every", $"{count} doses need the interval between them, e.g. 'every: 7 d'.");
            }

            var mechanisms = Optional(body, "mechanisms") is { } mechanismsNode ? ReadMechanisms(mechanismsNode, field + ".mechanisms") : null;
            return new TherapySchedule(potency, every, count, mechanisms);
        }

        /// <summary>An MSC dose in cells per kg body weight (<c>1e6 cells/kg</c>) or in cells (<c>7e7 cells</c>).</summary>
        private (double Cells, bool PerKg) ReadCellDose(YamlNode node, string field)
        {
            string text = Scalar(node, field);
            foreach (var (unit, perKg) in new[] { ("cells/kg", true), ("cells", false) })
            {
                if (text.EndsWith(unit, StringComparison.Ordinal))
                {
                    string number = text[..^unit.Length].Trim();
                    if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value))
                    {
                        return (RequireNonNegativeDose(value, node, field), perKg);
                    }
                }
            }

            throw new ScenarioException(At(node), field, $"'{text}' is not a cell dose: write a number followed by 'cells/kg' or 'cells', e.g. '1e6 cells/kg'.");
        }

        /// <summary>A dose in particles (<c>1e10 particles</c>) or as exosomal protein mass (<c>100 µg</c>, <c>70 mg</c>).</summary>
        private (double? Particles, double? ProteinUg) ReadExosomeDose(YamlNode node, string field)
        {
            string text = Scalar(node, field);
            double value;
            if (text.EndsWith(ParticleUnit, StringComparison.Ordinal))
            {
                string number = text[..^ParticleUnit.Length].Trim();
                if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
                {
                    throw new ScenarioException(At(node), field, $"'{text}' is not a number of particles, e.g. '1e10 particles'.");
                }

                return (RequireNonNegativeDose(value, node, field), null);
            }

            try
            {
                value = UnitCatalog.Parse(text, Dimension.Mass) * MicrogramsPerGram;
            }
            catch (FormatException exception)
            {
                throw new ScenarioException(At(node), field,
                    $"'{text}' is neither a number of particles ('1e10 particles') nor a mass of exosomal protein (units: {string.Join(", ", UnitCatalog.AcceptedUnits(Dimension.Mass))}). {exception.Message}",
                    exception);
            }

            return (null, RequireNonNegativeDose(value, node, field));
        }

        /// <summary>The daily events of a multiscale course are meals, insulin and IV glucose only.</summary>
        private static void RequireNoTherapyInDay(EventLists lists)
        {
            var (location, field) = lists.Exosomes.Count > 0 ? (lists.Exosomes[0].Location, lists.Exosomes[0].Field)
                : lists.Mscs.Count > 0 ? (lists.Mscs[0].Location, lists.Mscs[0].Field)
                : lists.Drugs.Count > 0 ? (lists.Drugs[0].Location, lists.Drugs[0].Field)
                : (default(SourceLocation?), string.Empty);
            if (location is { } at)
            {
                throw new ScenarioException(at, field, "exosome, msc and drug events are not supported inside a multiscale course's day: the day's events are meals, insulin and IV glucose.");
            }
        }

        private static string DoseField(string occurrence, int index, int count)
            => count > 1 ? $"{occurrence} (dose {index + 1} of {count})" : occurrence;

        private double RequireNonNegativeDose(double value, YamlNode node, string field)
            => value >= 0 ? value : throw new ScenarioException(At(node), field, "a dose must not be negative.");

        private Located<ExosomeMechanism>[] ReadMechanisms(YamlNode node, string field)
        {
            var names = ExosomeMechanisms.All.Select(ExosomeMechanisms.Name).ToArray();
            if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
            {
                throw new ScenarioException(At(node), field, $"expected a non-empty list of mechanisms, e.g. [apoptosis, sensitivity]. Allowed: {string.Join(", ", names)}.");
            }

            var mechanisms = new List<Located<ExosomeMechanism>>();
            for (int i = 0; i < sequence.Children.Count; i++)
            {
                var entry = Text(sequence.Children[i], $"{field}[{i}]");
                var mechanism = ExosomeMechanisms.Parse(entry.Value)
                    ?? throw new ScenarioException(entry.Location, entry.Field, $"unknown exosome mechanism '{entry.Value}'. {NameSuggestions.Describe(entry.Value, names)}");
                if (mechanisms.Any(m => m.Value == mechanism))
                {
                    throw new ScenarioException(entry.Location, entry.Field, $"'{entry.Value}' is listed twice.");
                }

                mechanisms.Add(new Located<ExosomeMechanism>(mechanism, entry.Location, entry.Field));
            }

            return [.. mechanisms];
        }

        private T Choice<T>(YamlMappingNode body, string key, string parent, IReadOnlyDictionary<string, T> allowed, T fallback)
        {
            if (Optional(body, key) is not { } node)
            {
                return fallback;
            }

            var text = Text(node, $"{parent}.{key}");
            return allowed.TryGetValue(text.Value, out var value)
                ? value
                : throw new ScenarioException(text.Location, text.Field, $"unknown {key} '{text.Value}'. {NameSuggestions.Describe(text.Value, allowed.Keys)}");
        }
    }
}

/// <summary>Potency, schedule and mechanisms of a therapy event.</summary>
/// <param name="Potency">Batch potency.</param>
/// <param name="EveryMin">Interval between doses (min).</param>
/// <param name="Count">Number of doses.</param>
/// <param name="Mechanisms">Mechanisms asked for, or null.</param>
internal sealed record TherapySchedule(double Potency, double EveryMin, int Count, IReadOnlyList<Located<ExosomeMechanism>>? Mechanisms)
{
    /// <summary>The dose times from <paramref name="start"/> on.</summary>
    public IEnumerable<double> Times(double start) => Enumerable.Range(0, Count).Select(k => start + (k * EveryMin));
}

/// <summary>The events of one list, by kind.</summary>
/// <param name="Events">Meals, insulin, IV glucose.</param>
/// <param name="Modulations">Parameter modulations.</param>
/// <param name="Exosomes">Exosome doses.</param>
/// <param name="Mscs">MSC infusions.</param>
internal sealed record EventLists(
    List<Located<Intervention>> Events, List<Located<ModulationSpec>> Modulations, List<Located<ExosomeEventSpec>> Exosomes, List<Located<MscEventSpec>> Mscs)
{
    /// <summary>Drug doses (<c>drug</c> events).</summary>
    public List<Located<DrugEventSpec>> Drugs { get; init; } = [];
}
