using ExoSim.Models;
using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Models.UvaPadova;
using ExoSim.Numerics.Ode.ExplicitRungeKutta;
using ExoSim.Numerics.Ode.Rosenbrock;
using ExoSim.Trials.Endpoints;
using ExoSim.Trials.Scenarios;
using static ExoSim.Models.UvaPadova.UvaPadovaStates;

namespace ExoSim.Trials.Tests.Scenarios;

public class ScenarioResolverTests
{
    private static ResolvedScenario Resolve(string text) => ScenarioResolver.Resolve(ScenarioReader.Read(text, "s.yaml"));

    [Fact]
    public void Overrides_parameters_in_their_units_and_recomputes_the_basal_state()
    {
        var scenario = Resolve("""
            model: uva-padova-t1d
            patient: adult#001
            parameters: {BW: 70 kg, Gb: 6.5 mmol/L}
            duration: 1 h
            """);
        var p = scenario.Request.Parameters;
        Assert.Equal(70, p["BW"]);
        Assert.Equal(6.5 * 18.0156, p["Gb"], 9);
        Assert.Equal(ParameterOrigin.UserDefined, p.Entry("BW").Origin);
        Assert.Equal("scenario s.yaml:3:18", p.Entry("BW").Source);

        // Derived basal glucose mass follows the new Gb: Gpb = Gb·Vg, and the run starts there.
        Assert.Equal(p["Gb"] * p["Vg"], p["Gpb"], 9);
        Assert.Equal(p["Gpb"], scenario.Request.InitialState![Gp], 9);
        Assert.True(scenario.SteadyStart!.ScaledResidual <= 1e-9);
    }

    [Fact]
    public void Fasting_glucose_and_insulin_move_the_start_and_initial_overrides_apply_last()
    {
        var scenario = Resolve("""
            model: uva-padova-t1d
            fasting: {glucose: 150 mg/dL, insulin: 20 µU/mL}
            initial: {Gs: 300}
            duration: 1 h
            """);
        var p = scenario.Request.Parameters;
        Assert.Equal(150, p["Gb"]);
        Assert.Equal(120, p["Ib"], 12); // 20 µU/mL × 6 pmol/L per µU/mL
        Assert.Equal(150 * p["Vg"], scenario.Request.InitialState![Gp], 9);
        Assert.Equal(300, scenario.Request.InitialState![Gs]);
    }

    [Fact]
    public void Default_patient_solver_and_all_columns_when_not_given()
    {
        var scenario = Resolve("model: uva-padova-t1d\nduration: 2 h\n");
        var model = ModelCatalog.Get("uva-padova-t1d");
        Assert.Equal(model.DefaultPatient, scenario.Request.Parameters.Name);
        Assert.IsType<DormandPrince54>(scenario.Solver); // the model is not stiff (UvaPadovaT1DModel.IsStiff)
        Assert.Equal(1 + model.States.Count + model.Observables.Count, scenario.OutputColumns.Count);
        Assert.Equal(Simulator.TimeColumn, scenario.OutputColumns[0]);
    }

    [Fact]
    public void Solver_choice_tolerances_and_output_selection_are_honoured()
    {
        var scenario = Resolve("""
            model: uva-padova-t1d
            duration: 2 h
            solver: {method: rodas5p, rtol: 1e-7, atol: 1e-9}
            outputs: [glucose_mg_dl, Gp]
            """);
        Assert.IsType<Rodas5P>(scenario.Solver);
        Assert.Equal(1e-7, scenario.Options.RelativeTolerance);
        Assert.Equal(1e-9, scenario.Options.AbsoluteTolerance);
        Assert.Equal([Simulator.TimeColumn, "glucose_mg_dl", "Gp"], scenario.OutputColumns);
    }

    [Fact]
    public void Modulate_events_become_step_modulations()
    {
        var scenario = Resolve("""
            model: uva-padova-t1d
            duration: 1 d
            events:
              - at: 6 h
                modulate: {parameter: Vmx, factor: 1.5, duration: 12 h}
            """);
        var modulation = Assert.IsType<StepModulation>(Assert.Single(scenario.Request.Modulations));
        Assert.Equal(("Vmx", 1.5, 360.0, 1080.0), (modulation.Parameter, modulation.Factor, modulation.StartMin, modulation.EndMin));
    }

