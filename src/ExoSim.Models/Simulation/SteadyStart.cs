using System.Globalization;
using ExoSim.Models.Parameters;
using ExoSim.Numerics.SteadyState;

namespace ExoSim.Models.Simulation;

/// <summary>A subject at rest: completed parameters and the steady state they imply.</summary>
/// <param name="Parameters">Parameters with the derived basal quantities recomputed.</param>
/// <param name="State">The steady state, in the model's state order.</param>
/// <param name="ScaledResidual">max|f_i|/(1 + |y_i|) of the right-hand side at <paramref name="State"/> (0 = exactly at rest).</param>
/// <param name="NewtonIterations">Newton iterations needed to polish the model's analytic basal state (0 when it was already at rest).</param>
public sealed record SteadyStartResult(ParameterSet Parameters, double[] State, double ScaledResidual, int NewtonIterations);

/// <summary>
/// Starts a subject at its fasting steady state, optionally at a chosen fasting glucose and basal insulin: the
/// overrides go into the model's basal parameters, the model recomputes its derived basal quantities
/// (<see cref="PhysiologyModel.Complete"/>), and a Newton solve on the model's equations (with the subject's basal
/// inputs and no meals) confirms — and, to round-off, polishes — that the resulting state is at rest.
/// </summary>
public static class SteadyStart
{
    private const string OverrideSource = "fasting value chosen in the scenario; basal quantities recomputed";

    /// <summary>The subject's fasting steady state, after optional fasting overrides.</summary>
    /// <param name="model">The model.</param>
    /// <param name="parameters">The subject's parameters (user overrides applied).</param>
    /// <param name="fastingGlucoseMgPerDl">Fasting plasma glucose (mg/dL), or null to keep the subject's.</param>
    /// <param name="basalInsulin">Basal plasma insulin in the unit of <see cref="PhysiologyModel.BasalInsulinParameter"/>, or null.</param>
    /// <exception cref="InvalidOperationException">The model has no fasting start, or no steady state exists for these values (the message says why and what to change).</exception>
    public static SteadyStartResult AtFasting(PhysiologyModel model, ParameterSet parameters, double? fastingGlucoseMgPerDl = null, double? basalInsulin = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(parameters);
        var p = parameters;
        if (fastingGlucoseMgPerDl is double glucose)
        {
            string name = model.FastingGlucoseParameter ?? throw new InvalidOperationException(
                $"Model '{model.Id}' does not start at a fasting steady state, so a fasting glucose cannot be chosen; set its parameters or initial state instead.");
            p = p.WithUserValue(name, RequirePositive(glucose, "fasting glucose", "mg/dL"), OverrideSource);
        }

        if (basalInsulin is double insulin)
        {
            string name = model.BasalInsulinParameter ?? throw new InvalidOperationException(
                $"Model '{model.Id}' has no basal insulin that sets its starting state.");
            p = p.WithUserValue(name, RequirePositive(insulin, "basal insulin", p.Schema[p.Schema.RequireIndex(name)].Unit), OverrideSource);
        }

        p = model.Complete(p);
        double[] basal = model.InitialState(p);
        var system = model.CreateSystem(p, []);
        try
        {
            var rest = SteadyStateSolver.Solve(system, basal);
            return new SteadyStartResult(p, rest.State, rest.ScaledResidual, rest.Iterations);
        }
        catch (SteadyStateException exception)
        {
            throw new InvalidOperationException(
                $"Subject '{p.Name}' of model '{model.Id}' has no fasting steady state{Describe(model, p)}: {exception.Message}", exception);
        }
    }

    private static string Describe(PhysiologyModel model, ParameterSet p)
        => model.FastingGlucoseParameter is string gb
            ? string.Create(CultureInfo.InvariantCulture, $" at {gb} = {p[gb]:G6} mg/dL")
            : string.Empty;

    private static double RequirePositive(double value, string what, string unit)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new InvalidOperationException($"The {what} must be a positive number of {unit}; got {value.ToString(CultureInfo.InvariantCulture)}.");
        }

        return value;
    }
}
