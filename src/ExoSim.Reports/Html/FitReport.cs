using System.Globalization;
using ExoSim.Analysis.Estimation;
using ExoSim.Reports.Plots;
using ExoSim.Trials.Fitting;

namespace ExoSim.Reports.Html;

/// <summary>The figures of one subject's fit, rendered once and shared by the PNG files and the report.</summary>
/// <param name="Fits">Data vs model, one per observable: (model column, PNG).</param>
/// <param name="Residuals">Weighted residuals against time.</param>
/// <param name="Profiles">Profile likelihoods: (parameter, PNG).</param>
public sealed record FitFigures(IReadOnlyList<(string Observable, byte[] Png)> Fits, byte[] Residuals, IReadOnlyList<(string Parameter, byte[] Png)> Profiles)
{
    /// <summary>Renders the figures of a subject's fit.</summary>
    public static FitFigures Render(SubjectFitResult subject, IReadOnlyList<string> modelColumns, IReadOnlyList<string> modelUnits)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(modelColumns);
        ArgumentNullException.ThrowIfNull(modelUnits);
        string who = subject.Subject.Length > 0 ? $" — {subject.Subject}" : string.Empty;
        var points = subject.Result.Points;
        var fits = modelColumns.Select((column, i) => (column, FitPlots.FitPng(points, subject.Curve, column, modelUnits[i], $"{column}: data and fitted model{who}"))).ToArray();
        var units = subject.Result.Estimates.ToDictionary(e => e.Name, e => e.Unit, StringComparer.Ordinal);
        var profiles = subject.Result.Profiles.Select(p => (p.Parameter, FitPlots.ProfilePng(p, units[p.Parameter]))).ToArray();
        return new FitFigures(fits, FitPlots.ResidualsPng(points, $"Weighted residuals{who}"), profiles);
    }
}

/// <summary>
/// The self-contained <c>report.html</c> of <c>exosim fit</c>: per subject the fit plots, estimates with SE and 95 %
/// CIs, derived parameters, goodness of fit, residuals, correlations, profile likelihoods with identifiability, and
/// convergence; then the methods. Carries the research-use notice.
/// </summary>
public static class FitReport
{
    /// <summary>Builds the page.</summary>
    public static string Build(FitSummary summary, IReadOnlyList<FitFigures> figures)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(figures);
        var page = new HtmlReportBuilder(summary.Name ?? summary.File, $"exosim fit · {summary.Model} ({summary.ModelTitle}) · patient {summary.Patient} · ExoSim {summary.ExosimVersion}", summary.Notice);
        page.Section("Data and model", "inputs");
        page.KeyValues("inputs-table", [
            ("Fit file", summary.File),
            ("Data file", summary.DataFile),
            ("Columns fitted", string.Join("; ", summary.Columns.Select(c => $"{c.Name} [{c.Unit}] → {c.ModelColumn} [{c.ModelUnit}]"))),
            ("Subjects (each fitted separately)", summary.Subjects.Count.ToString(CultureInfo.InvariantCulture)),
            ("Objective", summary.Objective == "likelihood" ? "−2 log-likelihood (normal errors)" : "weighted least squares (covariance scaled by s²)"),
            ("Optimiser", summary.Optimizer + (summary.Starts is int starts ? $", {starts} starts, seed {summary.Seed}" : string.Empty)),
        ]);
        for (int s = 0; s < summary.Subjects.Count; s++)
        {
            Subject(page, summary.Subjects[s], figures[s], summary.Subjects.Count > 1);
        }