    [Theory]
    [InlineData("model: uva-padova-t1d\nduration: 1 h\nparameters: {BW: 70 min}\n", 3, "parameters.BW", "cannot be converted to kg")]
    [InlineData("model: uva-padova-t1d\nduration: 1 h\ninitial: {Gpp: 1}\n", 3, "initial.Gpp", "Did you mean 'Gp'")]
    [InlineData("model: uva-padova-t1d\nduration: 1 h\nsolver: {method: euler}\n", 3, "solver.method", "Allowed: auto, rodas5p, dormand-prince54")]
    [InlineData("model: uva-padova-t1d\nduration: 1 h\nparameters: {EGPb: 0.5}\n", 3, "parameters", "no basal steady state")]
    [InlineData("model: uva-padova-t1d\nduration: 1 h\nevents:\n  - at: 0 min\n    modulate: {parameter: SI, factor: 2, duration: 1 h}\n", 4, "events[0].modulate.parameter", "has no parameter 'SI'")]
    [InlineData("model: bergman-minimal\nduration: 1 h\nfasting: {glucose: 100 mg/dL}\n", 3, "fasting", "does not start at a fasting steady state")]
    [InlineData("model: bergman-minimal\nduration: 1 h\nfasting: {insulin: 10 µU/mL}\n", 3, "fasting", "does not start at a fasting steady state")]
    [InlineData("model: uva-padova-t1d\nduration: 1 h\nfasting: {insulin: 10 mg/dL}\n", 3, "fasting.insulin", "cannot be converted to pmol/L")]
    [InlineData("model: uva-padova-t1d\nduration: 1 h\noutputs: [Gp, Gp]\n", 3, "outputs[1]", "listed twice")]
    [InlineData("model: topp-2000\nduration: 100 years\noutput_interval: 1 s\n", 3, "output_interval", "choose a coarser interval")]
    [InlineData("model: topp-2000\nduration: 1 d\nparameters: {d0: 0.08}\n", 3, "parameters", "no physiological fixed point")]
    public void Model_specific_mistakes_point_at_their_line(string text, int line, string field, string fragment)
    {
        var error = Assert.Throws<ScenarioException>(() => Resolve(text));
        Assert.Equal(line, error.Location.Line);
        Assert.Equal(field, error.Field);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_shipped_example_resolves_and_runs()
    {
        string[] files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.yaml");
        Assert.NotEmpty(files);
        foreach (string file in files)
        {
            var scenario = ScenarioResolver.Resolve(ScenarioReader.ReadFile(file));
            if (scenario.Course is not null)
            {
                var course = CourseRunner.Run(scenario).Course;
                Assert.Equal(scenario.Course.Request.Days, course.DailyMeanGlucoseMgPerDl.Count);
                Assert.All(course.DailyMeanGlucoseMgPerDl, g => Assert.InRange(g, 20, 600));
                continue;
            }

            var result = ScenarioRunner.Run(scenario).Result;
            Assert.Equal(scenario.Request.DurationMin, result.Row(result.RowCount - 1)[0]);
            Assert.All(result.Column(Observable.GlucoseMgPerDl), g => Assert.InRange(g, 20, 600));
        }
    }

    [Fact]
    public void The_t1d_day_example_matches_a_direct_simulation()
    {
        // The scenario route and a hand-built request of the same day must give the same numbers (no hidden defaults).
        var scenario = ScenarioResolver.Resolve(ScenarioReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "examples", "uva-padova-t1d-day.yaml")));
        var viaScenario = ScenarioRunner.Run(scenario).Result;
        var model = new UvaPadovaT1DModel();
        var direct = Simulator.Run(
            new SimulationRequest
            {
                Model = model,
                Parameters = model.Patient("adult#001"),
                DurationMin = 1440,
                OutputIntervalMin = 5,
                Interventions =
                [
                    new MealIntake(420, 45, 15), new InsulinBolus(420, 4.5),
                    new MealIntake(720, 70, 20), new InsulinBolus(720, 7),
                    new MealIntake(1140, 80, 25), new InsulinBolus(1140, 8),
                ],
            },
            new DormandPrince54(),
            new Numerics.Ode.SolverOptions());
        Assert.Equal(direct.Column(Observable.GlucoseMgPerDl), viaScenario.Column(Observable.GlucoseMgPerDl));
    }

    [Fact]
    public void A_sensor_gives_seeded_reproducible_readings_at_its_sample_times()
    {
        const string text = """
            model: uva-padova-t1d
            duration: 6 h
            output_interval: 10 min
            sensor: {type: GuardianRT, seed: 7}
            events:
              - at: 1 h
                meal: {carbs: 60 g}
            """;
        var first = ScenarioRunner.Run(Resolve(text)).Cgm!;
        var again = ScenarioRunner.Run(Resolve(text)).Cgm!;
        var otherSeed = ScenarioRunner.Run(Resolve(text.Replace("seed: 7", "seed: 8", StringComparison.Ordinal))).Cgm!;

        Assert.Equal("GuardianRT", first.Sensor.Name);
        Assert.Equal(73, first.Readings.Count); // every 5 min over 6 h, both ends included
        Assert.Equal(Enumerable.Range(0, 73).Select(i => i * 5.0), first.Readings.Select(r => r.TimeMin));
        Assert.Equal(first.Readings, again.Readings);
        Assert.NotEqual(first.Readings.Select(r => r.MgDl), otherSeed.Readings.Select(r => r.MgDl));

        // The noise-free trace is the model's interstitial glucose at the same times (rows of the 10-min table coincide every other reading).
        var table = ScenarioRunner.Run(Resolve(text)).Result;
        var interstitial = table.Column(Observable.InterstitialGlucoseMgPerDl);
        for (int row = 0; row < table.RowCount; row++)
        {
            Assert.Equal(interstitial[row], first.Interstitial[2 * row].MgDl, 1e-6 * interstitial[row]);
        }
    }

    [Theory]
    [InlineData("model: uva-padova-t1d\nduration: 1 h\nsensor: {type: dexcom}\n", "Did you mean 'Dexcom'")]
    [InlineData("model: bergman-minimal\nduration: 1 h\nsensor: {type: Dexcom}\n", "no interstitial glucose")]
    public void Sensor_mistakes_are_reported_at_the_sensor(string text, string fragment)
    {
        var error = Assert.Throws<ScenarioException>(() => Resolve(text));
        Assert.Equal(3, error.Location.Line);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Readouts_add_lagged_hba1c_and_homa_columns()
    {
        var scenario = Resolve("""
            model: uva-padova-t1d
            duration: 2 d
            output_interval: 1 h
            readouts: [hba1c_percent, homa_ir, homa_b_percent]
            """);
        Assert.Equal(["hba1c_percent", "homa_ir", "homa_b_percent"], scenario.Readouts);
        var run = ScenarioRunner.Run(scenario);
        var glucose = run.Result.Column(Observable.GlucoseMgPerDl);
        var insulin = run.Result.Column(Observable.InsulinPmolPerL);

        // At rest, glucose stays at its basal value, so lagged HbA1c stays at ADAG(Gb); HOMA follows the row's values.
        Assert.All(run.Readouts["hba1c_percent"], a => Assert.Equal(ClinicalReadouts.Hba1cFromMeanGlucose(glucose[0]), a, 6));
        Assert.Equal(ClinicalReadouts.HomaIr(glucose[5], insulin[5]), run.Readouts["homa_ir"][5]);
        Assert.Equal(run.Result.RowCount, run.Readouts["homa_b_percent"].Length);
    }

    [Theory]
    [InlineData("model: uva-padova-t1d\nduration: 1 h\nreadouts: [hba1c]\n", "Did you mean 'hba1c_percent'")]
    [InlineData("model: uva-padova-t1d\nduration: 1 h\nreadouts: [homa_ir, homa_ir]\n", "listed twice")]
    public void Readout_mistakes_are_reported_at_their_line(string text, string fragment)
    {
        var error = Assert.Throws<ScenarioException>(() => Resolve(text));
        Assert.Equal(3, error.Location.Line);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }
}
