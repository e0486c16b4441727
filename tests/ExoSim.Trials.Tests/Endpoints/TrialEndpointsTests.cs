using ExoSim.Models.Simulation;
using ExoSim.Trials.Endpoints;

namespace ExoSim.Trials.Tests.Endpoints;

public class TrialEndpointsTests
{
    [Fact]
    public void Hypoglycaemia_events_need_15_minutes_below_70()
    {
        // 5-min samples: a run of 3 samples below 70 is 15 min (an event), a run of 2 is not; two separate runs count twice.
        double[] glucose = [100, 65, 60, 100, 65, 60, 55, 100, 69, 68, 67, 66, 100];
        Assert.Equal(2, TrialEndpoints.HypoglycaemiaEvents(glucose, 5));
        Assert.Equal(0, TrialEndpoints.HypoglycaemiaEvents([100, 65, 60, 100], 5));
    }

    [Fact]
    public void Insulin_dose_integrates_basal_changes_and_counts_boluses_in_the_window()
    {
        var record = new InsulinRecord(
            [new InsulinBasal(0, 1.2), new InsulinBolus(60, 4), new InsulinBasal(120, 0.6), new InsulinBolus(300, 2)],
            DefaultBasalUPerH: 1.2);
        // 0–120 min at 1.2 U/h = 2.4 U, 120–240 at 0.6 U/h = 1.2 U, plus the 4 U bolus at 60 min (300 min is outside).
        Assert.Equal(2.4 + 1.2 + 4, record.TotalUnits(0, 240), 12);
        Assert.Equal(0.3 + 2, record.TotalUnits(270, 300 + 1e-9), 8); // the bolus at 300 min lies inside [270, 300 + 1e-9)
    }

    [Fact]
    public void Window_endpoints_of_a_known_trace()
    {
        // One day of 5-min samples: 100 mg/dL, except 200 mg/dL for the first 6 hours (72 samples of 289 in the window's
        // first quarter) → TIR 75 %, TAR 25 % (up to the rounding of the sample count); fasting sample at 06:00.
        double[] times = Enumerable.Range(0, 289).Select(i => i * 5.0).ToArray();
        double[] glucose = times.Select(t => t < 360 ? 200.0 : 100.0).ToArray();
        string[] names = [TrialEndpoints.TimeInRange, TrialEndpoints.TimeAboveRange, TrialEndpoints.FastingGlucose, TrialEndpoints.Hba1c, TrialEndpoints.Cv];
        var values = TrialEndpoints.Compute(names, times, glucose, [], new InsulinRecord([], 0), 0, 1440, 360);
        Assert.Equal(100.0 * 217 / 289, values[0], 12);
        Assert.Equal(100.0 * 72 / 289, values[1], 12);
        Assert.Equal(100, values[2]);

        // Time-weighted mean: 200 over [0, 355], the 355–360 ramp at 150, 100 after → (200·355 + 150·5 + 100·1080)/1440.
        double mean = ((200 * 355) + (150 * 5) + (100 * 1080)) / 1440.0;
        Assert.Equal((mean + 46.7) / 28.7, values[3], 12);
        Assert.True(values[4] > 0);
    }
}
