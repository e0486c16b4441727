using ExoSim.Trials.Endpoints;

namespace ExoSim.Trials.Scenarios;

/// <summary>The content of <c>summary.json</c> of <c>exosim simulate</c> for a multiscale course (layout <see cref="SchemaName"/>).</summary>
/// <param name="Schema">Name and version of the layout.</param>
/// <param name="ExosimVersion">Version of the tool.</param>
/// <param name="Notice">The research-use notice.</param>
/// <param name="Scenario">The scenario file and its name/description.</param>
/// <param name="Model">The fast (meal-scale) model.</param>
/// <param name="Patient">The subject.</param>
/// <param name="Days">Days simulated.</param>
/// <param name="OutputIntervalDays">Days between output rows.</param>
/// <param name="Rows">Rows written.</param>
/// <param name="Columns">Columns written, with units.</param>
/// <param name="Parameters">Every fast-model parameter, with unit, origin and source.</param>
/// <param name="InitialState">The fast model's start state.</param>
/// <param name="SteadyStart">The fasting steady-state check, when the model starts at rest.</param>
/// <param name="DailyEvents">The events of one day, repeated every day.</param>
/// <param name="Multiscale">The scheme and the slow dynamics.</param>
/// <param name="Solver">The fast model's solver and the cost.</param>
/// <param name="Outcome">Start and end of the course.</param>
/// <param name="DailyMeanGlucose">Statistics of the daily mean glucose over the course's days (each day one sample).</param>
/// <param name="Verification">Agreement with the brute-force reference, when asked for.</param>
public sealed record CourseSummary(
    string Schema,
    string ExosimVersion,
    string Notice,
    ScenarioInfo Scenario,
    ModelInfo Model,
    string Patient,
    int Days,
    int OutputIntervalDays,
    int Rows,
    IReadOnlyList<ColumnInfo> Columns,
    IReadOnlyList<ParameterInfo> Parameters,
    IReadOnlyList<StateInfo> InitialState,
    SteadyStartInfo? SteadyStart,
    IReadOnlyList<EventInfo> DailyEvents,
    MultiscaleInfo Multiscale,
    CourseSolverInfo Solver,
    CourseOutcome Outcome,
    GlucoseInfo DailyMeanGlucose,
    CourseVerification? Verification)
{
    /// <summary>The layout's name and version.</summary>
    public const string SchemaName = "exosim.simulate.course/1";

    /// <summary>The parameters of Topp's growth law (in the topp-2000 schema).</summary>
    private static readonly string[] BetaCellLawParameters = ["d0", "r1", "r2"];

    /// <summary>Builds the summary of a course.</summary>
    public static CourseSummary Build(ResolvedScenario scenario, CourseRun run, string exosimVersion, string notice)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(run);
        var course = scenario.Course ?? throw new ArgumentException("The scenario has no multiscale course.", nameof(scenario));
        var request = course.Request;
        var model = request.FastModel;
        var slow = course.Slow;
        var units = ScenarioResolver.CourseColumns(slow).ToDictionary(c => c.Name, c => c.Unit, StringComparer.Ordinal);
        foreach (var readout in ClinicalReadouts.Columns)
        {
            units[readout.Name] = readout.Unit;
        }

        var result = run.Course;
        var initial = request.FastInitialState ?? model.InitialState(request.FastParameters);
        var lawParameters = BetaCellLawParameters.Select(name => course.BetaCellParameters.Entry(name))
            .Select(ParameterInfo.From).ToArray();
        double lastMean = result.DailyMeanGlucoseMgPerDl[^1];
        double laggedEnd = ClinicalReadouts.LaggedHba1c(result.DayStartTimesMin(), result.DailyMeanGlucoseMgPerDl.ToArray())[^1];
        return new CourseSummary(
            SchemaName,
            exosimVersion,
            notice,
            ScenarioInfo.From(scenario.Document),
            ModelInfo.From(model),
            request.FastParameters.Name,
            request.Days,
            course.OutputEveryDays,
            run.Values.Count == 0 ? 0 : run.Values[0].Length,
            run.Columns.Select(c => new ColumnInfo(c, units[c])).ToArray(),
            ParameterInfo.AllOf(request.FastParameters),
            model.States.Select((st, i) => new StateInfo(st.Name, initial[i], st.Unit)).ToArray(),
            scenario.SteadyStart is { } rest ? new SteadyStartInfo(rest.ScaledResidual, rest.NewtonIterations) : null,
            request.DailyInterventions.Select(EventInfo.From).ToArray(),
            new MultiscaleInfo(
                result.Scheme,
                course.Scheme == CourseScheme.RepresentativeDays ? course.EveryDays : null,
                request.SampleIntervalMin,
                new BetaCellLawInfo(course.BetaCellModel, "dβ/dt = (−d0 + r1·G − r2·G²)·β (Topp et al. 2000, doi:10.1006/jtbi.2000.2150)", lawParameters),
                slow.SecretionParameters,
                slow.SensitivityParameters,
                slow.TargetSensitivityFactor,
                slow.SensitivityTimeConstantDays),
            new CourseSolverInfo(scenario.Solver.Name, scenario.Options.RelativeTolerance, scenario.Options.AbsoluteTolerance, result.FastRhsEvaluations, result.SlowRhsEvaluations),
            new CourseOutcome(
                result.SlowStateNames.Select((n, i) => new StateInfo(n, result.SlowStates[0][i], slow.States[i].Unit)).ToArray(),
                result.SlowStateNames.Select((n, i) => new StateInfo(n, result.SlowStates[^1][i], slow.States[i].Unit)).ToArray(),
                result.DailyMeanGlucoseMgPerDl[0],
                lastMean,
                result.DayStartGlucoseMgPerDl[0],
                result.DayStartGlucoseMgPerDl[^1],
                ClinicalReadouts.Hba1cFromMeanGlucose(lastMean),
                laggedEnd),
            GlucoseInfo.From(GlucoseSummary.From(result.DayStartTimesMin(), result.DailyMeanGlucoseMgPerDl.ToArray())),
            run.Agreement is { } agreement && run.Reference is { } reference
                ? new CourseVerification(reference.Scheme, agreement.MaxRelativeSlowError, agreement.EndRelativeSlowError, agreement.MaxDailyMeanGlucoseErrorMgPerDl, agreement.MaxFastingGlucoseErrorMgPerDl, agreement.FastRhsEvaluations, agreement.ReferenceFastRhsEvaluations, agreement.CostRatio)
                : null);
    }
}

