using System.Globalization;
using ExoSim.Analysis.Estimation;
using ExoSim.Models;
using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Models.Units;
using ExoSim.Trials.Scenarios;

namespace ExoSim.Trials.Fitting;

/// <summary>One subject's estimation problem.</summary>
/// <param name="Subject">The subject's name in the data ("" without a subject column).</param>
/// <param name="Problem">What is fitted.</param>
/// <param name="Predictor">The model as a predictor (also gives the fitted curve).</param>
public sealed record SubjectFit(string Subject, EstimationProblem Problem, ModelPredictor Predictor);

/// <summary>A fit file resolved against its model and data: one estimation problem per subject.</summary>
public sealed record ResolvedFit
{
    /// <summary>The fit file.</summary>
    public required FitDocument Document { get; init; }

    /// <summary>The resolved scenario.</summary>
    public required ResolvedScenario Scenario { get; init; }

    /// <summary>The data.</summary>
    public required FitData Data { get; init; }

    /// <summary>The data columns fitted: those listed in data.columns, or every measured column when it is absent.</summary>
    public required IReadOnlyList<FitDataColumn> DataColumns { get; init; }

    /// <summary>Model column of each fitted data column, in the order of <see cref="DataColumns"/>.</summary>
    public required IReadOnlyList<string> ModelColumns { get; init; }

    /// <summary>Unit of each model column.</summary>
    public required IReadOnlyList<string> ModelUnits { get; init; }

    /// <summary>Per subject, in order of appearance; each is fitted separately.</summary>
    public required IReadOnlyList<SubjectFit> Subjects { get; init; }

    /// <summary>How to fit.</summary>
    public required EstimationSettings Settings { get; init; }
}

/// <summary>
/// Resolves a <see cref="FitDocument"/> and its <see cref="FitData"/>: the scenario against the models, data columns
/// against the model's states and observables (with unit conversion), parameters and error models; mistakes are
/// <see cref="ScenarioException"/>s at the file, line and column concerned, with the closest valid names.
/// </summary>
public static class FitResolver
{
    /// <summary>Default proportional coefficient b when no error model is given: estimated from 10 % (likelihood), fixed 5 % weights (weighted least squares).</summary>
    public const double DefaultProportional = 0.1;

    /// <summary>Resolves the fit.</summary>
    /// <exception cref="ScenarioException">A name, unit or value that does not fit the model or data.</exception>
    public static ResolvedFit Resolve(FitDocument document, FitData data)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(data);
        var scenario = ScenarioResolver.Resolve(document.Scenario);
        if (scenario.Course is not null)
        {
            throw new ScenarioException(document.Scenario.Multiscale!.Location, "scenario.multiscale", "multiscale courses cannot be fitted yet: fit a scenario without a 'multiscale' block.");
        }

        var model = scenario.Request.Model;
        // With data.columns only the listed columns are fitted; observable k is the k-th fitted column.
        int[] fitted = [.. Enumerable.Range(0, data.Columns.Count).Where(c => document.Columns.Count == 0 || document.Columns.Any(e => e.Value.Key == data.Columns[c].Name))];
        data = data with { Columns = [.. fitted.Select(c => data.Columns[c])], Samples = [.. data.Samples.Where(s => fitted.Contains(s.Column)).Select(s => s with { Column = Array.IndexOf(fitted, s.Column) })] };
        var (modelColumns, modelUnits, factors) = Columns(document, data, model);
        var parameters = Parameters(document, scenario.Request.Parameters);
        var errors = ErrorModels(document, data, modelColumns, modelUnits, factors);
        var problemNames = parameters.Select(p => p.Name).Concat(ErrorNames(errors)).ToArray();
        foreach (var profile in document.Profiles)
        {
            if (!problemNames.Contains(profile.Value, StringComparer.Ordinal))
            {
                throw new ScenarioException(profile.Location, profile.Field, $"not an estimated quantity. {NameSuggestions.Describe(profile.Value, problemNames)}");
            }
        }

