using ExoSim.Models.Parameters;
using ExoSim.Models.Sensors;

namespace ExoSim.Models.Simulation;

/// <summary>What an insulin controller asks for at one decision: a new basal rate (or none: keep the current one) and a bolus.</summary>
/// <param name="BasalUPerH">The basal rate from now on (U/h), or null to leave it unchanged.</param>
/// <param name="BolusU">A bolus given now (U), 0 for none.</param>
public readonly record struct InsulinCommand(double? BasalUPerH, double BolusU);

/// <summary>
/// A decision rule for insulin that reads glucose while the simulation runs (a closed-loop controller, a bolus
/// calculator with a glucose correction). One instance serves one simulation: it may keep state (an integral, the
/// insulin it delivered) because its decisions are made once each, in time order.
/// </summary>
public interface IInsulinController
{
    /// <summary>The times (min, increasing) at which it decides, within [<paramref name="startMin"/>, <paramref name="endMin"/>].</summary>
    IReadOnlyList<double> DecisionTimes(double startMin, double endMin);

    /// <summary>The decision at <paramref name="timeMin"/> given the glucose the patient sees (mg/dL).</summary>
    InsulinCommand Decide(double timeMin, double glucoseMgPerDl);
}

/// <summary>
/// Insulin decided by a controller from the glucose the patient sees: the CGM reading when a sensor is given (its
/// error series drawn once per run, <see cref="CgmReader"/>), else plasma glucose. The simulator stops at every
/// decision time, evaluates the model's observables there, asks a fresh controller from <see cref="CreateController"/>
/// (so that two runs of the same request decide identically) and applies the command through
/// <see cref="PhysiologyModel.DeliverInsulin"/>.
/// </summary>
/// <param name="TimeMin">Start of the controlled period (min).</param>
/// <param name="EndMin">End of the controlled period (min).</param>
/// <param name="CreateController">Makes the controller for one run.</param>
/// <param name="Sensor">The CGM the controller reads, or null for plasma glucose.</param>
public sealed record InsulinFeedback(double TimeMin, double EndMin, Func<IInsulinController> CreateController, CgmReader? Sensor) : Intervention(TimeMin)
{
    /// <summary>The kind name models list in <see cref="PhysiologyModel.SupportedInterventions"/>.</summary>
    public const string KindName = "insulin feedback";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>Where the insulin actually delivered is recorded (cleared at the start of each run), or null.</summary>
    public InsulinDeliveryLog? Log { get; init; }

    /// <summary>Schedules the decisions of one run.</summary>
    internal void Schedule(PhysiologyModel model, InterventionSchedule schedule, ParameterSet parameters)
    {
        var controller = CreateController();
        Log?.Clear();
        int glucose = ObservableIndex(model, Observable.GlucoseMgPerDl);
        int interstitial = Sensor is null ? -1 : ObservableIndex(model, Observable.InterstitialGlucoseMgPerDl);
        var observables = new double[model.Observables.Count];
        foreach (double time in controller.DecisionTimes(TimeMin, EndMin))
        {
            schedule.AddAction(time, (t, y) =>
            {
                model.EvaluateObservables(t, y, parameters, observables);
                double seen = Sensor is { } sensor ? sensor.Read(t, observables[interstitial]) : observables[glucose];
                var command = controller.Decide(t, seen);
                model.DeliverInsulin(schedule.System, y, command);
                Log?.Add(t, command);
            }, KindName);
        }
    }

    private static int ObservableIndex(PhysiologyModel model, string name)
    {
        for (int i = 0; i < model.Observables.Count; i++)
        {
            if (model.Observables[i].Name == name)
            {
                return i;
            }
        }

        throw new NotSupportedException($"Model '{model.Id}' has no observable '{name}' for an insulin controller to read.");
    }
}

/// <summary>
/// The insulin a controller delivered during a run, as <see cref="InsulinBasal"/> and <see cref="InsulinBolus"/>
/// records at their decision times (so that dose endpoints count it like planned doses). One log serves one run at a time.
/// </summary>
public sealed class InsulinDeliveryLog
{
    private readonly List<Intervention> deliveries = [];

    /// <summary>The deliveries of the latest run, in time order.</summary>
    public IReadOnlyList<Intervention> Deliveries => deliveries;

    internal void Clear() => deliveries.Clear();

    internal void Add(double timeMin, InsulinCommand command)
    {
        if (command.BasalUPerH is { } rate)
        {
            deliveries.Add(new InsulinBasal(timeMin, rate));
        }

        if (command.BolusU > 0)
        {
            deliveries.Add(new InsulinBolus(timeMin, command.BolusU));
        }
    }
}