/// <summary>How the course was computed.</summary>
/// <param name="Scheme">The scheme, in words.</param>
/// <param name="EveryDays">Days between representative days (representative-day scheme only).</param>
/// <param name="SampleIntervalMin">Spacing of the glucose samples a representative day is averaged over (min).</param>
/// <param name="BetaCellLaw">The β-cell growth law and its parameters.</param>
/// <param name="SecretionParameters">Fast-model parameters multiplied by relative β-cell mass.</param>
/// <param name="SensitivityParameters">Fast-model parameters multiplied by the insulin-sensitivity factor.</param>
/// <param name="SensitivityTarget">The factor insulin sensitivity drifts to.</param>
/// <param name="SensitivityTimeConstantDays">Time constant of the drift (d).</param>
public sealed record MultiscaleInfo(
    string Scheme, int? EveryDays, double SampleIntervalMin, BetaCellLawInfo BetaCellLaw, IReadOnlyList<string> SecretionParameters,
    IReadOnlyList<string> SensitivityParameters, double SensitivityTarget, double SensitivityTimeConstantDays);

/// <summary>The β-cell growth law of a course.</summary>
/// <param name="Model">The model whose parameter set gives it.</param>
/// <param name="Equation">The equation and its source.</param>
/// <param name="Parameters">Its parameters with provenance.</param>
public sealed record BetaCellLawInfo(string Model, string Equation, IReadOnlyList<ParameterInfo> Parameters);

/// <summary>The fast model's solver and the cost of the course.</summary>
/// <param name="Method">Solver name.</param>
/// <param name="RelativeTolerance">rtol.</param>
/// <param name="AbsoluteTolerance">atol.</param>
/// <param name="FastRhsEvaluations">Fast-model right-hand-side evaluations (the dominant cost).</param>
/// <param name="SlowRhsEvaluations">Evaluations of the slow dynamics at one glucose value.</param>
public sealed record CourseSolverInfo(string Method, double RelativeTolerance, double AbsoluteTolerance, long FastRhsEvaluations, long SlowRhsEvaluations);

/// <summary>Start and end of a course.</summary>
/// <param name="SlowStart">Slow states at the start.</param>
/// <param name="SlowEnd">Slow states at the end of the last day.</param>
/// <param name="FirstDayMeanGlucoseMgPerDl">Mean glucose of the first day.</param>
/// <param name="LastDayMeanGlucoseMgPerDl">Mean glucose of the last day.</param>
/// <param name="FirstDayFastingGlucoseMgPerDl">Glucose at the start of the first day.</param>
/// <param name="LastDayFastingGlucoseMgPerDl">Glucose at the start of the last day.</param>
/// <param name="Hba1cFromLastDayPercent">HbA1c whose ADAG average glucose is the last day's mean (%).</param>
/// <param name="Hba1cLaggedEndPercent">Lagged HbA1c at the start of the last day (%), from the daily means (half-life 30 d).</param>
public sealed record CourseOutcome(
    IReadOnlyList<StateInfo> SlowStart, IReadOnlyList<StateInfo> SlowEnd, double FirstDayMeanGlucoseMgPerDl, double LastDayMeanGlucoseMgPerDl,
    double FirstDayFastingGlucoseMgPerDl, double LastDayFastingGlucoseMgPerDl, double Hba1cFromLastDayPercent, double Hba1cLaggedEndPercent);

/// <summary>The course against the brute-force reference (see <see cref="CourseAgreement"/>).</summary>
/// <param name="Reference">The reference scheme.</param>
/// <param name="MaxRelativeSlowError">Largest relative slow-state difference on any day.</param>
/// <param name="EndRelativeSlowError">Relative slow-state differences at the end, by state.</param>
/// <param name="MaxDailyMeanGlucoseErrorMgPerDl">Largest daily mean glucose difference (mg/dL).</param>
/// <param name="MaxFastingGlucoseErrorMgPerDl">Largest day-start glucose difference (mg/dL).</param>
/// <param name="FastRhsEvaluations">Fast evaluations of the course.</param>
/// <param name="ReferenceFastRhsEvaluations">Fast evaluations of the reference.</param>
/// <param name="CostRatio">Reference cost / course cost.</param>
public sealed record CourseVerification(
    string Reference, double MaxRelativeSlowError, IReadOnlyDictionary<string, double> EndRelativeSlowError, double MaxDailyMeanGlucoseErrorMgPerDl,
    double MaxFastingGlucoseErrorMgPerDl, long FastRhsEvaluations, long ReferenceFastRhsEvaluations, double CostRatio);
