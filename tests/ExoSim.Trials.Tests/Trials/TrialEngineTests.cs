using ExoSim.Trials.Trials;

namespace ExoSim.Trials.Tests.Trials;

public class TrialEngineTests
{
    internal const string Small = """
        seed: 7
        population:
          - {name: adults, type: t1d, source: generated, group: adult, size: 6}
        arms:
          - {name: control}
          - name: sensitised
            events:
              - at: 0 d
                modulate: {parameter: Vmx, factor: 1.5, duration: 2 d}
        schedule:
          run_in: 1 d
          duration: 2 d
          visits: [2 d]
          window: 1 d
          meals:
            - {time: "07:00", carbs: 50 g, time_sd: 15 min, carbs_cv: 0.1}
            - {time: "19:00", carbs: 70 g}
        """;

    internal static ResolvedTrial Resolve(string text = Small) => TrialResolver.Resolve(TrialReader.Read(text, "small.yaml"));

    internal static List<PatientOutcome> RunAll(ResolvedTrial trial, int threads)
    {
        var chunks = new List<TrialChunk>();
        TrialEngine.Run(trial, new TrialRunOptions(threads), chunks.Add);
        return chunks.OrderBy(c => c.Index).SelectMany(c => c.Patients).ToList();
    }

    [Fact]
    public void One_and_two_threads_give_bit_identical_patients()
    {
        var trial = Resolve();
        var one = RunAll(trial, 1);
        var two = RunAll(trial, 2);
        Assert.Equal(6, one.Count);
        Assert.Equal(Enumerable.Range(0, 6), one.Select(p => p.Index));
        for (int i = 0; i < one.Count; i++)
        {
            Assert.Equal(one[i].Arm, two[i].Arm);
            Assert.Equal(one[i].Values.Select(BitConverter.DoubleToInt64Bits), two[i].Values.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void Raised_insulin_sensitivity_lowers_mean_glucose_of_the_same_patient()
    {
        var trial = Resolve();
        var columns = new TrialColumns(trial.Document.Endpoints, trial.VisitLabels);
        int mean = columns.Endpoints.ToList().IndexOf(TrialColumns.AtVisit("mean_glucose_mg_dl", "d2"));
        var control = TrialEngine.Simulate(trial, 0, trial.Arms[0], string.Empty);
        var sensitised = TrialEngine.Simulate(trial, 0, trial.Arms[1], string.Empty);
        Assert.True(sensitised.Values[mean] < control.Values[mean] - 1, $"{sensitised.Values[mean]} vs {control.Values[mean]}");

        // Same patient, same meals: the baseline (run-in, before the arm's events) is identical.
        int baseline = columns.Endpoints.ToList().IndexOf(TrialColumns.Baseline("mean_glucose_mg_dl"));
        Assert.Equal(control.Values[baseline], sensitised.Values[baseline]);
    }

    [Fact]
    public void A_t2d_cohort_on_dalla_man_has_homa_and_responds_to_raised_insulin_sensitivity()
    {
        var trial = Resolve("""
            population:
              - {name: t2d, type: t2d, source: generated, size: 2, variability: {Vmx: 20 %, BW: 10 %}}
            arms:
              - {name: control}
              - {name: sensitised, events: [{at: 0 d, modulate: {parameter: Vmx, factor: 1.5, duration: 1 d}}]}
            schedule:
              run_in: 1 d
              duration: 1 d
              visits: [1 d]
              window: 1 d
              meals: [{time: "07:00", carbs: 60 g}, {time: "19:00", carbs: 80 g}]
            """);
        Assert.Equal("dalla-man-2007", trial.Model.Id);
        Assert.Equal("none", trial.Arms[0].Insulin.Kind);
        var columns = new TrialColumns(trial.Document.Endpoints, trial.VisitLabels).Endpoints.ToList();
        var control = TrialEngine.Simulate(trial, 0, trial.Arms[0], string.Empty);
        var sensitised = TrialEngine.Simulate(trial, 0, trial.Arms[1], string.Empty);
        double homaIr = control.Values[columns.IndexOf(TrialColumns.Baseline("homa_ir"))];
        Assert.True(double.IsFinite(homaIr) && homaIr > 0, $"HOMA-IR {homaIr}");
        Assert.Equal(0, control.Values[columns.IndexOf(TrialColumns.Baseline("insulin_u_per_day"))]);
        int mean = columns.IndexOf(TrialColumns.AtVisit("mean_glucose_mg_dl", "d1"));
        Assert.True(sensitised.Values[mean] < control.Values[mean]);
    }

    [Fact]
    public void With_a_sensor_glycaemic_endpoints_come_from_cgm_readings_reproducibly()
    {
        string withSensor = Small.Replace("  window: 1 d", "  window: 1 d\n  sensor: Dexcom\n  output_interval: 3 min", StringComparison.Ordinal);
        var plasma = Resolve(Small.Replace("  window: 1 d", "  window: 1 d\n  output_interval: 3 min", StringComparison.Ordinal));
        var cgm = Resolve(withSensor);
        var columns = new TrialColumns(cgm.Document.Endpoints, cgm.VisitLabels).Endpoints.ToList();
        int mean = columns.IndexOf(TrialColumns.Baseline("mean_glucose_mg_dl"));
        var a = TrialEngine.Simulate(cgm, 2, cgm.Arms[0], string.Empty);
        var b = TrialEngine.Simulate(cgm, 2, cgm.Arms[0], string.Empty);
        var p = TrialEngine.Simulate(plasma, 2, plasma.Arms[0], string.Empty);
        Assert.Equal(a.Values, b.Values);
        Assert.NotEqual(p.Values[mean], a.Values[mean]);

        // Sensor error is small next to glucose: the CGM mean stays within 20 % of the plasma mean.
        Assert.InRange(a.Values[mean], 0.8 * p.Values[mean], 1.2 * p.Values[mean]);
    }
}
