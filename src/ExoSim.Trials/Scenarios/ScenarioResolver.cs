using System.Globalization;
using ExoSim.Models;
using ExoSim.Models.Parameters;
using ExoSim.Models.Sensors;
using ExoSim.Models.Simulation;
using ExoSim.Models.Units;
using ExoSim.Numerics.Ode;
using ExoSim.Trials.Endpoints;

namespace ExoSim.Trials.Scenarios;

/// <summary>A scenario resolved against its model: ready to run, with every name checked.</summary>
public sealed record ResolvedScenario
{
    /// <summary>The scenario as read.</summary>
    public required ScenarioDocument Document { get; init; }

    /// <summary>What to simulate: model, completed parameters, initial state, interventions, modulations.</summary>
    public required SimulationRequest Request { get; init; }

    /// <summary>The solver (the scenario's choice or the model's default).</summary>
    public required IOdeSolver Solver { get; init; }

    /// <summary>Solver tolerances.</summary>
    public required SolverOptions Options { get; init; }

    /// <summary>Columns to write: <c>time_min</c> first, then the selected states and observables.</summary>
    public required IReadOnlyList<string> OutputColumns { get; init; }

    /// <summary>Clinical read-out columns written after <see cref="OutputColumns"/> (see <see cref="ClinicalReadouts.Columns"/>).</summary>
    public IReadOnlyList<string> Readouts { get; init; } = [];

    /// <summary>The CGM sensor whose readings are simulated, or null.</summary>
    public CgmSensor? Sensor { get; init; }

    /// <summary>Seed of the sensor's measurement error (default <see cref="ScenarioResolver.DefaultSensorSeed"/>).</summary>
    public ulong SensorSeed { get; init; }

    /// <summary>The verified fasting steady state the run starts from (before initial-state overrides), or null when the model does not start at rest.</summary>
    public SteadyStartResult? SteadyStart { get; init; }

    /// <summary>The exosome therapy of the scenario (parameters, doses, modulations), or null when it has none.</summary>
    public ResolvedExosomeTherapy? Exosome { get; init; }

    /// <summary>
    /// The long-horizon course when the scenario has a <c>multiscale</c> block, or null. Then <see cref="Request"/> is
    /// the course's first day as a plain simulation (one day of the daily events from the start state), and
    /// <see cref="OutputColumns"/> are the course's daily columns.
    /// </summary>
    public ResolvedCourse? Course { get; init; }
}

/// <summary>
/// Resolves a <see cref="ScenarioDocument"/> against <see cref="ModelCatalog"/>: model, subject, parameter and state
/// names, units, fasting start, events the model accepts and output columns. Mistakes are
/// <see cref="ScenarioException"/>s pointing at the line that caused them.
/// </summary>
public static partial class ScenarioResolver
{
    /// <summary>The sensor seed when a scenario gives none (documented, so that a run without one is still reproducible).</summary>
    public const ulong DefaultSensorSeed = 1;

    /// <summary>Most output rows a scenario may ask for (10 million rows of a 20-column table are 1.6 GB in memory).</summary>
    public const long MaxOutputRows = 10_000_000;

    /// <summary>Resolves a scenario.</summary>
    /// <exception cref="ScenarioException">A name, value or event that does not fit the model.</exception>
    public static ResolvedScenario Resolve(ScenarioDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var model = Guard(document.Model, () => ModelCatalog.Get(document.Model.Value));
        double rows = Math.Floor(document.DurationMin.Value / document.OutputIntervalMin.Value) + 1;
        if (rows > MaxOutputRows)
        {
            throw new ScenarioException(
                document.OutputIntervalMin.Location, "output_interval",
                string.Create(CultureInfo.InvariantCulture, $"gives {rows:G4} output rows over the duration; at most {MaxOutputRows:N0}: choose a coarser interval, e.g. '1 d' for runs of years."));
        }

        var (parameters, initial, rest) = StartState(document, model, Subject(document, model));
        foreach (var entry in document.Initial)
        {
            var (name, text) = entry.Value;
            int index = Guard(entry, () => model.StateIndex(name));
            initial[index] = Guard(entry, () => UnitCatalog.ParseAs(text, model.States[index].Unit));
        }

        var solver = document.SolverMethod is { } method
            ? Guard(method, () => OdeSolvers.ByName(method.Value))
            : OdeSolvers.For(model.IsStiff);
        var options = SolverOptions.Default with
        {
            RelativeTolerance = document.RelativeTolerance?.Value ?? SolverOptions.Default.RelativeTolerance,
            AbsoluteTolerance = document.AbsoluteTolerance?.Value ?? SolverOptions.Default.AbsoluteTolerance,
        };

        if (document.Multiscale is { } multiscale)
        {
            RequireNoTherapyInCourse(document);
            if (document.Drugs.Count > 0)
            {
                throw new ScenarioException(document.Drugs[0].Location, document.Drugs[0].Field + ".drug", "drug events do not act in a multiscale course yet; run them on dalla-man-2007 without 'multiscale'.");
            }

            if (document.Regimen is { } regimen)
            {
                throw new ScenarioException(regimen.Location, regimen.Field, "an insulin regimen or controller does not act in a multiscale course yet; give the day's insulin as 'insulin' events in 'day'.");
            }

            return ResolveCourse(document, multiscale, model, parameters, initial, rest, solver, options);
        }

        var exosome = ResolveExosome(document, model, parameters);
        var sensor = Sensor(document, model);

        return new ResolvedScenario
        {
            Document = document,
            Request = new SimulationRequest
            {
                Model = model,
                Parameters = parameters,
                InitialState = initial,
                DurationMin = document.DurationMin.Value,
                OutputIntervalMin = document.OutputIntervalMin.Value,
                Interventions = [.. Interventions(document, model), .. RegimenDoses(document, model, parameters, sensor)],
                Modulations = [.. Modulations(document, model, parameters), .. exosome?.Modulations ?? [], .. DrugModulations(document, model)],
            },
            Solver = solver,
            Options = options,
            OutputColumns = Columns(model, document.Outputs),
            Readouts = Readouts(model, document.Readouts),
            SteadyStart = rest,
            Sensor = sensor,
            SensorSeed = document.SensorSeed?.Value ?? DefaultSensorSeed,
            Exosome = exosome,
        };
    }

