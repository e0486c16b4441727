using ExoSim.Trials.Sensitivity;
using ExoSim.Trials.Trials;

namespace ExoSim.Trials.Tests.Sensitivity;

/// <summary>Sensitivity analyses of scenario and trial outputs, checked where the answer is known in closed form.</summary>
public sealed class SensitivityStudyTests : IDisposable
{
    // With p3 = 0 insulin never acts (X stays 0), so the minimal model's glucose is dG/dt = −p1 (G − Gb):
    // G(t) = Gb + (G0 − Gb) e^(−p1 t) (Bergman et al. 1979, eq. for G with X ≡ 0), independent of the insulin parameters.
    private const string ClosedFormScenario = """
        model: bergman-minimal
        duration: 120 min
        output_interval: 1 min
        parameters: {p3: 0}
        solver: {rtol: 1e-11, atol: 1e-11}
        """;

    private const string TrialText = """
        seed: 5
        population:
          - {name: adults, type: t1d, source: named, group: adult}
        arms:
          - {name: control}
          - name: exosome
            events:
              - at: 0 d
                exosome: {dose: 70 mg, route: iv, mechanisms: [sensitivity]}
        randomisation: {method: block, block_size: 2}
        schedule:
          run_in: 1 d
          duration: 2 d
          visits: [2 d]
          window: 1 d
          output_interval: 5 min
          meals:
            - {time: "07:00", carbs: 50 g}
            - {time: "19:00", carbs: 70 g}
        endpoints: [mean_glucose_mg_dl]
        """;

    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private SensitivityStudy Study(string target, string targetText, string spec)
    {
        File.WriteAllText(Path.Combine(directory.Path, target), targetText);
        string specPath = Path.Combine(directory.Path, "spec.yaml");
        return SensitivityStudy.Resolve(SensitivitySpecReader.Read(spec, specPath));
    }

