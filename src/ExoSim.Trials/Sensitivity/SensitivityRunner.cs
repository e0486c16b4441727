using System.Runtime.ExceptionServices;
using ExoSim.Analysis.Sensitivity;

namespace ExoSim.Trials.Sensitivity;

/// <summary>What a sensitivity analysis computed: one of the three results, and every evaluated point in the parameters' units.</summary>
/// <param name="Method"><c>local</c>, <c>morris</c> or <c>sobol</c>.</param>
/// <param name="Seed">The seed used (Morris, Sobol).</param>
/// <param name="Local">The local coefficients, for <c>local</c>.</param>
/// <param name="Morris">The elementary-effect statistics, for <c>morris</c>.</param>
/// <param name="Sobol">The Sobol indices, for <c>sobol</c>.</param>
/// <param name="Sample">Every evaluated point (parameter values in their units, factor order) and its output.</param>
public sealed record SensitivityResult(string Method, ulong Seed, LocalSensitivityResult? Local, MorrisResult? Morris, SobolResult? Sobol, ModelSample Sample)
{
    /// <summary>Number of model evaluations.</summary>
    public int ModelEvaluations => Sample.Outputs.Count;
}

/// <summary>
/// Runs a resolved study with the core methods of <c>ExoSim.Analysis</c>: the points are generated from the seed
/// before any evaluation and evaluated in parallel, each output stored at its point's index, so the same spec and
/// seed give bit-identical results for any number of threads.
/// </summary>
public static class SensitivityRunner
{
    /// <summary>Runs the study's method.</summary>
    /// <param name="study">The resolved study.</param>
    /// <param name="threads">Threads evaluating the model (≥ 1); the result does not depend on it.</param>
    /// <param name="seed">A seed replacing the spec's, or null.</param>
    /// <param name="onEvaluation">Called after each evaluation, from the evaluating thread (for progress; must be thread-safe).</param>
    /// <exception cref="SensitivityEvaluationException">An evaluation failed (the message names the factor values).</exception>
    /// <exception cref="InvalidOperationException">The output is not finite, or constant (Sobol), or 0 at the nominal point (local).</exception>
    public static SensitivityResult Run(SensitivityStudy study, int threads, ulong? seed = null, Action? onEvaluation = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var method = study.Spec.Method;
        ulong usedSeed = seed ?? method.Seed;
        var factors = study.Factors;
        double Output(double[] values)
        {
            double y = study.Evaluate(values);
            onEvaluation?.Invoke();
            return y;
        }

        double Sampled(double[] coordinates) => Output([.. coordinates.Select((c, i) => factors[i].FromSampling(c))]);
        var sampling = factors.Select(f => f.SamplingFactor()).ToArray();
        try
        {
            switch (method.Name)
            {
                case "local":
                    var local = LocalSensitivity.Analyse(Output, [.. factors.Select(f => new NominalParameter(f.Name, f.Nominal))], method.Step, threads);
                    return new SensitivityResult(method.Name, usedSeed, local, null, null, local.Sample);
                case "morris":
                    var morris = MorrisAnalysis.Analyse(Sampled, sampling, new MorrisOptions(method.Trajectories, method.Levels, usedSeed, threads));
                    return new SensitivityResult(method.Name, usedSeed, null, morris, null, InParameterUnits(morris.Sample, factors));
                default:
                    var sobol = SobolAnalysis.Analyse(Sampled, sampling, new SobolOptions(method.Samples, method.Bootstrap, usedSeed, threads, method.Confidence));
                    return new SensitivityResult(method.Name, usedSeed, null, null, sobol, InParameterUnits(sobol.Sample, factors));
            }
        }
        catch (AggregateException exception) when (exception.Flatten().InnerExceptions.OfType<SensitivityEvaluationException>().FirstOrDefault() is { } failure)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
            throw; // not reached
        }
    }

    private static ModelSample InParameterUnits(ModelSample sample, IReadOnlyList<ResolvedFactor> factors)
        => new([.. sample.Points.Select(p => (IReadOnlyList<double>)[.. p.Select((c, i) => factors[i].FromSampling(c))])], sample.Outputs);
}
