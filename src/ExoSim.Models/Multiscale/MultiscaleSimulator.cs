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

    /// <summary>Spacing (min) of the glucose samples of a representative day over which the slow dynamics are averaged.</summary>
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
/// N days with the fast parameters the slow states then imply; method of averaging for slow–fast systems, Sanders,
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
        var multipliers = request.Slow.CoupledParameters.Select(p => new ExternalMultiplier(p)).ToArray();
        var fast = request.FastModel.CreateSystem(request.FastParameters, multipliers);
        var coupled = new CoupledSystem(request, fast, multipliers);
        var schedule = new InterventionSchedule(fast);
        var daily = DaysFromFirstEvent(request);
        for (int day = 0; day < request.Days; day++)
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

        int nFast = fast.Dimension, nSlow = request.Slow.States.Count;
        var initial = new double[coupled.Dimension];
        FastStart(request).CopyTo(initial, 0);
        request.Slow.InitialState().CopyTo(initial, nFast);
        var saveAt = Enumerable.Range(0, request.Days + 1).Select(d => d * MinutesPerDay).ToArray();
        var solution = request.Solver.Solve(
            new OdeProblem(coupled, initial, 0, request.Days * MinutesPerDay) { DiscreteEvents = schedule.Events },
            request.Options with { SaveAt = saveAt });

        var slowStates = new List<double[]>();
        var dailyMean = new List<double>();
        var dayStart = new List<double>();
        for (int k = 0; k < solution.Count; k++)
        {
            var state = solution.State(k);
            slowStates.Add(state.Slice(nFast, nSlow).ToArray());
            if (k > 0)
            {
                dailyMean.Add((state[^1] - solution.State(k - 1)[^1]) / MinutesPerDay);
            }

            if (k < request.Days)
            {
                dayStart.Add(coupled.Glucose(k * MinutesPerDay, state[..nFast]));
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
    /// The averaging scheme: every <paramref name="everyDays"/> days one representative day of the fast model is
    /// simulated with the fast parameters set by the current slow state (starting where the previous representative
    /// day ended); the slow states then advance over the block of days with their derivative averaged over that day's
    /// glucose samples (trapezoidal rule), and every day of the block is given that day's mean glucose.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="everyDays"/> is not positive.</exception>
    /// <exception cref="OdeSolverException">A solver failed.</exception>
    public static MultiscaleResult RepresentativeDays(MultiscaleRequest request, int everyDays)
    {
        Validate(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(everyDays);
        var multipliers = request.Slow.CoupledParameters.Select(p => new ExternalMultiplier(p)).ToArray();
        var multiplierValues = new double[multipliers.Length];
        var fastState = FastStart(request);
        var slow = request.Slow.InitialState();
        var slowStates = new List<double[]> { (double[])slow.Clone() };
        var dailyMean = new List<double>();
        var dayStart = new List<double>();
        long fastEvaluations = 0, slowEvaluations = 0;
        var averaged = new AveragedSlowSystem(request.Slow);
        int sampleCount = (int)Math.Round(MinutesPerDay / request.SampleIntervalMin) + 1;
        var sampleTimes = Enumerable.Range(0, sampleCount).Select(j => Math.Min(j * request.SampleIntervalMin, MinutesPerDay)).ToArray();

        var windowInterventions = DaysFromFirstEvent(request);

        RepresentativeDayResult RepresentativeDay(ReadOnlySpan<double> slowState)
        {
            request.Slow.Multipliers(slowState, multiplierValues);
            for (int i = 0; i < multipliers.Length; i++)
            {
                multipliers[i].Value = multiplierValues[i];
            }

            var day = Simulator.Run(
                new SimulationRequest
                {
                    Model = request.FastModel,
                    Parameters = request.FastParameters,
                    InitialState = fastState,
                    DurationMin = MinutesPerDay,
                    OutputIntervalMin = request.SampleIntervalMin,
                    Interventions = windowInterventions,
                    Modulations = multipliers,
                },
                request.Solver,
                request.Options);
            fastEvaluations += day.Statistics.RhsEvaluations;
            var glucose = day.Column(Observable.GlucoseMgPerDl);
            double mean = averaged.SetGlucoseTrace(sampleTimes, glucose);
            return new RepresentativeDayResult(mean, glucose[0], day.Row(day.RowCount - 1).Slice(1, request.FastModel.States.Count).ToArray());
        }

        OdeSolution AdvanceSlow(double[] from, double days, double[] saveAt)
        {
            var solution = OdeSolvers.DormandPrince54.Solve(
                new OdeProblem(averaged, from, 0, days * MinutesPerDay),
                new SolverOptions { RelativeTolerance = request.Options.RelativeTolerance, AbsoluteTolerance = request.Options.AbsoluteTolerance, SaveAt = saveAt });
            slowEvaluations += solution.Statistics.RhsEvaluations * sampleTimes.Length;
            return solution;
        }

        // The first block has no earlier day to extrapolate from: simulate one at the start state.
        _ = RepresentativeDay(slow);
        for (int day = 0; day < request.Days; day += everyDays)
        {
            int block = Math.Min(everyDays, request.Days - day);

            // Midpoint rule: the representative day uses the slow state predicted for the middle of the block by the
            // previous day's averaged dynamics, which makes the scheme second order in the block length.
            double halfBlock = 0.5 * block;
            var middle = AdvanceSlow(slow, halfBlock, [halfBlock * MinutesPerDay]).State(0).ToArray();
            var representative = RepresentativeDay(middle);
            fastState = representative.EndState;
            var slowSolution = AdvanceSlow(slow, block, Enumerable.Range(1, block).Select(d => d * MinutesPerDay).ToArray());
            for (int k = 0; k < slowSolution.Count; k++)
            {
                slowStates.Add(slowSolution.State(k).ToArray());
                dailyMean.Add(representative.MeanGlucoseMgPerDl);
                dayStart.Add(representative.StartGlucoseMgPerDl);
            }

            slow = slowStates[^1].ToArray();
        }

        return new MultiscaleResult($"representative day every {everyDays} d (averaging)", Names(request), slowStates, dailyMean, fastEvaluations, slowEvaluations)
        {
            DayStartGlucoseMgPerDl = dayStart,
        };
    }

    /// <summary>One simulated representative day: its mean and starting glucose and the fast state at its end.</summary>
    private sealed record RepresentativeDayResult(double MeanGlucoseMgPerDl, double StartGlucoseMgPerDl, double[] EndState);

    private static void Validate(MultiscaleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Days);
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
        private readonly ModelSystem fast;
        private readonly SlowDynamics slow;
        private readonly ExternalMultiplier[] multipliers;
        private readonly double[] multiplierValues;
        private readonly double[] observables;
        private readonly PhysiologyModel model;
        private readonly ParameterSet parameters;
        private readonly int glucoseIndex;
        private readonly int nFast;
        private readonly int nSlow;

        public CoupledSystem(MultiscaleRequest request, ModelSystem fast, ExternalMultiplier[] multipliers)
        {
            this.fast = fast;
            slow = request.Slow;
            this.multipliers = multipliers;
            multiplierValues = new double[multipliers.Length];
            model = request.FastModel;
            parameters = request.FastParameters;
            observables = new double[model.Observables.Count];
            glucoseIndex = model.Observables.Select(o => o.Name).ToList().IndexOf(Observable.GlucoseMgPerDl);
            nFast = fast.Dimension;
            nSlow = slow.States.Count;
            Dimension = nFast + nSlow + 1;
        }

        public int Dimension { get; }

        public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
        {
            var slowState = y.Slice(nFast, nSlow);
            slow.Multipliers(slowState, multiplierValues);
            for (int i = 0; i < multipliers.Length; i++)
            {
                multipliers[i].Value = multiplierValues[i];
            }

            fast.Evaluate(t, y[..nFast], dydt[..nFast]);
            double glucose = Glucose(t, y[..nFast]);
            slow.Derivatives(glucose, slowState, dydt.Slice(nFast, nSlow));
            dydt[^1] = glucose;
        }

        /// <summary>Plasma glucose (mg/dL) of a fast state.</summary>
        public double Glucose(double t, ReadOnlySpan<double> fastState)
        {
            model.EvaluateObservables(t, fastState, parameters, observables);
            return observables[glucoseIndex];
        }
    }

    /// <summary>The slow dynamics averaged over the glucose samples of one representative day (trapezoidal weights).</summary>
    private sealed class AveragedSlowSystem(SlowDynamics slow) : IOdeSystem
    {
        private double[] glucose = [];
        private double[] weights = [];
        private double[] work = new double[slow.States.Count];

        public int Dimension => slow.States.Count;

        /// <summary>Stores the day's samples and returns their time-weighted mean.</summary>
        public double SetGlucoseTrace(double[] times, double[] values)
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

            double mean = 0;
            for (int j = 0; j < values.Length; j++)
            {
                mean += weights[j] * values[j];
            }

            return mean;
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
