using System.Globalization;
using ExoSim.Models;
using ExoSim.Models.Units;
using ExoSim.Trials.Endpoints;
using ExoSim.Trials.Scenarios;
using YamlDotNet.RepresentationModel;

namespace ExoSim.Trials.Trials;

/// <summary>
/// Reads a trial file (YAML; format in docs/trials.md) into a <see cref="TrialDocument"/>. Arm events use the
/// scenario event syntax and are read by the scenario reader itself. Every mistake is a
/// <see cref="ScenarioException"/> naming file, line, column and field, and what is allowed.
/// </summary>
public static class TrialReader
{
    /// <summary>The seed when the file gives none (documented, so that a run without one is still reproducible).</summary>
    public const ulong DefaultSeed = 1;

    /// <summary>Top-level fields, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> TopLevelFields { get; } =
        ["name", "description", "seed", "population", "arms", "exosome_parameters", "msc_parameters", "randomisation", "schedule", "endpoints", "analysis"];

    /// <summary>Population types.</summary>
    public static IReadOnlyList<string> CohortTypes { get; } = ["t1d", "t2d", "prediabetes", "healthy"];

    /// <summary>UVA/Padova subject groups a <c>t1d</c> cohort is drawn from.</summary>
    public static IReadOnlyList<string> Groups { get; } = ["adult", "adolescent", "child", "all"];

    /// <summary>Randomisation methods.</summary>
    public static IReadOnlyList<string> RandomisationMethods { get; } = ["simple", "block", "stratified"];

    /// <summary>Stratification factors.</summary>
    public static IReadOnlyList<string> StratificationFactors { get; } = ["cohort", "age_group"];

    private const int MaxPatients = 10_000_000;
    private const double MinutesPerDay = 1440;

