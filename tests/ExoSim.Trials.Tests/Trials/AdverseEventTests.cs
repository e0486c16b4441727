using System.Security.Cryptography;
using ExoSim.Models;
using ExoSim.Models.Simulation;
using ExoSim.Therapies.Exosomes;
using ExoSim.Therapies.Msc;
using ExoSim.Trials.Scenarios;
using ExoSim.Trials.Trials;

namespace ExoSim.Trials.Tests.Trials;

/// <summary>Adverse events sampled per patient from the therapies' hazards: rates, determinism, reporting, and no shift of existing draws.</summary>
public class AdverseEventTests
{
    private const string Therapies = """
        seed: 11
        population:
          - {name: adults, type: t1d, source: generated, group: adult, size: 4}
        arms:
          - {name: control}
          - name: exosome
            events:
              - at: 0 d
                exosome: {dose: 70 mg, route: iv, every: 1 d, doses: 2}
        schedule:
          run_in: 1 d
          duration: 2 d
          visits: [2 d]
          window: 1 d
          meals:
            - {time: "07:00", carbs: 50 g, carbs_cv: 0.2}
        """;

    private const string Msc = """
        seed: 5
        population:
          - {name: adults, type: t1d, source: generated, group: adult, size: 6}
        arms:
          - {name: control}
          - name: msc
            events:
              - at: 0 d
                msc: {dose: 1e6 cells/kg, every: 12 h, doses: 3}
        schedule:
          run_in: 1 d
          duration: 2 d
          visits: [2 d]
          window: 1 d
          meals:
            - {time: "07:00", carbs: 50 g}
        """;

    private static ResolvedTrial Resolve(string text) => TrialResolver.Resolve(TrialReader.Read(text, "t.yaml"));

    /// <summary>SHA-256 of every patient's endpoint values, age and weight (little-endian bits), in patient order.</summary>
    private static string Fingerprint(IEnumerable<PatientOutcome> patients)
        => Convert.ToHexStringLower(SHA256.HashData(patients
            .SelectMany(p => p.Values.SelectMany(BitConverter.GetBytes).Concat(BitConverter.GetBytes(p.AgeYears)).Concat(BitConverter.GetBytes(p.WeightKg)))
            .ToArray()));

    [Theory]
    // Fingerprints of the same trials run by commit f974f51 (main, before adverse events existed): sampling adverse
    // events from their own stream must not move any patient, meal or endpoint value by a bit. An exosome arm's
    // infusion reactions change nothing in the simulation, so its patients are unchanged too.
    [InlineData("small", "ff01d262dbfb9d723aed622fe3f21f2b6ac69d2f5bfce9459a03c40ac4427c4d")]
    [InlineData("exosome", "de24f4e41156e1b1bbc2711c8b0262dc4524a4717e6cbfc32eb1a73bd7764873")]
    public void Patients_are_bit_identical_to_those_before_adverse_events_existed(string trial, string fingerprint)
    {
        var patients = TrialEngineTests.RunAll(Resolve(trial == "small" ? TrialEngineTests.Small : Therapies), 2);
        Assert.Equal(fingerprint, Fingerprint(patients));
    }

    [Fact]
    public void A_trial_without_therapy_reports_no_adverse_events_and_keeps_its_columns()
    {
        var trial = TrialEngineTests.Resolve();
        Assert.False(trial.ReportsAdverseEvents);
        Assert.Empty(AdverseEvents.Hazards(trial));
        var manifest = TrialManifest.Build(trial, TrialEngineTests.Small, "test", "notice", null);
        Assert.Null(manifest.AdverseEventHazards);
        Assert.DoesNotContain(manifest.Columns, c => c.StartsWith("ae_", StringComparison.Ordinal));
        Assert.DoesNotContain(AdverseEvents.EndpointName, manifest.Endpoints);
        var patients = TrialEngineTests.RunAll(trial, 1);
        Assert.All(patients, p => Assert.Same(PatientAdverseEvents.None, p.AdverseEvents));
        Assert.Null(TrialSummary.Build(trial, patients, "test", "notice").AdverseEvents);
    }

    [Fact]
    public void Arms_with_therapy_report_adverse_events_and_trial_json_lists_the_hazards_used()
    {
        var trial = Resolve(Msc);
        Assert.True(trial.ReportsAdverseEvents);
        var manifest = TrialManifest.Build(trial, Msc, "test", "notice", null);
        Assert.Equal(["ae_exosome_infusion_reaction", "ae_msc_infusion_reaction", "ae_msc_rejection", "ae_msc_ectopic_tissue", "ae_any"], manifest.Columns.TakeLast(5));
        Assert.Equal(AdverseEvents.EndpointName, manifest.Endpoints[^1]);
        var hazards = manifest.AdverseEventHazards!;
        Assert.Equal(["msc_infusion_reaction", "msc_rejection", "msc_ectopic_tissue"], hazards.Select(h => h.Event));
        var reaction = hazards[0];
        Assert.Equal(MscParameters.Default[MscParameters.InfusionReactionProbability], reaction.Value);
        Assert.Equal("infusion", reaction.Exposure);
        Assert.Contains("Thompson et al. 2020", reaction.Source, StringComparison.Ordinal);

        // Listing endpoints without adverse_events leaves them out (they are still sampled: a rejection still acts).
        var quiet = Resolve(Msc.Replace("schedule:", "endpoints: [hba1c_percent]\nschedule:", StringComparison.Ordinal));
        Assert.False(quiet.ReportsAdverseEvents);
        Assert.Equal(3, AdverseEvents.Hazards(quiet).Count);
    }

