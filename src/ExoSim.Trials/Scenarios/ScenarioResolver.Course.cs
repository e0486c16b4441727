using System.Globalization;
using ExoSim.Models;
using ExoSim.Models.Multiscale;
using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Numerics.Ode;
using ExoSim.Trials.Endpoints;

namespace ExoSim.Trials.Scenarios;

/// <summary>How a long-horizon course is computed (docs/multiscale.md).</summary>
public enum CourseScheme
{
    /// <summary>One representative day every N days drives the averaged slow dynamics (fast).</summary>
    RepresentativeDays,

    /// <summary>Every day simulated, fast and slow states in one ODE (the reference).</summary>
    BruteForce,
}

/// <summary>A scenario's <c>multiscale</c> block resolved: ready to run.</summary>
/// <param name="Request">Fast model, slow dynamics, days and the daily events.</param>
/// <param name="Slow">The slow dynamics (also in <paramref name="Request"/>).</param>
/// <param name="Scheme">How the course is computed.</param>
/// <param name="EveryDays">Days between representative days (<see cref="CourseScheme.RepresentativeDays"/> only).</param>
/// <param name="Verify">Whether the brute-force reference is run as well and the agreement reported.</param>
/// <param name="OutputEveryDays">Days between output rows.</param>
/// <param name="BetaCellModel">The model whose parameter set gives the β-cell growth law.</param>
/// <param name="BetaCellParameters">That parameter set (its d0, r1, r2 are used, with their provenance).</param>
public sealed record ResolvedCourse(
    MultiscaleRequest Request, GlucotoxicBetaCellCourse Slow, CourseScheme Scheme, int EveryDays, bool Verify, int OutputEveryDays, string BetaCellModel, ParameterSet BetaCellParameters);

public static partial class ScenarioResolver
{
    /// <summary>Column of a course: day number.</summary>
    public const string DayColumn = "day";

    /// <summary>Column of a course: mean plasma glucose of the day (mg/dL).</summary>
    public const string MeanGlucoseColumn = "mean_glucose_mg_dl";

    /// <summary>Column of a course: plasma glucose at the start of the day, before its first event (mg/dL).</summary>
    public const string FastingGlucoseColumn = "fasting_glucose_mg_dl";

    /// <summary>The β-cell growth laws a course can use, by the id of the model that defines it.</summary>
    public static IReadOnlyList<string> BetaCellLaws { get; } = ["topp-2000"];

    /// <summary>Days between representative days when the scenario gives none.</summary>
    public const int DefaultEveryDays = 7;

    private const double MinutesPerDay = 1440;

    private static readonly string[] SchemeNames = ["representative_days", "brute_force"];

    /// <summary>The course's columns with their units (slow states, then the daily glucose columns).</summary>
    public static IReadOnlyList<(string Name, string Unit)> CourseColumns(SlowDynamics slow)
    {
        ArgumentNullException.ThrowIfNull(slow);
        return
        [
            (Simulator.TimeColumn, "min"),
            (DayColumn, "d"),
            .. slow.States.Select(s => (s.Name, s.Unit)),
            (MeanGlucoseColumn, "mg/dL"),
            (FastingGlucoseColumn, "mg/dL"),
        ];
    }