        var start = Start(document, scenario, model);
        var subjects = new List<SubjectFit>();
        foreach (string subject in data.Subjects)
        {
            var observations = new List<Observation>();
            foreach (var sample in data.Samples.Where(s => s.Subject == subject))
            {
                if ((document.FromMin is { } from && sample.TimeMin < from.Value) || (document.UntilMin is { } until && sample.TimeMin > until.Value))
                {
                    continue;
                }

                if (sample.TimeMin < 0 || sample.TimeMin > scenario.Request.DurationMin)
                {
                    throw new ScenarioException(sample.Location, "time", string.Create(CultureInfo.InvariantCulture, $"sample at {sample.TimeMin} min lies outside the scenario's 0–{scenario.Request.DurationMin} min: lengthen its 'duration' or drop the sample with data.until."));
                }

                observations.Add(new Observation(sample.TimeMin, sample.Column, sample.Value * factors[sample.Column]));
            }

            var used = observations.Select(o => o.Observable).Distinct().Order().ToArray();
            if (observations.Count == 0)
            {
                throw new ScenarioException(document.DataFile.Location, "data", $"subject '{subject}' has no samples in the time window.");
            }

            var predictor = new ModelPredictor(scenario.Request, scenario.Solver, scenario.Options, [.. parameters.Select(p => p.Name)], observations, modelColumns, start);
            var problem = new EstimationProblem
            {
                Parameters = parameters,
                Observations = observations,
                ErrorModels = errors,
                Objective = document.Objective,
                Predict = predictor.Predict,
            };
            try
            {
                problem.Validate();
            }
            catch (ArgumentException exception)
            {
                throw new ScenarioException(document.DataFile.Location, "data", $"subject '{subject}': {exception.Message}", exception);
            }

            subjects.Add(new SubjectFit(subject, problem, predictor));
        }

