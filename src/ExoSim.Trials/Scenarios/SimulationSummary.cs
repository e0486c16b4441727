using ExoSim.Models;
using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Trials.Endpoints;

namespace ExoSim.Trials.Scenarios;

/// <summary>The content of <c>summary.json</c> of <c>exosim simulate</c> (layout <see cref="SchemaName"/>).</summary>
/// <param name="Schema">Name and version of the layout.</param>
/// <param name="ExosimVersion">Version of the tool.</param>
/// <param name="Notice">The research-use notice.</param>
/// <param name="Scenario">The scenario file and its name/description.</param>
/// <param name="Model">The model's id, title and reference.</param>
/// <param name="Patient">The subject (named parameter set).</param>
/// <param name="DurationMin">Simulated time (min).</param>
/// <param name="OutputIntervalMin">Spacing of the output rows (min).</param>
/// <param name="Rows">Rows written.</param>
/// <param name="Columns">Columns written, with units.</param>
/// <param name="Parameters">Every parameter used, with unit, origin and source.</param>
/// <param name="InitialState">The initial state, with units.</param>
/// <param name="SteadyStart">The fasting steady state check, when the model starts at rest.</param>
/// <param name="Events">The interventions, repeats expanded, in canonical units.</param>
/// <param name="Modulations">The parameter modulations.</param>
/// <param name="Solver">Solver, tolerances and statistics.</param>
/// <param name="Glucose">Glucose statistics, when the model has glucose.</param>
/// <param name="Cgm">CGM sensor readings and their statistics, when the scenario has a sensor.</param>
/// <param name="Clinical">Clinical read-outs (HbA1c, GMI, HOMA), when the model has glucose.</param>
public sealed record SimulationSummary(
    string Schema,
    string ExosimVersion,
    string Notice,
    ScenarioInfo Scenario,
    ModelInfo Model,
    string Patient,
    double DurationMin,
    double OutputIntervalMin,
    int Rows,
    IReadOnlyList<ColumnInfo> Columns,
    IReadOnlyList<ParameterInfo> Parameters,
    IReadOnlyList<StateInfo> InitialState,
    SteadyStartInfo? SteadyStart,
    IReadOnlyList<EventInfo> Events,
    IReadOnlyList<ModulationSpec> Modulations,
    SolverInfo Solver,
    GlucoseInfo? Glucose,
    CgmInfo? Cgm,
    ClinicalInfo? Clinical)
{
    /// <summary>The layout's name and version.</summary>
    public const string SchemaName = "exosim.simulate.summary/1";

    /// <summary>The exosome therapy (doses and the exosome parameters used), when the scenario has <c>exosome</c> events.</summary>
    public ExosomeInfo? Exosome { get; init; }

    /// <summary>Builds the summary of a run.</summary>
    public static SimulationSummary Build(ResolvedScenario scenario, ScenarioRun run, string exosimVersion, string notice)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(run);
        var result = run.Result;
        var request = scenario.Request;
        var model = request.Model;
        var initial = request.InitialState ?? model.InitialState(request.Parameters);
        GlucoseInfo? glucose = null;
        if (result.HasColumn(Observable.GlucoseMgPerDl))
        {
            glucose = GlucoseInfo.From(GlucoseSummary.From(result.Column(Simulator.TimeColumn), result.Column(Observable.GlucoseMgPerDl)));
        }

        var clinical = glucose is null ? null : ClinicalInfo.From(scenario, result, glucose.Mean);

        CgmInfo? cgm = null;
        if (run.Cgm is { } trace)
        {
            var readings = trace.Readings;
            var stats = GlucoseSummary.From(readings.Select(r => r.TimeMin).ToArray(), readings.Select(r => r.MgDl).ToArray());
            cgm = new CgmInfo(trace.Sensor.Name, trace.Seed, trace.Sensor.SampleTimeMin, readings.Count, trace.Sensor.Source, GlucoseInfo.From(stats));
        }

        var s = result.Statistics;
        var summary = new SimulationSummary(
            SchemaName,
            exosimVersion,
            notice,
            ScenarioInfo.From(scenario.Document),
            ModelInfo.From(model),
            request.Parameters.Name,
            request.DurationMin,
            request.OutputIntervalMin,
            result.RowCount,
            scenario.OutputColumns.Select(c => new ColumnInfo(c, result.ColumnUnits[result.ColumnIndex(c)]))
                .Concat(scenario.Readouts.Select(r => new ColumnInfo(r, ClinicalReadouts.Columns.First(c => c.Name == r).Unit))).ToArray(),
            ParameterInfo.AllOf(request.Parameters),
            model.States.Select((st, i) => new StateInfo(st.Name, initial[i], st.Unit)).ToArray(),
            scenario.SteadyStart is { } rest ? new SteadyStartInfo(rest.ScaledResidual, rest.NewtonIterations) : null,
            request.Interventions.Select(EventInfo.From).ToArray(),
            scenario.Document.Modulations.Select(m => m.Value).ToArray(),
            new SolverInfo(result.Solver, scenario.Options.RelativeTolerance, scenario.Options.AbsoluteTolerance, s.AcceptedSteps, s.RejectedSteps, s.RhsEvaluations, s.JacobianEvaluations, s.LuDecompositions),
            glucose,
            cgm,
            clinical);
        return scenario.Exosome is { } exosome ? summary with { Exosome = ExosomeInfo.From(exosome, request.DurationMin) } : summary;
    }
}

