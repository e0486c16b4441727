using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Numerics.Ode;

namespace ExoSim.Models.Multiscale;

/// <summary>What to simulate over a long horizon with meal-scale glucose: a fast model, slow dynamics, and the same day repeated.</summary>
public sealed record MultiscaleRequest
{
    /// <summary>The meal-scale model (it must have <c>glucose_mg_dl</c>).</summary>
    public required PhysiologyModel FastModel { get; init; }

    /// <summary>Its parameters (completed).</summary>
    public required ParameterSet FastParameters { get; init; }

    /// <summary>Where the fast states start; null means the model's basal state.</summary>
    public IReadOnlyList<double>? FastInitialState { get; init; }

    /// <summary>The slow states and how they couple to the fast model.</summary>
    public required SlowDynamics Slow { get; init; }

    /// <summary>Number of days simulated.</summary>
    public required int Days { get; init; }

    /// <summary>
    /// The events of one day (times in [0, 1440) min), repeated every day. The course's days start at the first of
    /// them (it is simulated from the start state at that moment), so only their spacing matters.
    /// </summary>
    public IReadOnlyList<Intervention> DailyInterventions { get; init; } = [];

    /// <summary>The fast model's solver.</summary>
    public required IOdeSolver Solver { get; init; }

    /// <summary>The fast model's tolerances.</summary>
    public SolverOptions Options { get; init; } = SolverOptions.Default;

    /// <summary>
    /// Spacing (min, in (0, 1440]) of the glucose samples of a representative day over which the slow dynamics are
    /// averaged; the day's end is always sampled.
    /// </summary>
    public double SampleIntervalMin { get; init; } = 5;
}

/// <summary>A long-horizon course: slow states at every day boundary and the mean glucose of every day.</summary>
/// <param name="Scheme">How it was computed.</param>
/// <param name="SlowStateNames">Names of the slow states.</param>
/// <param name="SlowStates">Slow states at the start of day 0, 1, …, Days (Days + 1 rows).</param>
/// <param name="DailyMeanGlucoseMgPerDl">Mean plasma glucose of each day (Days entries).</param>
/// <param name="FastRhsEvaluations">Right-hand-side evaluations of the fast model (the dominant cost).</param>
/// <param name="SlowRhsEvaluations">Evaluations of the slow dynamics at one glucose value.</param>
public sealed record MultiscaleResult(
    string Scheme, IReadOnlyList<string> SlowStateNames, IReadOnlyList<double[]> SlowStates, IReadOnlyList<double> DailyMeanGlucoseMgPerDl,
    long FastRhsEvaluations, long SlowRhsEvaluations)
{
    /// <summary>
    /// Plasma glucose (mg/dL) at the start of each day (Days entries), i.e. just before the day's first event: after
    /// the night's fast when that event is breakfast, so the course's fasting glucose.
    /// </summary>
    public IReadOnlyList<double> DayStartGlucoseMgPerDl { get; init; } = [];

    /// <summary>The start time (min) of each day, 0, 1440, … (as many as <see cref="DailyMeanGlucoseMgPerDl"/>).</summary>
    public double[] DayStartTimesMin() => Enumerable.Range(0, DailyMeanGlucoseMgPerDl.Count).Select(d => d * 1440.0).ToArray();
}

/// <summary>
/// Two ways to run a long course with meal-scale glucose: <see cref="BruteForce"/>, one coupled ODE of fast and slow
/// states over the whole horizon (the reference), and <see cref="RepresentativeDays"/>, the averaging scheme
/// (the slow states see the fast model's glucose averaged over a representative day, which is re-simulated every
/// N days coupled to the slow states, as in the brute force, for that one day; method of averaging for slow–fast systems, Sanders,
/// Verhulst &amp; Murdock, Averaging Methods in Nonlinear Dynamical Systems, 2nd ed., 2007; in the spirit of the
/// heterogeneous multiscale method, E &amp; Engquist 2003, Commun Math Sci 1:87). docs/multiscale.md compares them.
/// </summary>
public static class MultiscaleSimulator
{
    private const double MinutesPerDay = 1440;

