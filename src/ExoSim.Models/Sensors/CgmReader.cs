using ExoSim.Models.Random;

namespace ExoSim.Models.Sensors;

/// <summary>
/// One sensor's measurement error over a run, drawn once from a random stream, so that the same error series can be
/// read during the simulation (by a controller, at any time) and afterwards (the recorded readings): reading =
/// clip(G_s(t) + ε(t), min, max) as in <see cref="CgmMeasurement"/>. Immutable after construction.
/// </summary>
public sealed class CgmReader
{
    private readonly double[] knots;

    /// <summary>Draws the error series from <paramref name="random"/> to cover 0 … <paramref name="lastTimeMin"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For a negative or non-finite last time.</exception>
    public CgmReader(CgmSensor sensor, Xoshiro256StarStar random, double lastTimeMin)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        ArgumentNullException.ThrowIfNull(random);
        if (!(lastTimeMin >= 0) || !double.IsFinite(lastTimeMin))
        {
            throw new ArgumentOutOfRangeException(nameof(lastTimeMin), lastTimeMin, "The last reading time must be finite and ≥ 0 min.");
        }

        Sensor = sensor;
        LastTimeMin = lastTimeMin;
        knots = CgmSensorError.Knots(sensor, random, (int)Math.Floor(lastTimeMin / sensor.ErrorIntervalMin) + 3);
    }

    /// <summary>The sensor.</summary>
    public CgmSensor Sensor { get; }

    /// <summary>The latest time the error series covers (min).</summary>
    public double LastTimeMin { get; }

    /// <summary>The reading at <paramref name="timeMin"/> of a true interstitial glucose (mg/dL).</summary>
    public double Read(double timeMin, double interstitialMgDl)
        => Math.Clamp(interstitialMgDl + CgmSensorError.At(knots, Sensor.ErrorIntervalMin, timeMin), Sensor.MinMgDl, Sensor.MaxMgDl);
}
