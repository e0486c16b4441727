namespace ExoSim.Analysis.Estimation;

/// <summary>
/// The objective of an <see cref="EstimationProblem"/> as a function of φ: ln of the estimated model parameters, then
/// ln of the estimated error coefficients. Provides its value and, for Levenberg–Marquardt, its gradient and the
/// Gauss–Newton (expected Fisher information) matrix from a central-difference Jacobian of the predictions.
/// </summary>
internal sealed class FitObjective
{
    private readonly EstimationProblem problem;
    private readonly double finiteDifferenceStep;
    private readonly (int Observable, bool IsAdditive)[] errorSlots;
    private long evaluations;

    public FitObjective(EstimationProblem problem, double finiteDifferenceStep)
    {
        this.problem = problem;
        this.finiteDifferenceStep = finiteDifferenceStep;
        var slots = new List<(int, bool)>();
        for (int o = 0; o < problem.ErrorModels.Count; o++)
        {
            if (problem.ErrorModels[o].Additive?.Estimated == true)
            {
                slots.Add((o, true));
            }

            if (problem.ErrorModels[o].Proportional?.Estimated == true)
            {
                slots.Add((o, false));
            }
        }

        errorSlots = [.. slots];
        Names = [.. problem.Parameters.Select(p => p.Name), .. errorSlots.Select(s => $"{(s.IsAdditive ? "a" : "b")}({problem.ErrorModels[s.Observable].Observable})")];
        Units = [.. problem.Parameters.Select(p => p.Unit), .. errorSlots.Select(s => s.IsAdditive ? problem.ErrorModels[s.Observable].Unit : "1")];
        Initial = [.. problem.Parameters.Select(p => Math.Log(p.Initial)), .. errorSlots.Select(s => Math.Log(Coefficient(s).Value))];

        // Error coefficients may range over eight orders of magnitude around their start value.
        Lower = [.. problem.Parameters.Select(p => Math.Log(p.Lower)), .. Initial.Skip(ModelCount).Select(x => x - Math.Log(1e4))];
        Upper = [.. problem.Parameters.Select(p => Math.Log(p.Upper)), .. Initial.Skip(ModelCount).Select(x => x + Math.Log(1e4))];
    }

    public EstimationProblem Problem => problem;

    public int ModelCount => problem.Parameters.Count;

    public int Dimension => Initial.Length;

    public string[] Names { get; }

    public string[] Units { get; }

    public double[] Initial { get; }

    public double[] Lower { get; }

    public double[] Upper { get; }

    public long Evaluations => Interlocked.Read(ref evaluations);

    public int ObservationCount => problem.Observations.Count;

    public bool IsLikelihood => problem.Objective == ObjectiveKind.MinusTwoLogLikelihood;

    public double[] Clamp(double[] phi)
    {
        var clamped = new double[phi.Length];
        for (int j = 0; j < phi.Length; j++)
        {
            clamped[j] = Math.Clamp(phi[j], Lower[j], Upper[j]);
        }

        return clamped;
    }

    /// <summary>The objective at φ; +∞ where the model cannot be evaluated.</summary>
    public double Value(double[] phi) => Predictions(phi) is { } f ? Value(phi, f) : double.PositiveInfinity;

    /// <summary>Model predictions at φ, or null.</summary>
    public double[]? Predictions(double[] phi)
    {
        Interlocked.Increment(ref evaluations);
        var values = new double[ModelCount];
        for (int j = 0; j < values.Length; j++)
        {
            values[j] = Math.Exp(phi[j]);
        }

        var f = problem.Predict(values);
        return f is not null && f.Length == problem.Observations.Count && f.All(double.IsFinite) ? f : null;
    }

    /// <summary>Error-model SD of every observation at φ given the predictions.</summary>
    public double[] StandardDeviations(double[] phi, double[] predictions)
    {
        var (a, b) = Coefficients(phi);
        var sd = new double[predictions.Length];
        for (int i = 0; i < sd.Length; i++)
        {
            var observation = problem.Observations[i];
            double reference = IsLikelihood ? predictions[i] : observation.Value;
            sd[i] = ObservableErrorModel.StandardDeviation(a[observation.Observable], b[observation.Observable], reference);
        }

        return sd;
    }

    public double Value(double[] phi, double[] predictions)
    {
        var sd = StandardDeviations(phi, predictions);
        double sum = 0;
        for (int i = 0; i < sd.Length; i++)
        {
            if (!(sd[i] > 0))
            {
                return double.PositiveInfinity;
            }

            double z = (problem.Observations[i].Value - predictions[i]) / sd[i];
            sum += z * z;
            if (IsLikelihood)
            {
                sum += Math.Log(2 * Math.PI * sd[i] * sd[i]);
            }
        }

        return double.IsFinite(sum) ? sum : double.PositiveInfinity;
    }