    /// <summary>The reference: fast and slow states integrated together, every meal of every day simulated.</summary>
    /// <exception cref="OdeSolverException">The solver failed.</exception>
    public static MultiscaleResult BruteForce(MultiscaleRequest request)
    {
        Validate(request);
        var saveAt = Enumerable.Range(0, request.Days + 1).Select(d => d * MinutesPerDay).ToArray();
        var (solution, coupled) = SolveCoupled(request, FastStart(request), request.Slow.InitialState(), request.Days, saveAt);
        var slowStates = new List<double[]>();
        var dailyMean = new List<double>();
        var dayStart = new List<double>();
        for (int k = 0; k < solution.Count; k++)
        {
            var state = solution.State(k);
            slowStates.Add(coupled.SlowPart(state).ToArray());
            if (k > 0)
            {
                dailyMean.Add((CoupledSystem.GlucoseIntegral(state) - CoupledSystem.GlucoseIntegral(solution.State(k - 1))) / MinutesPerDay);
            }

            if (k < request.Days)
            {
                dayStart.Add(coupled.Glucose(k * MinutesPerDay, state[..coupled.FastDimension]));
            }
        }

        // Each coupled evaluation is one fast and one slow evaluation.
        long evaluations = solution.Statistics.RhsEvaluations;
        return new MultiscaleResult("brute force (coupled ODE)", Names(request), slowStates, dailyMean, evaluations, evaluations)
        {
            DayStartGlucoseMgPerDl = dayStart,
        };
    }

