using ExoSim.Models;
using ExoSim.Models.Simulation;
using ExoSim.Models.T1dProgression;
using ExoSim.Numerics.Ode;
using ExoSim.Therapies.Exosomes;
using static ExoSim.Therapies.Exosomes.ExosomeParameters;

namespace ExoSim.Therapies.Tests.Exosomes;

public sealed class ExosomeEffectTests
{
    private const double MinPerDay = 1440;

    [Theory]
    [InlineData(ExosomeMechanism.Apoptosis, "d0", -1)]
    [InlineData(ExosomeMechanism.Replication, "r1", +1)]
    [InlineData(ExosomeMechanism.Sensitivity, "SI", +1)]
    [InlineData(ExosomeMechanism.Immune, "kappa", -1)]
    public void The_calibration_dose_moves_its_target_by_half_of_Emax_at_the_peak_in_the_mouse(ExosomeMechanism mechanism, string parameter, int direction)
    {
        // Calibration (not validation): one IV dose of 1 mg/kg protein (Yap et al. 2022's effective dose) gives E = Emax/2
        // at the peak of the site's cargo. A 25-g mouse receives 25 µg protein = 25 × particles_per_ug particles.
        var p = ExosomeTestParameters.Mouse;
        double particles = CalibrationDoseUgPerKg * p[BodyWeight] * p[ParticlesPerMicrogram];
        var modulation = ExosomeTherapy.Modulations(T1dProgressionModel.ModelId, p, [ExosomeTestParameters.Dose(0, particles, mechanism)])
            .Single(m => m.Parameter == parameter);
        var kinetics = new ExosomeKinetics(p);
        double peak = Enumerable.Range(1, 4000).Select(i => i * 10.0).Max(t => modulation.Multiplier(t, 0) * direction);
        double expected = direction * (1 + (direction * p[EmaxName(mechanism)] / 2));
        Assert.Equal(expected, peak, 3);
        Assert.Equal(1, modulation.Multiplier(0, 0), 9); // nothing has reached the site yet
        Assert.True(kinetics.PeakCargoFraction(ExosomeMechanisms.Site(mechanism), ExosomeRoute.Intravenous) > 0);
    }

    [Fact]
    public void The_effect_decays_over_days_with_the_effect_half_life()
    {
        var p = Default;
        var effect = new ExosomeEffect(new ExosomeKinetics(p), ExosomeMechanism.Apoptosis, [ExosomeTestParameters.Dose(0, 1e12, ExosomeMechanism.Apoptosis)]);

        // Long after the tissue phase (human tissue half-life ≈ 87 h), the cargo falls by half every effect half-life.
        double t = 120 * MinPerDay;
        double ratio = effect.CargoPerKg(t + (p[EffectHalfLife] * MinPerDay), 0) / effect.CargoPerKg(t, 0);
        Assert.Equal(0.5, ratio, 3);
    }

    [Fact]
    public void Doses_after_the_current_piece_do_not_act_yet_and_repeated_doses_add_up()
    {
        var p = Default;
        var doses = new[] { ExosomeTestParameters.Dose(0, 1e13, ExosomeMechanism.Sensitivity), ExosomeTestParameters.Dose(7 * MinPerDay, 1e13, ExosomeMechanism.Sensitivity) };
        var effect = new ExosomeEffect(new ExosomeKinetics(p), ExosomeMechanism.Sensitivity, doses);
        double t = 10 * MinPerDay;
        Assert.Equal(effect.CargoPerKg(t, 0), effect.CargoPerKg(t, 7 * MinPerDay - 1), 12);
        Assert.True(effect.CargoPerKg(t, 7 * MinPerDay) > effect.CargoPerKg(t, 0));
        Assert.Equal([0, 7 * MinPerDay], effect.DoseTimes);
    }

