using System.Globalization;
using ExoSim.Models;
using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Models.Units;
using ExoSim.Therapies.Exosomes;
using ExoSim.Therapies.Msc;
using ExoSim.Trials.Endpoints;
using ExoSim.Trials.Scenarios;
using ExoSim.Trials.Trials;

namespace ExoSim.Trials.Sensitivity;

/// <summary>A model evaluation of a sensitivity analysis that failed; the message names the factor values.</summary>
public sealed class SensitivityEvaluationException : Exception
{
    /// <summary>Wraps the failure of one evaluation.</summary>
    public SensitivityEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// A sensitivity spec resolved against the file it analyses: every name checked, each factor's nominal value and
/// range known, and the output as a function of the factors' values that can be called from many threads at once.
/// </summary>
public sealed class SensitivityStudy
{
    private readonly Func<double[], double> output;

    private SensitivityStudy(SensitivitySpec spec, string targetFile, string targetText, IReadOnlyList<ResolvedFactor> factors, string outputDescription, string outputUnit, Func<double[], double> output)
    {
        Spec = spec;
        TargetFile = targetFile;
        TargetText = targetText;
        Factors = factors;
        OutputDescription = outputDescription;
        OutputUnit = outputUnit;
        this.output = output;
    }

    /// <summary>The spec as read.</summary>
    public SensitivitySpec Spec { get; }

    /// <summary>The analysed file's path (the spec's relative path joined to the spec's folder).</summary>
    public string TargetFile { get; }

    /// <summary>The analysed file's text.</summary>
    public string TargetText { get; }

    /// <summary>The factors, in spec order.</summary>
    public IReadOnlyList<ResolvedFactor> Factors { get; }

    /// <summary>What the output is, in words (e.g. "mean of glucose_mg_dl over 0–180 min").</summary>
    public string OutputDescription { get; }

    /// <summary>The output's unit.</summary>
    public string OutputUnit { get; }

    /// <summary>Model evaluations the method will make: 2k + 1 (local), r(k + 1) (Morris), N(k + 2) (Sobol).</summary>
    public int PlannedEvaluations => Spec.Method.Name switch
    {
        "local" => (2 * Factors.Count) + 1,
        "morris" => Spec.Method.Trajectories * (Factors.Count + 1),
        _ => Spec.Method.Samples * (Factors.Count + 2),
    };

    /// <summary>The output with every factor at the given value (in the parameters' units, in <see cref="Factors"/> order). Thread-safe.</summary>
    /// <exception cref="SensitivityEvaluationException">The run failed at these values (the message names them).</exception>
    public double Evaluate(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        try
        {
            return output(values);
        }
        catch (Exception exception) when (exception is ScenarioException or SimulationFailedException)
        {
            string point = string.Join(", ", Factors.Select((f, i) => string.Create(CultureInfo.InvariantCulture, $"{f.Name} = {values[i]:G6}")));
            throw new SensitivityEvaluationException($"the evaluation at {point} failed: {exception.Message}", exception);
        }
    }

    /// <summary>Resolves a spec: reads the analysed file, checks the output and every factor, and builds the evaluation.</summary>
    /// <exception cref="ScenarioException">A mistake in the spec or in the analysed file (its own file:line).</exception>
    public static SensitivityStudy Resolve(SensitivitySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string folder = Path.GetDirectoryName(spec.File) ?? string.Empty;
        string path = Path.Combine(folder, spec.TargetPath.Value);
        if (!File.Exists(path))
        {
            throw new ScenarioException(spec.TargetPath.Location, spec.TargetPath.Field, $"the {spec.TargetKind} file '{path}' does not exist (a relative path is relative to the spec's folder).");
        }

        string text = File.ReadAllText(path);
        return spec.TargetKind == SensitivitySpecReader.ScenarioTarget
            ? ScenarioStudy(spec, path, text)
            : TrialStudy(spec, path, text);
    }

