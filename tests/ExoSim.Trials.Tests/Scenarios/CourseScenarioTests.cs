using ExoSim.Models;
using ExoSim.Models.Multiscale;
using ExoSim.Models.Simulation;
using ExoSim.Models.Topp;
using ExoSim.Numerics.Ode;
using ExoSim.Trials.Endpoints;
using ExoSim.Trials.Scenarios;

namespace ExoSim.Trials.Tests.Scenarios;

/// <summary>Multiscale courses from scenario files (the <c>multiscale</c> block; docs/scenarios.md, docs/multiscale.md).</summary>
public class CourseScenarioTests
{
    private const string Course = """
        model: dalla-man-2007
        patient: normal
        duration: 28 d
        readouts: [hba1c_percent]
        multiscale:
          every: 7 d
          insulin_sensitivity: {target: 0.5, time_constant: 30 d}
          day:
            - {at: 8 h, meal: {carbs: 45 g}}
            - {at: 12 h, meal: {carbs: 70 g}}
            - {at: 20 h, meal: {carbs: 70 g}}
        """;

    private static ResolvedScenario Resolve(string text) => ScenarioResolver.Resolve(ScenarioReader.Read(text, "c.yaml"));

    [Fact]
    public void A_course_resolves_with_the_models_coupling_topps_growth_law_and_daily_rows()
    {
        var course = Resolve(Course).Course!;
        Assert.Equal(CourseScheme.RepresentativeDays, course.Scheme);
        Assert.Equal(7, course.EveryDays);
        Assert.Equal(1, course.OutputEveryDays); // default output interval of a course: 1 d
        Assert.Equal(28, course.Request.Days);
        Assert.Equal(["beta", "K", "Sb"], course.Slow.SecretionParameters);
        Assert.Equal(["Vmx"], course.Slow.SensitivityParameters);
        Assert.Equal(0.5, course.Slow.TargetSensitivityFactor);
        Assert.Equal(30, course.Slow.SensitivityTimeConstantDays, 12);

        // Topp et al. 2000's values, taken from the topp-2000 parameter set.
        var topp = new Topp2000Model().Patient("normal");
        Assert.Equal(topp["d0"], course.Slow.DeathRatePerDay);
        Assert.Equal(topp["r1"], course.Slow.GrowthPerMgDlPerDay);
        Assert.Equal(topp["r2"], course.Slow.ToxicityPerMgDl2PerDay);
        Assert.Equal([480.0, 720.0, 1200.0], course.Request.DailyInterventions.Select(i => i.TimeMin));
    }

    [Fact]
    public void The_scenario_route_gives_exactly_the_direct_multiscale_course()
    {
        // No hidden defaults: the same course built by hand from the model objects gives identical numbers.
        var scenario = Resolve(Course);
        var viaScenario = CourseRunner.Run(scenario);
        var model = ModelCatalog.Get("dalla-man-2007");
        var parameters = model.Patient("normal");
        var direct = MultiscaleSimulator.RepresentativeDays(
            new MultiscaleRequest
            {
                FastModel = model,
                FastParameters = parameters,
                Slow = GlucotoxicBetaCellCourse.FromTopp(new Topp2000Model().Patient("normal"), ["beta", "K", "Sb"], ["Vmx"], 0.5, 30),
                Days = 28,
                DailyInterventions = [new MealIntake(480, 45, 0), new MealIntake(720, 70, 0), new MealIntake(1200, 70, 0)],
                Solver = OdeSolvers.DormandPrince54,
                Options = SolverOptions.Default,
            },
            7);
        Assert.Equal(direct.SlowStates[^1], viaScenario.Course.SlowStates[^1]);
        Assert.Equal(direct.DailyMeanGlucoseMgPerDl, viaScenario.Course.DailyMeanGlucoseMgPerDl);

        Assert.Equal([Simulator.TimeColumn, "day", "beta_rel", "si_factor", "mean_glucose_mg_dl", "fasting_glucose_mg_dl", ClinicalReadouts.Hba1cColumn], viaScenario.Columns);
        Assert.Equal(28, viaScenario.Values[0].Length);
        Assert.Equal(27 * 1440.0, viaScenario.Values[0][^1]);
        Assert.Equal(direct.SlowStates[27][0], viaScenario.Values[2][^1]);
        Assert.Equal(direct.DailyMeanGlucoseMgPerDl, viaScenario.Values[4]);
        Assert.Equal(ClinicalReadouts.Hba1cFromMeanGlucose(direct.DailyMeanGlucoseMgPerDl[0]), viaScenario.Values[6][0], 12);
    }

