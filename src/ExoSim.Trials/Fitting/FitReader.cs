using System.Globalization;
using ExoSim.Analysis.Estimation;
using ExoSim.Models.Units;
using ExoSim.Trials.Scenarios;
using YamlDotNet.RepresentationModel;

namespace ExoSim.Trials.Fitting;

/// <summary>
/// Reads a fit file (YAML; format in docs/fit.md) into a <see cref="FitDocument"/>: structure, field names, units and
/// option values; every mistake is a <see cref="ScenarioException"/> naming file, line, column, field and what is allowed.
/// </summary>
public static class FitReader
{
    /// <summary>Top-level fields, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> TopLevelFields { get; } =
        ["name", "description", "scenario", "data", "parameters", "error_model", "objective", "optimizer", "profile"];

    /// <summary>Fields of <c>data</c>.</summary>
    public static IReadOnlyList<string> DataFields { get; } = ["file", "columns", "from", "until"];

    /// <summary>Fields of one estimated parameter.</summary>
    public static IReadOnlyList<string> ParameterFields { get; } = ["initial", "lower", "upper"];

    /// <summary>Fields of one error model.</summary>
    public static IReadOnlyList<string> ErrorFields { get; } = ["type", "a", "b"];

    /// <summary>Fields of <c>optimizer</c>.</summary>
    public static IReadOnlyList<string> OptimizerFields { get; } = ["method", "starts", "seed", "max_iterations"];

    /// <summary>Objective names.</summary>
    public static IReadOnlyList<string> Objectives { get; } = ["likelihood", "wls"];

    /// <summary>Optimiser names.</summary>
    public static IReadOnlyList<string> Methods { get; } = ["levenberg-marquardt", "multistart-nelder-mead"];

    /// <summary>Error model types.</summary>
    public static IReadOnlyList<string> ErrorTypes { get; } = ["additive", "proportional", "combined"];

