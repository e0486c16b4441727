namespace ExoSim.Models.Simulation;

/// <summary>Something that happens to a virtual subject at a time: a meal, an insulin dose, a glucose bolus.
/// Values are already in ExoSim's canonical units (minutes, grams, units of insulin).</summary>
/// <param name="TimeMin">When it starts, in minutes from the start of the simulation.</param>
public abstract record Intervention(double TimeMin)
{
    /// <summary>Short kind name used in messages, e.g. "meal".</summary>
    public abstract string Kind { get; }
}

/// <summary>A meal: carbohydrate eaten at a constant rate over a duration.</summary>
/// <param name="TimeMin">Start of the meal (min).</param>
/// <param name="CarbsG">Carbohydrate (g).</param>
/// <param name="DurationMin">How long the meal lasts (min); 0 means the model's own convention (e.g. an impulse into the stomach).</param>
public sealed record MealIntake(double TimeMin, double CarbsG, double DurationMin) : Intervention(TimeMin)
{
    /// <inheritdoc />
    public override string Kind => "meal";
}

/// <summary>An insulin bolus.</summary>
/// <param name="TimeMin">When (min).</param>
/// <param name="DoseU">Dose in international units (U).</param>
public sealed record InsulinBolus(double TimeMin, double DoseU) : Intervention(TimeMin)
{
    /// <inheritdoc />
    public override string Kind => "insulin bolus";
}

/// <summary>A basal insulin rate that holds from <see cref="Intervention.TimeMin"/> until the next basal change.</summary>
/// <param name="TimeMin">When the rate starts (min).</param>
/// <param name="RateUPerH">Rate in U/h.</param>
public sealed record InsulinBasal(double TimeMin, double RateUPerH) : Intervention(TimeMin)
{
    /// <inheritdoc />
    public override string Kind => "insulin basal";
}

/// <summary>An intravenous glucose bolus (as in an IVGTT), given as a dose per kg of body weight.</summary>
/// <param name="TimeMin">When (min).</param>
/// <param name="DoseGPerKg">Dose in g/kg.</param>
public sealed record GlucoseBolusIv(double TimeMin, double DoseGPerKg) : Intervention(TimeMin)
{
    /// <inheritdoc />
    public override string Kind => "IV glucose bolus";
}
