namespace ExoSim.Numerics.Ode.Stepping;

/// <summary>
/// The integration loop shared by every method: initial step size, PI step-size control, exact stops at discrete
/// events, location of continuous events on the dense output, storage of output and dense history, and clear
/// failures. Methods only provide <see cref="OdeStepper"/>s.
/// </summary>
/// <remarks>
/// Step-size control is the PI controller of Gustafsson (1991) in the form of Hairer &amp; Wanner, Solving ODEs II,
/// IV.2: h_new = h · clamp(safety · err_n^(−β1) · err_(n−1)^(β2), 0.2, 10); after a rejection the factor is capped at 1.
/// </remarks>
internal sealed class IntegrationDriver
{
    private const double Safety = 0.9;
    private const double MinFactor = 0.2;
    private const double MaxFactor = 10.0;
    private const double MinPreviousError = 1e-4;

    private readonly OdeProblem problem;
    private readonly SolverOptions options;
    private readonly IStepperSwitch? stepperSwitch;
    private OdeStepper stepper;
    private readonly SolverCounters counters;
    private readonly int n;

    private readonly List<double> savedTimes;
    private readonly List<double> savedStates;
    private readonly List<EventOccurrence> occurrences = [];
    private readonly DenseHistory? dense;
    private readonly DiscreteEvent[] discreteEvents;
    private readonly IReadOnlyList<ContinuousEvent> continuousEvents;
    private readonly double[] eventValues;
    private readonly double[] eventValuesNew;
    private readonly double[] y;
    private readonly double[] yNew;
    private readonly double[] scratch;
    private readonly double eventTimeTolerance;
    private int nextDiscrete;
    private int nextSave;

    public IntegrationDriver(
        OdeProblem problem, SolverOptions options, OdeStepper stepper, SolverCounters counters, IStepperSwitch? stepperSwitch = null)
    {
        this.stepperSwitch = stepperSwitch;
        this.problem = problem;
        this.options = options;
        this.stepper = stepper;
        this.counters = counters;
        n = problem.System.Dimension;
        y = (double[])problem.InitialState.Clone();
        yNew = new double[n];
        scratch = new double[n];

        // With SaveAt, exactly its times inside the span are stored: size the output once instead of growing it.
        int expectedRows = options.SaveAt?.Count(ts => ts >= problem.StartTime && ts <= problem.EndTime) ?? 0;
        savedTimes = new List<double>(expectedRows);
        savedStates = new List<double>(expectedRows * n);

        // Stable sort keeps the user's order for simultaneous events.
        discreteEvents = problem.DiscreteEvents
            .Where(e => e.Time >= problem.StartTime && e.Time <= problem.EndTime)
            .OrderBy(e => e.Time)
            .ToArray();
        continuousEvents = problem.ContinuousEvents;
        eventValues = new double[continuousEvents.Count];
        eventValuesNew = new double[continuousEvents.Count];
        double span = problem.EndTime - problem.StartTime;
        eventTimeTolerance = options.EventTimeTolerance > 0
            ? options.EventTimeTolerance
            : Math.Max(1e-10 * span, 4 * Ulp(Math.Max(Math.Abs(problem.StartTime), Math.Abs(problem.EndTime))));
        if (options.DenseOutput)
        {
            dense = new DenseHistory(n, problem.StartTime, problem.InitialState);
        }
    }

    /// <summary>
    /// The body of every <see cref="IOdeSolver.Solve"/>: checks the arguments, creates fresh counters and the
    /// method's stepper (and optional switch policy), and runs the loop.
    /// </summary>
    public static OdeSolution Solve(
        OdeProblem problem,
        SolverOptions? options,
        Func<IOdeSystem, SolverOptions, SolverCounters, OdeStepper> createStepper,
        Func<IOdeSystem, SolverOptions, SolverCounters, IStepperSwitch>? createSwitch = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= SolverOptions.Default;
        options.Validate(problem.System.Dimension);
        var counters = new SolverCounters();
        var stepper = createStepper(problem.System, options, counters);
        var stepperSwitch = createSwitch?.Invoke(problem.System, options, counters);
        return new IntegrationDriver(problem, options, stepper, counters, stepperSwitch).Run();
    }