    private static SensitivityStudy ScenarioStudy(SensitivitySpec spec, string path, string text)
    {
        var document = ScenarioReader.Read(text, path);
        if (document.Multiscale is not null)
        {
            throw new ScenarioException(spec.TargetPath.Location, spec.TargetPath.Field, "multiscale courses cannot be analysed yet; analyse a plain scenario (every long-horizon model runs without 'multiscale').");
        }

        // The sensor only adds noisy readings beside the columns; the analysed output is a column.
        document = document with { SensorType = null, SensorSeed = null };
        var nominal = ScenarioResolver.Resolve(document);
        var model = nominal.Request.Model;
        var factors = spec.Factors.Select(f => Factor(f, spec.Method.Name, model, nominal.Request.Parameters, ScenarioResolver.TherapyParameters(document))).ToList();
        if (document.Mscs.Count == 0 && spec.Factors.Where((_, i) => factors[i].Kind == FactorKind.Msc).FirstOrDefault() is { } msc)
        {
            throw new ScenarioException(msc.Parameter.Location, msc.Parameter.Field, "the scenario has no msc events for this parameter to act on.");
        }

        var outputSpec = spec.Output;
        var column = outputSpec.Column!;
        string unit = ColumnUnit(model, column);
        bool isReadout = ClinicalReadouts.Columns.Any(c => c.Name == column.Value);
        if (isReadout && !(document.Readouts ?? []).Any(r => r.Value == column.Value))
        {
            document = document with { Readouts = [.. document.Readouts ?? [], column] };
        }

        if (outputSpec.ToMin > document.DurationMin.Value)
        {
            throw new ScenarioException(outputSpec.TimeLocation, "output." + outputSpec.Statistic, string.Create(CultureInfo.InvariantCulture, $"lies after the end of the scenario ({document.DurationMin.Value:G6} min)."));
        }

        if (outputSpec.Statistic != "at" && outputSpec.ToMin - outputSpec.FromMin < document.OutputIntervalMin.Value)
        {
            throw new ScenarioException(outputSpec.TimeLocation, "output." + outputSpec.Statistic, string.Create(CultureInfo.InvariantCulture, $"the window is shorter than the scenario's output_interval ({document.OutputIntervalMin.Value:G6} min), so it may hold no output row; widen it or use 'at'."));
        }

        // Resolving once with every factor at its nominal value checks that the overrides apply (a derived parameter, therapy parameters without a dose).
        ScenarioResolver.Resolve(WithValues(document, spec.Factors, factors, [.. factors.Select(f => f.Nominal)]));
        var baseDocument = document;
        double Output(double[] values)
        {
            var scenario = ScenarioResolver.Resolve(WithValues(baseDocument, spec.Factors, factors, values));
            var run = ScenarioRunner.Run(scenario);
            var series = isReadout ? run.Readouts[column.Value] : run.Result.Column(column.Value);
            return Reduce(run.Result.Column(Simulator.TimeColumn), series, outputSpec);
        }

        string description = outputSpec.Statistic == "at"
            ? string.Create(CultureInfo.InvariantCulture, $"{column.Value} at {outputSpec.FromMin:G6} min")
            : string.Create(CultureInfo.InvariantCulture, $"{outputSpec.Statistic} of {column.Value} over {outputSpec.FromMin:G6}–{outputSpec.ToMin:G6} min");
        return new SensitivityStudy(spec, path, text, factors, description, unit, Output);
    }

    private static string ColumnUnit(PhysiologyModel model, Located<string> column)
    {
        if (model.States.FirstOrDefault(s => s.Name == column.Value) is { } state)
        {
            return state.Unit;
        }

        if (model.Observables.FirstOrDefault(o => o.Name == column.Value) is { } observable)
        {
            return observable.Unit;
        }

        if (ClinicalReadouts.Columns.FirstOrDefault(c => c.Name == column.Value) is { Name: not null } readout)
        {
            return readout.Unit;
        }

        var names = model.States.Select(s => s.Name).Concat(model.Observables.Select(o => o.Name)).Concat(ClinicalReadouts.Columns.Select(c => c.Name));
        throw new ScenarioException(column.Location, column.Field, $"model '{model.Id}' has no column '{column.Value}'. {NameSuggestions.Describe(column.Value, names)}");
    }