    /// <summary>
    /// Value, gradient and Gauss–Newton matrix H at φ (null when the model fails there or at a Jacobian point). For the
    /// likelihood, H = 2·Σ [∇f∇fᵀ + 2·∇s∇sᵀ]/s², twice the expected Fisher information of normal errors with mean f
    /// and SD s; for weighted least squares H = 2·JᵀWJ.
    /// </summary>
    public Linearization? Linearize(double[] phi, bool[] free)
    {
        if (Predictions(phi) is not { } f)
        {
            return null;
        }

        int n = f.Length;
        int d = Dimension;
        var jacobian = new double[d][];
        for (int j = 0; j < ModelCount; j++)
        {
            jacobian[j] = new double[n];
            if (!free[j])
            {
                continue;
            }

            var plus = (double[])phi.Clone();
            var minus = (double[])phi.Clone();
            plus[j] += finiteDifferenceStep;
            minus[j] -= finiteDifferenceStep;
            if (Predictions(plus) is not { } fPlus || Predictions(minus) is not { } fMinus)
            {
                return null;
            }

            for (int i = 0; i < n; i++)
            {
                jacobian[j][i] = (fPlus[i] - fMinus[i]) / (2 * finiteDifferenceStep);
            }
        }

        for (int j = ModelCount; j < d; j++)
        {
            jacobian[j] = new double[n];
        }

        var sd = StandardDeviations(phi, f);
        var (a, b) = Coefficients(phi);

        // ∂s/∂φ: through the prediction (likelihood only) and through the estimated coefficients (s² = a² + b²f²).
        var sdGradient = new double[d][];
        for (int j = 0; j < d; j++)
        {
            sdGradient[j] = new double[n];
        }

        for (int i = 0; i < n; i++)
        {
            int o = problem.Observations[i].Observable;
            if (IsLikelihood)
            {
                double dsdf = b[o] * b[o] * f[i] / sd[i];
                for (int j = 0; j < ModelCount; j++)
                {
                    sdGradient[j][i] = dsdf * jacobian[j][i];
                }
            }

            for (int k = 0; k < errorSlots.Length; k++)
            {
                var slot = errorSlots[k];
                if (slot.Observable == o)
                {
                    sdGradient[ModelCount + k][i] = slot.IsAdditive ? a[o] * a[o] / sd[i] : b[o] * b[o] * f[i] * f[i] / sd[i];
                }
            }
        }

        var gradient = new double[d];
        var hessian = new double[d, d];
        double value = 0;
        for (int i = 0; i < n; i++)
        {
            double r = problem.Observations[i].Value - f[i];
            double s = sd[i];
            double z = r / s;
            value += (z * z) + (IsLikelihood ? Math.Log(2 * Math.PI * s * s) : 0);
            for (int j = 0; j < d; j++)
            {
                double dsj = sdGradient[j][i] / s;
                gradient[j] += (-2 * z * jacobian[j][i] / s) + (IsLikelihood ? (2 * dsj) - (2 * z * z * dsj) : 0);
                for (int k = 0; k <= j; k++)
                {
                    double term = jacobian[j][i] * jacobian[k][i] / (s * s);
                    if (IsLikelihood)
                    {
                        term += 2 * sdGradient[j][i] * sdGradient[k][i] / (s * s);
                    }

                    hessian[j, k] += 2 * term;
                }
            }
        }

        for (int j = 0; j < d; j++)
        {
            for (int k = j + 1; k < d; k++)
            {
                hessian[j, k] = hessian[k, j];
            }
        }

        return new Linearization(double.IsFinite(value) ? value : double.PositiveInfinity, gradient, hessian, f, sd);
    }

    private ErrorCoefficient Coefficient((int Observable, bool IsAdditive) slot)
        => (slot.IsAdditive ? problem.ErrorModels[slot.Observable].Additive : problem.ErrorModels[slot.Observable].Proportional)!;

    /// <summary>a and b of every observable at φ (0 where the kind has none).</summary>
    public (double[] A, double[] B) Coefficients(double[] phi)
    {
        var a = problem.ErrorModels.Select(m => m.Additive?.Value ?? 0).ToArray();
        var b = problem.ErrorModels.Select(m => m.Proportional?.Value ?? 0).ToArray();
        for (int k = 0; k < errorSlots.Length; k++)
        {
            var slot = errorSlots[k];
            (slot.IsAdditive ? a : b)[slot.Observable] = Math.Exp(phi[ModelCount + k]);
        }

        return (a, b);
    }
}

/// <summary>The objective linearised at a point.</summary>
internal sealed record Linearization(double Value, double[] Gradient, double[,] Hessian, double[] Predictions, double[] StandardDeviations);
