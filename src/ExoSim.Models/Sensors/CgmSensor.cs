namespace ExoSim.Models.Sensors;

/// <summary>
/// A continuous glucose monitor: when it samples, how its measurement error is distributed and correlated, and the
/// range it reports. The error model is Breton and Kovatchev's (see <see cref="CgmSensorError"/>).
/// </summary>
public sealed record CgmSensor
{
    /// <summary>A sensor specification.</summary>
    /// <exception cref="ArgumentException">For a non-positive sample or error interval, a PACF outside [0, 1) or an empty range.</exception>
    public CgmSensor(string name, double sampleTimeMin, JohnsonSu error, double pacf, double errorIntervalMin,
        double minMgDl, double maxMgDl, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(source);
        if (!(sampleTimeMin > 0) || !double.IsFinite(sampleTimeMin) || !(errorIntervalMin > 0) || !double.IsFinite(errorIntervalMin))
        {
            throw new ArgumentException($"Sensor '{name}': sample time and error interval must be positive and finite (got {sampleTimeMin}, {errorIntervalMin} min).");
        }

        if (!(pacf >= 0 && pacf < 1))
        {
            throw new ArgumentException($"Sensor '{name}': PACF must be in [0, 1) (got {pacf}).");
        }

        if (!(minMgDl < maxMgDl) || !double.IsFinite(minMgDl) || !double.IsFinite(maxMgDl))
        {
            throw new ArgumentException($"Sensor '{name}': the reported range needs finite min < max (got {minMgDl}, {maxMgDl} mg/dL).");
        }

        (Name, SampleTimeMin, Error, Pacf, ErrorIntervalMin, MinMgDl, MaxMgDl, Source) =
            (name, sampleTimeMin, error, pacf, errorIntervalMin, minMgDl, maxMgDl, source);
    }

    /// <summary>Catalog name, e.g. "Dexcom".</summary>
    public string Name { get; }

    /// <summary>Minutes between readings; readings are taken at 0, Δ, 2Δ, … minutes after sensor start.</summary>
    public double SampleTimeMin { get; }

    /// <summary>Marginal distribution of the additive error (mg/dL) as a transform of the driving normal series.</summary>
    public JohnsonSu Error { get; }

    /// <summary>Lag-1 partial autocorrelation φ of the driving series, per <see cref="ErrorIntervalMin"/>.</summary>
    public double Pacf { get; }

    /// <summary>Spacing of the error series (15 min in Breton and Kovatchev: the reference glucose interval of their data).</summary>
    public double ErrorIntervalMin { get; }

    /// <summary>Lowest reported value (mg/dL); lower readings are clipped to it.</summary>
    public double MinMgDl { get; }

    /// <summary>Highest reported value (mg/dL); higher readings are clipped to it.</summary>
    public double MaxMgDl { get; }

    /// <summary>Where the numbers come from.</summary>
    public string Source { get; }
}
