using ExoSim.Numerics.Ode;

namespace ExoSim.Models.Simulation;

/// <summary>Runs a <see cref="SimulationRequest"/> with a chosen solver and returns the output table.</summary>
public static class Simulator
{
    /// <summary>The column holding time.</summary>
    public const string TimeColumn = "time_min";

    /// <summary>Simulates one subject.</summary>
    /// <exception cref="ArgumentException">Bad duration, output interval or initial state.</exception>
    /// <exception cref="NotSupportedException">An intervention the model does not accept.</exception>
    /// <exception cref="OdeSolverException">The solver failed (the message names time and state).</exception>
    public static SimulationResult Run(SimulationRequest request, IOdeSolver solver, SolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(solver);
        ArgumentNullException.ThrowIfNull(options);
        var model = request.Model;
        if (!(request.DurationMin > 0) || !double.IsFinite(request.DurationMin))
        {
            throw new ArgumentException($"The duration must be a positive number of minutes; got {request.DurationMin}.");
        }

        if (!(request.OutputIntervalMin > 0) || !double.IsFinite(request.OutputIntervalMin))
        {
            throw new ArgumentException($"The output interval must be a positive number of minutes; got {request.OutputIntervalMin}.");
        }

        double[] initial = request.InitialState?.ToArray() ?? model.InitialState(request.Parameters);
        var system = model.CreateSystem(request.Parameters, request.Modulations);
        var schedule = new InterventionSchedule(system);
        foreach (var intervention in request.Interventions)
        {
            if (intervention.TimeMin < 0 || intervention.TimeMin > request.DurationMin)
            {
                throw new ArgumentException(
                    $"A {intervention.Kind} at {intervention.TimeMin} min lies outside the simulated span [0, {request.DurationMin}] min.");
            }

            if (intervention is InsulinFeedback feedback)
            {
                feedback.Schedule(model, schedule, request.Parameters);
            }
            else
            {
                model.Schedule(intervention, schedule, request.Parameters);
            }
        }

        foreach (var modulation in request.Modulations)
        {
            foreach (double breakpoint in modulation.Breakpoints)
            {
                schedule.AddBreakpoint(breakpoint, $"{modulation.Parameter} modulation");
            }
        }

        foreach (double breakpoint in model.Breakpoints(request.Parameters))
        {
            schedule.AddBreakpoint(breakpoint, $"{model.Id} breakpoint");
        }

        var saveAt = request.OutputTimesMin is { } explicitTimes ? CheckedTimes(explicitTimes, request.DurationMin) : OutputTimes(request.DurationMin, request.OutputIntervalMin);
        var problem = new OdeProblem(system, initial, 0, request.DurationMin) { DiscreteEvents = schedule.Events };
        var solution = solver.Solve(problem, options with { SaveAt = saveAt });

        var columns = new List<string> { TimeColumn };
        var units = new List<string> { "min" };
        columns.AddRange(model.States.Select(s => s.Name));
        units.AddRange(model.States.Select(s => s.Unit));
        columns.AddRange(model.Observables.Select(o => o.Name));
        units.AddRange(model.Observables.Select(o => o.Unit));

        int width = columns.Count;
        int n = model.States.Count;
        var table = new double[solution.Count * width];
        for (int r = 0; r < solution.Count; r++)
        {
            var row = table.AsSpan(r * width, width);
            row[0] = solution.Times[r];
            solution.State(r).CopyTo(row.Slice(1, n));
            model.EvaluateObservables(solution.Times[r], solution.State(r), request.Parameters, row[(1 + n)..]);
        }

        return new SimulationResult(model, request.Parameters, columns, units, table, solution.Count, solution.Method, solution.Statistics);
    }

    /// <summary>0, Δ, 2Δ, … up to the duration, always including the end.</summary>
    private static double[] CheckedTimes(IReadOnlyList<double> times, double durationMin)
    {
        for (int i = 0; i < times.Count; i++)
        {
            if (!(times[i] >= 0 && times[i] <= durationMin) || (i > 0 && times[i] < times[i - 1]))
            {
                throw new ArgumentException($"Output times must be ascending within [0, {durationMin}] min; entry {i} is {times[i]}.");
            }
        }

        return times.ToArray();
    }

    private static double[] OutputTimes(double durationMin, double intervalMin)
    {
        long count = (long)Math.Floor((durationMin / intervalMin) + 1e-9) + 1;
        if (count > 50_000_000)
        {
            throw new ArgumentException($"An output interval of {intervalMin} min over {durationMin} min gives {count} rows; choose a coarser output_interval.");
        }

        var times = new List<double>((int)count + 1);
        for (long k = 0; k < count; k++)
        {
            // Multiply rather than accumulate, so that row times stay exact multiples of the interval.
            times.Add(Math.Min(k * intervalMin, durationMin));
        }

        if (times[^1] < durationMin)
        {
            times.Add(durationMin);
        }

        return times.ToArray();
    }
}
