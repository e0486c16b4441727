using ExoSim.Trials.Endpoints;
using ExoSim.Trials.Populations;
using ExoSim.Trials.Scenarios;
using ExoSim.Trials.Trials;

namespace ExoSim.Trials.Tests.Trials;

/// <summary>Trials on the long-horizon models: new-onset enrolment, the courses against single-patient scenarios, endpoints, refusals.</summary>
public class CourseTrialTests
{
    private const string NewOnsetT1d = """
        seed: 5
        population:
          - {name: nominal, type: t1d, model: t1d-progression, stage: new-onset, source: named}
        arms:
          - name: insulin-only
            events: [{at: 0 d, insulin: {basal: 1 U/h}}]
          - name: exosome
            events:
              - {at: 0 d, insulin: {basal: 1 U/h}}
              - {at: 0 d, exosome: {dose: 70 mg, route: iv, source: umbilical_cord, every: 7 d, doses: 12}}
        schedule:
          duration: 365 d
          visits: [91 d, 365 d]
          window: 14 d
        """;

    private const string NewOnsetT2d = """
        population:
          - {name: nominal, type: t2d, model: t2d-progression, subject: progressor, stage: new-onset, source: named}
        arms:
          - name: standard-of-care
          - name: exosome
            events: [{at: 0 d, exosome: {dose: 70 mg, route: iv, source: umbilical_cord, every: 14 d, doses: 52}}]
        schedule:
          duration: 730 d
          visits: [365 d, 730 d]
        """;

    private static ResolvedTrial Resolve(string text) => TrialResolver.Resolve(TrialReader.Read(text, "t.yaml"));

    private static double[] Scenario(string text) => ScenarioRunner.Run(ScenarioResolver.Resolve(ScenarioReader.Read(text, "s.yaml"))).Result.Column("glucose_mg_dl");

    private static double Value(ResolvedTrial trial, PatientOutcome outcome, string column)
    {
        var columns = new TrialColumns(trial.Document.Endpoints, trial.VisitLabels).Endpoints;
        int index = columns.ToList().IndexOf(column);
        Assert.True(index >= 0, $"no column {column}");
        return outcome.Values[index];
    }

    [Fact]
    public void The_nominal_new_onset_t1d_patient_is_diagnosed_at_day_78_and_its_insulin_only_course_is_the_single_patient_scenario()
    {
        var trial = Resolve(NewOnsetT1d);
        var course = CoursePatient.Course(trial, 0, trial.Arms[0]);

        // First daily sample at or above 200 mg/dL: G reaches 200 at day 77.092 (docs/models/t1d-progression.md,
        // independent Python RK4; the example starts insulin at 77.1 d), so the first whole day after is day 78.
        Assert.Equal(78 * 1440.0, course.RandomisationMin);

        // The same course as a scenario file (examples/t1d-progression-course.yaml with insulin at the diagnosis day): identical.
        double[] expected = Scenario("""
            model: t1d-progression
            patient: topp-autoimmune
            duration: 443 d
            output_interval: 1 d
            events:
              - {at: 78 d, insulin: {basal: 1 U/h}}
            """);
        Assert.Equal(expected, course.Result.Column("glucose_mg_dl"));

        var outcome = CoursePatient.Simulate(trial, 0, trial.Arms[0], "");
        Assert.Equal(expected[78], Value(trial, outcome, "fasting_glucose_mg_dl_baseline"));
        Assert.Equal(expected[78 + 365], Value(trial, outcome, "fasting_glucose_mg_dl_d365"));
        Assert.Equal(24, Value(trial, outcome, "insulin_u_per_day_d365"), 12);
        Assert.Equal(0, Value(trial, outcome, "insulin_u_per_day_baseline"));
    }

