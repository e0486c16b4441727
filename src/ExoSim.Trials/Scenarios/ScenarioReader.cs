using System.Globalization;
using ExoSim.Models;
using ExoSim.Models.Simulation;
using ExoSim.Models.Units;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ExoSim.Trials.Scenarios;

/// <summary>
/// Reads a scenario file (YAML; format in docs/scenarios.md) into a <see cref="ScenarioDocument"/>. Checks the
/// structure, field names and units; names that depend on the model (parameters, states, outputs) are checked later
/// by <see cref="ScenarioResolver"/>. Every mistake is a <see cref="ScenarioException"/> naming file, line, field and
/// what is allowed.
/// </summary>
public static partial class ScenarioReader
{
    /// <summary>Top-level fields, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> TopLevelFields { get; } =
        ["name", "description", "model", "patient", "parameters", "exosome_parameters", "msc_parameters", "initial", "fasting", "duration", "output_interval", "outputs", "readouts", "solver", "sensor", "regimen", "controller", "events", "multiscale"];

    /// <summary>Fields of the <c>multiscale</c> block.</summary>
    public static IReadOnlyList<string> MultiscaleFields { get; } =
        ["scheme", "every", "beta_cell", "secretion", "sensitivity", "insulin_sensitivity", "verify", "day"];

    /// <summary>Event kinds that exist now.</summary>
    public static IReadOnlyList<string> EventKinds { get; } = ["meal", "insulin", "iv_glucose", "modulate", "exosome", "msc", "drug"];

    private const double DefaultOutputIntervalMin = 1;
    private const double MinutesPerDay = 1440;
    private const int MaxRepeatCount = 100_000;