/// <summary>The scenario file.</summary>
/// <param name="File">Path as given.</param>
/// <param name="Name">Its name, if any.</param>
/// <param name="Description">Its description, if any.</param>
public sealed record ScenarioInfo(string File, string? Name, string? Description)
{
    /// <summary>The file, name and description of a scenario as read.</summary>
    public static ScenarioInfo From(ScenarioDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new ScenarioInfo(document.File, document.Name, document.Description);
    }
}

/// <summary>The model.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Title">Title.</param>
/// <param name="Reference">Source publications.</param>
public sealed record ModelInfo(string Id, string Title, string Reference)
{
    /// <summary>A model's id, title and reference.</summary>
    public static ModelInfo From(PhysiologyModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new ModelInfo(model.Id, model.Title, model.Reference);
    }
}

/// <summary>An output column.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Unit">Unit.</param>
public sealed record ColumnInfo(string Name, string Unit);

/// <summary>A parameter as used.</summary>
/// <param name="Name">Symbol.</param>
/// <param name="Value">Value in <paramref name="Unit"/>.</param>
/// <param name="Unit">Unit.</param>
/// <param name="Origin">Literature, Derived, Assumption or UserDefined.</param>
/// <param name="Source">Citation, reason or equation.</param>
/// <param name="Description">Meaning.</param>
public sealed record ParameterInfo(string Name, double Value, string Unit, ParameterOrigin Origin, string Source, string Description)
{
    /// <summary>Every parameter of a set, in schema order.</summary>
    public static ParameterInfo[] AllOf(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.Entries.Select(From).ToArray();
    }

    /// <summary>One parameter as used.</summary>
    public static ParameterInfo From(ParameterEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new ParameterInfo(entry.Name, entry.Value, entry.Unit, entry.Origin, entry.Source, entry.Definition.Description);
    }
}

/// <summary>A state's initial value.</summary>
/// <param name="Name">Symbol.</param>
/// <param name="Value">Value.</param>
/// <param name="Unit">Unit.</param>
public sealed record StateInfo(string Name, double Value, string Unit);

/// <summary>The fasting steady-state check.</summary>
/// <param name="ScaledResidual">max|f_i|/(1 + |y_i|) at the start (per minute).</param>
/// <param name="NewtonIterations">Newton iterations used to polish the basal state.</param>
public sealed record SteadyStartInfo(double ScaledResidual, int NewtonIterations);

/// <summary>Solver and cost.</summary>
/// <param name="Method">Solver name.</param>
/// <param name="RelativeTolerance">rtol.</param>
/// <param name="AbsoluteTolerance">atol.</param>
/// <param name="AcceptedSteps">Accepted steps.</param>
/// <param name="RejectedSteps">Rejected steps.</param>
/// <param name="RhsEvaluations">Right-hand-side evaluations.</param>
/// <param name="JacobianEvaluations">Jacobian evaluations.</param>
/// <param name="LuDecompositions">LU factorisations.</param>
public sealed record SolverInfo(
    string Method, double RelativeTolerance, double AbsoluteTolerance, long AcceptedSteps, long RejectedSteps, long RhsEvaluations, long JacobianEvaluations, long LuDecompositions);

/// <summary>Glucose statistics over the output rows.</summary>
/// <param name="Unit">mg/dL.</param>
/// <param name="Mean">Time-weighted mean.</param>
/// <param name="Min">Minimum.</param>
/// <param name="Max">Maximum.</param>
/// <param name="BelowRangePercent">Share of samples below 70 mg/dL (%).</param>
/// <param name="InRangePercent">Share of samples in 70–180 mg/dL (%).</param>
/// <param name="AboveRangePercent">Share of samples above 180 mg/dL (%).</param>
public sealed record GlucoseInfo(string Unit, double Mean, double Min, double Max, double BelowRangePercent, double InRangePercent, double AboveRangePercent)
{
    /// <summary>The statistics in mg/dL.</summary>
    public static GlucoseInfo From(GlucoseSummary stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return new GlucoseInfo("mg/dL", stats.MeanMgPerDl, stats.MinMgPerDl, stats.MaxMgPerDl, stats.BelowRangePercent, stats.InRangePercent, stats.AboveRangePercent);
    }
}

