using ExoSim.Models.Multiscale;
using ExoSim.Models.Simulation;
using ExoSim.Numerics.Ode;
using ExoSim.Trials.Endpoints;

namespace ExoSim.Trials.Scenarios;

/// <summary>What a multiscale course produced.</summary>
/// <param name="Course">The course as computed by the scenario's scheme.</param>
/// <param name="Reference">The brute-force reference when the scenario asked to verify, else null.</param>
/// <param name="Agreement">How the course agrees with the reference, when verified.</param>
/// <param name="Columns">The output columns (<c>time_min</c> first, then the scenario's outputs and read-outs).</param>
/// <param name="Values">The values of each column, one per output row (a row per output interval, at day starts).</param>
public sealed record CourseRun(MultiscaleResult Course, MultiscaleResult? Reference, CourseAgreement? Agreement, IReadOnlyList<string> Columns, IReadOnlyList<double[]> Values);

/// <summary>
/// A course against its brute-force reference. Costs are counted, not timed (right-hand-side evaluations of the fast
/// model, the dominant cost), so the report is the same on every machine.
/// </summary>
/// <param name="MaxRelativeSlowError">Largest relative difference of any slow state on any day, |x − x_ref|/max(|x_ref|, 1e-12).</param>
/// <param name="EndRelativeSlowError">The same at the end of the course, by slow state.</param>
/// <param name="MaxDailyMeanGlucoseErrorMgPerDl">Largest difference of a day's mean glucose (mg/dL).</param>
/// <param name="MaxFastingGlucoseErrorMgPerDl">Largest difference of a day's starting (fasting) glucose (mg/dL).</param>
/// <param name="FastRhsEvaluations">Fast-model evaluations of the course.</param>
/// <param name="ReferenceFastRhsEvaluations">Fast-model evaluations of the reference.</param>
public sealed record CourseAgreement(
    double MaxRelativeSlowError, IReadOnlyDictionary<string, double> EndRelativeSlowError, double MaxDailyMeanGlucoseErrorMgPerDl,
    double MaxFastingGlucoseErrorMgPerDl, long FastRhsEvaluations, long ReferenceFastRhsEvaluations)
{
    /// <summary>How many times fewer fast evaluations the course needed than the reference.</summary>
    public double CostRatio => (double)ReferenceFastRhsEvaluations / FastRhsEvaluations;

    /// <summary>Compares a course with its reference day by day.</summary>
    public static CourseAgreement Between(MultiscaleResult course, MultiscaleResult reference)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(reference);
        double maxSlow = 0;
        for (int day = 0; day < reference.SlowStates.Count; day++)
        {
            for (int i = 0; i < reference.SlowStateNames.Count; i++)
            {
                maxSlow = Math.Max(maxSlow, Relative(course.SlowStates[day][i], reference.SlowStates[day][i]));
            }
        }

        var end = reference.SlowStateNames
            .Select((name, i) => (name, error: Relative(course.SlowStates[^1][i], reference.SlowStates[^1][i])))
            .ToDictionary(p => p.name, p => p.error, StringComparer.Ordinal);
        return new CourseAgreement(
            maxSlow,
            end,
            MaxDifference(course.DailyMeanGlucoseMgPerDl, reference.DailyMeanGlucoseMgPerDl),
            MaxDifference(course.DayStartGlucoseMgPerDl, reference.DayStartGlucoseMgPerDl),
            course.FastRhsEvaluations,
            reference.FastRhsEvaluations);
    }

    private static double Relative(double value, double reference) => Math.Abs(value - reference) / Math.Max(Math.Abs(reference), 1e-12);

    private static double MaxDifference(IReadOnlyList<double> a, IReadOnlyList<double> b) => a.Zip(b).Max(p => Math.Abs(p.First - p.Second));
}

/// <summary>Runs a scenario's multiscale course (<see cref="ResolvedScenario.Course"/>).</summary>
public static class CourseRunner
{
    /// <summary>Computes the course (and its reference when asked to verify) and the daily output columns.</summary>
    /// <exception cref="ArgumentException">The scenario has no course.</exception>
    /// <exception cref="SimulationFailedException">A solver failed.</exception>
    public static CourseRun Run(ResolvedScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var course = scenario.Course ?? throw new ArgumentException("The scenario has no multiscale course.", nameof(scenario));
        var result = Solve(scenario, () => course.Scheme == CourseScheme.BruteForce
            ? MultiscaleSimulator.BruteForce(course.Request)
            : MultiscaleSimulator.RepresentativeDays(course.Request, course.EveryDays));
        MultiscaleResult? reference = null;
        CourseAgreement? agreement = null;
        if (course.Verify)
        {
            reference = course.Scheme == CourseScheme.BruteForce ? result : Solve(scenario, () => MultiscaleSimulator.BruteForce(course.Request));
            agreement = CourseAgreement.Between(result, reference);
        }

        var (columns, values) = Table(scenario, course, result);
        return new CourseRun(result, reference, agreement, columns, values);
    }

    /// <summary>
    /// The output table: one row per output interval at the start of a day, with the slow states then, the day's mean
    /// and starting glucose, and lagged HbA1c at the day's start from the daily means before it.
    /// </summary>
    private static (string[] Columns, double[][] Values) Table(ResolvedScenario scenario, ResolvedCourse course, MultiscaleResult result)
    {
        int days = course.Request.Days;
        var all = new Dictionary<string, double[]>(StringComparer.Ordinal)
        {
            [Simulator.TimeColumn] = result.DayStartTimesMin(),
            [ScenarioResolver.DayColumn] = Enumerable.Range(0, days).Select(d => (double)d).ToArray(),
            [ScenarioResolver.MeanGlucoseColumn] = [.. result.DailyMeanGlucoseMgPerDl],
            [ScenarioResolver.FastingGlucoseColumn] = [.. result.DayStartGlucoseMgPerDl],
        };
        for (int i = 0; i < result.SlowStateNames.Count; i++)
        {
            all[result.SlowStateNames[i]] = result.SlowStates.Take(days).Select(s => s[i]).ToArray();
        }

        if (scenario.Readouts.Contains(ClinicalReadouts.Hba1cColumn))
        {
            all[ClinicalReadouts.Hba1cColumn] = ClinicalReadouts.LaggedHba1c(all[Simulator.TimeColumn], all[ScenarioResolver.MeanGlucoseColumn]);
        }

        string[] columns = [.. scenario.OutputColumns, .. scenario.Readouts];
        var rows = Enumerable.Range(0, days).Where(d => d % course.OutputEveryDays == 0).ToArray();
        return (columns, columns.Select(c => rows.Select(r => all[c][r]).ToArray()).ToArray());
    }

    private static MultiscaleResult Solve(ResolvedScenario scenario, Func<MultiscaleResult> run)
    {
        try
        {
            return run();
        }
        catch (OdeSolverException exception)
        {
            var request = scenario.Course!.Request;
            throw new SimulationFailedException(request.FastModel.Id, request.FastParameters.Name, exception);
        }
    }
}
