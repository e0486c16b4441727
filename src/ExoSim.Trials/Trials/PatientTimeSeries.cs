using ExoSim.Models;
using ExoSim.Models.Simulation;

namespace ExoSim.Trials.Trials;

/// <summary>
/// One patient's simulated course for <c>exosim trial --timeseries</c>: the time of each output sample, the time from
/// the patient's randomisation, the model's state variables (by their documented names, fixed for the model whatever
/// the arm's therapy adds) and plasma glucose.
/// </summary>
/// <param name="Columns">Column names, <see cref="ColumnNames"/> of the model.</param>
/// <param name="Values">One array per column, one value per output sample.</param>
public sealed record PatientTimeSeries(IReadOnlyList<string> Columns, IReadOnlyList<double[]> Values)
{
    /// <summary>Time from the patient's randomisation (min; negative during the run-in or before diagnosis).</summary>
    public const string TimeFromRandomisation = "time_from_randomisation_min";

    /// <summary>The columns of a patient of <paramref name="model"/>: time_min, time from randomisation, the states, glucose_mg_dl.</summary>
    public static IReadOnlyList<string> ColumnNames(PhysiologyModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [Simulator.TimeColumn, TimeFromRandomisation, .. model.States.Select(s => s.Name), Observable.GlucoseMgPerDl];
    }

    /// <summary>The time series of <paramref name="result"/>, the course of a patient randomised at <paramref name="randomisationMin"/>.</summary>
    public static PatientTimeSeries From(SimulationResult result, PhysiologyModel model, double randomisationMin)
    {
        ArgumentNullException.ThrowIfNull(result);
        var names = ColumnNames(model);
        double[] times = result.Column(Simulator.TimeColumn);
        var values = names.Select(n => n == TimeFromRandomisation ? times.Select(t => t - randomisationMin).ToArray() : result.Column(n)).ToArray();
        return new PatientTimeSeries(names, values);
    }
}
