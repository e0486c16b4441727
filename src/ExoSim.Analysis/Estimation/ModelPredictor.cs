using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Numerics.Ode;

namespace ExoSim.Analysis.Estimation;

/// <summary>
/// A <see cref="Predictor"/> that simulates a physiology model: the estimated parameters replace the subject's values
/// (then <see cref="Models.PhysiologyModel.Complete"/> updates the derived ones), the request is solved with output at
/// the sample times, and each observation reads its model column (a state or observable) there.
/// </summary>
public sealed class ModelPredictor
{
    private readonly SimulationRequest request;
    private readonly IOdeSolver solver;
    private readonly SolverOptions options;
    private readonly IReadOnlyList<string> parameterNames;
    private readonly double[] times;
    private readonly int[] timeIndex;
    private readonly string[] columns;
    private readonly Func<ParameterSet, (ParameterSet Parameters, double[]? InitialState)> start;

    /// <summary>Creates the predictor.</summary>
    /// <param name="request">What to simulate (model, subject, events); its initial state, if given, is kept for every parameter value.</param>
    /// <param name="solver">The ODE solver.</param>
    /// <param name="options">Its options.</param>
    /// <param name="parameterNames">Names of the estimated parameters, in the order of the values the predictor receives.</param>
    /// <param name="observations">The observations to predict.</param>
    /// <param name="observableColumns">Model column of each observable index.</param>
    /// <param name="start">
    /// The start of a run for given (completed) parameters: the parameters to simulate with and the initial state (null:
    /// the model's own for those parameters). Default: the request's initial state if it has one, else the model's.
    /// Models that start at a fasting steady state pass one that recomputes it.
    /// </param>
    /// <exception cref="ArgumentException">A name is not the model's, or a sample lies outside the simulated span.</exception>
    public ModelPredictor(
        SimulationRequest request,
        IOdeSolver solver,
        SolverOptions options,
        IReadOnlyList<string> parameterNames,
        IReadOnlyList<Observation> observations,
        IReadOnlyList<string> observableColumns,
        Func<ParameterSet, (ParameterSet Parameters, double[]? InitialState)>? start = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(observableColumns);
        this.request = request;
        this.solver = solver ?? throw new ArgumentNullException(nameof(solver));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        this.parameterNames = parameterNames ?? throw new ArgumentNullException(nameof(parameterNames));
        foreach (string name in parameterNames)
        {
            request.Parameters.Schema.RequireIndex(name);
        }

        var modelColumns = request.Model.States.Select(s => s.Name).Concat(request.Model.Observables.Select(o => o.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (string column in observableColumns)
        {
            if (!modelColumns.Contains(column))
            {
                throw new ArgumentException($"'{column}' is not a state or observable of model '{request.Model.Id}'.");
            }
        }

        times = [.. observations.Select(o => o.TimeMin).Distinct().Order()];
        if (times.Length == 0 || times[0] < 0 || times[^1] > request.DurationMin)
        {
            throw new ArgumentException($"Sample times must lie within the simulated span [0, {request.DurationMin}] min.");
        }

        var fixedStart = request.InitialState?.ToArray();
        this.start = start ?? (parameters => (parameters, fixedStart));
        timeIndex = [.. observations.Select(o => Array.BinarySearch(times, o.TimeMin))];
        columns = [.. observations.Select(o => observableColumns[o.Observable])];
    }

    /// <summary>The subject's parameters with the given values of the estimated ones, completed by the model.</summary>
    public ParameterSet ParametersFor(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var parameters = request.Parameters;
        for (int j = 0; j < parameterNames.Count; j++)
        {
            parameters = parameters.WithUserValue(parameterNames[j], values[j], "estimated by exosim fit");
        }

        return request.Model.Complete(parameters);
    }

    /// <summary>
    /// Simulates for the given parameter values, at the sample times or at <paramref name="outputTimesMin"/>; null if
    /// the solver fails or the start state cannot be found for these values.
    /// </summary>
    public SimulationResult? Simulate(IReadOnlyList<double> values, IReadOnlyList<double>? outputTimesMin = null)
    {
        try
        {
            var (parameters, initial) = start(ParametersFor(values));
            return Simulator.Run(request with { Parameters = parameters, InitialState = initial, OutputTimesMin = outputTimesMin ?? times }, solver, options);
        }
        catch (Exception exception) when (exception is OdeSolverException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The predictions of the observations, in their order, or null when the solver fails.</summary>
    public double[]? Predict(IReadOnlyList<double> values)
    {
        if (Simulate(values) is not { } result)
        {
            return null;
        }

        var cache = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var predictions = new double[columns.Length];
        for (int i = 0; i < predictions.Length; i++)
        {
            if (!cache.TryGetValue(columns[i], out var column))
            {
                column = result.Column(columns[i]);
                cache[columns[i]] = column;
            }

            predictions[i] = column[timeIndex[i]];
        }

        return predictions;
    }
}
