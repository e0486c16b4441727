using ExoSim.Models.T1dProgression;
using ExoSim.Therapies.Exosomes;
using ExoSim.Therapies.Msc;
using static ExoSim.Therapies.Msc.MscParameters;

namespace ExoSim.Therapies.Tests.Msc;

public sealed class MscTherapyTests
{
    private const double MinPerDay = 1440;

    [Fact]
    public void Lung_trapped_cells_die_with_their_half_life()
    {
        // 0.9 trapped with t½ 24 h (Lee et al. 2009 via the science notes, unverified) + 0.1 cleared with t½ 1 h:
        // at 24 h 0.9·0.5 + 0.1·2^−24 = 0.450000006 (by hand).
        Assert.Equal(1, MscTherapy.SurvivingFraction(Default, 0), 12);
        Assert.Equal(0.45 + (0.1 * Math.Pow(2, -24)), MscTherapy.SurvivingFraction(Default, 24 * 60), 12);
        Assert.Equal(0.225, MscTherapy.SurvivingFraction(Default, 48 * 60), 6);
    }

    [Fact]
    public void Secreted_exosomes_are_conserved_and_their_total_is_the_secretion_integral()
    {
        var kinetics = new ExosomeKinetics(ExosomeParameters.Default);
        foreach (double t in new[] { 10.0, 600, MinPerDay, 7 * MinPerDay, 120 * MinPerDay })
        {
            var amounts = MscTherapy.ExosomeAmountsPerCell(Default, kinetics, t);
            double secreted = MscTherapy.SecretedPerCell(Default, kinetics, t);
            Assert.Equal(secreted, amounts.Total, 9);
        }

        // σ·(f·t½,lung + (1 − f)·t½,free)/ln 2 = 4000/d·(0.9·1 d + 0.1·(1/24) d)/ln 2 = 5217.36 particles per cell (by hand).
        Assert.Equal(4000 * (0.9 + (0.1 / 24)) / Math.Log(2), MscTherapy.SecretedPerCell(Default, kinetics, 365 * MinPerDay), 6);
    }

    [Fact]
    public void Msc_infusion_lowers_the_killing_rate_and_adds_to_an_exosome_dose_in_one_Emax_relation()
    {
        var exosome = ExosomeParameters.Default;
        var mechanisms = new HashSet<ExosomeMechanism> { ExosomeMechanism.Immune };
        var infusion = new MscDose(0, 1e6 * exosome[ExosomeParameters.BodyWeight], 1, mechanisms);
        var kappa = ExosomeTherapy.Modulations(T1dProgressionModel.ModelId, exosome, [], Default, [infusion]).Single();
        Assert.Equal(T1dProgressionModel.KillingRateParameter, kappa.Parameter);
        double atThreeDays = kappa.Multiplier(3 * MinPerDay, 0);
        Assert.InRange(atThreeDays, 0, 1 - 1e-9);

        // The cells secrete at most their lifetime total; as one IV dose at t = 0 that total would act at least as early.
        var kinetics = new ExosomeKinetics(exosome);
        double total = infusion.Cells * MscTherapy.SecretedPerCell(Default, kinetics, 365 * MinPerDay);
        var asDose = ExosomeTherapy.Modulations(T1dProgressionModel.ModelId, exosome, [new ExosomeDose(0, total, ExosomeRoute.Intravenous, 1, mechanisms)]).Single();
        Assert.True(asDose.Multiplier(3 * MinPerDay, 0) < atThreeDays);

        // Exosome dose and infusion together lower kappa more than either alone (one cargo, one Emax).
        var both = ExosomeTherapy.Modulations(T1dProgressionModel.ModelId, exosome, [new ExosomeDose(0, total, ExosomeRoute.Intravenous, 1, mechanisms)], Default, [infusion]).Single();
        Assert.True(both.Multiplier(3 * MinPerDay, 0) < asDose.Multiplier(3 * MinPerDay, 0));
    }
}
