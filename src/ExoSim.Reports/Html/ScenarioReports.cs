using System.Globalization;
using ExoSim.Models.Simulation;
using ExoSim.Reports.Glossary;
using ExoSim.Reports.Plots;
using ExoSim.Trials.Scenarios;

namespace ExoSim.Reports.Html;

/// <summary>
/// The <c>report.html</c> of <c>exosim simulate</c>: one self-contained page per run with the plots, summary metrics,
/// events, every parameter with its unit and source, the solver, a methods paragraph generated from the run, and a
/// glossary of the terms it uses (their first mentions link to it).
/// </summary>
public static class ScenarioReports
{
    /// <summary>The report of a plain simulation.</summary>
    /// <param name="summary">The run's summary (what summary.json holds).</param>
    /// <param name="result">The run's output table (for the state plots).</param>
    /// <param name="glucosePng">The glucose plot, or null when the model has no glucose.</param>
    public static string Simulation(SimulationSummary summary, SimulationResult result, byte[]? glucosePng)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(result);
        var page = StartPage(null, summary.Scenario, summary.Model, summary.Patient, summary.ExosimVersion, summary.Notice, ReportGlossary.For(summary, GlossaryCatalog.Default));
        if (glucosePng is not null)
        {
            page.Figure("glucose-plot", glucosePng, "Plasma glucose with the 70–180 mg/dL target range, meals and insulin boluses marked; plasma insulin on the right axis where the model has it.");
        }

        page.KeyValues("metrics", Metrics(summary));
        page.Section("States and observables", "states");
        page.FigureGrid("state-plots", summary.Columns
            .Where(c => c.Name != Simulator.TimeColumn && result.HasColumn(c.Name))
            .Select(c => (SimulationPlots.ColumnPng(result, c.Name, c.Unit), $"{c.Name} ({c.Unit})")));

        page.Section("Events", "events");
        if (summary.Events.Count == 0 && summary.Modulations.Count == 0)
        {
            page.Paragraph("No events: the subject is left alone from its start state.");
        }
        else
        {
            page.Table(
                "event-table",
                ["Time (min)", "Event", "Amounts"],
                summary.Events.Select(e => (IReadOnlyList<string>)[N(e.TimeMin), e.Kind, string.Join(", ", e.Amounts.Select(a => $"{a.Key} = {N(a.Value)}"))])
                    .Concat(summary.Modulations.Select(m => (IReadOnlyList<string>)[N(m.StartMin), "modulate", $"{m.Parameter} × {N(m.Factor)} until {N(m.EndMin)} min"])),
                numericColumns: [0]);
        }