        return new ResolvedFit
        {
            Document = document,
            Scenario = scenario,
            Data = data,
            DataColumns = data.Columns,
            ModelColumns = modelColumns,
            ModelUnits = modelUnits,
            Subjects = subjects,
            Settings = document.Settings,
        };
    }

    private static IEnumerable<string> ErrorNames(IEnumerable<ObservableErrorModel> errors)
        => errors.SelectMany(e => new[] { e.Additive?.Estimated == true ? $"a({e.Observable})" : null, e.Proportional?.Estimated == true ? $"b({e.Observable})" : null }).OfType<string>();

    private static (string[] Columns, string[] Units, double[] Factors) Columns(FitDocument document, FitData data, PhysiologyModel model)
    {
        var available = model.States.Select(s => (s.Name, s.Unit)).Concat(model.Observables.Select(o => (o.Name, o.Unit))).ToArray();
        foreach (var entry in document.Columns)
        {
            if (!data.Columns.Any(c => c.Name == entry.Value.Key))
            {
                throw new ScenarioException(entry.Location, entry.Field, $"the data have no column '{entry.Value.Key}'. {NameSuggestions.Describe(entry.Value.Key, data.Columns.Select(c => c.Name))}");
            }
        }

        var columns = new string[data.Columns.Count];
        var units = new string[data.Columns.Count];
        var factors = new double[data.Columns.Count];
        for (int c = 0; c < columns.Length; c++)
        {
            var column = data.Columns[c];
            var mapped = document.Columns.FirstOrDefault(e => e.Value.Key == column.Name);
            string target = mapped?.Value.Value ?? column.Name;
            var at = mapped?.Location ?? column.Location;
            int index = Array.FindIndex(available, a => a.Name == target);
            if (index < 0)
            {
                string how = mapped is null ? $" Map it in data.columns ('{column.Name}: <model column>')." : string.Empty;
                throw new ScenarioException(at, mapped?.Field ?? column.Name, $"model '{model.Id}' has no state or observable '{target}'. {NameSuggestions.Describe(target, available.Select(a => a.Name))}{how}");
            }

            columns[c] = target;
            units[c] = available[index].Unit;
            try
            {
                factors[c] = UnitCatalog.ParseAs($"1 {column.Unit}", units[c]);
            }
            catch (FormatException exception)
            {
                throw new ScenarioException(column.Location, column.Name, $"unit '{column.Unit}' cannot be converted to {target}'s unit {units[c]}: {exception.Message}", exception);
            }
        }

        return (columns, units, factors);
    }

    private static EstimatedParameter[] Parameters(FitDocument document, ParameterSet subject)
    {
        var result = new List<EstimatedParameter>();
        var names = subject.Schema.Definitions.Where(d => !d.IsDerived).Select(d => d.Name).ToArray();
        foreach (var located in document.Parameters)
        {
            var spec = located.Value;
            int index = subject.Schema.IndexOf(spec.Name);
            if (index < 0 || subject.Schema[index].IsDerived)
            {
                string why = index >= 0 ? $"'{spec.Name}' is derived from other parameters; estimate those instead." : $"the model has no parameter '{spec.Name}'.";
                throw new ScenarioException(located.Location, located.Field, $"{why} {NameSuggestions.Describe(spec.Name, names)}");
            }

            string unit = subject.Schema[index].Unit;
            double Value(string? text, string part, double fallback)
            {
                try
                {
                    return text is null ? fallback : UnitCatalog.ParseAs(text, unit);
                }
                catch (FormatException exception)
                {
                    throw new ScenarioException(located.Location, $"{located.Field}.{part}", exception.Message, exception);
                }
            }

            double initial = Value(spec.Initial, "initial", subject[index]);
            var parameter = new EstimatedParameter(spec.Name, initial, Value(spec.Lower, "lower", initial / 10), Value(spec.Upper, "upper", initial * 10), unit);
            try
            {
                parameter.Validate();
            }
            catch (ArgumentException exception)
            {
                throw new ScenarioException(located.Location, located.Field, exception.Message, exception);
            }

            if (result.Any(p => p.Name == spec.Name))
            {
                throw new ScenarioException(located.Location, located.Field, "listed twice.");
            }

            result.Add(parameter);
        }

        return [.. result];
    }

    private static ObservableErrorModel[] ErrorModels(FitDocument document, FitData data, string[] columns, string[] units, double[] factors)
    {
        bool likelihood = document.Objective == ObjectiveKind.MinusTwoLogLikelihood;
        foreach (var spec in document.ErrorModels)
        {
            if (!data.Columns.Any(c => c.Name == spec.Value.Column))
            {
                throw new ScenarioException(spec.Location, spec.Field, $"the data have no column '{spec.Value.Column}'. {NameSuggestions.Describe(spec.Value.Column, data.Columns.Select(c => c.Name))}");
            }
        }

        var models = new ObservableErrorModel[columns.Length];
        for (int c = 0; c < columns.Length; c++)
        {
            var column = data.Columns[c];
            var spec = document.ErrorModels.FirstOrDefault(e => e.Value.Column == column.Name);
            if (spec is null)
            {
                models[c] = new ObservableErrorModel(columns[c], units[c], ErrorModelKind.Proportional, null, new ErrorCoefficient(likelihood ? DefaultProportional : 0.05, likelihood));
                continue;
            }

            double typical = data.Samples.Where(s => s.Column == c).Select(s => Math.Abs(s.Value * factors[c])).DefaultIfEmpty(1).Average();
            var a = spec.Value.A is { } aText ? Coefficient(spec, "a", aText, likelihood, text => UnitCatalog.ParseAs(text, units[c]), 0.1 * typical) : null;
            var b = spec.Value.B is { } bText ? Coefficient(spec, "b", bText, likelihood, Fraction, DefaultProportional) : null;
            var model = new ObservableErrorModel(columns[c], units[c], spec.Value.Kind, a, b);
            try
            {
                model.Validate();
            }
            catch (ArgumentException exception)
            {
                throw new ScenarioException(spec.Location, spec.Field, exception.Message, exception);
            }

            models[c] = model;
        }

        return models;
    }

    /// <summary>"estimate", "estimate 5 mg/dL" (estimated from that value) or a value (fixed).</summary>
    private static ErrorCoefficient Coefficient(Located<FitErrorSpec> spec, string part, string text, bool likelihood, Func<string, double> parse, double fallback)
    {
        string field = $"{spec.Field}.{part}";
        bool estimated = text.StartsWith("estimate", StringComparison.Ordinal);
        if (estimated && !likelihood)
        {
            throw new ScenarioException(spec.Location, field, "with 'objective: wls' the error model gives fixed relative weights; estimate it with 'objective: likelihood'.");
        }

        string rest = estimated ? text["estimate".Length..].Trim() : text;
        try
        {
            double value = rest.Length == 0 ? fallback : parse(rest);
            return value > 0 ? new ErrorCoefficient(value, estimated) : throw new FormatException($"must be positive; got '{rest}'.");
        }
        catch (FormatException exception)
        {
            throw new ScenarioException(spec.Location, field, $"{exception.Message} Write a value, 'estimate' or 'estimate <start value>'.", exception);
        }
    }

    /// <summary>"2 %" → 0.02; "0.02" → 0.02.</summary>
    private static double Fraction(string text)
    {
        bool percent = text.EndsWith('%');
        string number = percent ? text[..^1].Trim() : text;
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? (percent ? value / 100 : value)
            : throw new FormatException($"'{text}' is not a fraction: write e.g. '5 %' or 0.05.");
    }

    /// <summary>
    /// How each run starts: a steady-start model recomputes its fasting steady state for the trial parameters; a
    /// scenario with an 'initial' block keeps that state; otherwise the model's own initial state for the parameters
    /// (so initial-condition parameters such as G0 can be estimated).
    /// </summary>
    private static Func<ParameterSet, (ParameterSet, double[]?)> Start(FitDocument document, ResolvedScenario scenario, PhysiologyModel model)
    {
        if (scenario.SteadyStart is not null)
        {
            double? glucose = document.Scenario.FastingGlucoseMgPerDl?.Value;
            return parameters =>
            {
                var rest = SteadyStart.AtFasting(model, parameters, glucose);
                return (rest.Parameters, rest.State);
            };
        }

        var initial = scenario.Request.InitialState?.ToArray();
        return document.Scenario.Initial.Count > 0 ? parameters => (parameters, initial) : parameters => (parameters, null);
    }
}