    /// <summary>Reads a trial file from disk.</summary>
    /// <exception cref="ScenarioException">A mistake in the file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static TrialDocument ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Trial file '{path}' does not exist.", path);
        }

        return Read(File.ReadAllText(path), path);
    }

    /// <summary>Reads trial text; <paramref name="fileName"/> is used in messages.</summary>
    /// <exception cref="ScenarioException">A mistake in the text.</exception>
    public static TrialDocument Read(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        return new Reader(fileName).Read(text);
    }

    private sealed class Reader(string file)
    {
        private readonly ScenarioReader.Reader yaml = new(file);

        public TrialDocument Read(string text)
        {
            var root = yaml.Root(text, "trial", "the trial file is empty; it needs at least 'population', 'arms' and 'schedule'.");
            yaml.CheckKeys(root, null, TopLevelFields);
            var cohorts = Cohorts(yaml.Required(root, "population", null));
            var arms = Arms(yaml.Required(root, "arms", null));
            var (endpoints, adverseEvents) = Endpoints(root, cohorts);
            return new TrialDocument
            {
                File = file,
                Name = OptionalText(root, "name"),
                Description = OptionalText(root, "description"),
                Seed = ScenarioReader.Reader.Optional(root, "seed") is { } seed ? Seed(seed, "seed") : DefaultSeed,
                Cohorts = cohorts,
                Arms = arms,
                Randomisation = Randomisation(root, arms, cohorts),
                Schedule = Schedule(yaml.Required(root, "schedule", null), cohorts),
                Endpoints = endpoints,
                AdverseEventsEndpoint = adverseEvents,
                Analysis = Analysis(root, endpoints, cohorts),
                ExosomeParameterOverrides = yaml.NamedValues(root, "exosome_parameters"),
                MscParameterOverrides = yaml.NamedValues(root, "msc_parameters"),
            };
        }

        private List<CohortSpec> Cohorts(YamlNode node)
        {
            var list = NonEmpty(node, "population", "a list of cohorts ('- name: adults' with type, source, size)");
            var cohorts = new List<CohortSpec>();
            for (int i = 0; i < list.Children.Count; i++)
            {
                string field = $"population[{i}]";
                var entry = yaml.Mapping(list.Children[i], field);
                yaml.CheckKeys(entry, field, ["name", "type", "model", "subject", "stage", "onset_glucose", "screening", "source", "group", "size", "variability"]);
                var name = UniqueName(entry, field, "cohort", cohorts.Select(c => c.Name));

                string type = Choice(yaml.Required(entry, "type", field), field + ".type", CohortTypes);
                var sourceNode = yaml.Required(entry, "source", field);
                string source = Choice(sourceNode, field + ".source", ["named", "generated"]);
                string group = ScenarioReader.Reader.Optional(entry, "group") is { } g ? Choice(g, field + ".group", Groups) : "all";
                var sizeNode = ScenarioReader.Reader.Optional(entry, "size");
                if (source == "generated" && sizeNode is null)
                {
                    throw new ScenarioException(yaml.At(entry), field + ".size", "missing: a generated cohort needs 'size' (the number of patients).");
                }

                if (source == "named" && sizeNode is not null)
                {
                    throw new ScenarioException(yaml.At(sizeNode), field + ".size", "a named cohort is the published subjects of its group; remove 'size' or use 'source: generated'.");
                }

                int size = sizeNode is null ? 0 : WholeNumber(sizeNode, field + ".size", 1, MaxPatients);
                var spec = new CohortSpec(name.Value, type, source, group, size, Variability(entry, field), yaml.At(entry), field);
                cohorts.Add(LongHorizon(entry, field, spec));
            }

            if (cohorts.FirstOrDefault(c => c.Stage is not null) is { } newOnset && cohorts.FirstOrDefault(c => c.Stage is null) is { } other)
            {
                throw new ScenarioException(other.Location, other.Field + ".stage", $"cohort '{newOnset.Name}' is randomised at diagnosis (stage: {LongHorizonModels.NewOnset}) and '{other.Name}' after the run-in; every cohort of a trial is enrolled the same way.");
            }

            return cohorts;
        }

        /// <summary>The long-horizon fields of a cohort: <c>model</c>, <c>subject</c>, <c>stage</c>, <c>onset_glucose</c>, <c>screening</c>.</summary>
        private CohortSpec LongHorizon(YamlMappingNode entry, string field, CohortSpec spec)
        {
            string[] stageFields = ["subject", "stage", "onset_glucose", "screening"];
            var modelNode = ScenarioReader.Reader.Optional(entry, "model");
            var modelName = modelNode is null ? null : yaml.Text(modelNode, field + ".model");
            string mealScale = TrialResolver.TypeModels.TryGetValue(spec.Type, out var target) ? target.Model : "";
            if (modelName is null || modelName.Value == mealScale)
            {
                if (stageFields.FirstOrDefault(f => ScenarioReader.Reader.Optional(entry, f) is not null) is { } stray)
                {
                    throw new ScenarioException(yaml.At(ScenarioReader.Reader.Optional(entry, stray)!), $"{field}.{stray}", $"applies to cohorts of a long-horizon model only ({string.Join(", ", LongHorizonModels.All.Select(m => m.ModelId))}, chosen with 'model:').");
                }

                return spec;
            }

            var allowed = LongHorizonModels.All.Where(m => m.Population(spec.Type) is not null).Select(m => m.ModelId).Prepend(mealScale).Where(m => m.Length > 0).ToArray();
            if (!allowed.Contains(modelName.Value))
            {
                throw new ScenarioException(modelName.Location, modelName.Field, $"a {spec.Type} cohort cannot use model '{modelName.Value}'. {NameSuggestions.Describe(modelName.Value, allowed)}");
            }

            if (ScenarioReader.Reader.Optional(entry, "group") is { } group)
            {
                throw new ScenarioException(yaml.At(group), field + ".group", $"'group' chooses UVA/Padova subjects; a {modelName.Value} cohort varies around its 'subject'.");
            }

            var subject = ScenarioReader.Reader.Optional(entry, "subject") is { } su ? yaml.Text(su, field + ".subject") : null;
            var stageNode = ScenarioReader.Reader.Optional(entry, "stage");
            Located<string>? stage = null;
            if (stageNode is not null)
            {
                string value = Choice(stageNode, field + ".stage", LongHorizonModels.Stages);
                stage = new Located<string>(value, yaml.At(stageNode), field + ".stage");
            }

            var population = LongHorizonModels.Get(modelName.Value)!.Population(spec.Type)!;
            if (stage is null && population.NeedsStage)
            {
                throw new ScenarioException(yaml.At(entry), field + ".stage", $"missing: a {spec.Type} cohort of {modelName.Value} is randomised at onset ({population.OnsetReason}); add 'stage: {LongHorizonModels.NewOnset}'.");
            }

            Located<double>? onset = null, screening = null;
            foreach (string key in new[] { "onset_glucose", "screening" })
            {
                if (ScenarioReader.Reader.Optional(entry, key) is not { } node)
                {
                    continue;
                }

                if (stage is null)
                {
                    throw new ScenarioException(yaml.At(node), $"{field}.{key}", $"applies to 'stage: {LongHorizonModels.NewOnset}' cohorts only (randomised at diagnosis).");
                }

                var quantity = yaml.Quantity(node, $"{field}.{key}", key == "screening" ? Dimension.Time : Dimension.GlucoseConcentration);
                if (!(quantity.Value > 0))
                {
                    throw new ScenarioException(quantity.Location, quantity.Field, key == "screening" ? "must be positive, e.g. '5 y'." : "must be positive, e.g. '200 mg/dL'.");
                }

                if (key == "onset_glucose" && quantity.Value >= population.MaxOnsetGlucoseMgPerDl)
                {
                    throw new ScenarioException(quantity.Location, quantity.Field, string.Create(CultureInfo.InvariantCulture, $"must be below {population.MaxOnsetGlucoseMgPerDl:G6} mg/dL for a {spec.Type} cohort ({population.OnsetReason}); a cohort enrolled at diagnosis is 'type: t2d'."));
                }

                (key == "screening" ? ref screening : ref onset) = quantity;
            }

            return spec with { Model = modelName, Subject = subject, Stage = stage, OnsetGlucoseMgPerDl = onset, ScreeningMin = screening };
        }

        private List<Located<KeyValuePair<string, double>>> Variability(YamlMappingNode entry, string field)
        {
            var values = new List<Located<KeyValuePair<string, double>>>();
            if (ScenarioReader.Reader.Optional(entry, "variability") is not { } node)
            {
                return values;
            }

            var mapping = yaml.Mapping(node, field + ".variability");
            foreach (var (key, value) in mapping.Children)
            {
                string name = yaml.KeyName(key, field + ".variability");
                string path = $"{field}.variability.{name}";
                double cv = Fraction(value, path);
                values.Add(new Located<KeyValuePair<string, double>>(new KeyValuePair<string, double>(name, cv), yaml.At(value), path));
            }

            return values;
        }

        private List<ArmSpec> Arms(YamlNode node)
        {
            var list = NonEmpty(node, "arms", "a list of arms ('- name: control' with ratio, insulin, events)");
            var arms = new List<ArmSpec>();
            for (int i = 0; i < list.Children.Count; i++)
            {
                string field = $"arms[{i}]";
                var entry = yaml.Mapping(list.Children[i], field);
                yaml.CheckKeys(entry, field, ["name", "ratio", "insulin", "events"]);
                var name = UniqueName(entry, field, "arm", arms.Select(a => a.Name));

                int ratio = ScenarioReader.Reader.Optional(entry, "ratio") is { } r ? WholeNumber(r, field + ".ratio", 1, 100) : 1;
                var insulin = ScenarioReader.Reader.Optional(entry, "insulin") is { } ins ? Insulin(ins, field + ".insulin") : null;
                var lists = ScenarioReader.Reader.Optional(entry, "events") is { } ev
                    ? yaml.EventList(ev, field + ".events")
                    : new EventLists([], [], [], []);
                arms.Add(new ArmSpec(name.Value, ratio, insulin, lists.Events, lists.Modulations, yaml.At(entry), field) { Exosomes = lists.Exosomes, Mscs = lists.Mscs, Drugs = lists.Drugs });
            }

            return arms;
        }

        private InsulinRegimen Insulin(YamlNode node, string field)
            => node is YamlScalarNode
                ? new InsulinRegimen(Choice(node, field, InsulinRegimen.Kinds), 1, 1)
                : yaml.InsulinRegimen(yaml.Mapping(node, field), field, "regimen", ScenarioReader.ArmInsulinFields);

        private RandomisationSpec Randomisation(YamlMappingNode root, List<ArmSpec> arms, List<CohortSpec> cohorts)
        {
            int ratioSum = arms.Sum(a => a.Ratio);
            if (ScenarioReader.Reader.Optional(root, "randomisation") is not { } node)
            {
                return new RandomisationSpec("block", 2 * ratioSum, [], null);
            }

            const string field = "randomisation";
            var mapping = yaml.Mapping(node, field);
            yaml.CheckKeys(mapping, field, ["method", "block_size", "stratify_by", "seed"]);
            string method = Choice(yaml.Required(mapping, "method", field), field + ".method", RandomisationMethods);
            int blockSize = 2 * ratioSum;
            if (ScenarioReader.Reader.Optional(mapping, "block_size") is { } blockNode)
            {
                if (method == "simple")
                {
                    throw new ScenarioException(yaml.At(blockNode), field + ".block_size", "simple randomisation has no blocks; remove 'block_size' or use 'method: block'.");
                }

                blockSize = WholeNumber(blockNode, field + ".block_size", 1, 10_000);
                if (blockSize % ratioSum != 0)
                {
                    throw new ScenarioException(yaml.At(blockNode), field + ".block_size", $"must be a multiple of the sum of the allocation ratios ({ratioSum}), e.g. {2 * ratioSum}.");
                }
            }

            var strata = new List<string>();
            if (ScenarioReader.Reader.Optional(mapping, "stratify_by") is { } strataNode)
            {
                if (method != "stratified")
                {
                    throw new ScenarioException(yaml.At(strataNode), field + ".stratify_by", "only 'method: stratified' uses strata.");
                }

                var sequence = Sequence(strataNode, field + ".stratify_by", $"a list of factors from: {string.Join(", ", StratificationFactors)}");
                for (int i = 0; i < sequence.Children.Count; i++)
                {
                    strata.Add(Choice(sequence.Children[i], $"{field}.stratify_by[{i}]", StratificationFactors));

                    // Only the UVA/Padova subjects have an age; a patient without one must not fall silently into a stratum.
                    if (strata[^1] == "age_group" && cohorts.FirstOrDefault(c => c.Type != "t1d" || c.IsLongHorizon) is { } ageless)
                    {
                        throw new ScenarioException(yaml.At(sequence.Children[i]), $"{field}.stratify_by[{i}]", $"'age_group' needs patients with an age, and cohort '{ageless.Name}' has none (only t1d cohorts of uva-padova-t1d do); stratify by 'cohort' instead.");
                    }
                }
            }
            else if (method == "stratified")
            {
                throw new ScenarioException(yaml.At(mapping), field + ".stratify_by", $"missing: stratified randomisation needs 'stratify_by' (from: {string.Join(", ", StratificationFactors)}).");
            }

            ulong? seed = ScenarioReader.Reader.Optional(mapping, "seed") is { } s ? Seed(s, field + ".seed") : null;
            return new RandomisationSpec(method, blockSize, strata, seed);
        }

        private ScheduleSpec Schedule(YamlNode node, List<CohortSpec> cohorts)
        {
            const string field = "schedule";
            var mapping = yaml.Mapping(node, field);
            yaml.CheckKeys(mapping, field, ["run_in", "duration", "visits", "window", "output_interval", "meals", "fasting_time", "sensor"]);
            bool longHorizon = cohorts.Any(c => c.IsLongHorizon);
            bool newOnset = cohorts.Any(c => c.Stage is not null);
            if (longHorizon)
            {
                RefuseForLongHorizon(mapping, field, newOnset);
            }

            double runIn = newOnset ? 0 : Positive(yaml.Required(mapping, "run_in", field), field + ".run_in");
            var durationNode = yaml.Required(mapping, "duration", field);
            double treatment = Positive(durationNode, field + ".duration");
            double defaultWindow = newOnset ? 14 * MinutesPerDay : Math.Min(14 * MinutesPerDay, runIn);
            double window = ScenarioReader.Reader.Optional(mapping, "window") is { } w ? Positive(w, field + ".window") : defaultWindow;
            if (!newOnset && window > runIn)
            {
                throw new ScenarioException(yaml.At(ScenarioReader.Reader.Optional(mapping, "window") ?? mapping), field + ".window", "must not be longer than the run-in: the baseline window ends at randomisation.");
            }

            var visits = new List<double>();
            var visitsNode = yaml.Required(mapping, "visits", field);
            var visitList = Sequence(visitsNode, field + ".visits", "a list of times from randomisation, e.g. [4 weeks, 12 weeks]");
            for (int i = 0; i < visitList.Children.Count; i++)
            {
                string path = $"{field}.visits[{i}]";
                double at = Positive(visitList.Children[i], path);
                if (at > treatment * (1 + 1e-12) || at < window || (visits.Count > 0 && at <= visits[^1]))
                {
                    throw new ScenarioException(yaml.At(visitList.Children[i]), path, Invariant($"visits must increase and lie between the window ({window / MinutesPerDay:G6} d) and the duration ({treatment / MinutesPerDay:G6} d) after randomisation."));
                }

                visits.Add(at);
            }

            if (visits.Count == 0)
            {
                throw new ScenarioException(yaml.At(visitsNode), field + ".visits", "needs at least one visit.");
            }

            double interval = ScenarioReader.Reader.Optional(mapping, "output_interval") is { } oi ? Positive(oi, field + ".output_interval") : longHorizon ? MinutesPerDay : 5;
            double fasting = ScenarioReader.Reader.Optional(mapping, "fasting_time") is { } ft ? yaml.TimeOfDay(ft, field + ".fasting_time") : 6 * 60;
            var sensor = ScenarioReader.Reader.Optional(mapping, "sensor") is { } sn ? yaml.Text(sn, field + ".sensor") : null;
            return new ScheduleSpec(runIn, treatment, visits, window, interval, Meals(mapping, field), fasting, sensor);
        }

        /// <summary>Long-horizon models have fasting-level glucose and no meals; new-onset cohorts have no run-in (randomised at diagnosis).</summary>
        private void RefuseForLongHorizon(YamlMappingNode mapping, string field, bool newOnset)
        {
            foreach (string key in new[] { "meals", "fasting_time", "sensor" })
            {
                if (ScenarioReader.Reader.Optional(mapping, key) is { } node)
                {
                    throw new ScenarioException(yaml.At(node), $"{field}.{key}", $"long-horizon models ({string.Join(", ", LongHorizonModels.All.Select(m => m.ModelId))}) have fasting-level glucose without meals; remove '{key}'.");
                }
            }

            if (newOnset && ScenarioReader.Reader.Optional(mapping, "run_in") is { } runIn)
            {
                throw new ScenarioException(yaml.At(runIn), field + ".run_in", $"'stage: {LongHorizonModels.NewOnset}' patients are randomised at their own diagnosis, not after a run-in; remove 'run_in'.");
            }
        }

        private List<MealSpec> Meals(YamlMappingNode schedule, string parent)
        {
            var meals = new List<MealSpec>();
            if (ScenarioReader.Reader.Optional(schedule, "meals") is not { } node)
            {
                return meals;
            }

            string listField = parent + ".meals";
            var list = Sequence(node, listField, "a list of meals ('- {time: 07:00, carbs: 50 g}')");
            for (int i = 0; i < list.Children.Count; i++)
            {
                string field = $"{listField}[{i}]";
                var entry = yaml.Mapping(list.Children[i], field);
                yaml.CheckKeys(entry, field, ["time", "carbs", "time_sd", "carbs_cv", "duration"]);
                double time = yaml.TimeOfDay(yaml.Required(entry, "time", field), field + ".time");
                double carbs = NonNegative(yaml.Required(entry, "carbs", field), field + ".carbs", Dimension.Mass);
                double timeSd = ScenarioReader.Reader.Optional(entry, "time_sd") is { } sd ? NonNegative(sd, field + ".time_sd", Dimension.Time) : 0;
                double carbsCv = ScenarioReader.Reader.Optional(entry, "carbs_cv") is { } cv ? Fraction(cv, field + ".carbs_cv") : 0;
                double duration = ScenarioReader.Reader.Optional(entry, "duration") is { } d ? NonNegative(d, field + ".duration", Dimension.Time) : 0;
                meals.Add(new MealSpec(time, carbs, timeSd, carbsCv, duration));
            }

            return meals;
        }

        /// <summary>The model's endpoints, and whether <c>adverse_events</c> is listed (null: no <c>endpoints</c>, the default).</summary>
        private (List<string> Endpoints, bool? AdverseEvents) Endpoints(YamlMappingNode root, List<CohortSpec> cohorts)
        {
            var longHorizon = cohorts.FirstOrDefault(c => c.IsLongHorizon) is { } cohort ? LongHorizonModels.Get(cohort.Model!.Value) : null;
            var modelEndpoints = longHorizon?.Endpoints ?? TrialEndpoints.Names;
            if (ScenarioReader.Reader.Optional(root, "endpoints") is not { } node)
            {
                return ([.. modelEndpoints], null);
            }

            string[] allowed = [.. modelEndpoints, AdverseEvents.EndpointName];
            var list = Sequence(node, "endpoints", $"a list of endpoint names from: {string.Join(", ", allowed)}");
            var names = new List<string>();
            for (int i = 0; i < list.Children.Count; i++)
            {
                string field = $"endpoints[{i}]";
                var text = yaml.Text(list.Children[i], field);
                if (!allowed.Contains(text.Value) && (TrialEndpoints.Names.Contains(text.Value) || CourseEndpoints.LongHorizonOnly.Contains(text.Value)))
                {
                    string problem = longHorizon is null
                        ? $"'{text.Value}' needs a long-horizon model ({string.Join(", ", LongHorizonModels.All.Select(m => m.ModelId))}); the endpoints of this trial's model are: {string.Join(", ", allowed)}."
                        : $"'{text.Value}' is not defined for model '{longHorizon.ModelId}' (fasting-level glucose without meals, so no time in range, CV, hypoglycaemia or GMI); its endpoints are: {string.Join(", ", allowed)}.";
                    throw new ScenarioException(text.Location, field, problem);
                }

                string name = Choice(list.Children[i], field, allowed);
                if (names.Contains(name))
                {
                    throw new ScenarioException(yaml.At(list.Children[i]), field, $"'{name}' is listed twice.");
                }

                names.Add(name);
            }

            bool adverseEvents = names.Remove(AdverseEvents.EndpointName);
            if (names.Count == 0)
            {
                throw new ScenarioException(yaml.At(node), "endpoints", $"'{AdverseEvents.EndpointName}' needs at least one other endpoint next to it, from: {string.Join(", ", modelEndpoints)}.");
            }

            return (names, adverseEvents);
        }

        private AnalysisSpec Analysis(YamlMappingNode root, List<string> endpoints, List<CohortSpec> cohorts)
        {
            if (ScenarioReader.Reader.Optional(root, "analysis") is not { } node)
            {
                return new AnalysisSpec(null, null);
            }

            const string field = "analysis";
            var mapping = yaml.Mapping(node, field);
            yaml.CheckKeys(mapping, field, ["responder", "power"]);
            ResponderSpec? responder = null;
            if (ScenarioReader.Reader.Optional(mapping, "responder") is { } r)
            {
                string path = field + ".responder";
                var m = yaml.Mapping(r, path);
                yaml.CheckKeys(m, path, ["endpoint", "change_at_most", "change_at_least"]);
                string endpoint = Choice(yaml.Required(m, "endpoint", path), path + ".endpoint", endpoints);
                double? atMost = ScenarioReader.Reader.Optional(m, "change_at_most") is { } a ? Number(a, path + ".change_at_most", double.MinValue, double.MaxValue) : null;
                double? atLeast = ScenarioReader.Reader.Optional(m, "change_at_least") is { } b ? Number(b, path + ".change_at_least", double.MinValue, double.MaxValue) : null;
                if (atMost is null && atLeast is null)
                {
                    throw new ScenarioException(yaml.At(m), path, "give 'change_at_most' (e.g. -0.5) and/or 'change_at_least'.");
                }

                responder = new ResponderSpec(endpoint, atMost, atLeast);
            }

            PowerSpec? power = null;
            if (ScenarioReader.Reader.Optional(mapping, "power") is { } p)
            {
                string path = field + ".power";
                var m = yaml.Mapping(p, path);
                yaml.CheckKeys(m, path, ["endpoint", "sizes", "replicates", "alpha"]);
                string endpoint = Choice(yaml.Required(m, "endpoint", path), path + ".endpoint", endpoints);
                var sizesList = Sequence(yaml.Required(m, "sizes", path), path + ".sizes", "a list of total patient numbers, e.g. [20, 40, 80]");
                var sizes = sizesList.Children.Select((s, i) => WholeNumber(s, $"{path}.sizes[{i}]", 2, MaxPatients)).ToList();
                int replicates = ScenarioReader.Reader.Optional(m, "replicates") is { } rep ? WholeNumber(rep, path + ".replicates", 1, 100_000) : 100;
                double alpha = ScenarioReader.Reader.Optional(m, "alpha") is { } al ? Number(al, path + ".alpha", double.Epsilon, 0.5) : 0.05;
                if (cohorts.FirstOrDefault(c => c.Source == "named") is { } named)
                {
                    throw new ScenarioException(yaml.At(p), path, $"power by simulation resizes the cohorts; cohort '{named.Name}' is the named published subjects and cannot be resized: use 'source: generated'.");
                }

                power = new PowerSpec(endpoint, sizes, replicates, alpha);
            }

            return new AnalysisSpec(responder, power);
        }

        private Located<string> UniqueName(YamlMappingNode entry, string field, string kind, IEnumerable<string> taken)
        {
            var name = yaml.RequiredScalar(entry, "name", field);
            return taken.Contains(name.Value, StringComparer.Ordinal)
                ? throw new ScenarioException(name.Location, field + ".name", $"{kind} '{name.Value}' is named twice; names must be unique.")
                : name;
        }

        private YamlSequenceNode NonEmpty(YamlNode node, string field, string expected)
        {
            var sequence = Sequence(node, field, expected);
            return sequence.Children.Count > 0 ? sequence : throw new ScenarioException(yaml.At(node), field, $"expected {expected}; the list is empty.");
        }

        private YamlSequenceNode Sequence(YamlNode node, string field, string expected)
            => node as YamlSequenceNode ?? throw new ScenarioException(yaml.At(node), field, $"expected {expected}.");

        private string Choice(YamlNode node, string field, IReadOnlyList<string> allowed)
        {
            var text = yaml.Text(node, field);
            if (!allowed.Contains(text.Value))
            {
                throw new ScenarioException(text.Location, field, $"unknown value '{text.Value}'. {NameSuggestions.Describe(text.Value, allowed)}");
            }

            return text.Value;
        }

        private double Positive(YamlNode node, string field)
        {
            var quantity = yaml.Quantity(node, field, Dimension.Time);
            return quantity.Value > 0 ? quantity.Value : throw new ScenarioException(quantity.Location, field, "must be positive, e.g. '7 d'.");
        }

        private double NonNegative(YamlNode node, string field, Dimension dimension)
        {
            var quantity = yaml.Quantity(node, field, dimension);
            return quantity.Value >= 0 ? quantity.Value : throw new ScenarioException(quantity.Location, field, "must not be negative.");
        }

        private double Fraction(YamlNode node, string field)
        {
            string text = yaml.Scalar(node, field);
            bool percent = text.EndsWith('%');
            string number = percent ? text[..^1].Trim() : text;
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !(value >= 0) || !double.IsFinite(value))
            {
                throw new ScenarioException(yaml.At(node), field, $"expected a coefficient of variation ≥ 0, as a fraction (0.2) or a percentage (20 %); got '{text}'.");
            }

            return percent ? value / 100 : value;
        }

        private double Number(YamlNode node, string field, double min, double max)
        {
            string text = yaml.Scalar(node, field);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value) || value < min || value > max)
            {
                throw new ScenarioException(yaml.At(node), field, Invariant($"expected a number from {min:G6} to {max:G6}; got '{text}'."));
            }

            return value;
        }

        private int WholeNumber(YamlNode node, string field, int min, int max)
        {
            string text = yaml.Scalar(node, field);
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
            {
                throw new ScenarioException(yaml.At(node), field, Invariant($"expected a whole number from {min} to {max:N0}; got '{text}'."));
            }

            return value;
        }

        private ulong Seed(YamlNode node, string field)
        {
            string text = yaml.Scalar(node, field);
            return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value)
                ? value
                : throw new ScenarioException(yaml.At(node), field, $"expected a whole number from 0 to {ulong.MaxValue}; got '{text}'.");
        }

        private string? OptionalText(YamlMappingNode mapping, string key)
            => ScenarioReader.Reader.Optional(mapping, key) is { } node ? yaml.Scalar(node, key) : null;

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