    /// <summary>The subject's parameters with the scenario's overrides, completed (derived values recomputed).</summary>
    private static ParameterSet Subject(ScenarioDocument document, PhysiologyModel model)
    {
        var parameters = document.Patient is { } patient
            ? Guard(patient, () => model.Patient(patient.Value))
            : model.Patient(model.DefaultPatient);
        foreach (var entry in document.Parameters)
        {
            var (name, text) = entry.Value;
            int index = parameters.Schema.IndexOf(name);
            if (index < 0)
            {
                throw new ScenarioException(entry.Location, entry.Field, $"model '{model.Id}' has no parameter '{name}'. {NameSuggestions.Describe(name, parameters.Schema.Definitions.Select(d => d.Name))} (list: exosim params {model.Id})");
            }

            double value = Guard(entry, () => UnitCatalog.ParseAs(text, parameters.Schema[index].Unit));
            parameters = Guard(entry, () => parameters.WithUserValue(name, value, $"scenario {entry.Location}"));
        }

        var overrides = parameters;
        return document.Parameters.Count == 0
            ? model.Complete(overrides)
            : Guard(document.Parameters[0].Location, "parameters", () => model.Complete(overrides));
    }

    /// <summary>
    /// The state the run starts from: for models that start at rest, the fasting steady state (after the scenario's
    /// fasting values, checked by Newton); otherwise the model's own initial state.
    /// </summary>
    private static (ParameterSet Parameters, double[] Initial, SteadyStartResult? AtRest) StartState(ScenarioDocument document, PhysiologyModel model, ParameterSet parameters)
    {
        var fastingLocation = document.FastingGlucoseMgPerDl?.Location ?? document.FastingInsulin?.Location;

        // A missing start or steady state is blamed on the fasting values if given, else on the parameter overrides.
        var (at, field) = fastingLocation is { } fasting ? (fasting, "fasting")
            : document.Parameters.Count > 0 ? (document.Parameters[0].Location, "parameters")
            : (document.Model.Location, "model");
        if (model.FastingGlucoseParameter is null)
        {
            if (fastingLocation is { } location)
            {
                throw new ScenarioException(location, "fasting", $"model '{model.Id}' does not start at a fasting steady state; set its parameters or 'initial' instead.");
            }

            return (parameters, Guard(at, field, () => model.InitialState(parameters)), null);
        }

        double? insulin = null;
        if (document.FastingInsulin is { } fi)
        {
            string name = model.BasalInsulinParameter
                ?? throw new ScenarioException(fi.Location, fi.Field, $"model '{model.Id}' has no basal insulin to set; give only 'glucose'.");
            insulin = Guard(fi, () => UnitCatalog.ParseAs(fi.Value, parameters.Entry(name).Unit));
        }

        var rest = Guard(at, field, () => SteadyStart.AtFasting(model, parameters, document.FastingGlucoseMgPerDl?.Value, insulin));
        return (rest.Parameters, (double[])rest.State.Clone(), rest);
    }

    private static List<Intervention> Interventions(ScenarioDocument document, PhysiologyModel model)
    {
        var interventions = new List<Intervention>();
        foreach (var located in document.Events)
        {
            RequireSupported(located, model);
            RequireWithin(located.Location, located.Field, located.Value.TimeMin, document.DurationMin.Value);
            interventions.Add(located.Value);
        }

        return interventions;
    }

    private static void RequireSupported(Located<Intervention> located, PhysiologyModel model)
    {
        if (!model.SupportedInterventions.Contains(located.Value.Kind))
        {
            string allowed = model.SupportedInterventions.Count == 0 ? "none (its protocol is built into the initial state)" : string.Join(", ", model.SupportedInterventions);
            throw new ScenarioException(located.Location, located.Field, $"model '{model.Id}' does not accept {located.Value.Kind} events. Allowed: {allowed}.");
        }
    }

