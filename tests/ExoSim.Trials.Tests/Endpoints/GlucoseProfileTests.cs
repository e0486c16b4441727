using ExoSim.Trials.Endpoints;

namespace ExoSim.Trials.Tests.Endpoints;

public class GlucoseProfileTests
{
    [Fact]
    public void Samples_fall_in_their_time_of_day_and_glucose_bins_and_quantiles_interpolate_inside_a_bin()
    {
        var profile = new GlucoseProfile();

        // Day 0 and day 3 at 07:05 (bin 28 of 15 min) and 100 mg/dL (bin 50 of 2 mg/dL); one at 07:10 with 109 mg/dL (bin 54).
        profile.Add(425, 100);
        profile.Add((3 * 1440) + 425, 100.5);
        profile.Add(430, 109);
        profile.Add(430, double.NaN); // skipped
        Assert.Equal(3, profile.Samples);
        Assert.Equal([(28, 50, 2L), (28, 54, 1L)], profile.Bins());

        // By hand: rank p·3; the first two samples fill [100, 102), the third [108, 110).
        Assert.Equal(100 + (2 * (1.5 / 2)), profile.Quantile(28, 0.5), 12);     // rank 1.5 in bin 50: 100 + 2·1.5/2
        Assert.Equal(108 + (2 * 0.25 / 1), profile.Quantile(28, 0.75), 12);     // rank 2.25 in bin 54: 108 + 2·0.25
        Assert.True(double.IsNaN(profile.Quantile(0, 0.5)));
        Assert.Equal(7 * 60 + 7.5, GlucoseProfile.TimeOfDayMin(28));
    }

    [Fact]
    public void Profiles_summed_in_any_order_are_identical_and_extremes_go_to_the_edge_bins()
    {
        var a = new GlucoseProfile();
        var b = new GlucoseProfile();
        a.Add(0, 39);
        a.Add(1439.9, 700); // above 600 mg/dL: the last bin
        b.Add(60, -5);      // below 0 (sensor error): the first bin
        var ab = new GlucoseProfile();
        ab.Add(a);
        ab.Add(b);
        var ba = new GlucoseProfile();
        ba.Add(b);
        ba.Add(a);
        Assert.Equal(ab.Bins(), ba.Bins());
        Assert.Equal([(0, 19, 1L), (4, 0, 1L), (95, 299, 1L)], ab.Bins());
        Assert.Throws<ArgumentOutOfRangeException>(() => ab.Add(96, 0, 1));
    }
}