    public OdeSolution Run()
    {
        double t = problem.StartTime;
        double tEnd = problem.EndTime;
        SkipSavePointsBefore(t);

        // Events at the start time act before the first step; without SaveAt the initial state is stored before
        // them and the changed state after them, as at any other event.
        if (options.SaveAt is null)
        {
            Save(t, y);
        }

        ApplyDueDiscreteEvents(t, saveEveryStep: options.SaveAt is null);
        stepper.Restart(t, y);
        EnsureFinite(stepper.CurrentDerivative, t, 0, "f(t, y) is not finite at the start");
        SaveEqualTo(t);

        EvaluateEventFunctions(t, y, eventValues);

        double h = options.InitialStep > 0 ? options.InitialStep : InitialStepSize(t, NextStopTime(tEnd));
        double previousError = MinPreviousError;
        bool lastRejected = false;
        var termination = OdeTermination.ReachedEnd;
        int errorExponentBase = stepper.ErrorEstimateOrder + 1;
        var (beta1, beta2) = stepper.ControllerGains;

        while (t < tEnd)
        {
            double tStop = NextStopTime(tEnd);
            h = Math.Min(h, options.MaxStep);
            double hControlled = h;
            bool hitsStop = false;
            bool shortened = false;
            if (t + (1.01 * h) >= tStop)
            {
                if (tStop - t <= 16 * Ulp(tStop))
                {
                    // The stop is within rounding of t (e.g. event times 0.3 and 0.1 + 0.2): no step can resolve the
                    // sliver and f·(tStop − t) is below the rounding of y, so move onto the stop without a step.
                    t = tStop;
                    HandleStopWithoutStep(t);
                    continue;
                }

                // Land exactly on the stop (and avoid a sliver of a step just before it).
                shortened = tStop - t < h;
                h = tStop - t;
                hitsStop = true;
            }

            // Resolution of time at t, not at the stop: a step of 1e-6 at t = 0 is fine even when tEnd = 1e11, and
            // near t = 0 tiny steps are representable (after an event at 1e-50, say).
            if (h <= 16 * Ulp(t))
            {
                Fail(OdeFailureKind.StepSizeUnderflow, t, h, "the step size became too small to advance time");
            }

            if (counters.AcceptedSteps + counters.RejectedSteps >= options.MaxSteps)
            {
                Fail(OdeFailureKind.TooManySteps, t, h, $"more than {options.MaxSteps} step attempts (SolverOptions.MaxSteps)");
            }

            double error = stepper.TryStep(t, y, h, yNew);
            if (!(error <= 1.0))
            {
                counters.RejectedSteps++;
                double factor = double.IsNaN(error)
                    ? 0.25
                    : Math.Max(MinFactor, Safety * Math.Pow(error, -1.0 / errorExponentBase));
                h *= factor;
                lastRejected = true;
                if (double.IsNaN(error) && h <= 16 * Ulp(t))
                {
                    Fail(OdeFailureKind.NonFiniteState, t, h, "every step attempt produced NaN or infinite values");
                }

                continue;
            }

            counters.AcceptedSteps++;
            stepper.Accept(t, y, h, yNew);
            double tNew = hitsStop ? tStop : t + h;
            dense?.Add(t, h, tNew, stepper.Interpolant, stepper.DenseCoefficients);

            // Continuous events inside (t, tNew]: the first one that acts (changes the state or stops) cuts the step.
            double tEffective = tNew;
            ContinuousEvent? acting = null;
            if (continuousEvents.Count > 0)
            {
                EvaluateEventFunctions(tNew, yNew, eventValuesNew);
                (tEffective, acting) = LocateContinuousEvents(t, h, tNew);
            }

            bool cut = acting is not null && tEffective < tNew;
            if (cut)
            {
                stepper.Interpolant.Interpolate(stepper.DenseCoefficients, (tEffective - t) / h, h, yNew);
                dense?.TruncateLast(tEffective);
            }

            SaveInterpolatedBefore(t, h, tEffective);
            if (options.SaveAt is null)
            {
                Save(tEffective, yNew);
            }

            t = tEffective;
            yNew.CopyTo(y, 0);

            bool restart = false;
            if (acting is not null)
            {
                if (acting.Apply is not null)
                {
                    acting.Apply(t, y);
                    restart = true;
                    if (options.SaveAt is null)
                    {
                        Save(t, y);
                    }
                }

                if (acting.Terminal)
                {
                    termination = OdeTermination.TerminalEvent;
                    SaveEqualTo(t);
                    break;
                }
            }

            if (!cut && hitsStop && tStop < tEnd)
            {
                ApplyDueDiscreteEvents(t, saveEveryStep: options.SaveAt is null);
                restart = true;
            }
            else if (!cut && hitsStop)
            {
                // Events at the end time still act (and are recorded) so that the final state includes them.
                ApplyDueDiscreteEvents(t, saveEveryStep: options.SaveAt is null);
            }

            SaveEqualTo(t);

            // PI control of the next step size.
            double errorForControl = Math.Max(error, 1e-10);
            double growth = Safety * Math.Pow(errorForControl, -beta1) * Math.Pow(previousError, beta2);
            growth = Math.Clamp(growth, MinFactor, lastRejected ? 1.0 : MaxFactor);
            previousError = Math.Max(error, MinPreviousError);
            lastRejected = false;
            h *= growth;
            if (shortened)
            {
                // The step was shortened to land on a stop: continue from the controller's own step size (reduced if
                // the error asks for it) instead of growing from the shortened one, or a stop every minute would keep
                // the steps short.
                h = Math.Max(h, hControlled * Math.Min(growth, 1.0));
            }

            if (restart)
            {
                stepper.Restart(t, y);
                EnsureFinite(stepper.CurrentDerivative, t, h, "f(t, y) is not finite after an event");
                EvaluateEventFunctions(t, y, eventValues);
            }
            else if (continuousEvents.Count > 0)
            {
                if (cut)
                {
                    EvaluateEventFunctions(t, y, eventValues);
                }
                else
                {
                    eventValuesNew.CopyTo(eventValues, 0);
                }
            }

            if (t < tEnd && stepperSwitch?.NextStepper(stepper, t) is { } next)
            {
                // A change of method (stiffness detected): restart the new method here with the current step size;
                // the controller's history belongs to the old method's error estimate.
                stepper = next;
                stepper.Restart(t, y);
                EnsureFinite(stepper.CurrentDerivative, t, h, "f(t, y) is not finite at the change of method");
                errorExponentBase = stepper.ErrorEstimateOrder + 1;
                (beta1, beta2) = stepper.ControllerGains;
                previousError = MinPreviousError;
            }
        }

        return new OdeSolution(
            stepperSwitch?.Describe() ?? stepper.Name, n, savedTimes, savedStates, occurrences, counters.Freeze(), termination, t, (double[])y.Clone(), dense);
    }

