using System.Globalization;
using ExoSim.Models;
using ExoSim.Models.Units;
using ExoSim.Trials.Scenarios;
using YamlDotNet.RepresentationModel;

namespace ExoSim.Trials.Sensitivity;

/// <summary>
/// Reads a sensitivity specification (YAML; format in docs/sensitivity.md) into a <see cref="SensitivitySpec"/>.
/// Checks structure, field names, units and settings; names that depend on the analysed file (columns, parameters,
/// endpoints, arms) are checked by <see cref="SensitivityStudy"/>. Every mistake is a <see cref="ScenarioException"/>
/// naming file, line, column and field, and what is allowed.
/// </summary>
public static class SensitivitySpecReader
{
    /// <summary>The field naming a scenario file.</summary>
    public const string ScenarioTarget = "scenario";

    /// <summary>The field naming a trial file.</summary>
    public const string TrialTarget = "trial";

    /// <summary>The seed when the spec gives none.</summary>
    public const ulong DefaultSeed = 1;

    /// <summary>Top-level fields, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> TopLevelFields { get; } = ["name", "description", ScenarioTarget, TrialTarget, "output", "factors", "method", "threads"];

    /// <summary>Methods.</summary>
    public static IReadOnlyList<string> Methods { get; } = ["local", "morris", "sobol"];

    /// <summary>Statistics of a scenario output.</summary>
    public static IReadOnlyList<string> Statistics { get; } = ["at", "mean", "min", "max"];

    /// <summary>Factor distributions.</summary>
    public static IReadOnlyList<string> Distributions { get; } = ["uniform", "log_uniform"];

