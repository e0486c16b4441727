using ExoSim.Models.Random;
using ExoSim.Models.Sensors;

namespace ExoSim.Models.Tests.Sensors;

public class CgmReaderTests
{
    private static readonly CgmSensor Dexcom = CgmSensors.Get("Dexcom");

    [Fact]
    public void A_reader_gives_exactly_the_readings_of_the_measurement_with_the_same_stream()
    {
        // What a controller reads during a run equals what is recorded afterwards.
        var samples = CgmMeasurement.SampleTimes(Dexcom, 1440).Select(t => new GlucoseSample(t, 100 + (t / 20))).ToArray();
        var recorded = CgmMeasurement.Measure(samples, Dexcom, Xoshiro256StarStar.FromSeed(9));
        var reader = new CgmReader(Dexcom, Xoshiro256StarStar.FromSeed(9), samples[^1].TimeMin);
        Assert.Equal(recorded.Select(r => r.MgDl), samples.Select(s => reader.Read(s.TimeMin, s.MgDl)));
    }

    [Fact]
    public void Readings_between_sample_times_are_within_the_sensors_range()
    {
        var reader = new CgmReader(Dexcom, Xoshiro256StarStar.FromSeed(2), 600);
        foreach (double t in Enumerable.Range(0, 600).Select(k => k + 0.5))
        {
            Assert.InRange(reader.Read(t, 20), Dexcom.MinMgDl, Dexcom.MaxMgDl);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => new CgmReader(Dexcom, Xoshiro256StarStar.FromSeed(2), -1));
    }
}
