using ExoSim.Models.Random;

namespace ExoSim.Models.Sensors;

/// <summary>
/// The additive CGM error of Breton and Kovatchev (J Diabetes Sci Technol 2008;2(5):853–862,
/// doi:10.1177/193229680800200517), as implemented by simglucose (noise_gen.py) and the UVA/Padova simulator lineage.
/// At t_k = k·T (T = <see cref="CgmSensor.ErrorIntervalMin"/>, 15 min) a driving series e₀ = v₀,
/// e_k = φ·(e_{k−1} + v_k) with v_k iid N(0, 1) and φ the PACF, is mapped through the Johnson SU transform:
/// ε_k = ξ + λ·sinh((e_k − γ)/δ). As published, e is not unit-variance: its stationary variance is φ²/(1 − φ²)
/// (0.961 for φ = 0.7), reached from 1 at k = 0 geometrically with ratio φ²; ExoSim keeps the published recursion.
/// Between the knots the error is interpolated (<see cref="At"/>).
/// </summary>
public static class CgmSensorError
{
    /// <summary>Stationary variance φ²/(1 − φ²) of the driving series e.</summary>
    public static double StationaryDrivingVariance(CgmSensor sensor)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        return sensor.Pacf * sensor.Pacf / (1 - (sensor.Pacf * sensor.Pacf));
    }

    /// <summary>The errors ε₀ … ε_{count−1} (mg/dL) at t_k = k·T, drawing one normal deviate per knot from <paramref name="random"/>.</summary>
    public static double[] Knots(CgmSensor sensor, Xoshiro256StarStar random, int count)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var normal = new NormalGenerator(random);
        var knots = new double[count];
        double e = 0;
        for (int k = 0; k < count; k++)
        {
            e = k == 0 ? normal.Next() : sensor.Pacf * (e + normal.Next());
            knots[k] = sensor.Error.Transform(e);
        }

        return knots;
    }

    /// <summary>
    /// The error at <paramref name="timeMin"/> ≥ 0 from the knots by uniform Catmull–Rom interpolation (Catmull E,
    /// Rom R, in Computer Aided Geometric Design, Academic Press 1974, pp. 317–326): a cubic through ε_k and ε_{k+1}
    /// with tangents (ε_{k+1} − ε_{k−1})/2; exact at the knots, continuous in value and slope, and local (four knots),
    /// so a reading never depends on how far the series was generated. At t &lt; T the missing ε_{−1} is the
    /// reflection 2ε₀ − ε₁. Needs knots up to index ⌊t/T⌋ + 2.
    /// </summary>
    public static double At(IReadOnlyList<double> knots, double intervalMin, double timeMin)
    {
        ArgumentNullException.ThrowIfNull(knots);
        double u = timeMin / intervalMin;
        if (!(u >= 0) || u >= knots.Count - 2)
        {
            throw new ArgumentOutOfRangeException(nameof(timeMin), timeMin, $"Needs 0 ≤ t < {(knots.Count - 2) * intervalMin} min for {knots.Count} knots.");
        }

        int k = (int)Math.Floor(u);
        double tau = u - k;
        double p1 = knots[k], p2 = knots[k + 1], p3 = knots[k + 2];
        double p0 = k == 0 ? (2 * p1) - p2 : knots[k - 1];
        // At τ = 0 every term but 2·p1 vanishes exactly, so the knots are reproduced bit for bit.
        return 0.5 * ((2 * p1)
            + (tau * (p2 - p0))
            + (tau * tau * ((2 * p0) - (5 * p1) + (4 * p2) - p3))
            + (tau * tau * tau * ((3 * p1) - p0 - (3 * p2) + p3)));
    }
}