    /// <summary>Settings of each method (besides <c>name</c>), with their defaults in docs/sensitivity.md.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> MethodFields { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["local"] = ["step"],
        ["morris"] = ["trajectories", "levels", "seed"],
        ["sobol"] = ["samples", "bootstrap", "confidence", "seed"],
    };

    private const int DefaultSamples = 256;
    private const int DefaultBootstrap = 200;
    private const double DefaultConfidence = 0.95;
    private const int DefaultTrajectories = 10;
    private const int DefaultLevels = 4;

    /// <summary>The local method's default relative step: well above the solver's default relative tolerance (1e-6), so that solver noise stays small in the difference.</summary>
    public const double DefaultStep = 1e-3;

    private const int MaxSamples = 1_000_000;
    private const int MaxThreads = 1024;

    /// <summary>Reads spec text; <paramref name="fileName"/> is used in messages and to find the analysed file.</summary>
    /// <exception cref="ScenarioException">A mistake in the text.</exception>
    public static SensitivitySpec Read(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        return new Reader(fileName).Read(text);
    }

    private sealed class Reader(string file)
    {
        private readonly ScenarioReader.Reader yaml = new(file);

        public SensitivitySpec Read(string text)
        {
            var root = yaml.Root(text, "sensitivity analysis", "the spec is empty; it needs 'scenario' or 'trial', 'output', 'factors' and 'method'.");
            yaml.CheckKeys(root, null, TopLevelFields);
            var scenario = ScenarioReader.Reader.Optional(root, ScenarioTarget);
            var trial = ScenarioReader.Reader.Optional(root, TrialTarget);
            if (scenario is not null && trial is not null)
            {
                throw new ScenarioException(yaml.At(trial), TrialTarget, "analyse one file: give 'scenario' or 'trial', not both.");
            }

            if (scenario is null && trial is null)
            {
                throw new ScenarioException(yaml.At(root), ScenarioTarget, "missing: give the analysed file as 'scenario: path.yaml' or 'trial: path.yaml' (relative to this file).");
            }

            string kind = scenario is not null ? ScenarioTarget : TrialTarget;
            var methodNode = yaml.Required(root, "method", null);
            var method = Method(methodNode);
            return new SensitivitySpec
            {
                File = file,
                Text = text,
                Name = Optional(root, "name"),
                Description = Optional(root, "description"),
                TargetKind = kind,
                TargetPath = yaml.Text(scenario ?? trial!, kind),
                Output = kind == ScenarioTarget ? ScenarioOutput(yaml.Required(root, "output", null)) : TrialOutput(yaml.Required(root, "output", null)),
                Factors = Factors(yaml.Required(root, "factors", null), method.Name),
                Method = method,
                Threads = ScenarioReader.Reader.Optional(root, "threads") is { } threads ? WholeNumber(threads, "threads", 1, MaxThreads) : null,
            };
        }

        private string? Optional(YamlMappingNode mapping, string key)
            => ScenarioReader.Reader.Optional(mapping, key) is { } node ? yaml.Scalar(node, key) : null;

        private SensitivityOutputSpec ScenarioOutput(YamlNode node)
        {
            const string field = "output";
            var mapping = yaml.Mapping(node, field);
            yaml.CheckKeys(mapping, field, ["column", .. Statistics]);
            var column = yaml.RequiredScalar(mapping, "column", field);
            var given = Statistics.Where(s => ScenarioReader.Reader.Optional(mapping, s) is not null).ToArray();
            if (given.Length != 1)
            {
                throw new ScenarioException(yaml.At(mapping), field, $"give exactly one of {string.Join(", ", Statistics)}: 'at: 60 min', or 'mean: {{from: 0 h, to: 3 h}}' (likewise min, max).");
            }

            string statistic = given[0];
            var body = ScenarioReader.Reader.Optional(mapping, statistic)!;
            string path = $"{field}.{statistic}";
            if (statistic == "at")
            {
                var at = NonNegativeTime(body, path);
                return new SensitivityOutputSpec(yaml.At(mapping)) { Column = column, Statistic = statistic, FromMin = at, ToMin = at, TimeLocation = yaml.At(body) };
            }

            var window = yaml.Mapping(body, path);
            yaml.CheckKeys(window, path, ["from", "to"]);
            double from = NonNegativeTime(yaml.Required(window, "from", path), path + ".from");
            var toNode = yaml.Required(window, "to", path);
            double to = NonNegativeTime(toNode, path + ".to");
            if (!(to > from))
            {
                throw new ScenarioException(yaml.At(toNode), path + ".to", "must be after 'from'.");
            }

            return new SensitivityOutputSpec(yaml.At(mapping)) { Column = column, Statistic = statistic, FromMin = from, ToMin = to, TimeLocation = yaml.At(body) };
        }

        private SensitivityOutputSpec TrialOutput(YamlNode node)
        {
            const string field = "output";
            var mapping = yaml.Mapping(node, field);
            yaml.CheckKeys(mapping, field, ["endpoint", "visit", "arm", "versus"]);
            var visitNode = yaml.Required(mapping, "visit", field);
            var visit = yaml.Quantity(visitNode, field + ".visit", Dimension.Time);
            return new SensitivityOutputSpec(yaml.At(mapping))
            {
                Endpoint = yaml.RequiredScalar(mapping, "endpoint", field),
                VisitMin = visit,
                Arm = yaml.RequiredScalar(mapping, "arm", field),
                Versus = ScenarioReader.Reader.Optional(mapping, "versus") is { } versus ? yaml.Text(versus, field + ".versus") : null,
            };
        }

        private List<FactorSpec> Factors(YamlNode node, string method)
        {
            if (node is not YamlSequenceNode list || list.Children.Count == 0)
            {
                throw new ScenarioException(yaml.At(node), "factors", "expected a list of factors, e.g. '- {parameter: exosome.hill, range: [0.5, 3]}'.");
            }

            var factors = new List<FactorSpec>();
            for (int i = 0; i < list.Children.Count; i++)
            {
                string field = $"factors[{i}]";
                var entry = yaml.Mapping(list.Children[i], field);
                yaml.CheckKeys(entry, field, ["parameter", "range", "distribution"]);
                var parameter = yaml.RequiredScalar(entry, "parameter", field);
                if (factors.FirstOrDefault(f => f.Parameter.Value == parameter.Value) is { } twin)
                {
                    throw new ScenarioException(parameter.Location, parameter.Field, $"'{parameter.Value}' is already a factor ({twin.Field}); list each parameter once.");
                }

                var rangeNode = ScenarioReader.Reader.Optional(entry, "range");
                if (rangeNode is null && method != "local")
                {
                    throw new ScenarioException(yaml.At(entry), field + ".range", $"missing: the {method} method samples each factor over its range: 'range: [lower, upper]' (in the parameter's unit, or quantities with units) or 'range: ±20%'.");
                }

                var (lower, upper, relative) = rangeNode is null ? (null, null, null) : Range(rangeNode, field + ".range");
                string distribution = ScenarioReader.Reader.Optional(entry, "distribution") is { } d ? Choice(d, field + ".distribution", Distributions) : "uniform";
                factors.Add(new FactorSpec(parameter, lower, upper, relative, distribution, yaml.At(entry), field));
            }

            return factors;
        }

        private (Located<string>? Lower, Located<string>? Upper, Located<double>? Relative) Range(YamlNode node, string field)
        {
            if (node is YamlSequenceNode { Children.Count: 2 } pair)
            {
                return (yaml.Text(pair.Children[0], field + "[0]"), yaml.Text(pair.Children[1], field + "[1]"), null);
            }

            string text = node is YamlScalarNode ? yaml.Scalar(node, field) : string.Empty;
            string? percent = text.StartsWith('±') ? text[1..] : text.StartsWith("+-", StringComparison.Ordinal) ? text[2..] : null;
            percent = percent?.Trim().TrimEnd('%').Trim();
            if (percent is null || !double.TryParse(percent, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !(value > 0 && value < 100))
            {
                throw new ScenarioException(yaml.At(node), field, $"expected '[lower, upper]' or '±P%' with 0 < P < 100 (of the nominal value); got '{text}'.");
            }

            return (null, null, new Located<double>(value, yaml.At(node), field));
        }

        private SensitivityMethodSpec Method(YamlNode node)
        {
            const string field = "method";
            var mapping = yaml.Mapping(node, field);
            var nameNode = yaml.Required(mapping, "name", field);
            string name = Choice(nameNode, field + ".name", Methods);
            yaml.CheckKeys(mapping, field, ["name", .. MethodFields[name]]);
            YamlNode? Setting(string key) => ScenarioReader.Reader.Optional(mapping, key);
            int levels = Setting("levels") is { } l ? WholeNumber(l, field + ".levels", 2, 1000) : DefaultLevels;
            if (levels % 2 != 0)
            {
                throw new ScenarioException(yaml.At(Setting("levels")!), field + ".levels", $"must be even (Morris's step Δ = p / (2(p − 1)) moves between levels); got {levels}.");
            }

            return new SensitivityMethodSpec(
                name,
                Setting("seed") is { } seed ? Seed(seed, field + ".seed") : DefaultSeed,
                Setting("samples") is { } n ? WholeNumber(n, field + ".samples", 2, MaxSamples) : DefaultSamples,
                Setting("bootstrap") is { } b ? WholeNumber(b, field + ".bootstrap", 1, MaxSamples) : DefaultBootstrap,
                Setting("confidence") is { } c ? Number(c, field + ".confidence", 0, 1, "a level between 0 and 1 (exclusive), e.g. 0.95") : DefaultConfidence,
                Setting("trajectories") is { } r ? WholeNumber(r, field + ".trajectories", 2, MaxSamples) : DefaultTrajectories,
                levels,
                Setting("step") is { } h ? Number(h, field + ".step", 0, 0.5, "a relative step between 0 and 0.5 (exclusive), e.g. 1e-3") : DefaultStep,
                yaml.At(mapping));
        }

        private double NonNegativeTime(YamlNode node, string field)
        {
            var time = yaml.Quantity(node, field, Dimension.Time);
            if (time.Value < 0)
            {
                throw new ScenarioException(time.Location, field, "must not be negative.");
            }

            return time.Value;
        }

        private string Choice(YamlNode node, string field, IReadOnlyList<string> allowed)
        {
            string value = yaml.Scalar(node, field);
            if (!allowed.Contains(value))
            {
                throw new ScenarioException(yaml.At(node), field, $"unknown value '{value}'. {NameSuggestions.Describe(value, allowed)}");
            }

            return value;
        }

        private int WholeNumber(YamlNode node, string field, int min, int max)
        {
            string text = yaml.Scalar(node, field);
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
            {
                throw new ScenarioException(yaml.At(node), field, $"expected a whole number from {min} to {max}; got '{text}'.");
            }

            return value;
        }

        private double Number(YamlNode node, string field, double exclusiveMin, double exclusiveMax, string expected)
        {
            string text = yaml.Scalar(node, field);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !(value > exclusiveMin && value < exclusiveMax))
            {
                throw new ScenarioException(yaml.At(node), field, $"expected {expected}; got '{text}'.");
            }

            return value;
        }

        private ulong Seed(YamlNode node, string field)
        {
            string text = yaml.Scalar(node, field);
            if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value))
            {
                throw new ScenarioException(yaml.At(node), field, $"expected a whole number from 0 to {ulong.MaxValue}; got '{text}'.");
            }

            return value;
        }
    }
}
