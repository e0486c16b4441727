using System.Globalization;
using ExoSim.Models;
using ExoSim.Models.Units;
using ExoSim.Therapies.Exosomes;
using YamlDotNet.RepresentationModel;

namespace ExoSim.Trials.Scenarios;

/// <summary>Reading of <c>exosome</c> events (docs/scenarios.md, docs/therapies/exosome.md).</summary>
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

    private const string ParticleUnit = "particles";
    private const double MicrogramsPerGram = 1e6;
    private const int MaxExosomeDoses = 10_000;

    private sealed partial class Reader
    {
        /// <summary>The doses of one <c>exosome</c> event starting at <paramref name="time"/>.</summary>
        private List<ExosomeEventSpec> ReadExosome(YamlMappingNode body, double time, string field)
        {
            CheckKeys(body, field, ExosomeFields);
            var (particles, proteinUg) = ReadExosomeDose(Required(body, "dose", field), field + ".dose");
            var route = Choice(body, "route", field, ExosomeRoutes, ExosomeRoute.Intravenous);
            var source = Choice(body, "source", field, ExosomeSources, ExosomeSource.UmbilicalCord);
            double potency = 1;
            if (Optional(body, "potency") is { } potencyNode)
            {
                string text = Scalar(potencyNode, field + ".potency");
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out potency) || !(potency >= 0) || !double.IsFinite(potency))
                {
                    throw new ScenarioException(At(potencyNode), field + ".potency", $"expected a non-negative number (1 = the calibrated product); got '{text}'.");
                }
            }
            else if (source == ExosomeSource.UserDefined)
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
            return Enumerable.Range(0, count)
                .Select(k => new ExosomeEventSpec(time + (k * every), particles, proteinUg, route, source, potency, mechanisms))
                .ToList();
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