    /// <summary>The output statistic of one column: linear interpolation at a time, or mean, min or max of the rows in a window.</summary>
    internal static double Reduce(double[] times, double[] values, SensitivityOutputSpec output)
    {
        if (output.Statistic == "at")
        {
            int after = Array.FindIndex(times, t => t >= output.FromMin);
            if (after <= 0)
            {
                return values[Math.Max(after, 0)];
            }

            double fraction = (output.FromMin - times[after - 1]) / (times[after] - times[after - 1]);
            return values[after - 1] + (fraction * (values[after] - values[after - 1]));
        }

        const double Slack = 1e-9; // output times are sums of intervals: allow for their rounding at the window's ends
        var window = values.Where((_, i) => times[i] >= output.FromMin - Slack && times[i] <= output.ToMin + Slack).ToArray();
        if (window.Length == 0)
        {
            return double.NaN;
        }

        return output.Statistic switch
        {
            "mean" => window.Average(),
            "min" => window.Min(),
            _ => window.Max(),
        };
    }

    private static SensitivityStudy TrialStudy(SensitivitySpec spec, string path, string text)
    {
        var trial = TrialResolver.Resolve(TrialReader.Read(text, path));
        var output = spec.Output;
        var endpoint = output.Endpoint!;
        if (!trial.Document.Endpoints.Contains(endpoint.Value))
        {
            throw new ScenarioException(endpoint.Location, endpoint.Field, $"the trial has no endpoint '{endpoint.Value}'. {NameSuggestions.Describe(endpoint.Value, trial.Document.Endpoints)}");
        }

        var visit = output.VisitMin!;
        int visitIndex = trial.Document.Schedule.Visits.ToList().FindIndex(v => Math.Abs(v - visit.Value) < 1e-6);
        if (visitIndex < 0)
        {
            throw new ScenarioException(visit.Location, visit.Field, $"the trial has no visit at {ResolvedTrial.VisitLabel(visit.Value)}; its visits: {string.Join(", ", trial.VisitLabels)}.");
        }

        int arm = ArmIndex(trial, output.Arm!);
        int? versus = output.Versus is { } v ? ArmIndex(trial, v) : null;
        if (versus == arm)
        {
            throw new ScenarioException(output.Versus!.Location, output.Versus.Field, "compare two different arms.");
        }

        var compared = versus is int r ? new[] { arm, r } : [arm];
        var therapyDocument = compared.Select(a => trial.Arms[a].Therapy).FirstOrDefault(t => t is not null);
        var factors = new List<ResolvedFactor>();
        foreach (var factor in spec.Factors)
        {
            if (therapyDocument is null)
            {
                throw new ScenarioException(factor.Parameter.Location, factor.Parameter.Field, "no compared arm has exosome or msc events: a factor of a trial is a therapy parameter acting on an arm's doses.");
            }

            var resolved = Factor(factor, spec.Method.Name, trial.Model, null, ScenarioResolver.TherapyParameters(therapyDocument));
            if (resolved.Kind == FactorKind.Msc && !compared.Any(a => trial.Arms[a].Therapy?.Mscs.Count > 0))
            {
                throw new ScenarioException(factor.Parameter.Location, factor.Parameter.Field, "no compared arm has msc events for this parameter to act on.");
            }

            factors.Add(resolved);
        }

        var evaluator = new TrialEvaluator(trial, spec.Factors, factors, TrialColumns.Change(endpoint.Value, trial.VisitLabels[visitIndex]), arm, versus);
        string label = trial.VisitLabels[visitIndex];
        string description = versus is int reference
            ? $"difference in mean change of {endpoint.Value} at {label}: {trial.Arms[arm].Name} − {trial.Arms[reference].Name}"
            : $"mean change of {endpoint.Value} at {label} in {trial.Arms[arm].Name}";
        string unit = EndpointUnit(endpoint.Value);
        return new SensitivityStudy(spec, path, text, factors, description, unit, evaluator.Output);
    }

    /// <summary>The unit an endpoint's name ends with (a change in HbA1c % is in percentage points).</summary>
    private static string EndpointUnit(string endpoint) => endpoint switch
    {
        _ when endpoint.EndsWith("_percent", StringComparison.Ordinal) => "percentage points",
        _ when endpoint.EndsWith("_mg_dl", StringComparison.Ordinal) => "mg/dL",
        _ when endpoint.EndsWith("_per_week", StringComparison.Ordinal) => "1/week",
        _ when endpoint.EndsWith("_u_per_day", StringComparison.Ordinal) => "U/day",
        _ => "1",
    };