    private static double Ulp(double x) => Math.BitIncrement(Math.Abs(x)) - Math.Abs(x);

    /// <summary>
    /// Reaching a stop that is within rounding of the current time: stores the requested output there, applies the
    /// due discrete events and restarts the method, as after a step that lands on the stop. The step size is kept.
    /// </summary>
    private void HandleStopWithoutStep(double t)
    {
        ApplyDueDiscreteEvents(t, saveEveryStep: options.SaveAt is null);
        SaveEqualTo(t);
        stepper.Restart(t, y);
        EnsureFinite(stepper.CurrentDerivative, t, 0, "f(t, y) is not finite after an event");
        EvaluateEventFunctions(t, y, eventValues);
    }

    private double NextStopTime(double tEnd)
        => nextDiscrete < discreteEvents.Length ? Math.Min(discreteEvents[nextDiscrete].Time, tEnd) : tEnd;

    /// <summary>Applies every discrete event due at time t; returns whether any changed the state.</summary>
    private bool ApplyDueDiscreteEvents(double t, bool saveEveryStep)
    {
        bool changed = false;
        while (nextDiscrete < discreteEvents.Length && discreteEvents[nextDiscrete].Time <= t)
        {
            var e = discreteEvents[nextDiscrete++];
            occurrences.Add(new EventOccurrence(e.Name, t, (double[])y.Clone(), IsContinuous: false, Terminated: false));
            if (e.Apply is not null)
            {
                e.Apply(t, y);
                changed = true;
            }
        }

        if (changed)
        {
            EnsureFinite(y, t, 0, "an event set a non-finite state");
            if (saveEveryStep)
            {
                Save(t, y);
            }
        }

        return changed;
    }