    [Fact]
    public void Adverse_events_as_the_only_endpoint_is_an_error_naming_the_field()
    {
        var error = Assert.Throws<ScenarioException>(() => Resolve(TrialEngineTests.Small + "\nendpoints: [adverse_events]\n"));
        Assert.Contains("endpoints", error.Message, StringComparison.Ordinal);
        Assert.Contains("at least one other endpoint", error.Message, StringComparison.Ordinal);
        var listed = Resolve(TrialEngineTests.Small + "\nendpoints: [hba1c_percent, adverse_events]\n");
        Assert.True(listed.ReportsAdverseEvents);
        Assert.Equal(["hba1c_percent"], listed.Document.Endpoints);
    }

    [Fact]
    public void Rates_over_many_patients_match_the_hazards_within_four_binomial_standard_errors()
    {
        var trial = Resolve(Msc.Replace("msc: {dose: 1e6 cells/kg, every: 12 h, doses: 3}", "msc: {dose: 1e6 cells/kg, every: 12 h, doses: 3}\n      - at: 0 d\n        exosome: {dose: 70 mg, route: iv, every: 1 d, doses: 2}", StringComparison.Ordinal));
        var arm = trial.Arms[1];
        const int Patients = 1000;
        var events = Enumerable.Range(0, Patients).Select(i => AdverseEvents.Sample(arm, trial.Document.Seed, i, trial.Document.Schedule.DurationMin)).ToArray();

        // Expected: n·p per exposure (doses, infusions or patients); SE = sqrt(n·p·(1 − p)).
        void Check(int type, int exposures, double p)
        {
            int n = Patients * exposures;
            double observed = events.Sum(e => e.Counts[type]), expected = n * p, se = Math.Sqrt(n * p * (1 - p));
            Assert.InRange(observed, expected - (4 * se), expected + (4 * se));
        }

        Check(0, 2, ExosomeParameters.Default[ExosomeParameters.InfusionReactionProbability]);
        Check(1, 3, MscParameters.Default[MscParameters.InfusionReactionProbability]);
        Check(2, 1, MscParameters.Default[MscParameters.RejectionProbability]);
        Assert.All(events, e => Assert.Equal(0, e.Counts[3])); // ectopic tissue hazard 0 by default
        Assert.All(events, e => Assert.Equal(e.Counts[2] > 0 ? MscParameters.Default[MscParameters.RejectionEfficacyFactor] : 1, e.MscEfficacyFactor));

        // A control patient draws nothing.
        Assert.Same(PatientAdverseEvents.None, AdverseEvents.Sample(trial.Arms[0], trial.Document.Seed, 0, 1));
    }

    [Fact]
    public void Adverse_events_are_identical_for_one_and_two_threads_and_summarised_with_wilson_intervals()
    {
        var trial = Resolve(Msc);
        var one = TrialEngineTests.RunAll(trial, 1);
        var two = TrialEngineTests.RunAll(trial, 2);
        Assert.Equal(one.Select(p => p.AdverseEvents.Values), two.Select(p => p.AdverseEvents.Values));
        Assert.Equal(one.Select(p => p.Values.Select(BitConverter.DoubleToInt64Bits)), two.Select(p => p.Values.Select(BitConverter.DoubleToInt64Bits)));

        var summary = TrialSummary.Build(trial, one, "test", "notice");
        var rates = summary.AdverseEvents!;
        Assert.Equal(["control/any", "msc/msc_infusion_reaction", "msc/msc_rejection", "msc/msc_ectopic_tissue", "msc/any"], rates.Select(r => $"{r.Arm}/{r.Event}"));
        foreach (var rate in rates)
        {
            var arm = one.Where(p => p.Arm == rate.Arm).ToList();
            Assert.Equal(arm.Count, rate.N);
            Assert.Equal(rate.Arm == "msc" ? arm.Count : 0, rate.Exposed);
            Assert.InRange(rate.Ci95Low!.Value, 0, rate.Rate!.Value);
            Assert.InRange(rate.Ci95High!.Value, rate.Rate.Value, 1);
        }

        var any = rates.Single(r => r.Arm == "msc" && r.Event == AdverseEventRate.AnyEvent);
        Assert.Equal(one.Count(p => p.Arm == "msc" && p.AdverseEvents.Any), any.Patients);
    }

    [Fact]
    public void A_rejection_scales_the_patients_msc_effect_down()
    {
        var trial = Resolve(Msc);
        var arm = trial.Arms[1];
        var model = ModelCatalog.Get("uva-padova-t1d");
        var parameters = model.Complete(model.Patient("adult#001"));
        double factor = MscParameters.Default[MscParameters.RejectionEfficacyFactor];
        double t = trial.Document.Schedule.RunInMin + (1.5 * 1440);
        static double Effect(ParameterModulation m, double t) => m.Multiplier(t, m.Breakpoints.Where(b => b <= t).DefaultIfEmpty(0).Max()) - 1;
        double full = Effect(arm.ModulationsFor(model, parameters)[0], t);
        double rejected = Effect(arm.ModulationsFor(model, parameters, factor)[0], t);
        Assert.True(full > 0, $"full effect {full}");
        // Emax is concave in the cargo: a share `factor` of the cargo gives at least that share of the effect, and less than all of it.
        Assert.InRange(rejected, full * factor, full);
        Assert.True(rejected < full * 0.99, $"{rejected} vs {full}");
    }
}