        Parameters(page, summary.Parameters);
        page.Section("Methods", "methods");
        page.Paragraph(
            $"Model {summary.Model.Id} ({summary.Model.Title}): {summary.Model.Reference}. Subject '{summary.Patient}', a virtual patient (a named parameter set). "
            + $"Simulated for {N(summary.DurationMin)} min with output every {N(summary.OutputIntervalMin)} min; the model's ODEs solved by {summary.Solver.Method} at relative tolerance {N(summary.Solver.RelativeTolerance)} and absolute "
            + $"tolerance {N(summary.Solver.AbsoluteTolerance)} ({summary.Solver.AcceptedSteps} accepted and {summary.Solver.RejectedSteps} rejected steps, "
            + $"{summary.Solver.RhsEvaluations} right-hand-side evaluations)."
            + (summary.SteadyStart is { } rest ? $" The run starts at the fasting steady state (scaled residual {N(rest.ScaledResidual)}, Newton-checked)." : string.Empty)
            + $" Scenario file: {summary.Scenario.File}.");
        page.GlossarySection();
        return page.Build();
    }

    /// <summary>The report of a multiscale course.</summary>
    /// <param name="summary">The course's summary.</param>
    /// <param name="coursePng">The course plot.</param>
    public static string Course(CourseSummary summary, byte[] coursePng)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(coursePng);
        var page = StartPage("Multiscale course", summary.Scenario, summary.Model, summary.Patient, summary.ExosimVersion, summary.Notice, ReportGlossary.For(summary, GlossaryCatalog.Default));
        page.Figure("course-plot", coursePng, "Daily mean and fasting (day-start) plasma glucose with the 70–180 mg/dL target range; slow states on the right axis.");
        var outcome = summary.Outcome;
        var rows = new List<(string, string)>
        {
            ("Course", $"{summary.Days} days, {summary.DailyEvents.Count} events a day, a row every {summary.OutputIntervalDays} d"),
            ("Scheme", summary.Multiscale.Scheme),
        };
        rows.AddRange(outcome.SlowStart.Zip(outcome.SlowEnd).Select(p => ($"{p.First.Name} start → end ({p.First.Unit})", $"{F4(p.First.Value)} → {F4(p.Second.Value)}")));
        rows.Add(("Daily mean glucose, first → last day (mg/dL)", $"{F1(outcome.FirstDayMeanGlucoseMgPerDl)} → {F1(outcome.LastDayMeanGlucoseMgPerDl)}"));
        rows.Add(("Fasting glucose, first → last day (mg/dL)", $"{F1(outcome.FirstDayFastingGlucoseMgPerDl)} → {F1(outcome.LastDayFastingGlucoseMgPerDl)}"));
        rows.Add(("HbA1c lagged at the end / ADAG of the last day (%)", $"{F1(outcome.Hba1cLaggedEndPercent)} / {F1(outcome.Hba1cFromLastDayPercent)}"));
        rows.Add(("Fast-model right-hand-side evaluations", summary.Solver.FastRhsEvaluations.ToString(CultureInfo.InvariantCulture)));
        page.KeyValues("metrics", rows);

        if (summary.Verification is { } check)
        {
            page.Section("Check against the brute-force course", "verification");
            page.KeyValues("verification-table",
            [
                ("Reference", check.Reference),
                ("Largest relative slow-state difference on any day", check.MaxRelativeSlowError.ToString("0.0E+0", CultureInfo.InvariantCulture)),
                ("Largest daily mean glucose difference (mg/dL)", check.MaxDailyMeanGlucoseErrorMgPerDl.ToString("0.000", CultureInfo.InvariantCulture)),
                ("Largest fasting glucose difference (mg/dL)", check.MaxFastingGlucoseErrorMgPerDl.ToString("0.000", CultureInfo.InvariantCulture)),
                ("Fast-model evaluations, course / reference", $"{check.FastRhsEvaluations} / {check.ReferenceFastRhsEvaluations} (×{check.CostRatio.ToString("0.0", CultureInfo.InvariantCulture)} fewer)"),
            ]);
        }

        page.Section("The day", "events");
        page.Table(
            "event-table",
            ["Time of day (min)", "Event", "Amounts"],
            summary.DailyEvents.Select(e => (IReadOnlyList<string>)[N(e.TimeMin), e.Kind, string.Join(", ", e.Amounts.Select(a => $"{a.Key} = {N(a.Value)}"))]),
            numericColumns: [0]);

        var multiscale = summary.Multiscale;
        page.Section("Slow dynamics", "slow-dynamics");
        page.Paragraph(
            $"β-cell growth law from {multiscale.BetaCellLaw.Model}: {multiscale.BetaCellLaw.Equation}, driven by the fast model's plasma glucose. Relative β-cell mass multiplies "
            + $"[{string.Join(", ", multiscale.SecretionParameters)}]; the insulin-sensitivity factor s, with ds/dt = (s∞ − s)/τ, s∞ = {N(multiscale.SensitivityTarget)}, "
            + $"τ = {N(multiscale.SensitivityTimeConstantDays)} d, multiplies [{string.Join(", ", multiscale.SensitivityParameters)}].");
        Parameters(page, multiscale.BetaCellLaw.Parameters, "Growth-law parameters", "growth-parameters");
        Parameters(page, summary.Parameters);
        page.Section("Methods", "methods");
        page.Paragraph(
            $"Fast model {summary.Model.Id} ({summary.Model.Title}): {summary.Model.Reference}. Subject '{summary.Patient}'. {summary.Days} days computed by the multiscale scheme {multiscale.Scheme} "
            + $"(glucose sampled every {N(multiscale.SampleIntervalMin)} min on a representative day; method in docs/multiscale.md); the ODEs solved by {summary.Solver.Method} at relative "
            + $"tolerance {N(summary.Solver.RelativeTolerance)} and absolute tolerance {N(summary.Solver.AbsoluteTolerance)}. Scenario file: {summary.Scenario.File}.");
        page.GlossarySection();
        return page.Build();
    }

    /// <summary>The page up to its Results heading: title, subtitle, notice, glossary links and the scenario's description.</summary>
    private static HtmlReportBuilder StartPage(
        string? kind, ScenarioInfo scenario, ModelInfo model, string patient, string version, string notice, IReadOnlyList<ReportTerm> terms)
    {
        string subtitle = $"{model.Id} ({model.Title}) · patient {patient} · ExoSim {version}";
        var page = new HtmlReportBuilder(scenario.Name ?? scenario.File, kind is null ? subtitle : $"{kind} · {subtitle}", notice).LinkTerms(terms);
        if (scenario.Description is { Length: > 0 } description)
        {
            page.Paragraph(description);
        }

        return page.Section("Results", "results");
    }

    private static List<(string, string)> Metrics(SimulationSummary summary)
    {
        var rows = new List<(string, string)>
        {
            ("Duration", $"{N(summary.DurationMin)} min ({summary.Rows} rows every {N(summary.OutputIntervalMin)} min)"),
        };
        if (summary.Glucose is { } g)
        {
            rows.Add(("Plasma glucose mean / min / max (mg/dL)", $"{F1(g.Mean)} / {F1(g.Min)} / {F1(g.Max)}"));
            rows.Add(("Time below / in / above 70–180 mg/dL (%)", $"{F1(g.BelowRangePercent)} / {F1(g.InRangePercent)} / {F1(g.AboveRangePercent)}"));
        }

        if (summary.Clinical is { } c)
        {
            rows.Add(("HbA1c from mean glucose (ADAG) / GMI (%)", $"{F1(c.Hba1cFromMeanPercent)} / {F1(c.GmiPercent)}"));
            rows.Add(("Lagged HbA1c at the end (%)", F1(c.Hba1cLaggedEndPercent)));
            if (c.HomaIrStart is double homaIr)
            {
                rows.Add(("HOMA-IR / HOMA-B at the fasting start", $"{homaIr.ToString("0.00", CultureInfo.InvariantCulture)} / {(c.HomaBStartPercent is double b ? F1(b) + " %" : "n/a")}"));
            }
        }

        if (summary.Cgm is { } cgm)
        {
            rows.Add(("CGM", $"{cgm.Sensor}, {cgm.Readings} readings every {N(cgm.SampleTimeMin)} min, seed {cgm.Seed}"));
            rows.Add(("CGM mean / min / max (mg/dL)", $"{F1(cgm.Glucose.Mean)} / {F1(cgm.Glucose.Min)} / {F1(cgm.Glucose.Max)}"));
        }

        return rows;
    }

    private static void Parameters(HtmlReportBuilder page, IReadOnlyList<ParameterInfo> parameters, string heading = "Parameters", string id = "parameters")
    {
        page.Section(heading, id);
        page.Table(
            id + "-table",
            ["Name", "Value", "Unit", "Origin", "Source", "Meaning"],
            parameters.Select(p => (IReadOnlyList<string>)[p.Name, N(p.Value), p.Unit, p.Origin.ToString(), p.Source, p.Description]),
            numericColumns: [1],
            linkedColumns: [5]);
    }

    private static string N(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string F1(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string F4(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