    private static ResolvedScenario ResolveCourse(
        ScenarioDocument document, MultiscaleDocument course, PhysiologyModel model, ParameterSet parameters, double[] initial,
        SteadyStartResult? rest, IOdeSolver solver, SolverOptions options)
    {
        if (!model.Observables.Any(o => o.Name == Observable.GlucoseMgPerDl))
        {
            throw new ScenarioException(course.Location, "multiscale", $"model '{model.Id}' has no {Observable.GlucoseMgPerDl} to drive β-cell dynamics; a course needs a meal-scale glucose model such as dalla-man-2007.");
        }

        RejectOutsideCourse(document);
        int days = WholeDays(document.DurationMin, 1);
        int outputEvery = WholeDays(document.OutputIntervalMin, 1);
        var scheme = CourseScheme.RepresentativeDays;
        if (course.Scheme is { } schemeName)
        {
            int index = Array.IndexOf(SchemeNames, schemeName.Value);
            scheme = index >= 0
                ? (CourseScheme)index
                : throw new ScenarioException(schemeName.Location, schemeName.Field, $"unknown scheme. {NameSuggestions.Describe(schemeName.Value, SchemeNames)}");
        }

        int every = DefaultEveryDays;
        if (course.EveryMin is { } everyMin)
        {
            if (scheme == CourseScheme.BruteForce)
            {
                throw new ScenarioException(everyMin.Location, everyMin.Field, "applies to scheme 'representative_days' only; the brute-force scheme simulates every day.");
            }

            every = WholeDays(everyMin, 1);
        }

        string lawModel = course.BetaCell?.Value ?? BetaCellLaws[0];
        if (!BetaCellLaws.Contains(lawModel))
        {
            throw new ScenarioException(course.BetaCell!.Location, course.BetaCell.Field, $"unknown β-cell growth law. {NameSuggestions.Describe(lawModel, BetaCellLaws)}");
        }

        var lawParameters = ModelCatalog.Get(lawModel).Patient(ModelCatalog.Get(lawModel).DefaultPatient);
        var secretion = CoupledParameters(course.Secretion, model.SecretionParameters, parameters, model, course.Location, "multiscale.secretion", "insulin secretion");
        var sensitivity = CoupledParameters(
            course.Sensitivity, model.SensitivityParameters, parameters, model, course.SensitivityTarget?.Location ?? course.Location, "multiscale.sensitivity",
            course.SensitivityTarget is null ? null : "insulin sensitivity");
        if (secretion.Intersect(sensitivity).FirstOrDefault() is { } both)
        {
            throw new ScenarioException(course.Location, "multiscale", $"'{both}' is listed under both secretion and sensitivity; each parameter follows one slow state.");
        }

        var slow = GlucotoxicBetaCellCourse.FromTopp(
            lawParameters, secretion, sensitivity,
            course.SensitivityTarget?.Value ?? 1,
            (course.SensitivityTimeConstantMin?.Value ?? (365 * MinutesPerDay)) / MinutesPerDay);

        var daily = new List<Intervention>();
        foreach (var located in course.Day)
        {
            RequireSupported(located, model);
            if (located.Value.TimeMin < 0 || located.Value.TimeMin >= MinutesPerDay)
            {
                throw new ScenarioException(located.Location, located.Field + ".at", string.Create(CultureInfo.InvariantCulture, $"at {located.Value.TimeMin:G6} min is not within one day: the day's events need 0 ≤ at < 24 h (they repeat every day)."));
            }

            daily.Add(located.Value);
        }

        var readouts = Readouts(model, document.Readouts);
        if (readouts.FirstOrDefault(r => r != ClinicalReadouts.Hba1cColumn) is { } unavailable)
        {
            var located = document.Readouts!.First(r => r.Value == unavailable);
            throw new ScenarioException(located.Location, located.Field, $"a course's daily rows have no fasting insulin; of the read-outs only {ClinicalReadouts.Hba1cColumn} (from the daily mean glucose) is available.");
        }

        var request = new MultiscaleRequest
        {
            FastModel = model,
            FastParameters = parameters,
            FastInitialState = initial,
            Slow = slow,
            Days = days,
            DailyInterventions = daily,
            Solver = solver,
            Options = options,
        };
        return new ResolvedScenario
        {
            Document = document,
            Request = new SimulationRequest
            {
                Model = model,
                Parameters = parameters,
                InitialState = initial,
                DurationMin = MinutesPerDay,
                OutputIntervalMin = Math.Min(document.OutputIntervalMin.Value, request.SampleIntervalMin),
                Interventions = daily,
            },
            Solver = solver,
            Options = options,
            OutputColumns = Columns(model, CourseColumns(slow).Select(c => c.Name).Skip(1).ToArray(), document.Outputs),
            Readouts = readouts,
            SteadyStart = rest,
            Course = new ResolvedCourse(request, slow, scheme, every, course.Verify, outputEvery, lawModel, lawParameters),
        };
    }

    /// <summary>Fields that a course does not use yet are errors rather than silently ignored.</summary>
    private static void RejectOutsideCourse(ScenarioDocument document)
    {
        if (document.Events.Count > 0)
        {
            var first = document.Events[0];
            throw new ScenarioException(first.Location, first.Field, "in a multiscale course the day's events go under 'multiscale.day' (repeated every day); one-off events during a course are not supported yet.");
        }

        if (document.Modulations.Count > 0)
        {
            var first = document.Modulations[0];
            throw new ScenarioException(first.Location, first.Field, "modulate events are not supported in a multiscale course yet.");
        }

        if (document.SensorType is { } sensor)
        {
            throw new ScenarioException(sensor.Location, "sensor", "a multiscale course writes daily rows; CGM readings are not simulated for courses.");
        }
    }

    /// <summary>A time that must be a whole number of days (at least <paramref name="minimumDays"/>).</summary>
    private static int WholeDays(Located<double> timeMin, int minimumDays)
    {
        double days = timeMin.Value / MinutesPerDay;
        if (Math.Abs(days - Math.Round(days)) > 1e-9 * Math.Max(1, days) || Math.Round(days) < minimumDays || days > int.MaxValue)
        {
            throw new ScenarioException(timeMin.Location, timeMin.Field, string.Create(CultureInfo.InvariantCulture, $"a multiscale course counts whole days: expected a whole number of days ≥ {minimumDays} (e.g. '7 d'); got {days:G6} d."));
        }

        return (int)Math.Round(days);
    }

    /// <summary>
    /// The coupled parameter list as written, else the model's default; each must exist. With <paramref name="what"/>
    /// set, an empty default is an error (the coupling is required), naming what the parameters are.
    /// </summary>
    private static string[] CoupledParameters(
        IReadOnlyList<Located<string>>? written, IReadOnlyList<string> defaults, ParameterSet parameters, PhysiologyModel model,
        SourceLocation blockLocation, string field, string? what)
    {
        if (written is null)
        {
            return defaults.Count > 0 || what is null
                ? [.. defaults]
                : throw new ScenarioException(blockLocation, field, $"model '{model.Id}' declares no {what} parameters to couple: list them, e.g. '{field.Split('.')[^1]}: [NAME, …]' (see exosim params {model.Id}).");
        }

        var names = new List<string>();
        foreach (var name in written)
        {
            if (parameters.Schema.IndexOf(name.Value) < 0)
            {
                throw new ScenarioException(name.Location, name.Field, $"model '{model.Id}' has no parameter '{name.Value}'. {NameSuggestions.Describe(name.Value, parameters.Schema.Definitions.Select(d => d.Name))}");
            }

            if (names.Contains(name.Value))
            {
                throw new ScenarioException(name.Location, name.Field, $"'{name.Value}' is listed twice.");
            }

            names.Add(name.Value);
        }

        return [.. names];
    }
}