    /// <summary>
    /// The averaging scheme: every <paramref name="everyDays"/> days one representative day is simulated, the fast
    /// model coupled to the slow states as in <see cref="BruteForce"/> (so that the fast parameters follow the slow
    /// states' course within the day), from the slow state predicted for the start of the block's middle day and the
    /// fast state where the previous representative day ended; the slow states then advance over the block of days
    /// with their derivative averaged over that day's glucose samples (trapezoidal rule). A day's mean glucose is
    /// interpolated linearly between the representative days' means at their middle days, and a day's starting
    /// glucose between the representative days' end glucose at the following days (both extended linearly before
    /// the first and after the last); day 0 starts with the glucose of the start state.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="everyDays"/> is not positive.</exception>
    /// <exception cref="OdeSolverException">A solver failed.</exception>
    public static MultiscaleResult RepresentativeDays(MultiscaleRequest request, int everyDays)
    {
        Validate(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(everyDays);
        var fastState = FastStart(request);
        var slow = request.Slow.InitialState();
        var slowStates = new List<double[]> { (double[])slow.Clone() };
        var middleDays = new List<(double Day, RepresentativeDayResult Result)>();
        long fastEvaluations = 0, slowEvaluations = 0;
        var averaged = new AveragedSlowSystem(request.Slow);
        bool haveGlucoseTrace = false;
        double startGlucose = double.NaN;
        var sampleTimes = DaySampleTimes(request.SampleIntervalMin);

        RepresentativeDayResult RepresentativeDay(double[] slowState)
        {
            var (day, coupled) = SolveCoupled(request, fastState, slowState, 1, sampleTimes);

            // As in the brute force, each coupled evaluation is one fast and one slow evaluation.
            fastEvaluations += day.Statistics.RhsEvaluations;
            slowEvaluations += day.Statistics.RhsEvaluations;
            var glucose = new double[day.Count];
            for (int j = 0; j < day.Count; j++)
            {
                glucose[j] = coupled.Glucose(day.Times[j], day.State(j)[..coupled.FastDimension]);
            }

            averaged.SetGlucoseTrace(sampleTimes, glucose);
            if (!haveGlucoseTrace)
            {
                startGlucose = glucose[0]; // the first representative day starts from the course's start state
            }

            haveGlucoseTrace = true;
            var end = day.FinalState.ToArray();
            return new RepresentativeDayResult(CoupledSystem.GlucoseIntegral(end) / MinutesPerDay, glucose[^1], end[..coupled.FastDimension]);
        }

        OdeSolution AdvanceSlow(double[] from, double days, double[] saveAt)
        {
            var solution = OdeSolvers.DormandPrince54.Solve(
                new OdeProblem(averaged, from, 0, days * MinutesPerDay),
                new SolverOptions { RelativeTolerance = request.Options.RelativeTolerance, AbsoluteTolerance = request.Options.AbsoluteTolerance, SaveAt = saveAt });
            slowEvaluations += solution.Statistics.RhsEvaluations * sampleTimes.Length;
            return solution;
        }

        for (int day = 0; day < request.Days; day += everyDays)
        {
            int block = Math.Min(everyDays, request.Days - day);

            // Midpoint rule: the representative day stands for the block's middle, so it starts from the slow state
            // predicted (by the previous representative day's averaged dynamics) for the start of the block's middle
            // day, (block − 1)/2 days in; this makes the scheme second order in the block length, and a block of one
            // day is that day itself.
            double toMiddleDay = 0.5 * (block - 1);
            var middle = slow;
            if (toMiddleDay > 0)
            {
                if (!haveGlucoseTrace)
                {
                    // The first block has no earlier day to extrapolate from: simulate one at the start state.
                    _ = RepresentativeDay(slow);
                }

                middle = AdvanceSlow(slow, toMiddleDay, [toMiddleDay * MinutesPerDay]).State(0).ToArray();
            }

            var representative = RepresentativeDay(middle);
            fastState = representative.EndState;
            middleDays.Add((day + toMiddleDay, representative));
            var slowSolution = AdvanceSlow(slow, block, Enumerable.Range(1, block).Select(d => d * MinutesPerDay).ToArray());
            for (int k = 0; k < slowSolution.Count; k++)
            {
                slowStates.Add(slowSolution.State(k).ToArray());
            }

            slow = slowStates[^1].ToArray();
        }

        // A representative day's end glucose is the next day's starting glucose; the first representative day's own
        // start is the course's start state, which later days do not return to (dalla-man-2007 normal: 91.76 mg/dL,
        // the next days' 90.5).
        var means = middleDays.Select(m => (m.Day, m.Result.MeanGlucoseMgPerDl)).ToList();
        var nextStarts = middleDays.Select(m => (m.Day + 1, m.Result.EndGlucoseMgPerDl)).ToList();
        var dailyMean = Enumerable.Range(0, request.Days).Select(d => PiecewiseLinear(means, d)).ToArray();
        var dayStart = Enumerable.Range(0, request.Days).Select(d => d == 0 ? startGlucose : PiecewiseLinear(nextStarts, d)).ToArray();
        return new MultiscaleResult($"representative day every {everyDays} d (averaging)", Names(request), slowStates, dailyMean, fastEvaluations, slowEvaluations)
        {
            DayStartGlucoseMgPerDl = dayStart,
        };
    }

    /// <summary>
    /// A day's value (mean or starting glucose) from the representative days' values at their days: linear
    /// between the neighbouring representative days, and extended linearly from the first and last two beyond them,
    /// since glucose drifts within a block with the slow states (a representative day's own value is exact only for
    /// its own day).
    /// </summary>
    private static double PiecewiseLinear(List<(double Day, double Value)> points, double day)
    {
        if (points.Count == 1)
        {
            return points[0].Value;
        }

        int i = 0;
        while (i + 2 < points.Count && points[i + 1].Day < day)
        {
            i++;
        }

        var (x0, y0) = points[i];
        var (x1, y1) = points[i + 1];
        return y0 + ((y1 - y0) * (day - x0) / (x1 - x0));
    }

    /// <summary>
    /// The coupled fast–slow ODE over whole days of the repeated daily events from a start state, with ∫G dt starting
    /// at 0; the states are stored at <paramref name="saveAt"/>.
    /// </summary>
    private static (OdeSolution Solution, CoupledSystem System) SolveCoupled(
        MultiscaleRequest request, double[] fastStart, double[] slowStart, int days, double[] saveAt)
    {
        var coupled = new CoupledSystem(request);
        var schedule = new InterventionSchedule(coupled.Fast);
        var daily = DaysFromFirstEvent(request);
        for (int day = 0; day < days; day++)
        {
            foreach (var intervention in daily)
            {
                request.FastModel.Schedule(intervention with { TimeMin = intervention.TimeMin + (day * MinutesPerDay) }, schedule, request.FastParameters);
            }
        }

        foreach (double breakpoint in request.FastModel.Breakpoints(request.FastParameters))
        {
            schedule.AddBreakpoint(breakpoint, $"{request.FastModel.Id} breakpoint");
        }

        var initial = new double[coupled.Dimension];
        fastStart.CopyTo(initial, 0);
        slowStart.CopyTo(initial, coupled.FastDimension);
        var solution = request.Solver.Solve(
            new OdeProblem(coupled, initial, 0, days * MinutesPerDay) { DiscreteEvents = schedule.Events },
            request.Options with { SaveAt = saveAt });
        return (solution, coupled);
    }

    /// <summary>0, Δ, 2Δ, … min and always the day's end, 1440 min (a last piece shorter than Δ when Δ does not divide the day).</summary>
    private static double[] DaySampleTimes(double intervalMin)
    {
        int count = (int)Math.Ceiling((MinutesPerDay / intervalMin) - 1e-9);
        return [.. Enumerable.Range(0, count).Select(j => j * intervalMin), MinutesPerDay];
    }

    /// <summary>One simulated representative day: its mean glucose, and the glucose and fast state at its end.</summary>
    private sealed record RepresentativeDayResult(double MeanGlucoseMgPerDl, double EndGlucoseMgPerDl, double[] EndState);

    private static void Validate(MultiscaleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Days);
        if (!(request.SampleIntervalMin > 0 && request.SampleIntervalMin <= MinutesPerDay))
        {
            throw new ArgumentException($"The sample interval of a representative day must lie in (0, 1440] min; got {request.SampleIntervalMin}.", nameof(request));
        }

        if (!request.FastModel.Observables.Any(o => o.Name == Observable.GlucoseMgPerDl))
        {
            throw new ArgumentException($"Model '{request.FastModel.Id}' has no {Observable.GlucoseMgPerDl} to drive the slow dynamics.", nameof(request));
        }

        foreach (var intervention in request.DailyInterventions)
        {
            if (intervention.TimeMin < 0 || intervention.TimeMin >= MinutesPerDay)
            {
                throw new ArgumentException($"A daily {intervention.Kind} at {intervention.TimeMin} min must lie within one day, 0 ≤ t < 1440 min.", nameof(request));
            }
        }

        foreach (string parameter in request.Slow.CoupledParameters)
        {
            _ = request.FastParameters.Schema.RequireIndex(parameter);
        }
    }