    private (double Time, ContinuousEvent? Acting) LocateContinuousEvents(double t, double h, double tNew)
    {
        double firstActingTime = tNew;
        ContinuousEvent? firstActing = null;
        int firstActingIndex = -1;

        // Locate every crossing; record them in time order below.
        Span<double> roots = eventValues.Length <= 16 ? stackalloc double[eventValues.Length] : new double[eventValues.Length];
        int found = 0;
        for (int k = 0; k < continuousEvents.Count; k++)
        {
            roots[k] = double.NaN;
            if (!Crosses(continuousEvents[k].Direction, eventValues[k], eventValuesNew[k]))
            {
                continue;
            }

            roots[k] = FindRoot(continuousEvents[k], t, h, tNew, eventValues[k], eventValuesNew[k]);
            found++;
            var e = continuousEvents[k];
            if ((e.Apply is not null || e.Terminal) && roots[k] < firstActingTime)
            {
                firstActingTime = roots[k];
                firstActing = e;
                firstActingIndex = k;
            }
        }

        if (found == 0)
        {
            return (tNew, null);
        }

        // Record, in time order, every crossing up to (and including) the first acting one.
        while (true)
        {
            int next = -1;
            for (int k = 0; k < roots.Length; k++)
            {
                if (!double.IsNaN(roots[k]) && roots[k] <= firstActingTime && (next < 0 || roots[k] < roots[next]))
                {
                    next = k;
                }
            }

            if (next < 0)
            {
                break;
            }

            stepper.Interpolant.Interpolate(stepper.DenseCoefficients, (roots[next] - t) / h, h, scratch);
            var e = continuousEvents[next];
            bool terminates = next == firstActingIndex && e.Terminal;
            occurrences.Add(new EventOccurrence(e.Name, roots[next], (double[])scratch.Clone(), IsContinuous: true, Terminated: terminates));
            roots[next] = double.NaN;
        }

        return (firstActingTime, firstActing);
    }

    private static bool Crosses(EventDirection direction, double before, double after)
    {
        bool rising = before < 0 && after >= 0;
        bool falling = before > 0 && after <= 0;
        return direction switch
        {
            EventDirection.Rising => rising,
            EventDirection.Falling => falling,
            _ => rising || falling,
        };
    }

    /// <summary>
    /// Illinois variant of regula falsi (Dowell &amp; Jarratt 1971) on the step's dense output. Returns the end of the
    /// final bracket on the far side of the crossing, so that g there already has its new sign.
    /// </summary>
    private double FindRoot(ContinuousEvent e, double t, double h, double tNew, double gLeft, double gRight)
    {
        double a = t;
        double b = tNew;
        double fa = gLeft;
        double fb = gRight;
        if (fb == 0)
        {
            // The step ended on the root; look for the earliest zero by bisection towards the left is not needed.
            return b;
        }

        int side = 0;
        for (int iteration = 0; iteration < 200 && (b - a) > eventTimeTolerance; iteration++)
        {
            double c = (a * fb - b * fa) / (fb - fa);
            if (!(c > a && c < b))
            {
                c = 0.5 * (a + b);
            }

            stepper.Interpolant.Interpolate(stepper.DenseCoefficients, (c - t) / h, h, scratch);
            counters.EventFunctionEvaluations++;
            double fc = e.Condition(c, scratch);
            if (fc == 0)
            {
                // Exactly on the surface: the new sign starts just after c.
                return c;
            }

            if (Math.Sign(fc) == Math.Sign(fb))
            {
                b = c;
                fb = fc;
                if (side == 1)
                {
                    fa *= 0.5;
                }

                side = 1;
            }
            else
            {
                a = c;
                fa = fc;
                if (side == -1)
                {
                    fb *= 0.5;
                }

                side = -1;
            }
        }

        return b;
    }

