using ExoSim.Models.Random;
using ExoSim.Models.Sensors;

namespace ExoSim.Models.Tests.Sensors;

public class CgmSensorTests
{
    private static readonly CgmSensor Dexcom = CgmSensors.Get("Dexcom");

    private static GlucoseSample[] Constant(CgmSensor sensor, double durationMin, double mgDl)
        => CgmMeasurement.SampleTimes(sensor, durationMin).Select(t => new GlucoseSample(t, mgDl)).ToArray();

    [Fact]
    public void The_catalog_holds_simglucoses_published_sensors()
    {
        // simglucose sensor_params.csv (commit b48b4aa1): Name, PACF, gamma, lambda, delta, xi, sample_time, min, max.
        Assert.Equal(["Dexcom", "GuardianRT", "Navigator"], CgmSensors.All.Select(s => s.Name));
        foreach (var sensor in CgmSensors.All)
        {
            Assert.Equal((0.7, -0.5444, 15.9574, 1.6898, -5.47), (sensor.Pacf, sensor.Error.Gamma, sensor.Error.Lambda, sensor.Error.Delta, sensor.Error.Xi));
            Assert.Equal(15.0, sensor.ErrorIntervalMin);
            Assert.Equal(600.0, sensor.MaxMgDl);
        }

        Assert.Equal((3.0, 39.0), (Dexcom.SampleTimeMin, Dexcom.MinMgDl));
        Assert.Equal((5.0, 39.0), (CgmSensors.Get("GuardianRT").SampleTimeMin, CgmSensors.Get("GuardianRT").MinMgDl));
        Assert.Equal((1.0, 32.0), (CgmSensors.Get("Navigator").SampleTimeMin, CgmSensors.Get("Navigator").MinMgDl));
    }