    /// <summary>
    /// The daily events shifted so that the first is at 0: a course's days run from the first event of the day to the
    /// same time next day, so that a day ends when the gut is emptiest (after the longest fast) and little of a meal is
    /// in progress at a day boundary — which the representative-day scheme needs, and which both schemes share so that
    /// they describe the same course.
    /// </summary>
    private static Intervention[] DaysFromFirstEvent(MultiscaleRequest request)
    {
        double first = request.DailyInterventions.Count == 0 ? 0 : request.DailyInterventions.Min(i => i.TimeMin);
        return request.DailyInterventions.Select(i => i with { TimeMin = i.TimeMin - first }).ToArray();
    }

    private static double[] FastStart(MultiscaleRequest request)
        => request.FastInitialState?.ToArray() ?? request.FastModel.InitialState(request.FastParameters);

    private static string[] Names(MultiscaleRequest request) => request.Slow.States.Select(s => s.Name).ToArray();

    /// <summary>Fast states, then slow states, then ∫G dt (for daily means); the slow states set the fast parameters at every evaluation.</summary>
    private sealed class CoupledSystem : IOdeSystem
    {
        private readonly SlowDynamics slow;
        private readonly ExternalMultiplier[] multipliers;
        private readonly double[] multiplierValues;
        private readonly double[] observables;
        private readonly PhysiologyModel model;
        private readonly ParameterSet parameters;
        private readonly int glucoseIndex;

        public CoupledSystem(MultiscaleRequest request)
        {
            slow = request.Slow;
            multipliers = slow.CoupledParameters.Select(p => new ExternalMultiplier(p)).ToArray();
            multiplierValues = new double[multipliers.Length];
            model = request.FastModel;
            parameters = request.FastParameters;
            Fast = model.CreateSystem(parameters, multipliers);
            observables = new double[model.Observables.Count];
            glucoseIndex = model.Observables.Select(o => o.Name).ToList().IndexOf(Observable.GlucoseMgPerDl);
            FastDimension = Fast.Dimension;
            Dimension = FastDimension + slow.States.Count + 1;
        }

        /// <summary>The fast model's right-hand side (the events of the daily interventions act on it).</summary>
        public ModelSystem Fast { get; }

        public int FastDimension { get; }

        public int Dimension { get; }

        public ReadOnlySpan<double> SlowPart(ReadOnlySpan<double> y) => y[FastDimension..^1];

        public static double GlucoseIntegral(ReadOnlySpan<double> y) => y[^1];

        /// <summary>Plasma glucose (mg/dL) of a fast state.</summary>
        public double Glucose(double t, ReadOnlySpan<double> fastState)
        {
            model.EvaluateObservables(t, fastState, parameters, observables);
            return observables[glucoseIndex];
        }

        public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
        {
            var slowState = SlowPart(y);
            slow.Multipliers(slowState, multiplierValues);
            for (int i = 0; i < multipliers.Length; i++)
            {
                multipliers[i].Value = multiplierValues[i];
            }

            Fast.Evaluate(t, y[..FastDimension], dydt[..FastDimension]);
            double glucose = Glucose(t, y[..FastDimension]);
            slow.Derivatives(glucose, slowState, dydt[FastDimension..^1]);
            dydt[^1] = glucose;
        }
    }

    /// <summary>The slow dynamics averaged over the glucose samples of one representative day (trapezoidal weights).</summary>
    private sealed class AveragedSlowSystem(SlowDynamics slow) : IOdeSystem
    {
        private double[] glucose = [];
        private double[] weights = [];
        private double[] work = new double[slow.States.Count];

        public int Dimension => slow.States.Count;

        /// <summary>Stores the day's glucose samples (mg/dL) at their times (min) and their trapezoidal weights.</summary>
        public void SetGlucoseTrace(double[] times, double[] values)
        {
            glucose = values;
            weights = new double[values.Length];
            double span = times[^1] - times[0];
            for (int j = 1; j < values.Length; j++)
            {
                double half = 0.5 * (times[j] - times[j - 1]) / span;
                weights[j - 1] += half;
                weights[j] += half;
            }
        }

        public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
        {
            dydt.Clear();
            for (int j = 0; j < glucose.Length; j++)
            {
                slow.Derivatives(glucose[j], y, work);
                for (int i = 0; i < work.Length; i++)
                {
                    dydt[i] += weights[j] * work[i];
                }
            }
        }
    }
}