    [Fact]
    public void Exosomes_keep_more_beta_cell_function_and_mass_in_the_nominal_new_onset_t1d_patient()
    {
        var trial = Resolve(NewOnsetT1d);
        var insulin = CoursePatient.Simulate(trial, 0, trial.Arms[0], "");
        var exosome = CoursePatient.Simulate(trial, 0, trial.Arms[1], "");
        Assert.Equal(Value(trial, insulin, "beta_cell_mass_mg_baseline"), Value(trial, exosome, "beta_cell_mass_mg_baseline"));
        Assert.True(Value(trial, exosome, "beta_cell_function_fraction_d365") > Value(trial, insulin, "beta_cell_function_fraction_d365"));
        Assert.True(Value(trial, exosome, "beta_cell_mass_mg_d365") > Value(trial, insulin, "beta_cell_mass_mg_d365"));
        Assert.True(Value(trial, insulin, "beta_cell_mass_mg_change_d365") < 0, "the autoimmune attack goes on under insulin");
    }

    [Fact]
    public void The_nominal_t2d_control_course_is_the_single_patient_progressor_and_exosomes_lower_its_glucose()
    {
        var trial = Resolve(NewOnsetT2d);
        var course = CoursePatient.Course(trial, 0, trial.Arms[0]);

        // Progressor: first G ≥ 126 mg/dL at 321.93651 d (docs/models/t2d-progression.md, independent Python RK4): day 322.
        Assert.Equal(322 * 1440.0, course.RandomisationMin);
        double[] expected = Scenario("""
            model: t2d-progression
            patient: progressor
            duration: 1052 d
            output_interval: 1 d
            """);
        Assert.Equal(expected, course.Result.Column("glucose_mg_dl"));

        var control = CoursePatient.Simulate(trial, 0, trial.Arms[0], "");
        var exosome = CoursePatient.Simulate(trial, 0, trial.Arms[1], "");
        Assert.Equal(expected[322 + 730], Value(trial, control, "fasting_glucose_mg_dl_d730"));
        Assert.True(Value(trial, control, "hba1c_percent_change_d730") > 0, "untreated T2D progresses");
        Assert.True(Value(trial, exosome, "hba1c_percent_d730") < Value(trial, control, "hba1c_percent_d730"));
        Assert.True(Value(trial, exosome, "beta_cell_mass_mg_d730") > Value(trial, control, "beta_cell_mass_mg_d730"));
        Assert.True(double.IsFinite(Value(trial, control, "homa_ir_baseline")) && double.IsFinite(Value(trial, control, "homa_b_percent_d365")));
    }