    [Fact]
    public void Verify_reports_the_agreement_with_the_brute_force_reference()
    {
        var scenario = Resolve(Course.Replace("every: 7 d", "every: 7 d\n  verify: true", StringComparison.Ordinal));
        var run = CourseRunner.Run(scenario);
        var agreement = run.Agreement!;

        // The scheme's measured accuracy for this course every 7 d (docs/multiscale.md, 60-day table): largest relative
        // β error on any day 1.1e-4, daily mean glucose within 0.061 mg/dL; bounds with margin, as in the model tests.
        Assert.True(agreement.MaxRelativeSlowError <= 2.5e-4, $"slow-state error {agreement.MaxRelativeSlowError:E2}");
        Assert.True(agreement.MaxDailyMeanGlucoseErrorMgPerDl <= 0.2, $"glucose error {agreement.MaxDailyMeanGlucoseErrorMgPerDl:F3}");
        Assert.True(agreement.CostRatio > 2, $"cost ratio {agreement.CostRatio:F1}");
        Assert.Equal(run.Reference!.FastRhsEvaluations, agreement.ReferenceFastRhsEvaluations);
        Assert.StartsWith("brute force", run.Reference.Scheme, StringComparison.Ordinal);
    }

    [Fact]
    public void Brute_force_scheme_and_a_coarser_output_interval()
    {
        var scenario = Resolve(Course.Replace("  every: 7 d", "  scheme: brute_force", StringComparison.Ordinal).Replace("duration: 28 d", "duration: 28 d\noutput_interval: 7 d", StringComparison.Ordinal));
        Assert.Equal(CourseScheme.BruteForce, scenario.Course!.Scheme);
        var run = CourseRunner.Run(scenario);
        Assert.StartsWith("brute force", run.Course.Scheme, StringComparison.Ordinal);
        Assert.Equal([0.0, 7 * 1440, 14 * 1440, 21 * 1440], run.Values[0]);
    }

    [Fact]
    public void A_course_cannot_be_run_as_a_plain_simulation()
    {
        var scenario = Resolve(Course);
        Assert.Throws<ArgumentException>(() => ScenarioRunner.Run(scenario));
    }

    [Theory]
    [InlineData("duration: 28 d", "duration: 36 h", 3, "duration", "whole number of days")]
    [InlineData("  every: 7 d", "  every: 7 h", 6, "multiscale.every", "whole number of days")]
    [InlineData("  every: 7 d", "  scheme: averaging", 6, "multiscale.scheme", "representative_days")]
    [InlineData("  every: 7 d", "  scheme: brute_force\n  every: 7 d", 7, "multiscale.every", "applies to scheme 'representative_days' only")]
    [InlineData("  every: 7 d", "  beta_cell: topp", 6, "multiscale.beta_cell", "topp-2000")]
    [InlineData("  every: 7 d", "  secretion: [beta, Kx]", 6, "multiscale.secretion[1]", "has no parameter 'Kx'")]
    [InlineData("  every: 7 d", "  sensitivity: [beta]", 6, "multiscale", "both secretion and sensitivity")]
    [InlineData("  every: 7 d", "  verify: maybe", 6, "multiscale.verify", "true or false")]
    [InlineData("  every: 7 d", "  days: 3", 6, "multiscale.days", "Did you mean 'day'")]
    [InlineData("{at: 20 h,", "{at: 25 h,", 11, "multiscale.day[2].at", "within one day")]
    [InlineData("{at: 8 h, meal: {carbs: 45 g}}", "{at: 8 h, modulate: {parameter: Vmx, factor: 2, duration: 1 h}}", 9, "multiscale.day[0]", "not supported inside a multiscale course")]
    [InlineData("readouts: [hba1c_percent]", "readouts: [homa_ir]", 4, "readouts[0]", "only hba1c_percent")]
    [InlineData("patient: normal", "patient: normal\nevents:\n  - {at: 1 h, meal: {carbs: 10 g}}", 4, "events[0]", "multiscale.day")]
    [InlineData("patient: normal", "patient: normal\nsensor: {type: Dexcom}", 3, "sensor", "CGM readings are not simulated")]
    public void Mistakes_in_a_course_name_the_line_and_field(string find, string replace, int line, string field, string fragment)
    {
        string text = Course.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Course, text);
        var error = Assert.Throws<ScenarioException>(() => Resolve(text));
        Assert.Equal(field, error.Field);
        Assert.Equal(line, error.Location.Line);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_without_declared_secretion_parameters_needs_them_listed()
    {
        var error = Assert.Throws<ScenarioException>(() => Resolve("""
            model: uva-padova-t1d
            duration: 7 d
            multiscale:
              day:
                - {at: 8 h, meal: {carbs: 45 g}}
            """));
        Assert.Equal("multiscale.secretion", error.Field);
        Assert.Contains("declares no insulin secretion parameters", error.Message, StringComparison.Ordinal);
    }
}
