using System.Globalization;
using ExoSim.Reports.Glossary;
using ExoSim.Reports.Plots;
using ExoSim.Trials.Endpoints;
using ExoSim.Trials.Statistics;
using ExoSim.Trials.Trials;

namespace ExoSim.Reports.Html;

/// <summary>
/// The <c>report.html</c> of <c>exosim trial</c> and <c>exosim merge</c>: a CONSORT-like flow, baseline
/// characteristics by arm, per-arm changes from baseline and between-arm differences (Welch CI and p, Mann–Whitney p),
/// a forest plot, adverse events by arm with the hazards used, per-patient endpoint values at baseline and the visits
/// by arm with median and 90 % band, the ambulatory glucose profile of each arm, the power curve when there is one,
/// methods generated from the trial as resolved, and a glossary of the terms it uses.
/// </summary>
public static class TrialReport
{
    // Endpoints drawn per patient, in this order, when the trial has them: glucose and HbA1c read-outs.
    private static readonly string[] IndividualEndpoints = [TrialEndpoints.Hba1c, TrialEndpoints.MeanGlucose, TrialEndpoints.Gmi, TrialEndpoints.FastingGlucose];

    /// <summary>The report of a finished trial, without glucose profiles (see <see cref="Render"/>).</summary>
    /// <param name="manifest">The trial as resolved (trial.json).</param>
    /// <param name="summary">Its summary (summary.json).</param>
    /// <param name="patients">Every patient's row (patients.parquet), any order.</param>
    /// <param name="power">The power analysis (power.json), or null.</param>
    public static string Build(TrialManifest manifest, TrialSummary summary, IReadOnlyList<PatientOutcome> patients, PowerResult? power)
        => Render(manifest, summary, patients, power, profiles: null).Html;

    /// <summary>The report of a finished trial and its figures.</summary>
    /// <param name="manifest">The trial as resolved (trial.json).</param>
    /// <param name="summary">Its summary (summary.json).</param>
    /// <param name="patients">Every patient's row (patients.parquet), any order.</param>
    /// <param name="power">The power analysis (power.json), or null.</param>
    /// <param name="profiles">Each arm's glucose by time of day over the treatment period (in arm order), or null for no AGP section.</param>
    public static RenderedReport Render(TrialManifest manifest, TrialSummary summary, IReadOnlyList<PatientOutcome> patients, PowerResult? power, IReadOnlyList<(string Arm, GlucoseProfile Profile)>? profiles)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(patients);
        var page = new HtmlReportBuilder(
            summary.Trial.Name ?? summary.Trial.File,
            $"In-silico trial · {manifest.Model} · {summary.Patients} virtual patients · {summary.Arms.Count} arms · seed {summary.Seed} · ExoSim {summary.ExosimVersion}",
            summary.Notice).LinkTerms(ReportGlossary.For(summary, GlossaryCatalog.Default)).OptionalParagraph(summary.Trial.Description);

        Flow(page, summary, patients);
        Baseline(page, summary, patients);
        Endpoints(page, summary);
        if (summary.AdverseEvents is { } adverseEvents)
        {
            AdverseEventSection(page, manifest, adverseEvents);
        }

        Individual(page, summary, patients);
        if (profiles is not null)
        {
            Profiles(page, manifest, profiles);
        }

        if (power is not null)
        {
            page.Section("Power", "power");
            page.Figure("power-plot", TrialPlots.PowerPng(power), $"Simulated power for the change in {power.Endpoint} at {power.Visit} (Welch p < {N(power.Alpha)}, {power.Replicates} simulated trials per size); dashed: Wilson 95 % interval (Monte Carlo uncertainty).");
            page.Table(
                "power-table",
                ["Patients", "Arm", "Power", "95 % CI", "Mean difference"],
                power.Points.Select(p => (IReadOnlyList<string>)[p.Size.ToString(CultureInfo.InvariantCulture), p.Arm, F(p.Power), Ci(p.Ci95Low, p.Ci95High), F(p.MeanDifference)]),
                numericColumns: [0, 2, 3, 4]);
        }

