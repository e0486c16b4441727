using ExoSim.Therapies.Exosomes;
using ExoSim.Trials.Scenarios;

namespace ExoSim.Trials.Tests.Scenarios;

public class ScenarioExosomeTests
{
    private const string Header = "model: t1d-progression\nduration: 60 d\noutput_interval: 1 d\nevents:\n  - at: 1 d\n";

    [Fact]
    public void The_interface_example_expands_its_schedule_in_canonical_units()
    {
        var document = ScenarioReader.Read(
            Header + "    exosome: {dose: 1e10 particles, route: iv, every: 7 d, doses: 4, source: umbilical_cord, mechanisms: [apoptosis, sensitivity]}\n",
            "exo.yaml");
        var doses = document.Exosomes.Select(e => e.Value).ToArray();
        Assert.Equal([1440.0, 11520, 21600, 31680], doses.Select(d => d.TimeMin));
        Assert.All(doses, d =>
        {
            Assert.Equal(1e10, d.Particles);
            Assert.Null(d.ProteinUg);
            Assert.Equal(ExosomeRoute.Intravenous, d.Route);
            Assert.Equal(ExosomeSource.UmbilicalCord, d.Source);
            Assert.Equal([ExosomeMechanism.Apoptosis, ExosomeMechanism.Sensitivity], d.Mechanisms!.Select(m => m.Value));
        });
    }

    [Fact]
    public void A_protein_dose_is_converted_with_the_particle_to_protein_ratio_and_defaults_to_every_mechanism_of_the_model()
    {
        var scenario = ScenarioResolver.Resolve(ScenarioReader.Read(Header + "    exosome: {dose: 70 mg, route: ip}\n", "exo.yaml"));
        var therapy = scenario.Exosome!;
        var dose = Assert.Single(therapy.Doses);
        Assert.Equal(70_000 * ExosomeParameters.Default[ExosomeParameters.ParticlesPerMicrogram], dose.Particles, 6);
        Assert.Equal(ExosomeRoute.Intraperitoneal, dose.Route);
        Assert.Equal(ExosomeTargets.Supported("t1d-progression"), ExosomeMechanisms.All.Where(dose.Mechanisms.Contains));

        // apoptosis → d0, r2; replication → r1; sensitivity → SI; immune → kappa, each with the dose as breakpoint.
        Assert.Equal(["d0", "r2", "r1", "SI", "kappa"], therapy.Modulations.Select(m => m.Parameter));
        Assert.All(therapy.Modulations, m => Assert.Equal([1440.0], m.Breakpoints));
        Assert.Equal(therapy.Modulations.Count, scenario.Request.Modulations.Count);
    }

    [Fact]
    public void The_body_weight_of_a_model_that_has_one_drives_the_exosome_kinetics()
    {
        var scenario = ScenarioResolver.Resolve(ScenarioReader.Read(
            "model: dalla-man-2007\nduration: 1 d\nparameters: {BW: 90 kg}\nevents:\n  - at: 1 h\n    exosome: {dose: 1e12 particles}\n", "exo.yaml"));
        var parameters = scenario.Exosome!.Parameters;
        Assert.Equal(90, parameters[ExosomeParameters.BodyWeight]);
        Assert.Equal(["Vmx", "kp3"], scenario.Exosome.Modulations.Select(m => m.Parameter));
    }

    [Fact]
    public void A_run_with_exosomes_differs_from_the_control_and_records_the_doses_in_the_summary()
    {
        var control = ScenarioRunner.Run(ScenarioResolver.Resolve(ScenarioReader.Read(Header + "    insulin: {basal: 0 U/h}\n", "c.yaml")));
        var treated = ScenarioResolver.Resolve(ScenarioReader.Read(Header + "    exosome: {dose: 70 mg, every: 7 d, doses: 8}\n", "t.yaml"));
        var run = ScenarioRunner.Run(treated);
        Assert.True(run.Result.Column("beta")[^1] > control.Result.Column("beta")[^1] * 1.05);
        var summary = SimulationSummary.Build(treated, run, "test", "notice");
        Assert.Equal(8, summary.Exosome!.Doses.Count);
        Assert.Contains(summary.Exosome.Modulations, m => m is { Mechanism: "immune", Parameter: "kappa", Direction: "lowered" });
        Assert.Contains(summary.Exosome.Parameters, p => p.Name == ExosomeParameters.PlasmaHalfLife);
    }