    [Fact]
    public void An_unknown_sensor_names_the_closest_and_all_valid_sensors()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => CgmSensors.Get("dexcom"));
        Assert.Equal("Unknown CGM sensor 'dexcom'. Did you mean 'Dexcom'? Allowed: Dexcom, GuardianRT, Navigator.", error.Message);
    }

    [Fact]
    public void Johnson_SU_moments_are_the_textbook_ones_and_reproduce_the_papers_reported_mean()
    {
        var su = Dexcom.Error;
        double w = Math.Exp(1 / (su.Delta * su.Delta));
        double omega = su.Gamma / su.Delta;
        Assert.Equal(su.Xi - (su.Lambda * Math.Sqrt(w) * Math.Sinh(omega)), su.Mean(), 12);
        Assert.Equal(0.5 * su.Lambda * su.Lambda * (w - 1) * ((w * Math.Cosh(2 * omega)) + 1), su.Variance(), 10);
        Assert.Equal(1.0, su.Correlation(1.0), 14);
        Assert.Equal(0.0, su.Correlation(0.0), 14);

        // Breton & Kovatchev report an error mean of 0.76 mg/dL for their fit (λ = 15.96, ξ = −5.471, δ = 1.6898,
        // γ = −0.5444); the fit's analytic mean agrees. (Their empirical SD, 11 mg/dL, is below the fit's 12.1.)
        var paper = new JohnsonSu(xi: -5.471, lambda: 15.96, gamma: -0.5444, delta: 1.6898);
        Assert.Equal(0.76, paper.Mean(), 2);
        Assert.Equal(12.06, Math.Sqrt(paper.Variance()), 2);
    }

    [Fact]
    public void The_error_series_has_the_analytic_mean_SD_and_lag1_autocorrelation_and_an_AR1_driving_series()
    {
        // 400 000 knots (≈ 11 years at 15 min), the first 50 dropped (transient of e's variance: 0.49^50 ≈ 3e−16).
        // Expected values: Johnson SU moments with the driving series' stationary variance s² = φ²/(1 − φ²) and
        // correlation φ. Tolerances: 5 standard errors of an AR(1)-like series, n_eff = n(1 − φ)/(1 + φ) for the mean,
        // n(1 − φ²)/(1 + φ²) for the variance (inflated ×2 for the Johnson tails' kurtosis: over seeds 100–119 the
        // variance's z-score under the Gaussian formula spread ±3), Bartlett √((1 − φ²)/n) for the lag-1 correlation.
        const int n = 400_000;
        double phi = Dexcom.Pacf;
        double s2 = CgmSensorError.StationaryDrivingVariance(Dexcom);
        Assert.Equal(0.49 / 0.51, s2, 15);
        double[] eps = CgmSensorError.Knots(Dexcom, Xoshiro256StarStar.FromSeed(2008), n + 50)[50..];

        var su = Dexcom.Error;
        double sd = Math.Sqrt(su.Variance(s2));
        var (mean, variance, lag1) = Statistics(eps);
        Assert.InRange(mean, su.Mean(s2) - (5 * sd * Math.Sqrt((1 + phi) / ((1 - phi) * n))), su.Mean(s2) + (5 * sd * Math.Sqrt((1 + phi) / ((1 - phi) * n))));
        double varianceTolerance = 5 * 2 * su.Variance(s2) * Math.Sqrt(2 * (1 + (phi * phi)) / ((1 - (phi * phi)) * n));
        Assert.InRange(variance, su.Variance(s2) - varianceTolerance, su.Variance(s2) + varianceTolerance);
        double correlationTolerance = 5 * Math.Sqrt((1 - (phi * phi)) / n);
        Assert.InRange(lag1, su.Correlation(phi, s2) - correlationTolerance, su.Correlation(phi, s2) + correlationTolerance);
        Assert.InRange(su.Correlation(phi, s2), 0.68, 0.70); // the transform lowers 0.7 slightly

        // Undo the transform: e = γ + δ·asinh((ε − ξ)/λ) must be an AR(1) with variance s² and PACF φ at lag 1, 0 at lag 2.
        double[] e = eps.Select(x => su.Gamma + (su.Delta * Math.Asinh((x - su.Xi) / su.Lambda))).ToArray();
        var (eMean, eVariance, r1) = Statistics(e);
        double r2 = Lag(e, eMean, 2) / (eVariance * e.Length);
        Assert.InRange(eMean, -5 * Math.Sqrt(s2 * (1 + phi) / ((1 - phi) * n)), 5 * Math.Sqrt(s2 * (1 + phi) / ((1 - phi) * n)));
        double eVarianceTolerance = 5 * s2 * Math.Sqrt(2 * (1 + (phi * phi)) / ((1 - (phi * phi)) * n));
        Assert.InRange(eVariance, s2 - eVarianceTolerance, s2 + eVarianceTolerance);
        Assert.InRange(r1, phi - correlationTolerance, phi + correlationTolerance);
        double pacf2 = (r2 - (r1 * r1)) / (1 - (r1 * r1));
        Assert.InRange(pacf2, -5 / Math.Sqrt(n), 5 / Math.Sqrt(n));
    }

    [Fact]
    public void The_first_knot_is_the_first_normal_deviate_transformed()
    {
        var normal = new NormalGenerator(Xoshiro256StarStar.FromSeed(5));
        double v0 = normal.Next(), v1 = normal.Next();
        double[] knots = CgmSensorError.Knots(Dexcom, Xoshiro256StarStar.FromSeed(5), 2);
        Assert.Equal(Dexcom.Error.Transform(v0), knots[0]);
        Assert.Equal(Dexcom.Error.Transform(0.7 * (v0 + v1)), knots[1]);
    }

    [Fact]
    public void Catmull_Rom_interpolation_is_exact_at_knots_and_reproduces_straight_lines()
    {
        double[] line = Enumerable.Range(0, 10).Select(k => 3.0 + (2.0 * k)).ToArray();
        foreach (double t in new[] { 0.0, 1.0, 7.5, 15.0, 29.0, 44.9, 100.0 })
        {
            Assert.Equal(3.0 + (2.0 * t / 15.0), CgmSensorError.At(line, 15.0, t), 12);
        }

        double[] knots = CgmSensorError.Knots(Dexcom, Xoshiro256StarStar.FromSeed(3), 8);
        for (int k = 0; k < 6; k++)
        {
            Assert.Equal(knots[k], CgmSensorError.At(knots, 15.0, 15.0 * k));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => CgmSensorError.At(knots, 15.0, 90.0)); // needs knot 8
        Assert.Throws<ArgumentOutOfRangeException>(() => CgmSensorError.At(knots, 15.0, -1.0));
    }

    [Fact]
    public void Same_seed_gives_bit_identical_readings_and_different_seeds_differ()
    {
        var truth = Constant(Dexcom, 24 * 60, 120);
        long[] Bits(GlucoseSample[] readings) => readings.Select(r => BitConverter.DoubleToInt64Bits(r.MgDl)).ToArray();
        Assert.Equal(Bits(CgmMeasurement.Measure(truth, Dexcom, 11)), Bits(CgmMeasurement.Measure(truth, Dexcom, 11)));
        var other = CgmMeasurement.Measure(truth, Dexcom, 12);
        Assert.True(CgmMeasurement.Measure(truth, Dexcom, 11).Zip(other).Count(p => p.First.MgDl != p.Second.MgDl) > 470);
        Assert.Equal(truth.Select(s => s.TimeMin), other.Select(r => r.TimeMin));
    }

    [Fact]
    public void Readings_are_regression_locked_for_a_fixed_seed()
    {
        // Generated by this implementation (not an external reference): guards the bit-exact stream — the same
        // numbers must come out on every platform and after refactoring. Changing them breaks reproducibility.
        var readings = CgmMeasurement.Measure(Constant(Dexcom, 6, 100), Dexcom, 1);
        Assert.Equal(GoldenReadings, readings.Select(r => BitConverter.DoubleToInt64Bits(r.MgDl)).ToArray());
    }

    // 126.22035535875938, 124.31789719239353, 122.1403119423573 mg/dL (Dexcom, seed 1, truth 100 mg/dL at t = 0, 3, 6 min).
    private static readonly long[] GoldenReadings = [4638582384833124268, 4638448511241106562, 4638295277301721708];

    [Fact]
    public void A_reading_depends_only_on_the_seed_and_its_time_and_equals_truth_plus_error_at_knots()
    {
        var sensor = CgmSensors.Get("GuardianRT");
        var truth = CgmMeasurement.SampleTimes(sensor, 600).Select(t => new GlucoseSample(t, 150 + (50 * Math.Sin(t / 60)))).ToArray();
        var all = CgmMeasurement.Measure(truth, sensor, 77);
        var firstHalf = CgmMeasurement.Measure(truth[..60], sensor, 77);
        Assert.Equal(all[..60], firstHalf);
        var everyOther = CgmMeasurement.Measure(truth.Where((_, i) => i % 2 == 0).ToArray(), sensor, 77);
        Assert.Equal(all.Where((_, i) => i % 2 == 0), everyOther);

        double[] knots = CgmSensorError.Knots(sensor, Xoshiro256StarStar.FromSeed(77), 3);
        Assert.Equal(truth[0].MgDl + knots[0], all[0].MgDl);
        Assert.Equal(truth[3].MgDl + knots[1], all[3].MgDl); // t = 15 min
    }

    [Fact]
    public void Readings_are_clipped_to_the_sensor_range()
    {
        var sensor = CgmSensors.Get("Navigator");
        var truth = CgmMeasurement.SampleTimes(sensor, 3000).Select((t, i) => new GlucoseSample(t, (i % 3) switch { 0 => 10.0, 1 => 300.0, _ => 900.0 })).ToArray();
        var readings = CgmMeasurement.Measure(truth, sensor, 5);
        double[] knots = CgmSensorError.Knots(sensor, Xoshiro256StarStar.FromSeed(5), (3000 / 15) + 3);
        for (int i = 0; i < truth.Length; i++)
        {
            double error = CgmSensorError.At(knots, 15.0, truth[i].TimeMin);
            Assert.Equal(Math.Clamp(truth[i].MgDl + error, 32.0, 600.0), readings[i].MgDl);
            Assert.InRange(readings[i].MgDl, 32.0, 600.0);
        }

        Assert.Contains(readings, r => r.MgDl == 32.0);
        Assert.Contains(readings, r => r.MgDl == 600.0);
        Assert.Contains(readings, r => r.MgDl is > 32.0 and < 600.0);
    }

    [Fact]
    public void Noise_free_readings_are_the_clipped_truth()
    {
        GlucoseSample[] truth = [new(0, 20), new(3, 120.5), new(6, 700)];
        Assert.Equal([new(0, 39), new(3, 120.5), new(6, 600)], CgmMeasurement.MeasureNoiseFree(truth, Dexcom));
    }

    [Fact]
    public void Sample_times_are_multiples_of_the_sample_time_and_other_times_are_rejected()
    {
        Assert.Equal([0.0, 3.0, 6.0, 9.0], CgmMeasurement.SampleTimes(Dexcom, 11));
        Assert.Equal(481, CgmMeasurement.SampleTimes(Dexcom, 1440).Length);
        Assert.Throws<ArgumentException>(() => CgmMeasurement.Measure([new(0, 100), new(4, 100)], Dexcom, 1));
        Assert.Throws<ArgumentException>(() => CgmMeasurement.MeasureNoiseFree([new(3, 100), new(3, 100)], Dexcom));
        Assert.Throws<ArgumentException>(() => CgmMeasurement.MeasureNoiseFree([new(-3, 100)], Dexcom));
        Assert.Throws<ArgumentException>(() => CgmMeasurement.Measure([new(0, double.NaN)], Dexcom, 1));
        Assert.Empty(CgmMeasurement.Measure([], Dexcom, 1));
    }

    [Fact]
    public void Invalid_sensor_specifications_are_rejected()
    {
        var su = Dexcom.Error;
        Assert.Throws<ArgumentException>(() => new CgmSensor("x", 0, su, 0.7, 15, 39, 600, "s"));
        Assert.Throws<ArgumentException>(() => new CgmSensor("x", 5, su, 1.0, 15, 39, 600, "s"));
        Assert.Throws<ArgumentException>(() => new CgmSensor("x", 5, su, 0.7, 15, 600, 39, "s"));
        Assert.Throws<ArgumentException>(() => new JohnsonSu(0, -1, 0, 1));
    }

    private static (double Mean, double Variance, double Lag1) Statistics(double[] x)
    {
        double mean = x.Average();
        double variance = x.Sum(v => (v - mean) * (v - mean)) / x.Length;
        return (mean, variance, Lag(x, mean, 1) / (variance * x.Length));
    }

    private static double Lag(double[] x, double mean, int lag)
    {
        double sum = 0;
        for (int i = lag; i < x.Length; i++)
        {
            sum += (x[i] - mean) * (x[i - lag] - mean);
        }

        return sum;
    }
}