        Methods(page, manifest, summary);
        page.GlossarySection();
        return new RenderedReport(page.Build(), page.Figures);
    }

    /// <summary>Patients of an arm with every endpoint's change defined at the last visit.</summary>
    public static int Completed(TrialSummary summary, IEnumerable<PatientOutcome> patients, string arm)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(patients);
        var columns = ChangeColumns(summary);
        return patients.Count(p => p.Arm == arm && columns.All(c => double.IsFinite(p.Values[c])));
    }

    private static void Flow(HtmlReportBuilder page, TrialSummary summary, IReadOnlyList<PatientOutcome> patients)
    {
        page.Section("Flow of patients", "flow");
        string last = summary.Visits[^1];
        page.Paragraph(
            $"CONSORT-like flow of the in-silico trial: {summary.Patients} virtual patients generated and randomised. Completed: every endpoint defined at the last visit ({last}); "
            + "excluded: an endpoint undefined there (e.g. no glucose sample in a window). A patient whose simulation fails stops the whole trial with an error, so a finished trial has no failed patients.");
        bool adverse = summary.AdverseEvents is not null;
        int WithAdverseEvents(string? arm) => patients.Count(p => (arm is null || p.Arm == arm) && p.AdverseEvents.Any);
        var rows = summary.Arms.Select(a =>
        {
            int completed = Completed(summary, patients, a.Name);
            return (IReadOnlyList<string>)[a.Name, I(a.N), I(completed), I(a.N - completed), I(0), .. adverse ? [I(WithAdverseEvents(a.Name))] : Array.Empty<string>()];
        }).ToList();
        int all = summary.Arms.Sum(a => Completed(summary, patients, a.Name));
        rows.Add(["All", I(summary.Patients), I(all), I(summary.Patients - all), I(0), .. adverse ? [I(WithAdverseEvents(null))] : Array.Empty<string>()]);
        page.Paragraph($"Randomised: {I(summary.Patients)} patients into {I(summary.Arms.Count)} arms."
            + (adverse ? " With adverse events: patients with at least one adverse event sampled from the therapy's hazards (section Adverse events); they stay in the trial and are analysed in their arm." : string.Empty));
        page.Table("flow-table", ["Arm", "Allocated", "Completed", "Excluded", "Failed", .. adverse ? ["With adverse events"] : Array.Empty<string>()], rows, numericColumns: adverse ? [1, 2, 3, 4, 5] : [1, 2, 3, 4]);
    }

    private static void Baseline(HtmlReportBuilder page, TrialSummary summary, IReadOnlyList<PatientOutcome> patients)
    {
        page.Section("Baseline characteristics", "baseline");
        page.Paragraph("Mean ± SD (n) by arm at randomisation: covariates, then each endpoint over the baseline window at the end of the run-in.");
        var rows = new List<IReadOnlyList<string>>();
        for (int c = 0; c < TrialColumns.Covariates.Count; c++)
        {
            int covariate = c;
            rows.Add([TrialColumns.Covariates[c], .. summary.Arms.Select(a => MeanSd(TrialStatistics.Summarise(patients.Where(p => p.Arm == a.Name).Select(p => Covariate(p, covariate)))))]);
        }

        foreach (string endpoint in EndpointNames(summary))
        {
            rows.Add([endpoint, .. summary.Arms.Select(a => a.Endpoints.First(e => e.Endpoint == endpoint && e.Timepoint == "baseline"))
                .Select(e => $"{F(e.Mean)} ± {F(e.Sd)} ({I(e.N)})")]);
        }

        page.Table("baseline-table", ["Characteristic", .. summary.Arms.Select(a => a.Name)], rows, numericColumns: [.. Enumerable.Range(1, summary.Arms.Count)], linkedColumns: [0]);
    }

    private static void Endpoints(HtmlReportBuilder page, TrialSummary summary)
    {
        page.Section("Endpoints", "endpoints");
        page.Paragraph("Change from baseline per arm: mean with its t-based 95 % confidence interval.");
        page.Table(
            "change-table",
            ["Endpoint", "Visit", "Arm", "n", "Mean change", "95 % CI"],
            EndpointNames(summary).SelectMany(endpoint => summary.Visits.SelectMany(visit => summary.Arms.Select(arm =>
            {
                var e = arm.Endpoints.First(x => x.Endpoint == endpoint && x.Timepoint == visit && x.Measure == TrialSummary.ChangeFromBaseline);
                return (IReadOnlyList<string>)[endpoint, visit, arm.Name, I(e.N), F(e.Mean), Ci(e.Ci95Low, e.Ci95High)];
            }))),
            numericColumns: [3, 4, 5]);

        string reference = summary.Arms[0].Name;
        page.Paragraph($"Between-arm differences of the mean change at the last visit (arm − {reference}): 95 % CI and p-value of the Welch t-test, and the Mann–Whitney U test p-value of the same changes.");
        page.Table(
            "comparison-table",
            ["Endpoint", "Visit", "Arm vs reference", "n (arm / reference)", "Difference", "95 % CI", "p (Welch)", "p (Mann–Whitney)"],
            summary.Comparisons.Select(c => (IReadOnlyList<string>)[c.Endpoint, c.Visit, $"{c.Arm} vs {c.ReferenceArm}", $"{I(c.NArm)} / {I(c.NReference)}", F(c.Difference), Ci(c.Ci95Low, c.Ci95High), P(c.PValue), P(c.MannWhitneyP)]),
            numericColumns: [3, 4, 5, 6, 7]);
        page.Figure("forest-plot", TrialPlots.ForestPng(summary.Comparisons), "Forest plot: difference of mean change from baseline at the last visit, arm − reference, with Welch 95 % CI whiskers; dashed line at zero (no difference). Each row is in its endpoint's own unit.");

        if (summary.Responders is { } responders)
        {
            string rule = string.Join(" and ", new[]
            {
                responders.ChangeAtMost is double most ? $"change ≤ {N(most)}" : null,
                responders.ChangeAtLeast is double least ? $"change ≥ {N(least)}" : null,
            }.OfType<string>());
            page.Paragraph($"Responders: {responders.Endpoint} {rule} at {responders.Visit}; rate with its Wilson 95 % interval.");
            page.Table(
                "responder-table",
                ["Arm", "n", "Responders", "Rate", "95 % CI"],
                responders.Arms.Select(r => (IReadOnlyList<string>)[r.Arm, I(r.N), I(r.Responders), F(r.Rate), Ci(r.Ci95Low, r.Ci95High)]),
                numericColumns: [1, 2, 3, 4]);
        }
    }

    private static void Individual(HtmlReportBuilder page, TrialSummary summary, IReadOnlyList<PatientOutcome> patients)
    {
        var names = EndpointNames(summary);
        var shown = IndividualEndpoints.Where(names.Contains).ToList();
        if (shown.Count == 0)
        {
            shown.Add(names[0]);
        }

        var columns = new TrialColumns(names, summary.Visits).Endpoints.ToList();
        string[] timepoints = ["baseline", .. summary.Visits];
        page.Section("Individual patients", "individual");
        page.Paragraph("The engine keeps each patient's endpoints at baseline and at the visits, not the glucose time course, so these plots show per-patient endpoint values (thin lines) by arm with each arm's median (thick line) and the band holding the middle 90 % of its patients (5th to 95th percentile, shaded); the glucose time course of each arm is summarised by its ambulatory glucose profile below.");
        page.FigureGrid("individual-plots", shown.Select(endpoint =>
        {
            int[] at = [columns.IndexOf(TrialColumns.Baseline(endpoint)), .. summary.Visits.Select(v => columns.IndexOf(TrialColumns.AtVisit(endpoint, v)))];
            var arms = summary.Arms.Select(a => (a.Name, (IReadOnlyList<double[]>)patients.Where(p => p.Arm == a.Name).Select(p => at.Select(i => p.Values[i]).ToArray()).ToList())).ToList();
            return (TrialPlots.IndividualPng(endpoint, timepoints, arms), $"{endpoint} per patient at {string.Join(", ", timepoints)}, by arm; thick: arm median; shaded: 5–95 % of the arm's patients.");
        }));
    }

    private static void AdverseEventSection(HtmlReportBuilder page, TrialManifest manifest, IReadOnlyList<AdverseEventRate> rates)
    {
        page.Section("Adverse events", "adverse-events");
        page.Paragraph("Adverse events are drawn per patient from the hazards of the therapy the patient's arm gives (each from its own random stream, so they move no other draw); "
            + "rate = patients with at least one event / patients allocated, with its Wilson 95 % interval. Exposed: patients of the arm who received the therapy the event belongs to. "
            + "A rejection of MSCs also lowers that patient's MSC effect (docs/therapies/msc.md).");
        page.Table(
            "adverse-event-table",
            ["Event", "Arm", "Allocated", "Exposed", "Patients with event", "Events", "Rate", "95 % CI"],
            rates.Select(r => (IReadOnlyList<string>)[r.Event, r.Arm, I(r.N), I(r.Exposed), I(r.Patients), I(r.Events), F(r.Rate), Ci(r.Ci95Low, r.Ci95High)]),
            numericColumns: [2, 3, 4, 5, 6, 7]);
        if (manifest.AdverseEventHazards is { Count: > 0 } hazards)
        {
            page.Paragraph("Hazards used (the therapies' parameters; exosim params exosome|msc):");
            page.Table(
                "hazard-table",
                ["Event", "Parameter", "Value", "Per", "Origin", "Source"],
                hazards.Select(h => (IReadOnlyList<string>)[h.Event, h.Parameter, N(h.Value) + (h.Unit == "1" ? string.Empty : " " + h.Unit), h.Exposure, h.Origin, h.Source]),
                numericColumns: [2]);
        }
    }

    private static void Profiles(HtmlReportBuilder page, TrialManifest manifest, IReadOnlyList<(string Arm, GlucoseProfile Profile)> profiles)
    {
        page.Section("Ambulatory glucose profile", "agp");
        string source = manifest.Schedule.Sensor is { } sensor ? $"{sensor} CGM readings" : "plasma glucose";
        page.Paragraph(
            $"Ambulatory glucose profile (AGP) of each arm after the international consensus (Battelino et al. 2019, Diabetes Care 42:1593, doi:10.2337/dci19-0028): {source} of every patient "
            + $"over the whole treatment period ({Days(manifest.Schedule.TreatmentMin)} d after randomisation), pooled by time of day in {N(GlucoseProfile.TimeBinMin)}-min bins: median, 25–75 % and 5–95 % of the samples, "
            + $"with the 70–180 mg/dL target range. Percentiles come from {N(GlucoseProfile.GlucoseBinMgPerDl)} mg/dL glucose bins (exact to one bin); the curves are not smoothed.");
        page.FigureGrid("agp-plots", profiles.Select(p => (TrialPlots.AgpPng(p.Arm, p.Profile), $"AGP of arm {p.Arm}: {p.Profile.Samples} samples; line median, dark band 25–75 %, light band 5–95 %.")));
    }

    private static void Methods(HtmlReportBuilder page, TrialManifest manifest, TrialSummary summary)
    {
        page.Section("Methods", "methods");
        var s = manifest.Schedule;
        var r = manifest.Randomisation;
        string cohorts = string.Join("; ", manifest.Cohorts.Select(c => $"{c.Name}: {I(c.Size)} {c.Type} patients of model {c.Model}, {c.Patients}"));
        string arms = string.Join("; ", manifest.Arms.Select(a =>
            $"{a.Name} (ratio {I(a.Ratio)}, insulin {a.Insulin.Kind}"
            + string.Concat(a.Events.Select(e => $", {e.Kind} at {Days(e.TimeMin)} d" + (e.Amounts.Count > 0 ? $" ({string.Join(", ", e.Amounts.Select(x => $"{x.Key} = {N(x.Value)}"))})" : string.Empty)))
            + string.Concat(a.Modulations.Select(m => $", {m.Parameter} × {N(m.Factor)} from {Days(m.StartMin)} to {Days(m.EndMin)} d"))
            + string.Concat(a.Therapy.Select(t => $", {t.Kind} {t.Dose}{(t.Route is null ? string.Empty : $" {t.Route}")} at {Days(t.TimeMin)} d"
                + (t.Mechanisms is null ? string.Empty : $" (mechanisms: {string.Join(", ", t.Mechanisms)})")))
            + ")"));
        string randomisation = r.Method + (r.Method == "block" ? $" (blocks of {I(r.BlockSize)})" : string.Empty)
            + (r.StratifyBy.Count > 0 ? $", stratified by {string.Join(", ", r.StratifyBy)}" : string.Empty);
        page.Paragraph(
            $"In-silico trial of virtual patients simulated with model {manifest.Model}. Cohorts: {cohorts}. Arms: {arms}. Randomisation: {randomisation}, allocation seed {manifest.RandomisationSeed}. "
            + "Schedule: " + (s.RunInMin > 0 ? $"run-in {Days(s.RunInMin)} d under insulin {s.RunInInsulin.Kind}, " : "no run-in (randomised as the cohorts say), ")
            + $"treatment {Days(s.TreatmentMin)} d, visits at {string.Join(", ", s.VisitLabels)}, endpoints over a {Days(s.WindowMin)} d window "
            + $"ending at baseline and at each visit, sampled every {N(s.OutputIntervalMin)} min, "
            + (s.Meals.Count > 0 ? $"{s.Meals.Count} meals a day" : "no meals")
            + (s.Sensor is { } sensor ? $", CGM sensor {sensor}" : string.Empty) + ". "
            + $"Endpoints: {string.Join(", ", manifest.Endpoints)}. Solver: {manifest.Solver}. "
            + $"Statistics: t-based 95 % CIs of means; Welch t-test of the change from baseline at the last visit, every arm against {summary.Arms[0].Name}; Mann–Whitney U with normal approximation. "
            + $"Seed {summary.Seed}; ExoSim {summary.ExosimVersion}; trial file {summary.Trial.File} (fingerprint {manifest.Fingerprint[..12]}…). Results are bit-identical for any thread count.");
    }

    private static List<string> EndpointNames(TrialSummary summary) => [.. summary.Arms[0].Endpoints.Select(e => e.Endpoint).Distinct()];

    private static int[] ChangeColumns(TrialSummary summary)
    {
        var names = EndpointNames(summary);
        var columns = new TrialColumns(names, summary.Visits).Endpoints.ToList();
        return [.. names.Select(e => columns.IndexOf(TrialColumns.Change(e, summary.Visits[^1])))];
    }

    private static double Covariate(PatientOutcome patient, int index) => index == 0 ? patient.AgeYears : patient.WeightKg;

    private static string MeanSd(SampleSummary s) => s.N == 0 ? "n/a" : $"{F(s.Mean)} ± {F(s.Sd)} ({I(s.N)})";

    private static string Ci(double? low, double? high) => low is null || high is null ? "n/a" : $"[{F(low)}, {F(high)}]";

    private static string F(double? value) => value is double v && double.IsFinite(v) ? v.ToString("0.###", CultureInfo.InvariantCulture) : "n/a";

    private static string P(double? value) => value is double v ? v.ToString(v < 0.001 ? "0.0e0" : "0.000", CultureInfo.InvariantCulture) : "n/a";

    private static string N(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string Days(double minutes) => N(minutes / 1440);

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
