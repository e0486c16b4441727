using ExoSim.Trials.Endpoints;

namespace ExoSim.Trials.Tests.Endpoints;

public class ClinicalReadoutsTests
{
    [Theory]
    // ADAG table (Nathan et al. 2008, Table 2): A1c 6 % ↔ 126 mg/dL, 7 % ↔ 154, 8 % ↔ 183, 9 % ↔ 212 (rounded to 1 mg/dL).
    [InlineData(126, 6)]
    [InlineData(154, 7)]
    [InlineData(183, 8)]
    [InlineData(212, 9)]
    public void Hba1c_follows_the_adag_table(double meanMgPerDl, double expectedPercent)
        => Assert.Equal(expectedPercent, ClinicalReadouts.Hba1cFromMeanGlucose(meanMgPerDl), 0.02);

    [Fact]
    public void Gmi_matches_bergenstal_2018()
        // GMI(%) = 3.31 + 0.02392 × 150 = 6.898; the paper's Table 1 lists 150 mg/dL → 6.9 %.
        => Assert.Equal(6.898, ClinicalReadouts.GlucoseManagementIndicator(150), 12);

    [Fact]
    public void Homa_of_the_reference_normal_subject()
    {
        // Matthews et al. 1985: the normal reference (4.5 mmol/L, 5 µU/mL) gives HOMA-IR = 1 and HOMA-B = 100 %.
        double glucose = 4.5 * 18.0156, insulin = 5 * 6.0;
        Assert.Equal(1.0, ClinicalReadouts.HomaIr(glucose, insulin), 12);
        Assert.Equal(100.0, ClinicalReadouts.HomaB(glucose, insulin), 9);
        Assert.True(double.IsNaN(ClinicalReadouts.HomaB(3.0 * 18.0156, insulin)));
    }

    [Fact]
    public void Lagged_hba1c_is_constant_at_steady_glucose()
    {
        double[] times = [0, 1440, 10 * 1440, 100 * 1440];
        double[] glucose = [154.2, 154.2, 154.2, 154.2];
        Assert.All(ClinicalReadouts.LaggedHba1c(times, glucose), a => Assert.Equal(7.0, a, 12));
    }

    [Fact]
    public void After_a_step_in_glucose_hba1c_moves_half_way_in_one_half_life()
    {
        // Glucose steps from 126 to 212 mg/dL (A1c 6 → 9 %) just after t = 0 (within one minute); after 30 days
        // the weighted mean is half way (7.5 %), after 60 days three quarters (8.25 %), as the 30-day half-life implies.
        const double day = 1440;
        double[] times = [0, 1, 30 * day, 60 * day];
        double[] glucose = [126, 212, 212, 212];
        var a1c = ClinicalReadouts.LaggedHba1c(times, glucose);
        double start = ClinicalReadouts.Hba1cFromMeanGlucose(126), end = ClinicalReadouts.Hba1cFromMeanGlucose(212);
        Assert.Equal(start, a1c[0], 12);
        Assert.Equal(start + (0.5 * (end - start)), a1c[2], 3);
        Assert.Equal(start + (0.75 * (end - start)), a1c[3], 3);
    }

    [Fact]
    public void The_exact_update_does_not_depend_on_the_sampling()
    {
        // A linear ramp sampled every day and every 10 days gives the same HbA1c at day 100 (the update is exact for linear pieces).
        static (double[] T, double[] G) Ramp(int step)
        {
            var t = Enumerable.Range(0, (100 / step) + 1).Select(k => k * step * 1440.0).ToArray();
            return (t, t.Select(x => 100 + (x / 1440)).ToArray());
        }

        var (t1, g1) = Ramp(1);
        var (t10, g10) = Ramp(10);
        Assert.Equal(ClinicalReadouts.LaggedHba1c(t1, g1)[^1], ClinicalReadouts.LaggedHba1c(t10, g10)[^1], 9);
    }
}