        page.Section("Methods", "methods");
        page.Paragraph(
            "Parameters are estimated as φ = ln θ within their bounds. Levenberg–Marquardt: Fisher scoring with Marquardt's damping and a finite-difference "
            + "(central, Δφ = 1e-4) Jacobian of the model predictions; multi-start Nelder–Mead: the simplex from the initial values and from seeded uniform starts "
            + "in the box, then Levenberg–Marquardt from the best. Standard errors come from the inverse Fisher information at the estimate (JᵀWJ, plus the "
            + "error-model terms for the likelihood; scaled by s² = objective/(n − p) for weighted least squares) on the ln scale; the 95 % Wald CI is "
            + "exp(ln θ̂ ± 1.96·SE). Profile likelihoods fix one parameter on a grid and re-optimise the others; the profile CI is where Δ(−2 ln L) crosses "
            + "χ²₁(0.95) = 3.84, and a profile that stays below it towards a bound marks the parameter as not identifiable from these data on that side. "
            + "Details: docs/fit.md.");
        return page.Build();
    }

    private static void Subject(HtmlReportBuilder page, SubjectFitSummary subject, FitFigures figures, bool named)
    {
        string suffix = named ? $": {subject.Subject}" : string.Empty;
        string id = named ? "-" + new string([.. subject.Subject.Select(c => char.IsLetterOrDigit(c) ? c : '-')]) : string.Empty;
        page.Section("Fit" + suffix, "fit" + id);
        page.FigureGrid("fit-plots" + id, figures.Fits.Select(f => (f.Png, $"{f.Observable}: data (points) and the model at the estimate (line)")));
        page.Subheading("Estimates");
        page.Table(
            "estimates" + id,
            ["Parameter", "Unit", "Initial", "Estimate", "SE", "RSE (%)", "95 % CI", "Bounds", "Note"],
            subject.Estimates.Select(e => (IReadOnlyList<string>)[e.Name, e.Unit, G(e.Initial), G(e.Estimate), G(e.StandardError), F1(e.RsePercent), Ci(e.Ci95Lower, e.Ci95Upper), $"{G(e.Lower)}–{G(e.Upper)}", e.AtBound ? "on a bound" : string.Empty]),
            numericColumns: [2, 3, 4, 5]);
        if (subject.Derived.Count > 0)
        {
            page.Subheading("Derived parameters (delta method)");
            page.Table(
                "derived" + id,
                ["Parameter", "Unit", "Estimate", "SE", "95 % CI"],
                subject.Derived.Select(d => (IReadOnlyList<string>)[d.Name, d.Unit, G(d.Estimate), G(d.StandardError), Ci(d.Ci95Lower, d.Ci95Upper)]),
                numericColumns: [2, 3]);
        }

        page.Subheading("Goodness of fit and convergence");
        page.KeyValues("gof" + id, [
            ("Observations", subject.Observations.ToString(CultureInfo.InvariantCulture)),
            ("Objective at the estimate", G(subject.ObjectiveValue)),
            ("−2 ln L / AIC / BIC", $"{G(subject.MinusTwoLogLikelihood)} / {G(subject.Aic)} / {G(subject.Bic)} (k = {subject.EstimatedCount})"),
            ("Residual variance scale s²", G(subject.ResidualVarianceScale)),
            ("Fisher information, reciprocal condition", G(subject.FisherReciprocalCondition) + (subject.FisherReciprocalCondition < 1e-12 ? " — singular: some parameters are not identifiable" : string.Empty)),
            ("Convergence", $"{(subject.Convergence.Converged ? "converged" : "NOT converged")}: {subject.Convergence.Reason} ({subject.Convergence.Iterations} iterations, {subject.Convergence.ObjectiveEvaluations} model evaluations, largest |gradient| {G(subject.Convergence.GradientNorm)})"),
        ]);
        page.Table(
            "residuals" + id,
            ["Observable", "Unit", "n", "Mean residual", "RMS residual", "Max |residual|", "RMS weighted", "Sign runs"],
            subject.Residuals.Select(r => (IReadOnlyList<string>)[r.Observable, r.Unit, r.Count.ToString(CultureInfo.InvariantCulture), G(r.MeanResidual), G(r.RmsResidual), G(r.MaxAbsResidual), G(r.RmsWeightedResidual), r.Runs.ToString(CultureInfo.InvariantCulture)]),
            numericColumns: [2, 3, 4, 5, 6, 7]);
        page.Figure("residual-plot" + id, figures.Residuals, "Weighted residuals against time (dashed: ±2); runs of one sign point to systematic misfit.");
        page.Subheading("Correlation of the estimates (ln scale)");
        page.Table(
            "correlation" + id,
            ["", .. subject.CorrelationNames],
            subject.CorrelationNames.Select((name, i) => (IReadOnlyList<string>)[name, .. subject.Correlation[i].Select(c => c is double v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–")]),
            numericColumns: [.. Enumerable.Range(1, subject.CorrelationNames.Count)]);
        if (subject.Profiles.Count > 0)
        {
            page.Subheading("Profile likelihood (identifiability)");
            page.Table(
                "profiles" + id,
                ["Parameter", "Profile 95 % CI", "Wald 95 % CI", "Identifiability"],
                subject.Profiles.Select(p => (IReadOnlyList<string>)[p.Parameter, Ci(p.ProfileCi95Lower, p.ProfileCi95Upper), Ci(p.WaldCi95Lower, p.WaldCi95Upper), Describe(p.Identifiability)]),
                numericColumns: []);
            page.FigureGrid("profile-plots" + id, figures.Profiles.Select(p => (p.Png, $"Profile likelihood of {p.Parameter}")));
        }
    }

    private static string Describe(Identifiability identifiability) => identifiability switch
    {
        Identifiability.Identifiable => "identifiable (profile bounded on both sides)",
        Identifiability.UnboundedBelow => "not bounded below within the search bounds",
        Identifiability.UnboundedAbove => "not bounded above within the search bounds",
        _ => "flat: not identifiable from these data",
    };

    private static string Ci(double? lower, double? upper) => $"{(lower is double l ? G(l) : "–")} – {(upper is double u ? G(u) : "–")}";

    private static string G(double? value) => value is double v ? v.ToString("G4", CultureInfo.InvariantCulture) : "–";

    private static string F1(double? value) => value is double v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "–";
}