    /// <summary>Reads a fit file from disk; the scenario and data paths are taken relative to its folder.</summary>
    /// <exception cref="ScenarioException">A mistake in the file (or in its scenario file).</exception>
    /// <exception cref="FileNotFoundException">The fit file or its scenario file does not exist.</exception>
    public static FitDocument ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Fit file '{path}' does not exist.", path);
        }

        string? folder = Path.GetDirectoryName(path);
        return Read(File.ReadAllText(path), path, string.IsNullOrEmpty(folder) ? "." : folder);
    }

    /// <summary>Reads fit text; <paramref name="fileName"/> is used in messages, <paramref name="folder"/> resolves relative paths.</summary>
    /// <exception cref="ScenarioException">A mistake in the text.</exception>
    public static FitDocument Read(string text, string fileName, string folder)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(folder);
        var reader = new ScenarioReader.Reader(fileName);
        var root = reader.Root(text, "fit", "the fit file is empty; it needs 'scenario', 'data' and 'parameters'.");
        reader.CheckKeys(root, null, TopLevelFields);

        var scenarioNode = reader.Required(root, "scenario", null);
        var scenario = scenarioNode is YamlMappingNode inline
            ? reader.Read(inline, text)
            : ScenarioFile(reader.Text(scenarioNode, "scenario"), folder);

        var data = reader.Mapping(reader.Required(root, "data", null), "data");
        reader.CheckKeys(data, "data", DataFields);
        var file = reader.RequiredScalar(data, "file", "data");
        var (objective, profiles) = (Objective(reader, root), Profiles(reader, root));
        var settings = Settings(reader, root) with { Profiles = [.. profiles.Select(p => p.Value)] };
        return new FitDocument
        {
            File = fileName,
            Text = text,
            Name = ScenarioReader.Reader.Optional(root, "name") is { } name ? reader.Scalar(name, "name") : null,
            Description = ScenarioReader.Reader.Optional(root, "description") is { } description ? reader.Scalar(description, "description") : null,
            Scenario = scenario,
            DataFile = file with { Value = Path.Combine(folder, file.Value) },
            Columns = ScenarioReader.Reader.Optional(data, "columns") is { } columns ? Pairs(reader, columns, "data.columns") : [],
            FromMin = ScenarioReader.Reader.Optional(data, "from") is { } from ? reader.Quantity(from, "data.from", Dimension.Time) : null,
            UntilMin = ScenarioReader.Reader.Optional(data, "until") is { } until ? reader.Quantity(until, "data.until", Dimension.Time) : null,
            Parameters = Parameters(reader, reader.Required(root, "parameters", null)),
            ErrorModels = ScenarioReader.Reader.Optional(root, "error_model") is { } errors ? ErrorModels(reader, errors) : [],
            Objective = objective,
            Settings = settings,
            Profiles = profiles,
        };
    }

    private static ScenarioDocument ScenarioFile(Located<string> path, string folder)
    {
        string full = Path.Combine(folder, path.Value);
        if (!File.Exists(full))
        {
            throw new ScenarioException(path.Location, "scenario", $"scenario file '{full}' does not exist (paths are relative to the fit file).");
        }

        return ScenarioReader.ReadFile(full);
    }

    private static List<Located<KeyValuePair<string, string>>> Pairs(ScenarioReader.Reader reader, YamlNode node, string field)
    {
        var mapping = reader.Mapping(node, field);
        return [.. mapping.Children.Select(pair =>
        {
            string key = reader.KeyName(pair.Key, field);
            return new Located<KeyValuePair<string, string>>(new(key, reader.Text(pair.Value, $"{field}.{key}").Value), reader.At(pair.Value), $"{field}.{key}");
        })];
    }

    private static List<Located<FitParameterSpec>> Parameters(ScenarioReader.Reader reader, YamlNode node)
    {
        var mapping = reader.Mapping(node, "parameters");
        var parameters = new List<Located<FitParameterSpec>>();
        foreach (var (key, value) in mapping.Children)
        {
            string name = reader.KeyName(key, "parameters");
            string field = $"parameters.{name}";
            if (value is YamlScalarNode { Value: null or "" })
            {
                parameters.Add(new(new FitParameterSpec(name, null, null, null), reader.At(key), field));
                continue;
            }

            var spec = reader.Mapping(value, field);
            reader.CheckKeys(spec, field, ParameterFields);
            string? Text(string part) => ScenarioReader.Reader.Optional(spec, part) is { } n ? reader.Text(n, $"{field}.{part}").Value : null;
            parameters.Add(new(new FitParameterSpec(name, Text("initial"), Text("lower"), Text("upper")), reader.At(key), field));
        }

        if (parameters.Count == 0)
        {
            throw new ScenarioException(reader.At(node), "parameters", "name at least one parameter to estimate, e.g. 'p1: {initial: 0.03, lower: 0.001, upper: 0.2}'.");
        }

        return parameters;
    }

    private static List<Located<FitErrorSpec>> ErrorModels(ScenarioReader.Reader reader, YamlNode node)
    {
        var mapping = reader.Mapping(node, "error_model");
        var models = new List<Located<FitErrorSpec>>();
        foreach (var (key, value) in mapping.Children)
        {
            string column = reader.KeyName(key, "error_model");
            string field = $"error_model.{column}";
            var spec = reader.Mapping(value, field);
            reader.CheckKeys(spec, field, ErrorFields);
            var type = reader.RequiredScalar(spec, "type", field);
            var kind = type.Value switch
            {
                "additive" => ErrorModelKind.Additive,
                "proportional" => ErrorModelKind.Proportional,
                "combined" => ErrorModelKind.Combined,
                _ => throw new ScenarioException(type.Location, type.Field, $"unknown error model. {Models.NameSuggestions.Describe(type.Value, ErrorTypes)}"),
            };
            string? Coefficient(string part, bool needed)
            {
                var coefficientNode = ScenarioReader.Reader.Optional(spec, part);
                if (coefficientNode is not null && !needed)
                {
                    throw new ScenarioException(reader.At(coefficientNode), $"{field}.{part}", $"a {type.Value} error model has no '{part}' (additive: a; proportional: b; combined: a and b).");
                }

                return coefficientNode is null ? null : reader.Text(coefficientNode, $"{field}.{part}").Value;
            }

            models.Add(new(new FitErrorSpec(column, kind, Coefficient("a", kind != ErrorModelKind.Proportional), Coefficient("b", kind != ErrorModelKind.Additive)), reader.At(key), field));
        }

        return models;
    }

    private static ObjectiveKind Objective(ScenarioReader.Reader reader, YamlMappingNode root)
    {
        if (ScenarioReader.Reader.Optional(root, "objective") is not { } node)
        {
            return ObjectiveKind.MinusTwoLogLikelihood;
        }

        var text = reader.Text(node, "objective");
        return text.Value switch
        {
            "likelihood" => ObjectiveKind.MinusTwoLogLikelihood,
            "wls" => ObjectiveKind.WeightedLeastSquares,
            _ => throw new ScenarioException(text.Location, "objective", $"unknown objective. {Models.NameSuggestions.Describe(text.Value, Objectives)}"),
        };
    }

    private static EstimationSettings Settings(ScenarioReader.Reader reader, YamlMappingNode root)
    {
        var settings = new EstimationSettings();
        if (ScenarioReader.Reader.Optional(root, "optimizer") is not { } node)
        {
            return settings;
        }

        var mapping = reader.Mapping(node, "optimizer");
        reader.CheckKeys(mapping, "optimizer", OptimizerFields);
        if (ScenarioReader.Reader.Optional(mapping, "method") is { } methodNode)
        {
            var method = reader.Text(methodNode, "optimizer.method");
            settings = settings with
            {
                Optimizer = method.Value switch
                {
                    "levenberg-marquardt" => OptimizerKind.LevenbergMarquardt,
                    "multistart-nelder-mead" => OptimizerKind.MultiStartNelderMead,
                    _ => throw new ScenarioException(method.Location, method.Field, $"unknown optimiser. {Models.NameSuggestions.Describe(method.Value, Methods)}"),
                },
            };
        }

        int Count(string field, int minimum, int maximum, int fallback)
        {
            if (ScenarioReader.Reader.Optional(mapping, field) is not { } countNode)
            {
                return fallback;
            }

            string text = reader.Scalar(countNode, $"optimizer.{field}");
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= minimum && value <= maximum
                ? value
                : throw new ScenarioException(reader.At(countNode), $"optimizer.{field}", $"expected a whole number from {minimum} to {maximum}; got '{text}'.");
        }

        settings = settings with
        {
            Starts = Count("starts", 1, 1000, settings.Starts),
            MaxIterations = Count("max_iterations", 1, 10_000, settings.MaxIterations),
        };
        if (ScenarioReader.Reader.Optional(mapping, "seed") is { } seedNode)
        {
            string text = reader.Scalar(seedNode, "optimizer.seed");
            settings = settings with
            {
                Seed = ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong seed)
                    ? seed
                    : throw new ScenarioException(reader.At(seedNode), "optimizer.seed", $"expected a non-negative whole number; got '{text}'."),
            };
        }

        return settings;
    }

    private static List<Located<string>> Profiles(ScenarioReader.Reader reader, YamlMappingNode root)
    {
        if (ScenarioReader.Reader.Optional(root, "profile") is not { } node)
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw new ScenarioException(reader.At(node), "profile", "expected a list of estimated parameter names, e.g. [p1, p3].");
        }

        return [.. sequence.Children.Select((child, i) => reader.Text(child, $"profile[{i}]"))];
    }
}
