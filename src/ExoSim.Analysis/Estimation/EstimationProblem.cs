namespace ExoSim.Analysis.Estimation;

/// <summary>What the fit minimises.</summary>
public enum ObjectiveKind
{
    /// <summary>
    /// Σ ((y − f)/SD)² with SDs from the error model evaluated at the observed values (fixed relative weights); the
    /// covariance is scaled by the residual variance s² = objective/(n − p).
    /// </summary>
    WeightedLeastSquares,

    /// <summary>−2 ln L = Σ [ln(2π·SD²) + ((y − f)/SD)²] for normal errors with SD from the error model at the prediction.</summary>
    MinusTwoLogLikelihood,
}

/// <summary>One measured value.</summary>
/// <param name="TimeMin">Sample time (min).</param>
/// <param name="Observable">Index into <see cref="EstimationProblem.ErrorModels"/> (which observable it is).</param>
/// <param name="Value">The measured value, in the observable's unit.</param>
public sealed record Observation(double TimeMin, int Observable, double Value);

/// <summary>
/// Predictions of every observation for the given values of the estimated parameters (in their units, in the order
/// of <see cref="EstimationProblem.Parameters"/>); null when the model cannot be evaluated there (e.g. the solver
/// failed), which the optimisers treat as an infinitely bad point.
/// </summary>
public delegate double[]? Predictor(IReadOnlyList<double> parameterValues);

/// <summary>An estimation problem: parameters with bounds, data, error models, objective and the model as a predictor.</summary>
public sealed record EstimationProblem
{
    /// <summary>The parameters to estimate (log space, bounded).</summary>
    public required IReadOnlyList<EstimatedParameter> Parameters { get; init; }

    /// <summary>The measured values.</summary>
    public required IReadOnlyList<Observation> Observations { get; init; }

    /// <summary>One error model per observable.</summary>
    public required IReadOnlyList<ObservableErrorModel> ErrorModels { get; init; }

    /// <summary>The objective.</summary>
    public ObjectiveKind Objective { get; init; } = ObjectiveKind.MinusTwoLogLikelihood;

    /// <summary>The model: predictions of <see cref="Observations"/>, in their order.</summary>
    public required Predictor Predict { get; init; }

    /// <summary>Checks the parameters, error models and observations.</summary>
    /// <exception cref="ArgumentException">Naming what is wrong.</exception>
    public void Validate()
    {
        if (Parameters.Count == 0)
        {
            throw new ArgumentException("At least one parameter must be estimated.");
        }

        foreach (var parameter in Parameters)
        {
            parameter.Validate();
        }

        foreach (var model in ErrorModels)
        {
            model.Validate();
            if (Objective == ObjectiveKind.WeightedLeastSquares && new[] { model.Additive, model.Proportional }.Any(c => c?.Estimated == true))
            {
                throw new ArgumentException($"Error model of '{model.Observable}': with weighted least squares the error coefficients are relative weights and cannot be estimated; use the −2 log-likelihood objective to estimate them.");
            }
        }

        foreach (var observation in Observations)
        {
            if (observation.Observable < 0 || observation.Observable >= ErrorModels.Count || !double.IsFinite(observation.Value) || !double.IsFinite(observation.TimeMin))
            {
                throw new ArgumentException($"Observation at {observation.TimeMin} min: observable index {observation.Observable} or value {observation.Value} is invalid.");
            }
        }

        int estimatedCount = Parameters.Count + ErrorModels.Sum(m => (m.Additive?.Estimated == true ? 1 : 0) + (m.Proportional?.Estimated == true ? 1 : 0));
        if (Observations.Count <= estimatedCount)
        {
            throw new ArgumentException($"{Observations.Count} observations cannot determine {estimatedCount} estimated quantities: more data or fewer parameters are needed.");
        }
    }
}