/// <summary>Clinical read-outs of a run (formulas and sources: <see cref="ClinicalReadouts"/>).</summary>
/// <param name="Hba1cFromMeanPercent">HbA1c whose ADAG average glucose is the run's mean glucose (%), as if the run's glucose had lasted months.</param>
/// <param name="GmiPercent">Glucose management indicator from the run's mean glucose (%).</param>
/// <param name="Hba1cLaggedEndPercent">HbA1c at the end of the run with the glycation lag (half-life 30 d) from the initial glucose (%).</param>
/// <param name="HomaIrStart">HOMA-IR of the fasting start state, when the run starts at a fasting steady state with plasma insulin.</param>
/// <param name="HomaBStartPercent">HOMA-B of the fasting start state (%), likewise.</param>
public sealed record ClinicalInfo(double Hba1cFromMeanPercent, double GmiPercent, double Hba1cLaggedEndPercent, double? HomaIrStart, double? HomaBStartPercent)
{
    /// <summary>The read-outs of a run with glucose.</summary>
    public static ClinicalInfo From(ResolvedScenario scenario, SimulationResult result, double meanGlucoseMgPerDl)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        var glucose = result.Column(Observable.GlucoseMgPerDl);
        double lagged = ClinicalReadouts.LaggedHba1c(result.Column(Simulator.TimeColumn), glucose)[^1];
        double? homaIr = null, homaB = null;
        if (scenario.SteadyStart is not null && result.HasColumn(Observable.InsulinPmolPerL))
        {
            double insulin = result.Column(Observable.InsulinPmolPerL)[0];
            homaIr = ClinicalReadouts.HomaIr(glucose[0], insulin);
            double b = ClinicalReadouts.HomaB(glucose[0], insulin);
            homaB = double.IsNaN(b) ? null : b;
        }

        return new ClinicalInfo(
            ClinicalReadouts.Hba1cFromMeanGlucose(meanGlucoseMgPerDl),
            ClinicalReadouts.GlucoseManagementIndicator(meanGlucoseMgPerDl),
            lagged,
            homaIr,
            homaB);
    }
}

/// <summary>CGM readings of a run.</summary>
/// <param name="Sensor">Sensor type.</param>
/// <param name="Seed">Seed of the measurement error.</param>
/// <param name="SampleTimeMin">Time between readings (min).</param>
/// <param name="Readings">Number of readings.</param>
/// <param name="Source">Where the sensor's error model comes from.</param>
/// <param name="Glucose">Statistics of the readings.</param>
public sealed record CgmInfo(string Sensor, ulong Seed, double SampleTimeMin, int Readings, string Source, GlucoseInfo Glucose);

/// <summary>An intervention as simulated, in canonical units (min, g, U, U/h, g/kg).</summary>
/// <param name="Kind">The kind, e.g. "meal".</param>
/// <param name="TimeMin">When (min).</param>
/// <param name="Amounts">Its quantities by name with the unit in the name, e.g. <c>carbs_g</c>, <c>duration_min</c>.</param>
public sealed record EventInfo(string Kind, double TimeMin, IReadOnlyDictionary<string, double> Amounts)
{
    /// <summary>Describes an intervention.</summary>
    public static EventInfo From(Intervention intervention)
    {
        ArgumentNullException.ThrowIfNull(intervention);
        var amounts = intervention switch
        {
            MealIntake meal => new Dictionary<string, double> { ["carbs_g"] = meal.CarbsG, ["duration_min"] = meal.DurationMin },
            InsulinBolus bolus => new Dictionary<string, double> { ["dose_u"] = bolus.DoseU },
            InsulinBasal basal => new Dictionary<string, double> { ["rate_u_per_h"] = basal.RateUPerH },
            GlucoseBolusIv glucose => new Dictionary<string, double> { ["dose_g_per_kg"] = glucose.DoseGPerKg },
            InsulinFeedback feedback => new Dictionary<string, double> { ["end_min"] = feedback.EndMin },
            _ => new Dictionary<string, double>(),
        };
        return new EventInfo(intervention.Kind, intervention.TimeMin, amounts);
    }
}
