using ExoSim.Models.Random;

namespace ExoSim.Models.Sensors;

/// <summary>A glucose value at a time: minutes since sensor start, mg/dL.</summary>
/// <param name="TimeMin">Minutes since the sensor started (the model's t = 0).</param>
/// <param name="MgDl">Glucose concentration in mg/dL.</param>
public readonly record struct GlucoseSample(double TimeMin, double MgDl);

/// <summary>
/// Turns noise-free interstitial glucose (the UVA/Padova model's <c>cgm_glucose_mg_dl</c> = Gs/Vg, which already
/// carries the plasma-to-interstitium lag) into CGM readings: reading = clip(G_s(t) + ε(t), min, max), the error
/// ε added in mg/dL as in Breton and Kovatchev 2008 and simglucose's <c>CGMSensor.measure</c>. Pure and
/// deterministic: the same samples, sensor and seed give bit-identical readings on every machine and thread count.
/// </summary>
public static class CgmMeasurement
{
    // A time is on the sampling grid when t/Δ is within this of an integer (times are sums of float minutes).
    private const double GridTolerance = 1e-9;

    /// <summary>The sensor's sample times 0, Δ, 2Δ, … ≤ <paramref name="durationMin"/> (minutes since sensor start).</summary>
    public static double[] SampleTimes(CgmSensor sensor, double durationMin)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        if (!(durationMin >= 0) || !double.IsFinite(durationMin))
        {
            throw new ArgumentOutOfRangeException(nameof(durationMin), durationMin, "The duration must be finite and ≥ 0 min.");
        }

        int count = (int)Math.Floor((durationMin / sensor.SampleTimeMin) + GridTolerance) + 1;
        return Enumerable.Range(0, count).Select(i => i * sensor.SampleTimeMin).ToArray();
    }

    /// <summary>Readings with the error stream <see cref="Xoshiro256StarStar.FromSeed"/>(<paramref name="seed"/>).</summary>
    public static GlucoseSample[] Measure(IReadOnlyList<GlucoseSample> interstitial, CgmSensor sensor, ulong seed)
        => Measure(interstitial, sensor, Xoshiro256StarStar.FromSeed(seed));

    /// <summary>
    /// Readings at the times of <paramref name="interstitial"/> (strictly increasing multiples of the sample time),
    /// with the error drawn from <paramref name="random"/> (e.g. <see cref="Xoshiro256StarStar.ForStream"/> per patient).
    /// The error at a time depends only on the stream and that time, not on the other times requested.
    /// </summary>
    /// <exception cref="ArgumentException">For times off the sensor's grid, not increasing, or non-finite values.</exception>
    public static GlucoseSample[] Measure(IReadOnlyList<GlucoseSample> interstitial, CgmSensor sensor, Xoshiro256StarStar random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Validate(interstitial, sensor);
        if (interstitial.Count == 0)
        {
            return [];
        }

        var reader = new CgmReader(sensor, random, interstitial[^1].TimeMin);
        return interstitial.Select(s => s with { MgDl = reader.Read(s.TimeMin, s.MgDl) }).ToArray();
    }

    /// <summary>Readings without measurement error: the same sampling checks and clipping, ε = 0.</summary>
    public static GlucoseSample[] MeasureNoiseFree(IReadOnlyList<GlucoseSample> interstitial, CgmSensor sensor)
    {
        Validate(interstitial, sensor);
        return interstitial.Select(s => Read(sensor, s, 0.0)).ToArray();
    }

    private static GlucoseSample Read(CgmSensor sensor, GlucoseSample truth, double error)
        => truth with { MgDl = Math.Clamp(truth.MgDl + error, sensor.MinMgDl, sensor.MaxMgDl) };

    private static void Validate(IReadOnlyList<GlucoseSample> interstitial, CgmSensor sensor)
    {
        ArgumentNullException.ThrowIfNull(interstitial);
        ArgumentNullException.ThrowIfNull(sensor);
        double previous = double.NegativeInfinity;
        foreach (var sample in interstitial)
        {
            double steps = sample.TimeMin / sensor.SampleTimeMin;
            if (!(sample.TimeMin >= 0) || !double.IsFinite(sample.TimeMin)
                || Math.Abs(steps - Math.Round(steps)) > GridTolerance * Math.Max(1, steps))
            {
                throw new ArgumentException(
                    $"{sensor.Name} samples every {sensor.SampleTimeMin} min from t = 0; t = {sample.TimeMin} min is not a sample time.",
                    nameof(interstitial));
            }

            if (!(sample.TimeMin > previous))
            {
                throw new ArgumentException($"Sample times must increase strictly (t = {sample.TimeMin} min after {previous} min).", nameof(interstitial));
            }

            if (!double.IsFinite(sample.MgDl))
            {
                throw new ArgumentException($"Glucose at t = {sample.TimeMin} min is not finite ({sample.MgDl}).", nameof(interstitial));
            }

            previous = sample.TimeMin;
        }
    }
}