    private void EvaluateEventFunctions(double t, ReadOnlySpan<double> state, double[] values)
    {
        for (int k = 0; k < continuousEvents.Count; k++)
        {
            counters.EventFunctionEvaluations++;
            values[k] = continuousEvents[k].Condition(t, state);
        }
    }

    private void SkipSavePointsBefore(double t)
    {
        var saveAt = options.SaveAt;
        while (saveAt is not null && nextSave < saveAt.Count && saveAt[nextSave] < t)
        {
            nextSave++;
        }
    }

    /// <summary>Stores requested output times strictly inside (t, tEffective) from the current step's interpolant.</summary>
    private void SaveInterpolatedBefore(double t, double h, double tEffective)
    {
        var saveAt = options.SaveAt;
        if (saveAt is null)
        {
            return;
        }

        while (nextSave < saveAt.Count && saveAt[nextSave] < tEffective)
        {
            double ts = saveAt[nextSave++];
            stepper.Interpolant.Interpolate(stepper.DenseCoefficients, (ts - t) / h, h, scratch);
            Save(ts, scratch);
        }
    }

    /// <summary>Stores requested output times equal to t with the current (post-event) state.</summary>
    private void SaveEqualTo(double t)
    {
        var saveAt = options.SaveAt;
        while (saveAt is not null && nextSave < saveAt.Count && saveAt[nextSave] <= t)
        {
            Save(saveAt[nextSave++], y);
        }
    }

    private void Save(double t, ReadOnlySpan<double> state)
    {
        savedTimes.Add(t);
        savedStates.AddRange(state);
    }

    /// <summary>
    /// Starting step size from Hairer, Nørsett &amp; Wanner, Solving ODEs I, II.4 ("Starting step size"):
    /// one explicit Euler trial step estimates the second derivative.
    /// </summary>
    private double InitialStepSize(double t, double tStop)
    {
        var f0 = stepper.CurrentDerivative;
        double d0 = 0;
        double d1 = 0;
        for (int i = 0; i < n; i++)
        {
            double scale = AbsoluteTolerance(i) + (options.RelativeTolerance * Math.Abs(y[i]));
            d0 += (y[i] / scale) * (y[i] / scale);
            d1 += (f0[i] / scale) * (f0[i] / scale);
        }

        d0 = Math.Sqrt(d0 / n);
        d1 = Math.Sqrt(d1 / n);
        double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.Min(h0, Math.Min(options.MaxStep, tStop - t));

        for (int i = 0; i < n; i++)
        {
            yNew[i] = y[i] + (h0 * f0[i]);
        }

        counters.RhsEvaluations++;
        problem.System.Evaluate(t + h0, yNew, scratch);
        double d2 = 0;
        for (int i = 0; i < n; i++)
        {
            double scale = AbsoluteTolerance(i) + (options.RelativeTolerance * Math.Abs(y[i]));
            double diff = (scratch[i] - f0[i]) / scale;
            d2 += diff * diff;
        }

        d2 = Math.Sqrt(d2 / n) / h0;
        double dMax = Math.Max(d1, d2);
        double h1 = !(dMax > 1e-15)
            ? Math.Max(1e-6, h0 * 1e-3)
            : Math.Pow(0.01 / dMax, 1.0 / (stepper.ErrorEstimateOrder + 1));
        double h = Math.Min(100 * h0, h1);
        return Math.Min(h, Math.Min(options.MaxStep, problem.EndTime - problem.StartTime));
    }

    private double AbsoluteTolerance(int i) => options.AbsoluteTolerances?[i] ?? options.AbsoluteTolerance;

    private void EnsureFinite(ReadOnlySpan<double> values, double t, double h, string detail)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                Fail(OdeFailureKind.NonFiniteState, t, h, $"{detail} (component {i} is {values[i]})");
            }
        }
    }

    private void Fail(OdeFailureKind kind, double t, double h, string detail)
        => throw new OdeSolverException(kind, stepper.Name, t, h, (double[])y.Clone(), detail);
}