    private static int ArmIndex(ResolvedTrial trial, Located<string> name)
    {
        int index = trial.Arms.ToList().FindIndex(a => a.Name == name.Value);
        return index >= 0
            ? index
            : throw new ScenarioException(name.Location, name.Field, $"the trial has no arm '{name.Value}'. {NameSuggestions.Describe(name.Value, trial.Arms.Select(a => a.Name))}");
    }

    /// <summary>Resolves one factor: its parameter set, unit, nominal value and range.</summary>
    private static ResolvedFactor Factor(FactorSpec spec, string method, PhysiologyModel model, ParameterSet? modelParameters, (ParameterSet Exosome, ParameterSet Msc) therapy)
    {
        string written = spec.Parameter.Value;
        var (kind, name, parameters, listCommand) = written switch
        {
            _ when written.StartsWith(ExosomeParameters.TherapyId + ".", StringComparison.Ordinal) => (FactorKind.Exosome, written[(ExosomeParameters.TherapyId.Length + 1)..], therapy.Exosome, "exosim params exosome"),
            _ when written.StartsWith(MscParameters.TherapyId + ".", StringComparison.Ordinal) => (FactorKind.Msc, written[(MscParameters.TherapyId.Length + 1)..], therapy.Msc, "exosim params msc"),
            _ => (FactorKind.Model, written, modelParameters, $"exosim params {model.Id}"),
        };
        if (parameters is null)
        {
            throw new ScenarioException(spec.Parameter.Location, spec.Parameter.Field, $"a trial's patients take their model parameters from the population; vary a therapy parameter ('exosome.NAME' or 'msc.NAME') or analyse a scenario instead.");
        }

        int index = parameters.Schema.IndexOf(name);
        var variable = parameters.Schema.Definitions.Where(d => !d.IsDerived && !(kind != FactorKind.Model && d.IsCovariate)).Select(d => d.Name);
        string prefix = kind == FactorKind.Model ? string.Empty : written[..(written.Length - name.Length)];
        if (index < 0)
        {
            throw new ScenarioException(spec.Parameter.Location, spec.Parameter.Field, $"no parameter '{written}'. {NameSuggestions.Describe(written, variable.Select(v => prefix + v))} (list: {listCommand}; therapy parameters start with 'exosome.' or 'msc.')");
        }

        var definition = parameters.Schema[index];
        if (definition.IsDerived || (kind != FactorKind.Model && definition.IsCovariate))
        {
            string why = definition.IsDerived ? "is derived; vary the parameters it is computed from" : "is the subject's body weight, taken from the model's BW";
            throw new ScenarioException(spec.Parameter.Location, spec.Parameter.Field, $"'{written}' {why}.");
        }

        var entry = parameters.Entry(name);
        double nominal = entry.Value;
        double lower = nominal, upper = nominal;
        string asWritten = string.Empty;
        if (spec.RelativePercent is { } percent)
        {
            if (nominal == 0)
            {
                throw new ScenarioException(percent.Location, percent.Field, $"'{written}' is 0 here, so ± a percentage is an empty range; give '[lower, upper]'.");
            }

            double a = nominal * (1 - (percent.Value / 100)), b = nominal * (1 + (percent.Value / 100));
            (lower, upper) = (Math.Min(a, b), Math.Max(a, b));
            asWritten = string.Create(CultureInfo.InvariantCulture, $"±{percent.Value:G6}%");
        }
        else if (spec.Lower is { } low && spec.Upper is { } high)
        {
            lower = Bound(low, definition.Unit);
            upper = Bound(high, definition.Unit);
            if (!(upper > lower))
            {
                throw new ScenarioException(high.Location, high.Field, string.Create(CultureInfo.InvariantCulture, $"the upper end ({upper:G6} {definition.Unit}) must be above the lower ({lower:G6} {definition.Unit})."));
            }

            asWritten = $"[{low.Value}, {high.Value}]";
        }

        if (spec.Distribution == "log_uniform" && !(lower > 0))
        {
            throw new ScenarioException(spec.Location, spec.Field + ".distribution", "log_uniform needs a positive range (it is uniform in the logarithm).");
        }

        if (method == "local" && nominal == 0)
        {
            throw new ScenarioException(spec.Parameter.Location, spec.Parameter.Field, $"'{written}' is 0 here; a normalised local coefficient (relative to the parameter) needs a non-zero nominal value.");
        }

        return new ResolvedFactor(written, kind, name, definition.Unit, nominal, lower, upper, spec.Distribution, asWritten, entry.Source, definition.PlausibleMinimum, definition.PlausibleMaximum);
    }