    [Fact]
    public void Without_a_stage_patients_are_randomised_after_the_run_in()
    {
        var trial = Resolve(NewOnsetT2d.Replace(", stage: new-onset", "", StringComparison.Ordinal).Replace("schedule:", "schedule:\n  run_in: 365 d", StringComparison.Ordinal));
        var course = CoursePatient.Course(trial, 0, trial.Arms[0]);
        Assert.Equal(365 * 1440.0, course.RandomisationMin);
        var outcome = CoursePatient.Simulate(trial, 0, trial.Arms[0], "");

        // Progressor: G at 365 d = 129.30980 mg/dL (docs/models/t2d-progression.md, independent Python RK4, tolerance 0.01).
        Assert.Equal(129.30980, Value(trial, outcome, "fasting_glucose_mg_dl_baseline"), 0.01);
        Assert.Contains("randomised at the end of the run-in", trial.Population.Cohorts[0].Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(110.0)]
    public void A_prediabetes_progressor_is_randomised_at_the_first_day_of_its_own_course_with_impaired_fasting_glucose(double? onsetMgPerDl)
    {
        string line = onsetMgPerDl is double g ? $", onset_glucose: {g} mg/dL" : "";
        var trial = Resolve(NewOnsetT2d.Replace("{name: nominal, type: t2d", "{name: nominal, type: prediabetes", StringComparison.Ordinal).Replace("stage: new-onset", "stage: new-onset" + line, StringComparison.Ordinal));
        var cohort = Assert.IsType<CourseCohort>(trial.Population.Cohorts[0]);
        double threshold = onsetMgPerDl ?? 100; // ADA 2010 impaired fasting glucose from 100 mg/dL (Diabetes Care 33 Suppl 1:S62)
        Assert.Equal(threshold, cohort.OnsetGlucoseMgPerDl);
        Assert.Contains("to its impaired fasting glucose onset, the first output sample with fasting glucose ≥", cohort.Describe(), StringComparison.Ordinal);
        var course = CoursePatient.Course(trial, 0, trial.Arms[0]);

        // The enrolment day is the first day of the untreated single-patient course with G at or above the threshold.
        double[] untreated = Scenario("""
            model: t2d-progression
            patient: progressor
            duration: 400 d
            output_interval: 1 d
            """);
        int day = Array.FindIndex(untreated, g => g >= threshold);
        Assert.True(day >= 0);
        Assert.Equal(day * 1440.0, course.RandomisationMin);

        // The model's rest state is 100.0117 mg/dL (docs/models/t2d-progression.md, closed form): at the ADA threshold already,
        // so the default enrols at the start; 110 mg/dL is reached later along the progressor's insulin-resistance course.
        Assert.Equal(onsetMgPerDl is null, day == 0);
    }

    [Fact]
    public void A_patients_time_series_is_its_course_with_time_from_its_randomisation()
    {
        var trial = Resolve(NewOnsetT2d);
        var course = CoursePatient.Course(trial, 0, trial.Arms[1]);
        var series = TrialEngine.Simulate(trial, 0, trial.Arms[1], "", timeSeries: true).TimeSeries!;
        Assert.Equal(["time_min", PatientTimeSeries.TimeFromRandomisation, "G", "I", "beta", "gamma", "sigma", "SI", "glucose_mg_dl"], series.Columns);
        Assert.Equal(course.Result.Column("glucose_mg_dl"), series.Values[^1]);
        Assert.Equal(course.Result.Column("beta"), series.Values[4]);
        Assert.Equal(0, series.Values[1][322]); // diagnosed on day 322 (above)
        Assert.Null(TrialEngine.Simulate(trial, 0, trial.Arms[1], "").TimeSeries);
    }

    [Theory]
    [InlineData("stage: new-onset, source: named", "source: named", "population[0].stage: missing: a prediabetes cohort of t2d-progression is randomised at onset")]
    [InlineData("stage: new-onset, source: named", "stage: new-onset, onset_glucose: 126 mg/dL, source: named", "population[0].onset_glucose: must be below 126 mg/dL for a prediabetes cohort")]
    [InlineData("model: t2d-progression", "model: t1d-progression", "population[0].model: a prediabetes cohort cannot use model 't1d-progression'")]
    public void Mistakes_in_prediabetes_cohorts_are_refused_at_their_line(string from, string to, string message)
    {
        string prediabetes = NewOnsetT2d.Replace("type: t2d", "type: prediabetes", StringComparison.Ordinal);
        var error = Assert.Throws<ScenarioException>(() => Resolve(prediabetes.Replace(from, to, StringComparison.Ordinal)));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_new_onset_patients_are_each_randomised_at_their_own_diagnosis()
    {
        var trial = Resolve(NewOnsetT1d.Replace("source: named}", "source: generated, size: 6}", StringComparison.Ordinal));
        var onsets = Enumerable.Range(0, 6).Select(i => CoursePatient.Course(trial, i, trial.Arms[0])).ToArray();
        Assert.True(onsets.Select(c => c.RandomisationMin).Distinct().Count() > 1, "the variability moves the day of diagnosis");
        foreach (var course in onsets)
        {
            double[] glucose = course.Result.Column("glucose_mg_dl");
            int day = (int)(course.RandomisationMin / 1440);
            Assert.True(glucose[day] >= 200 && glucose.Take(day).All(g => g < 200), $"diagnosis of {course.Patient.Id} at day {day}");
        }

        var cohort = Assert.IsType<CourseCohort>(trial.Population.Cohorts[0]);
        Assert.True(cohort.NewOnset);
        Assert.Contains("kappa 10 %", cohort.Describe(), StringComparison.Ordinal); // the default variability (assumption)
    }

    [Fact]
    public void Stratifying_by_age_is_refused_for_patients_without_an_age()
    {
        var error = Assert.Throws<ScenarioException>(() => TrialReader.Read(NewOnsetT1d + "\nrandomisation: {method: stratified, stratify_by: [age_group]}\n", "t.yaml"));
        Assert.Contains("t.yaml:15:51: randomisation.stratify_by[0]: 'age_group' needs patients with an age, and cohort 'nominal' has none", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("endpoints: [tir_percent]", "t.yaml:15:13: endpoints[0]: 'tir_percent' is not defined for model 't1d-progression'")]
    [InlineData("endpoints: [homa_ir]", "its endpoints are: fasting_glucose_mg_dl, mean_glucose_mg_dl, hba1c_percent, beta_cell_mass_mg, beta_cell_function_fraction, insulin_u_per_day, adverse_events.")]
    public void Meal_scale_endpoints_are_refused_with_the_endpoints_allowed(string line, string message)
    {
        var error = Assert.Throws<ScenarioException>(() => TrialReader.Read(NewOnsetT1d + "\n" + line + "\n", "t.yaml"));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("window: 14 d", "window: 14 d\n  run_in: 7 d", "schedule.run_in: 'stage: new-onset' patients are randomised at their own diagnosis")]
    [InlineData("window: 14 d", "window: 14 d\n  meals: [{time: \"07:00\", carbs: 50 g}]", "schedule.meals: long-horizon models")]
    [InlineData("type: t1d, model: t1d-progression", "type: t2d, model: t1d-progression", "population[0].model: a t2d cohort cannot use model 't1d-progression'")]
    [InlineData("stage: new-onset, source: named", "stage: onset, source: named", "population[0].stage: unknown value 'onset'")]
    [InlineData("{name: nominal, type: t1d, model: t1d-progression, stage: new-onset, source: named}", "{name: nominal, type: t1d, stage: new-onset, source: named}", "population[0].stage: applies to cohorts of a long-horizon model only")]
    public void Mistakes_in_long_horizon_trials_are_refused_at_their_line(string from, string to, string message)
    {
        var error = Assert.Throws<ScenarioException>(() => Resolve(NewOnsetT1d.Replace(from, to, StringComparison.Ordinal)));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_meal_bolus_regimen_is_refused_for_a_long_horizon_model()
    {
        var error = Assert.Throws<ScenarioException>(() => Resolve(NewOnsetT1d.Replace("- name: insulin-only", "- name: insulin-only\n    insulin: basal-bolus", StringComparison.Ordinal)));
        Assert.Contains("arms[0].insulin: model 't1d-progression' has no meals", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoints_at_a_visit_are_the_last_sample_at_or_before_it_and_the_window_mean()
    {
        var trace = new CourseTrace([0, 1440, 2880, 4320], [100, 110, 130, 160], [60, 60, 60, 60], [300, 290, 280, 270], [1, 0.9, 0.8, 0.7], [5, 5.1, 5.2, 5.3]);
        var record = new InsulinRecord([], 0);
        double[] values = CourseEndpoints.Compute(
            [CourseEndpoints.FastingGlucose, CourseEndpoints.MeanGlucose, CourseEndpoints.Hba1c, CourseEndpoints.BetaCellMass, CourseEndpoints.BetaCellFunction], trace, record, 4000, 2880);
        Assert.Equal(130, values[0]);                              // day 2: the last sample before 4000 min
        Assert.Equal((105 + 120) / 2.0, values[1], 12);            // trapezoid mean of days 0–2 (window start 1120 min → from day 0)
        Assert.Equal([5.2, 280, 0.8], values[2..]);
        Assert.Throws<ArgumentException>(() => CourseEndpoints.Compute([TrialEndpoints.TimeInRange], trace, record, 4000, 1440));
    }
}