    [Fact]
    public void Potency_scales_the_cargo()
    {
        var kinetics = new ExosomeKinetics(Default);
        var single = new ExosomeEffect(kinetics, ExosomeMechanism.Immune, [ExosomeTestParameters.Dose(0, 1e12, ExosomeMechanism.Immune)]);
        var potent = new ExosomeEffect(kinetics, ExosomeMechanism.Immune, [ExosomeTestParameters.Dose(0, 1e12, ExosomeMechanism.Immune) with { Potency = 2 }]);
        Assert.Equal(2 * single.CargoPerKg(3 * MinPerDay, 0), potent.CargoPerKg(3 * MinPerDay, 0), 6);
    }

    [Fact]
    public void A_mechanism_the_model_lacks_is_an_error_naming_model_and_mechanism()
    {
        var error = Assert.Throws<ArgumentException>(() => ExosomeTherapy.Modulations(
            "dalla-man-2007", Default, [ExosomeTestParameters.Dose(0, 1e12, ExosomeMechanism.Apoptosis)]));
        Assert.Contains("dalla-man-2007", error.Message, StringComparison.Ordinal);
        Assert.Contains("apoptosis", error.Message, StringComparison.Ordinal);
        Assert.Contains("sensitivity", error.Message, StringComparison.Ordinal);
        Assert.Empty(ExosomeTargets.Supported("no-such-model"));
    }

    [Theory]
    [InlineData(ExosomeMechanism.Apoptosis)]
    [InlineData(ExosomeMechanism.Replication)]
    [InlineData(ExosomeMechanism.Immune)]
    public void Each_islet_or_immune_mechanism_preserves_beta_cell_mass_in_T1D(ExosomeMechanism mechanism)
    {
        // t1d-progression's reference subject loses its β-cells within months; a weekly mouse-calibrated dose scaled by
        // weight (1 mg/kg protein) must leave more β-cell mass and lower glucose at 6 months than no therapy.
        var (betaControl, glucoseControl) = SixMonthsOfT1d([]);
        var (betaTreated, glucoseTreated) = SixMonthsOfT1d(WeeklyDoses(mechanism));
        Assert.True(betaTreated > betaControl * 1.01, $"{mechanism}: β {betaTreated} vs control {betaControl}");
        Assert.True(glucoseTreated < glucoseControl, $"{mechanism}: G {glucoseTreated} vs control {glucoseControl}");
    }

    [Fact]
    public void Sensitivity_lowers_glucose_in_T1D_before_the_beta_cells_adapt()
    {
        var (_, glucoseControl) = SixMonthsOfT1d([], days: 60);
        var (_, glucoseTreated) = SixMonthsOfT1d(WeeklyDoses(ExosomeMechanism.Sensitivity), days: 60);
        Assert.True(glucoseTreated < glucoseControl, $"G {glucoseTreated} vs control {glucoseControl}");
    }

    private static ExosomeDose[] WeeklyDoses(ExosomeMechanism mechanism)
    {
        double particles = CalibrationDoseUgPerKg * Default[BodyWeight] * Default[ParticlesPerMicrogram];
        return Enumerable.Range(0, 26).Select(k => ExosomeTestParameters.Dose(k * 7 * MinPerDay, particles, mechanism)).ToArray();
    }

    private static (double Beta, double Glucose) SixMonthsOfT1d(IReadOnlyList<ExosomeDose> doses, int days = 182)
    {
        var model = ModelCatalog.Get(T1dProgressionModel.ModelId);
        var subject = model.Patient(model.DefaultPatient);
        var request = new SimulationRequest
        {
            Model = model,
            Parameters = subject,
            DurationMin = days * MinPerDay,
            OutputIntervalMin = days * MinPerDay,
            Modulations = ExosomeTherapy.Modulations(model.Id, Default, doses),
        };
        var result = Simulator.Run(request, OdeSolvers.Rodas5P, SolverOptions.Default);
        return (result.Column("beta")[^1], result.Column("G")[^1]);
    }
}