    [Fact]
    public void An_msc_infusion_in_cells_per_kg_uses_the_body_weight_and_shares_the_exosome_modulations()
    {
        var scenario = ScenarioResolver.Resolve(ScenarioReader.Read(
            Header + "    msc: {dose: 1e6 cells/kg, mechanisms: [immune]}\n  - at: 2 d\n    exosome: {dose: 70 mg, mechanisms: [immune]}\n", "msc.yaml"));
        var therapy = scenario.Exosome!;
        var infusion = Assert.Single(therapy.Infusions);
        Assert.Equal(1e6 * ExosomeParameters.Default[ExosomeParameters.BodyWeight], infusion.Cells);
        Assert.Equal(1440, infusion.TimeMin);
        var kappa = Assert.Single(therapy.Modulations);
        Assert.Equal("kappa", kappa.Parameter);
        Assert.Equal([1440.0, 2880], kappa.Breakpoints);
    }

    [Theory]
    [InlineData("    msc: {dose: 1e6 cells/kg, route: ip}\n", 6, 38, "events[0].msc.route", "Allowed: iv, intravenous")]
    [InlineData("    msc: {dose: 1e6 cells per kg}\n", 6, 17, "events[0].msc.dose", "'cells/kg' or 'cells'")]
    [InlineData("    msc: {dose: -1e6 cells}\n", 6, 17, "events[0].msc.dose", "must not be negative")]
    [InlineData("    exosome: {dose: 1e10 particles, route: oral}\n", 6, 44, "events[0].exosome.route", "Allowed: iv, intravenous, ip")]
    [InlineData("    exosome: {dose: 1e10 particles, source: placenta}\n", 6, 45, "events[0].exosome.source", "Allowed: bone_marrow")]
    [InlineData("    exosome: {dose: 1e10 particles, mechanisms: [apoptosis, p38]}\n", 6, 61, "events[0].exosome.mechanisms[1]", "unknown exosome mechanism 'p38'")]
    [InlineData("    exosome: {dose: -1e10 particles}\n", 6, 21, "events[0].exosome.dose", "must not be negative")]
    [InlineData("    exosome: {dose: -5 mg}\n", 6, 21, "events[0].exosome.dose", "must not be negative")]
    [InlineData("    exosome: {dose: 1e10 vesicles}\n", 6, 21, "events[0].exosome.dose", "neither a number of particles")]
    [InlineData("    exosome: {dose: 1e10 particles, doses: 4}\n", 6, 14, "events[0].exosome.every", "need the interval")]
    [InlineData("    exosome: {dose: 1e10 particles, every: 0 d, doses: 2}\n", 6, 44, "events[0].exosome.every", "must be positive")]
    [InlineData("    exosome: {dose: 1e10 particles, source: user_defined}\n", 6, 14, "events[0].exosome.potency", "needs its 'potency'")]
    [InlineData("    exosome: {dose: 1e10 particles, rout: iv}\n", 6, 37, "events[0].exosome.rout", "Did you mean 'route'?")]
    [InlineData("    exosome: {route: iv}\n", 6, 14, "events[0].exosome.dose", "missing")]
    public void Reading_mistakes_name_line_column_field_and_what_is_allowed(string body, int line, int column, string field, string fragment)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioReader.Read(Header + body, "bad.yaml"));
        Assert.Equal((line, column, field), (error.Location.Line, error.Location.Column, error.Field));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("model: dalla-man-2007\nduration: 1 d\nevents:\n  - at: 1 h\n    exosome: {dose: 1e10 particles, mechanisms: [sensitivity, apoptosis]}\n",
        5, 63, "events[0].exosome.mechanisms[1]", "model 'dalla-man-2007' has no parameter for the exosome mechanism 'apoptosis'")]
    [InlineData("model: t1d-progression\nduration: 20 d\nevents:\n  - at: 1 d\n    exosome: {dose: 1e10 particles, every: 7 d, doses: 4}\n",
        4, 5, "events[0] (dose 4 of 4)", "outside the simulated span")]
    public void Resolving_mistakes_point_at_the_line(string text, int line, int column, string fieldStart, string fragment)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioResolver.Resolve(ScenarioReader.Read(text, "bad.yaml")));
        Assert.Equal((line, column), (error.Location.Line, error.Location.Column));
        Assert.StartsWith(fieldStart, error.Field, StringComparison.Ordinal);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("events:\n  - at: 1 d\n    exosome: {dose: 70 mg}\nmultiscale:\n  day:\n    - at: 8 h\n      meal: {carbs: 45 g}\n", 5, 5, "events[0].exosome", "do not act in a multiscale course")]
    [InlineData("multiscale:\n  day:\n    - at: 8 h\n      msc: {dose: 1e6 cells/kg}\n", 6, 7, "multiscale.day[0]", "not supported inside a multiscale course's day")]
    public void Therapy_events_in_a_multiscale_course_are_a_clear_error(string tail, int line, int column, string field, string fragment)
    {
        string text = "model: dalla-man-2007\nduration: 30 d\noutput_interval: 1 d\n" + tail;
        var error = Assert.Throws<ScenarioException>(() => ScenarioResolver.Resolve(ScenarioReader.Read(text, "course.yaml")));
        Assert.Equal((line, column, field), (error.Location.Line, error.Location.Column, error.Field));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exosome_parameters_override_the_defaults_in_their_unit_and_change_the_effect()
    {
        const string Dose = "    exosome: {dose: 70 mg, mechanisms: [sensitivity]}\n";
        var nominal = ScenarioResolver.Resolve(ScenarioReader.Read(Header + Dose, "n.yaml"));
        var changed = ScenarioResolver.Resolve(ScenarioReader.Read(
            "exosome_parameters:\n  emax_sensitivity: 0.25\n  plasma_half_life_mouse_min: 120 s\n" + Header + Dose, "o.yaml"));
        var parameters = changed.Exosome!.Parameters;
        Assert.Equal(0.25, parameters[ExosomeParameters.EmaxName(ExosomeMechanism.Sensitivity)]);
        Assert.Equal(2, parameters[ExosomeParameters.PlasmaHalfLifeMouse], 12);
        Assert.Equal(ExoSim.Models.Parameters.ParameterOrigin.UserDefined, parameters.Entry(ExosomeParameters.PlasmaHalfLifeMouse).Origin);

        // The derived subject half-life follows the mouse value (here the default's, 2 min); the halved Emax halves the effect.
        Assert.Equal(nominal.Exosome!.Parameters[ExosomeParameters.PlasmaHalfLife], parameters[ExosomeParameters.PlasmaHalfLife], 12);
        double nominalEffect = nominal.Exosome.Modulations.Single().Multiplier(2880, 1440) - 1;
        double changedEffect = changed.Exosome.Modulations.Single().Multiplier(2880, 1440) - 1;
        Assert.True(nominalEffect > 0);
        Assert.Equal(nominalEffect / 2, changedEffect, 12);
    }

    [Fact]
    public void Msc_parameters_override_the_msc_defaults()
    {
        var scenario = ScenarioResolver.Resolve(ScenarioReader.Read(
            "msc_parameters: {secretion_particles_per_cell_per_day: 8000}\n" + Header + "    msc: {dose: 1e6 cells/kg}\n", "m.yaml"));
        Assert.Equal(8000, scenario.Exosome!.MscParameters[ExoSim.Therapies.Msc.MscParameters.SecretionRate]);
    }

    [Theory]
    [InlineData("exosome_parameters: {emax_sensitivty: 0.3}\n", "exosome_parameters.emax_sensitivty", "Did you mean 'emax_sensitivity'?")]
    [InlineData("exosome_parameters: {plasma_half_life_min: 3}\n", "exosome_parameters.plasma_half_life_min", "is derived")]
    [InlineData("exosome_parameters: {body_weight_kg: 80}\n", "exosome_parameters.body_weight_kg", "set BW under 'parameters'")]
    [InlineData("exosome_parameters: {hill: 2 mg}\n", "exosome_parameters.hill", "cannot be converted")]
    [InlineData("exosome_parameters: {fraction_liver: 0.9}\n", "exosome_parameters", "add up to")]
    [InlineData("msc_parameters: {lung_trapped_fraction: 0.5}\n", "msc_parameters", "no msc events")]
    public void Therapy_parameter_mistakes_name_the_field(string block, string field, string fragment)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioResolver.Resolve(ScenarioReader.Read(block + Header + "    exosome: {dose: 70 mg}\n", "bad.yaml")));
        Assert.Equal((1, field), (error.Location.Line, error.Field));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }
}