    private static double Bound(Located<string> bound, string unit)
    {
        try
        {
            return UnitCatalog.ParseAs(bound.Value, unit);
        }
        catch (FormatException exception)
        {
            throw new ScenarioException(bound.Location, bound.Field, exception.Message, exception);
        }
    }

    /// <summary>The document with every factor set to its value, as overrides written at the factor's line.</summary>
    private static ScenarioDocument WithValues(ScenarioDocument document, IReadOnlyList<FactorSpec> specs, IReadOnlyList<ResolvedFactor> factors, double[] values)
    {
        List<Located<KeyValuePair<string, string>>> Overrides(FactorKind kind) => factors
            .Select((f, i) => (Factor: f, Value: values[i], Spec: specs[i]))
            .Where(x => x.Factor.Kind == kind)
            .Select(x => new Located<KeyValuePair<string, string>>(
                new KeyValuePair<string, string>(x.Factor.Parameter, x.Value.ToString("R", CultureInfo.InvariantCulture)), x.Spec.Location, x.Spec.Field))
            .ToList();

        var exosome = Overrides(FactorKind.Exosome);
        var msc = Overrides(FactorKind.Msc);
        var model = Overrides(FactorKind.Model);
        return document with
        {
            Parameters = model.Count == 0 ? document.Parameters : [.. document.Parameters, .. model],
            ExosomeParameterOverrides = exosome.Count == 0 ? document.ExosomeParameterOverrides : [.. document.ExosomeParameterOverrides, .. exosome],
            MscParameterOverrides = msc.Count == 0 || document.Mscs.Count == 0 ? document.MscParameterOverrides : [.. document.MscParameterOverrides, .. msc],
        };
    }

    /// <summary>
    /// A trial output as a function of therapy parameters. Every evaluation runs the same patients with the same
    /// random streams (the trial's seed), so only the factors change between evaluations; the patients of a compared
    /// arm without therapy do not depend on them and are simulated once.
    /// </summary>
    private sealed class TrialEvaluator
    {
        private readonly ResolvedTrial trial;
        private readonly IReadOnlyList<FactorSpec> specs;
        private readonly IReadOnlyList<ResolvedFactor> factors;
        private readonly int column;
        private readonly int arm;
        private readonly int? versus;
        private readonly int[] arms;
        private readonly string[] strata;
        private readonly Lazy<double> versusWithoutTherapy;

        public TrialEvaluator(ResolvedTrial trial, IReadOnlyList<FactorSpec> specs, IReadOnlyList<ResolvedFactor> factors, string changeColumn, int arm, int? versus)
        {
            this.trial = trial;
            this.specs = specs;
            this.factors = factors;
            this.arm = arm;
            this.versus = versus;
            column = new TrialColumns(trial.Document.Endpoints, trial.VisitLabels).Endpoints.ToList().IndexOf(changeColumn);
            (strata, arms) = TrialEngine.Allocate(trial);
            versusWithoutTherapy = new Lazy<double>(() => MeanChange(trial, versus!.Value), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public double Output(double[] values)
        {
            var treated = trial with
            {
                Arms = trial.Arms.Select(a => a.Therapy is null ? a : a with { Therapy = WithValues(a.Therapy, specs, factors, values) }).ToArray(),
            };
            double change = MeanChange(treated, arm);
            if (versus is not int reference)
            {
                return change;
            }

            return change - (trial.Arms[reference].Therapy is null ? versusWithoutTherapy.Value : MeanChange(treated, reference));
        }

        private double MeanChange(ResolvedTrial resolved, int armIndex)
        {
            double sum = 0;
            int n = 0;
            for (int i = 0; i < arms.Length; i++)
            {
                if (arms[i] == armIndex)
                {
                    sum += TrialEngine.Simulate(resolved, i, resolved.Arms[armIndex], strata[i]).Values[column];
                    n++;
                }
            }

            return n == 0 ? double.NaN : sum / n;
        }
    }
}