    [Fact]
    public void Local_coefficients_of_the_closed_form_ivgtt_glucose_match_their_analytic_derivatives()
    {
        var study = Study("ivgtt.yaml", ClosedFormScenario, """
            scenario: ivgtt.yaml
            output: {column: glucose_mg_dl, at: 60 min}
            factors:
              - {parameter: p1}
              - {parameter: G0}
              - {parameter: Gb}
              - {parameter: n}
            method: {name: local, step: 1e-4}
            """);
        var result = SensitivityRunner.Run(study, threads: 2);

        const double P1 = 0.03082, G0 = 287, Gb = 92, T = 60; // the MINMOD example subject (exosim params bergman-minimal)
        double decay = Math.Exp(-P1 * T);
        double g = Gb + ((G0 - Gb) * decay);
        Assert.Equal(g, result.Local!.NominalOutput, 1e-6);
        double[] expected = [-(G0 - Gb) * T * decay * P1 / g, decay * G0 / g, (1 - decay) * Gb / g, 0];
        var got = result.Local.Coefficients.Select(c => c.Coefficient).ToArray();
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - got[i]) < 1e-5, $"{study.Factors[i].Name}: expected {expected[i]}, got {got[i]}");
        }

        Assert.Equal(9, result.ModelEvaluations);
    }

    [Fact]
    public void Sobol_indices_of_an_output_that_depends_on_one_factor_give_it_the_whole_variance()
    {
        var study = Study("ivgtt.yaml", "model: bergman-minimal\nduration: 120 min\nparameters: {p3: 0}\n", """
            scenario: ivgtt.yaml
            output: {column: glucose_mg_dl, mean: {from: 30 min, to: 90 min}}
            factors:
              - {parameter: n, range: [0.2, 0.3]}
              - {parameter: G0, range: [250, 320]}
              - {parameter: gamma, range: ±40%}
            method: {name: sobol, samples: 512, bootstrap: 200, seed: 3}
            """);
        var result = SensitivityRunner.Run(study, threads: 2);
        var sobol = result.Sobol!;
        Assert.Equal(512 * 5, result.ModelEvaluations);

        // Only G0 moves glucose: S = S_T = 1 for it, 0 for the others. Tolerances: 0.05 for S_T and 0.1 for S (plain
        // Monte Carlo error at N = 512; the first-order estimator is the noisier one) with 1 inside both bootstrap
        // intervals; 1e-6 for the others (only the solver's rtol 1e-6 separates their outputs).
        var g0 = sobol.Factors[1];
        Assert.True(Math.Abs(g0.TotalOrder.Estimate - 1) < 0.05, $"S_T(G0) = {g0.TotalOrder}");
        Assert.True(Math.Abs(g0.FirstOrder.Estimate - 1) < 0.1, $"S(G0) = {g0.FirstOrder}");
        Assert.InRange(1.0, g0.TotalOrder.Lower, g0.TotalOrder.Upper);
        Assert.InRange(1.0, g0.FirstOrder.Lower, g0.FirstOrder.Upper);
        foreach (var other in new[] { sobol.Factors[0], sobol.Factors[2] })
        {
            Assert.True(Math.Abs(other.TotalOrder.Estimate) < 1e-6, $"S_T({other.Name}) = {other.TotalOrder.Estimate}");
            Assert.True(Math.Abs(other.FirstOrder.Estimate) < 1e-6, $"S({other.Name}) = {other.FirstOrder.Estimate}");
        }

        var summary = SensitivitySummary.Build(study, result, "test", "notice");
        Assert.Equal("G0", summary.Ranking[0]);
        Assert.Equal(0.003349 * 0.6, study.Factors[2].Lower, 12);
    }

    [Fact]
    public void The_same_spec_and_seed_give_bit_identical_results_for_any_thread_count()
    {
        var study = Study("ivgtt.yaml", "model: bergman-minimal\nduration: 120 min\n", """
            scenario: ivgtt.yaml
            output: {column: glucose_mg_dl, max: {from: 20 min, to: 120 min}}
            factors:
              - {parameter: p1, range: ±30%}
              - {parameter: p3, range: [0.5e-5, 2e-5], distribution: log_uniform}
              - {parameter: gamma, range: ±30%}
            method: {name: morris, trajectories: 12, levels: 4, seed: 8}
            """);
        var one = SensitivityRunner.Run(study, threads: 1);
        var three = SensitivityRunner.Run(study, threads: 3);
        Assert.Equal(one.Sample.Outputs, three.Sample.Outputs);
        Assert.Equal(one.Morris!.Factors, three.Morris!.Factors);
        Assert.Equal(SensitivitySummary.Build(study, one, "v", "n"), SensitivitySummary.Build(study, three, "v", "n"), new SummaryComparer());

        // log_uniform samples the logarithm and maps back: every p3 lies inside its range in the parameter unit.
        Assert.All(one.Sample.Points, p => Assert.InRange(p[1], 0.5e-5 * (1 - 1e-12), 2e-5 * (1 + 1e-12)));
    }

    [Fact]
    public void A_trial_output_at_the_nominal_point_is_the_trials_own_between_arm_difference()
    {
        var study = Study("trial.yaml", TrialText, """
            trial: trial.yaml
            output: {endpoint: mean_glucose_mg_dl, visit: 2 d, arm: exosome, versus: control}
            factors:
              - {parameter: exosome.emax_sensitivity, range: [0.25, 0.75]}
            method: {name: local}
            """);
        var changes = MeanChanges(TrialText);
        double nominal = study.Evaluate([0.5]);
        Assert.Equal(changes["exosome"] - changes["control"], nominal, 1e-9);
        Assert.Equal("difference in mean change of mean_glucose_mg_dl at d2: exosome − control", study.OutputDescription);

        // A larger maximal effect lowers glucose further in the exosome arm; the control arm does not change.
        Assert.True(study.Evaluate([0.75]) < nominal);
    }

    [Fact]
    public void A_trial_factor_reaches_the_arms_doses_and_zero_effect_restores_the_untreated_arm()
    {
        var study = Study("trial.yaml", TrialText, """
            trial: trial.yaml
            output: {endpoint: mean_glucose_mg_dl, visit: 2 d, arm: exosome}
            factors:
              - {parameter: exosome.emax_sensitivity, range: [0, 1]}
            method: {name: morris, trajectories: 2}
            """);
        string untreated = TrialText.Replace("    events:\n      - at: 0 d\n        exosome: {dose: 70 mg, route: iv, mechanisms: [sensitivity]}\n", string.Empty, StringComparison.Ordinal);
        Assert.NotEqual(TrialText, untreated);

        // Emax 0 multiplies the targets by exactly 1; only the solver's extra breakpoint at the dose differs (tolerance 1e-4 mg/dL).
        Assert.Equal(MeanChanges(untreated)["exosome"], study.Evaluate([0]), 1e-4);
    }

    /// <summary>Each arm's mean change of mean glucose at day 2, from the trial engine itself.</summary>
    private static Dictionary<string, double> MeanChanges(string trialText)
    {
        var trial = TrialResolver.Resolve(TrialReader.Read(trialText, "trial.yaml"));
        var outcomes = new List<PatientOutcome>();
        TrialEngine.Run(trial, new TrialRunOptions(2), chunk => outcomes.AddRange(chunk.Patients));
        int column = new TrialColumns(trial.Document.Endpoints, trial.VisitLabels).Endpoints.ToList().IndexOf("mean_glucose_mg_dl_change_d2");
        return outcomes.GroupBy(o => o.Arm).ToDictionary(g => g.Key, g => g.Average(o => o.Values[column]));
    }

    private sealed class SummaryComparer : IEqualityComparer<SensitivitySummary>
    {
        public bool Equals(SensitivitySummary? x, SensitivitySummary? y)
            => x is not null && y is not null && x.Indices.SequenceEqual(y.Indices) && x.Ranking.SequenceEqual(y.Ranking) && x.ModelEvaluations == y.ModelEvaluations;

        public int GetHashCode(SensitivitySummary obj) => obj.ModelEvaluations;
    }
}