    /// <summary>Reads a scenario file from disk.</summary>
    /// <exception cref="ScenarioException">A mistake in the file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ScenarioDocument ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Scenario file '{path}' does not exist.", path);
        }

        return Read(File.ReadAllText(path), path);
    }

    /// <summary>Reads scenario text; <paramref name="fileName"/> is used in messages.</summary>
    /// <exception cref="ScenarioException">A mistake in the text.</exception>
    public static ScenarioDocument Read(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        return new Reader(fileName).Read(text);
    }

    /// <summary>Reads YAML nodes of one file into located values; trial files share it (<see cref="Trials.TrialReader"/>).</summary>
    internal sealed partial class Reader(string file)
    {
        public ScenarioDocument Read(string text)
            => Read(Root(text, "scenario", "the scenario is empty; it needs at least 'model' and 'duration'."), text);

        /// <summary>Reads a scenario mapping, e.g. one inline in a fit file, whose <paramref name="text"/> is the whole file.</summary>
        internal ScenarioDocument Read(YamlMappingNode root, string text)
        {
            CheckKeys(root, null, TopLevelFields);

            var model = RequiredScalar(root, "model", null);
            var duration = Quantity(Required(root, "duration", null), "duration", Dimension.Time);
            if (!(duration.Value > 0))
            {
                throw new ScenarioException(duration.Location, "duration", "must be positive, e.g. '24 h'.");
            }

            var interval = Optional(root, "output_interval") is { } intervalNode
                ? Quantity(intervalNode, "output_interval", Dimension.Time)
                : new Located<double>(DefaultOutputIntervalMin, At(root), "output_interval");
            if (!(interval.Value > 0))
            {
                throw new ScenarioException(interval.Location, "output_interval", "must be positive, e.g. '1 min'.");
            }

            var document = new ScenarioDocument
            {
                File = file,
                Text = text,
                Name = OptionalText(root, "name"),
                Description = OptionalText(root, "description"),
                Model = model,
                Patient = Optional(root, "patient") is { } patient ? Text(patient, "patient") : null,
                Parameters = NamedValues(root, "parameters"),
                ExosomeParameterOverrides = NamedValues(root, "exosome_parameters"),
                MscParameterOverrides = NamedValues(root, "msc_parameters"),
                Initial = NamedValues(root, "initial"),
                DurationMin = duration,
                OutputIntervalMin = interval,
                Outputs = Optional(root, "outputs") is { } outputs ? Names(outputs, "outputs") : null,
                Readouts = Optional(root, "readouts") is { } readouts ? Names(readouts, "readouts") : null,
            };

            document = ReadFasting(root, document);
            document = ReadSolver(root, document);
            document = ReadSensor(root, document);
            document = ReadEvents(root, document);
            document = ReadRegimen(root, document);
            return ReadMultiscale(root, document);
        }

        /// <summary>The top-level mapping of a one-document YAML file describing one <paramref name="what"/> (e.g. "scenario").</summary>
        internal YamlMappingNode Root(string text, string what, string emptyMessage)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException exception)
            {
                string problem = exception.InnerException?.Message ?? exception.Message;
                throw new ScenarioException(At(exception.Start), "(syntax)", $"not valid YAML: {problem}", exception);
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            {
                throw new ScenarioException(new SourceLocation(file, 1, 1), "(file)", emptyMessage);
            }

            if (stream.Documents.Count > 1)
            {
                throw new ScenarioException(At(stream.Documents[1].RootNode), "(file)", $"one {what} per file: remove the second YAML document ('---').");
            }

            return Mapping(stream.Documents[0].RootNode, "(file)");
        }

        private ScenarioDocument ReadFasting(YamlMappingNode root, ScenarioDocument document)
        {
            if (Optional(root, "fasting") is not { } node)
            {
                return document;
            }

            var fasting = Mapping(node, "fasting");
            CheckKeys(fasting, "fasting", ["glucose", "insulin"]);
            return document with
            {
                FastingGlucoseMgPerDl = Optional(fasting, "glucose") is { } g ? Quantity(g, "fasting.glucose", Dimension.GlucoseConcentration) : null,
                FastingInsulin = Optional(fasting, "insulin") is { } i ? Text(i, "fasting.insulin") : null,
            };
        }

        private ScenarioDocument ReadSolver(YamlMappingNode root, ScenarioDocument document)
        {
            if (Optional(root, "solver") is not { } node)
            {
                return document;
            }

            var solver = Mapping(node, "solver");
            CheckKeys(solver, "solver", ["method", "rtol", "atol"]);
            return document with
            {
                SolverMethod = Optional(solver, "method") is { } m ? Text(m, "solver.method") : null,
                RelativeTolerance = Optional(solver, "rtol") is { } r ? Tolerance(r, "solver.rtol") : null,
                AbsoluteTolerance = Optional(solver, "atol") is { } a ? Tolerance(a, "solver.atol") : null,
            };
        }

        private ScenarioDocument ReadSensor(YamlMappingNode root, ScenarioDocument document)
        {
            if (Optional(root, "sensor") is not { } node)
            {
                return document;
            }

            var sensor = Mapping(node, "sensor");
            CheckKeys(sensor, "sensor", ["type", "seed"]);
            Located<ulong>? seed = null;
            if (Optional(sensor, "seed") is { } seedNode)
            {
                string text = Scalar(seedNode, "sensor.seed");
                if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value))
                {
                    throw new ScenarioException(At(seedNode), "sensor.seed", $"expected a whole number from 0 to {ulong.MaxValue}; got '{text}'.");
                }

                seed = new Located<ulong>(value, At(seedNode), "sensor.seed");
            }

            return document with { SensorType = RequiredScalar(sensor, "type", "sensor"), SensorSeed = seed };
        }

        private ScenarioDocument ReadEvents(YamlMappingNode root, ScenarioDocument document)
        {
            if (Optional(root, "events") is not { } node)
            {
                return document;
            }

            var lists = EventList(node, "events");
            return document with { Events = lists.Events, Modulations = lists.Modulations, Exosomes = lists.Exosomes, Mscs = lists.Mscs, Drugs = lists.Drugs };
        }

        /// <summary>The scenario-level insulin regimen (<c>regimen</c>) or closed-loop <c>controller</c>; at most one of them.</summary>
        private ScenarioDocument ReadRegimen(YamlMappingNode root, ScenarioDocument document)
        {
            var regimen = Optional(root, "regimen");
            var controller = Optional(root, "controller");
            if (regimen is not null && controller is not null)
            {
                throw new ScenarioException(At(controller), "controller", "a scenario has either a 'regimen' or a closed-loop 'controller' (which gives the meal boluses itself), not both.");
            }

            return regimen is not null
                ? document with { Regimen = new Located<Trials.InsulinRegimen>(InsulinRegimen(Mapping(regimen, "regimen"), "regimen", "type", RegimenFields), At(regimen), "regimen") }
                : controller is not null
                    ? document with { Regimen = new Located<Trials.InsulinRegimen>(Controller(Mapping(controller, "controller"), "controller"), At(controller), "controller") }
                    : document;
        }

        private ScenarioDocument ReadMultiscale(YamlMappingNode root, ScenarioDocument document)
        {
            if (Optional(root, "multiscale") is not { } node)
            {
                return document;
            }

            const string path = "multiscale";
            var block = Mapping(node, path);
            CheckKeys(block, path, MultiscaleFields);
            Located<double>? target = null, timeConstant = null;
            if (Optional(block, "insulin_sensitivity") is { } drift)
            {
                string driftPath = path + ".insulin_sensitivity";
                var mapping = Mapping(drift, driftPath);
                CheckKeys(mapping, driftPath, ["target", "time_constant"]);
                target = Factor(Required(mapping, "target", driftPath), driftPath + ".target");
                timeConstant = Quantity(Required(mapping, "time_constant", driftPath), driftPath + ".time_constant", Dimension.Time);
                if (!(timeConstant.Value > 0))
                {
                    throw new ScenarioException(timeConstant.Location, timeConstant.Field, "must be positive, e.g. '180 d'.");
                }
            }

            var day = new List<Located<Intervention>>();
            if (Optional(block, "day") is { } dayNode)
            {
                var lists = EventList(dayNode, path + ".day");
                if (lists.Modulations.Count > 0)
                {
                    throw new ScenarioException(lists.Modulations[0].Location, lists.Modulations[0].Field, "modulate events are not supported inside a multiscale course yet: the day's events are meals, insulin and IV glucose.");
                }

                RequireNoTherapyInDay(lists);
                day = lists.Events;
            }

            // A course's rows are daily; the plain run's default of one row per minute does not apply.
            var interval = Optional(root, "output_interval") is null
                ? new Located<double>(MinutesPerDay, At(block), "output_interval")
                : document.OutputIntervalMin;
            return document with
            {
                OutputIntervalMin = interval,
                Multiscale = new MultiscaleDocument
                {
                    Location = At(block),
                    Scheme = Optional(block, "scheme") is { } scheme ? Text(scheme, path + ".scheme") : null,
                    EveryMin = Optional(block, "every") is { } every ? Quantity(every, path + ".every", Dimension.Time) : null,
                    BetaCell = Optional(block, "beta_cell") is { } beta ? Text(beta, path + ".beta_cell") : null,
                    Secretion = Optional(block, "secretion") is { } secretion ? Names(secretion, path + ".secretion") : null,
                    Sensitivity = Optional(block, "sensitivity") is { } sensitivity ? Names(sensitivity, path + ".sensitivity") : null,
                    SensitivityTarget = target,
                    SensitivityTimeConstantMin = timeConstant,
                    Verify = Optional(block, "verify") is { } verify && Boolean(verify, path + ".verify"),
                    Day = day,
                },
            };
        }

        /// <summary>A list of events (the <c>events</c> field, a course's <c>day</c>, a trial arm's <c>events</c>), repeats expanded.</summary>
        internal EventLists EventList(YamlNode node, string listField)
        {
            if (node is not YamlSequenceNode sequence)
            {
                throw new ScenarioException(At(node), listField, "expected a list of events ('- at: 60 min' followed by one of " + string.Join(", ", EventKinds) + ").");
            }

            var events = new List<Located<Intervention>>();
            var modulations = new List<Located<ModulationSpec>>();
            var exosomes = new List<Located<ExosomeEventSpec>>();
            var mscs = new List<Located<MscEventSpec>>();
            var drugs = new List<Located<DrugEventSpec>>();
            for (int index = 0; index < sequence.Children.Count; index++)
            {
                string field = $"{listField}[{index}]";
                var entry = Mapping(sequence.Children[index], field);
                var atNode = Required(entry, "at", field);
                double at = Quantity(atNode, field + ".at", Dimension.Time).Value;
                var (every, count) = ReadRepeat(entry, field);

                string? kind = null;
                foreach (var key in entry.Children.Keys)
                {
                    string name = KeyName(key, field);
                    if (name is "at" or "repeat")
                    {
                        continue;
                    }

                    if (!EventKinds.Contains(name))
                    {
                        throw new ScenarioException(At(key), $"{field}.{name}", $"unknown event field. {NameSuggestions.Describe(name, [.. EventKinds, "at", "repeat"])}");
                    }

                    if (kind is not null)
                    {
                        throw new ScenarioException(At(key), $"{field}.{name}", $"an event has one kind; this one already is '{kind}'. Write a second event with the same 'at'.");
                    }

                    kind = name;
                }

                if (kind is null)
                {
                    throw new ScenarioException(At(entry), field, $"the event has no kind: add one of {string.Join(", ", EventKinds)}.");
                }

                var body = Mapping(entry.Children[new YamlScalarNode(kind)], $"{field}.{kind}");
                var location = At(entry);
                for (int k = 0; k < count; k++)
                {
                    double time = at + (k * every);
                    string occurrence = count > 1 ? $"{field} (repeat {k + 1} of {count})" : field;
                    if (kind == "modulate")
                    {
                        modulations.Add(new Located<ModulationSpec>(ReadModulation(body, time, $"{field}.modulate"), location, occurrence));
                    }
                    else if (kind == "exosome")
                    {
                        var doses = ReadExosome(body, time, $"{field}.exosome");
                        exosomes.AddRange(doses.Select((dose, d) => new Located<ExosomeEventSpec>(dose, location, DoseField(occurrence, d, doses.Count))));
                    }
                    else if (kind == "drug")
                    {
                        drugs.Add(new Located<DrugEventSpec>(ReadDrug(body, time, $"{field}.drug"), location, occurrence));
                    }
                    else if (kind == "msc")
                    {
                        var infusions = ReadMsc(body, time, $"{field}.msc");
                        mscs.AddRange(infusions.Select((dose, d) => new Located<MscEventSpec>(dose, location, DoseField(occurrence, d, infusions.Count))));
                    }
                    else
                    {
                        foreach (var intervention in ReadIntervention(kind, body, time, $"{field}.{kind}"))
                        {
                            events.Add(new Located<Intervention>(intervention, location, occurrence));
                        }
                    }
                }
            }

            return new EventLists(events, modulations, exosomes, mscs) { Drugs = drugs };
        }

        private (double EveryMin, int Count) ReadRepeat(YamlMappingNode entry, string field)
        {
            if (Optional(entry, "repeat") is not { } node)
            {
                return (0, 1);
            }

            string path = field + ".repeat";
            var repeat = Mapping(node, path);
            CheckKeys(repeat, path, ["every", "count"]);
            var every = Quantity(Required(repeat, "every", path), path + ".every", Dimension.Time);
            if (!(every.Value > 0))
            {
                throw new ScenarioException(every.Location, path + ".every", "must be positive, e.g. '24 h'.");
            }

            var countNode = Required(repeat, "count", path);
            string countText = Scalar(countNode, path + ".count");
            if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 1 || count > MaxRepeatCount)
            {
                throw new ScenarioException(At(countNode), path + ".count", $"expected the number of occurrences, a whole number from 1 to {MaxRepeatCount}; got '{countText}'.");
            }

            return (every.Value, count);
        }

        private IEnumerable<Intervention> ReadIntervention(string kind, YamlMappingNode body, double time, string field)
        {
            switch (kind)
            {
                case "meal":
                    CheckKeys(body, field, ["carbs", "duration"]);
                    double carbs = NonNegative(Quantity(Required(body, "carbs", field), field + ".carbs", Dimension.Mass));
                    double duration = Optional(body, "duration") is { } d ? NonNegative(Quantity(d, field + ".duration", Dimension.Time)) : 0;
                    yield return new MealIntake(time, carbs, duration);
                    break;
                case "insulin":
                    CheckKeys(body, field, ["bolus", "basal"]);
                    var bolus = Optional(body, "bolus");
                    var basal = Optional(body, "basal");
                    if (bolus is null && basal is null)
                    {
                        throw new ScenarioException(At(body), field, "give 'bolus' (e.g. '5 U') and/or 'basal' (e.g. '1.2 U/h').");
                    }

                    if (basal is not null)
                    {
                        yield return new InsulinBasal(time, NonNegative(Quantity(basal, field + ".basal", Dimension.InsulinRate)));
                    }

                    if (bolus is not null)
                    {
                        yield return new InsulinBolus(time, NonNegative(Quantity(bolus, field + ".bolus", Dimension.InsulinAmount)));
                    }

                    break;
                default:
                    CheckKeys(body, field, ["dose"]);
                    yield return new GlucoseBolusIv(time, NonNegative(Quantity(Required(body, "dose", field), field + ".dose", Dimension.MassPerBodyMass)));
                    break;
            }
        }

        private ModulationSpec ReadModulation(YamlMappingNode body, double time, string field)
        {
            CheckKeys(body, field, ["parameter", "factor", "duration"]);
            string parameter = RequiredScalar(body, "parameter", field).Value;
            double factor = Factor(Required(body, "factor", field), field + ".factor").Value;

            var duration = Quantity(Required(body, "duration", field), field + ".duration", Dimension.Time);
            if (!(duration.Value > 0))
            {
                throw new ScenarioException(duration.Location, field + ".duration", "must be positive, e.g. '12 h'.");
            }

            return new ModulationSpec(parameter, factor, time, time + duration.Value);
        }

        private Located<double> Factor(YamlNode node, string field)
        {
            string text = Scalar(node, field);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double factor) || !(factor >= 0) || !double.IsFinite(factor))
            {
                throw new ScenarioException(At(node), field, $"expected a non-negative number (a multiplier such as 1.3); got '{text}'.");
            }

            return new Located<double>(factor, At(node), field);
        }

        private bool Boolean(YamlNode node, string field)
            => Scalar(node, field) switch
            {
                "true" => true,
                "false" => false,
                var text => throw new ScenarioException(At(node), field, $"expected true or false; got '{text}'."),
            };

        /// <summary>A mapping of names to values as written (<c>parameters</c>, <c>exosome_parameters</c>, …), or empty when absent.</summary>
        internal List<Located<KeyValuePair<string, string>>> NamedValues(YamlMappingNode root, string field)
        {
            if (Optional(root, field) is not { } node)
            {
                return [];
            }

            var mapping = Mapping(node, field);
            var values = new List<Located<KeyValuePair<string, string>>>();
            foreach (var (key, value) in mapping.Children)
            {
                string name = KeyName(key, field);
                string path = $"{field}.{name}";
                values.Add(new Located<KeyValuePair<string, string>>(new KeyValuePair<string, string>(name, Scalar(value, path)), At(value), path));
            }

            return values;
        }

        private Located<string>[] Names(YamlNode node, string field)
        {
            if (node is not YamlSequenceNode sequence)
            {
                throw new ScenarioException(At(node), field, "expected a list of column names, e.g. [glucose_mg_dl, Gp].");
            }

            return sequence.Children.Select((child, i) => Text(child, $"{field}[{i}]")).ToArray();
        }

        internal Located<double> Quantity(YamlNode node, string field, Dimension dimension)
        {
            string text = Scalar(node, field);
            try
            {
                return new Located<double>(UnitCatalog.Parse(text, dimension), At(node), field);
            }
            catch (FormatException exception)
            {
                throw new ScenarioException(At(node), field, exception.Message, exception);
            }
        }

        private Located<double> Tolerance(YamlNode node, string field)
        {
            string text = Scalar(node, field);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !(value > 0) || !(value < 1))
            {
                throw new ScenarioException(At(node), field, $"expected a number between 0 and 1 (exclusive), e.g. 1e-6; got '{text}'.");
            }

            return new Located<double>(value, At(node), field);
        }

        private static double NonNegative(Located<double> quantity)
        {
            if (quantity.Value < 0)
            {
                throw new ScenarioException(quantity.Location, quantity.Field, "must not be negative.");
            }

            return quantity.Value;
        }

        internal Located<string> RequiredScalar(YamlMappingNode mapping, string key, string? parent)
        {
            string field = parent is null ? key : $"{parent}.{key}";
            return Text(Required(mapping, key, parent), field);
        }

        internal Located<string> Text(YamlNode node, string field)
        {
            string value = Scalar(node, field);
            if (value.Length == 0)
            {
                throw new ScenarioException(At(node), field, "must not be empty.");
            }

            return new Located<string>(value, At(node), field);
        }

        private string? OptionalText(YamlMappingNode mapping, string key)
            => Optional(mapping, key) is { } node ? Scalar(node, key) : null;

        internal YamlNode Required(YamlMappingNode mapping, string key, string? parent)
        {
            if (Optional(mapping, key) is { } node)
            {
                return node;
            }

            string where = parent is null ? "the scenario" : $"'{parent}'";
            throw new ScenarioException(At(mapping), parent is null ? key : $"{parent}.{key}", $"missing: {where} needs '{key}'.");
        }

        internal static YamlNode? Optional(YamlMappingNode mapping, string key)
            => mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

        internal string Scalar(YamlNode node, string field)
        {
            if (node is not YamlScalarNode scalar)
            {
                throw new ScenarioException(At(node), field, "expected a single value, not a list or mapping.");
            }

            return scalar.Value?.Trim() ?? string.Empty;
        }

        internal YamlMappingNode Mapping(YamlNode node, string field)
        {
            if (node is not YamlMappingNode mapping)
            {
                throw new ScenarioException(At(node), field, "expected a mapping of 'key: value' lines.");
            }

            return mapping;
        }

        internal void CheckKeys(YamlMappingNode mapping, string? parent, IReadOnlyList<string> allowed)
        {
            foreach (var key in mapping.Children.Keys)
            {
                string name = KeyName(key, parent ?? "(file)");
                if (!allowed.Contains(name))
                {
                    string field = parent is null ? name : $"{parent}.{name}";
                    throw new ScenarioException(At(key), field, $"unknown field. {NameSuggestions.Describe(name, allowed)}");
                }
            }
        }

        internal string KeyName(YamlNode key, string parent)
            => key is YamlScalarNode { Value: { } name }
                ? name
                : throw new ScenarioException(At(key), parent, "keys must be plain names.");

        internal SourceLocation At(YamlNode node) => At(node.Start);

        private SourceLocation At(Mark mark) => new(file, (int)Math.Max(mark.Line, 1), (int)Math.Max(mark.Column, 1));
    }
}