    private static List<ParameterModulation> Modulations(ScenarioDocument document, PhysiologyModel model, ParameterSet parameters)
    {
        var modulations = new List<ParameterModulation>();
        foreach (var located in document.Modulations)
        {
            var spec = located.Value;
            if (parameters.Schema.IndexOf(spec.Parameter) < 0)
            {
                throw new ScenarioException(located.Location, located.Field + ".modulate.parameter", $"model '{model.Id}' has no parameter '{spec.Parameter}'. {NameSuggestions.Describe(spec.Parameter, parameters.Schema.Definitions.Select(d => d.Name))}");
            }

            RequireWithin(located.Location, located.Field, spec.StartMin, document.DurationMin.Value);
            modulations.Add(new StepModulation(spec.Parameter, spec.Factor, spec.StartMin, spec.EndMin));
        }

        return modulations;
    }

    private static List<string> Readouts(PhysiologyModel model, IReadOnlyList<Located<string>>? readouts)
    {
        var names = new List<string>();
        bool hasInsulin = model.Observables.Any(o => o.Name == Observable.InsulinPmolPerL);
        bool hasGlucose = model.Observables.Any(o => o.Name == Observable.GlucoseMgPerDl);
        foreach (var readout in readouts ?? [])
        {
            var known = ClinicalReadouts.Columns.FirstOrDefault(c => c.Name == readout.Value);
            if (known.Name is null)
            {
                throw new ScenarioException(readout.Location, readout.Field, $"unknown read-out. {NameSuggestions.Describe(readout.Value, ClinicalReadouts.Columns.Select(c => c.Name))}");
            }

            if (!hasGlucose || (known.NeedsInsulin && !hasInsulin))
            {
                throw new ScenarioException(readout.Location, readout.Field, $"model '{model.Id}' has no {(hasGlucose ? Observable.InsulinPmolPerL : Observable.GlucoseMgPerDl)} to compute '{readout.Value}' from.");
            }

            if (names.Contains(readout.Value))
            {
                throw new ScenarioException(readout.Location, readout.Field, $"'{readout.Value}' is listed twice.");
            }

            names.Add(readout.Value);
        }

        return names;
    }

    private static CgmSensor? Sensor(ScenarioDocument document, PhysiologyModel model)
    {
        if (document.SensorType is not { } sensorType)
        {
            return null;
        }

        var sensor = Guard(sensorType, () => CgmSensors.Get(sensorType.Value));
        if (!model.Observables.Any(o => o.Name == Observable.InterstitialGlucoseMgPerDl))
        {
            throw new ScenarioException(sensorType.Location, "sensor", $"model '{model.Id}' has no interstitial glucose ({Observable.InterstitialGlucoseMgPerDl}) for a CGM sensor to read.");
        }

        return sensor;
    }

    private static List<string> Columns(PhysiologyModel model, IReadOnlyList<Located<string>>? outputs)
        => Columns(model, model.States.Select(s => s.Name).Concat(model.Observables.Select(o => o.Name)).ToArray(), outputs);

    /// <summary><c>time_min</c>, then the <paramref name="outputs"/> (each one of <paramref name="available"/>) or all of them.</summary>
    private static List<string> Columns(PhysiologyModel model, IReadOnlyList<string> available, IReadOnlyList<Located<string>>? outputs)
    {
        var columns = new List<string> { Simulator.TimeColumn };
        if (outputs is null)
        {
            columns.AddRange(available);
            return columns;
        }

        foreach (var output in outputs)
        {
            if (output.Value == Simulator.TimeColumn)
            {
                continue; // always written first
            }

            if (!available.Contains(output.Value, StringComparer.Ordinal))
            {
                throw new ScenarioException(output.Location, output.Field, $"model '{model.Id}' has no output '{output.Value}'. {NameSuggestions.Describe(output.Value, available)}");
            }

            if (columns.Contains(output.Value, StringComparer.Ordinal))
            {
                throw new ScenarioException(output.Location, output.Field, $"'{output.Value}' is listed twice.");
            }

            columns.Add(output.Value);
        }

        return columns;
    }

    private static void RequireWithin(SourceLocation location, string field, double timeMin, double durationMin)
    {
        if (timeMin < 0 || timeMin > durationMin)
        {
            throw new ScenarioException(location, field + ".at", string.Create(
                CultureInfo.InvariantCulture,
                $"at {timeMin:G6} min lies outside the simulated span 0 … {durationMin:G6} min (duration)."));
        }
    }

    /// <summary>Runs a model call and turns its argument errors into a scenario error at <paramref name="located"/>.</summary>
    private static T Guard<TLocated, T>(Located<TLocated> located, Func<T> action)
        => Guard(located.Location, located.Field, action);

    /// <summary>Runs a model call and turns its argument errors into a scenario error at a location.</summary>
    private static T Guard<T>(SourceLocation location, string field, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception exception) when (exception is KeyNotFoundException or ArgumentException or FormatException or InvalidOperationException)
        {
            throw new ScenarioException(location, field, exception.Message, exception);
        }
    }
}
