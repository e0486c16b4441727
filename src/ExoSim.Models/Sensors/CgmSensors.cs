namespace ExoSim.Models.Sensors;

/// <summary>
/// The published CGM sensors of simglucose (Xie J, github.com/jxx123/simglucose, MIT licence),
/// <c>simglucose/params/sensor_params.csv</c> at commit b48b4aa163f3c1f65cc342b52341b4741d6725c6.
/// All three share the error distribution and PACF that Breton and Kovatchev (J Diabetes Sci Technol
/// 2008;2(5):853–862, doi:10.1177/193229680800200517) fitted to FreeStyle Navigator data against YSI references
/// every 15 min; they differ only in sampling and reported range.
/// </summary>
public static class CgmSensors
{
    private const string ErrorSource =
        "error: Breton & Kovatchev 2008, doi:10.1177/193229680800200517 (Johnson SU fit and AR(1) recursion with " +
        "PACF 0.7 at 15 min; the paper rounds λ = 15.96, ξ = −5.471); values, sample time and range: simglucose " +
        "sensor_params.csv, commit b48b4aa163f3c1f65cc342b52341b4741d6725c6";

    // sensor_params.csv columns: Name, PACF, gamma, lambda, delta, xi, sample_time, min, max.
    private static readonly JohnsonSu NavigatorError = new(xi: -5.47, lambda: 15.9574, gamma: -0.5444, delta: 1.6898);

    private static readonly CgmSensor[] Sensors =
    [
        new("Dexcom", 3.0, NavigatorError, 0.7, 15.0, 39.0, 600.0, ErrorSource),
        new("GuardianRT", 5.0, NavigatorError, 0.7, 15.0, 39.0, 600.0, ErrorSource),
        new("Navigator", 1.0, NavigatorError, 0.7, 15.0, 32.0, 600.0, ErrorSource),
    ];

    /// <summary>All catalogued sensors, in simglucose's order.</summary>
    public static IReadOnlyList<CgmSensor> All => Sensors;

    /// <summary>A sensor by its exact (case-sensitive) name.</summary>
    /// <exception cref="KeyNotFoundException">With the closest valid names when unknown.</exception>
    public static CgmSensor Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var sensor in Sensors)
        {
            if (string.Equals(sensor.Name, name, StringComparison.Ordinal))
            {
                return sensor;
            }
        }

        throw new KeyNotFoundException($"Unknown CGM sensor '{name}'. {NameSuggestions.Describe(name, Sensors.Select(s => s.Name))}");
    }
}
