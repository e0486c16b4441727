using ExoSim.Reports.Glossary;
using ExoSim.Trials.Endpoints;
using ExoSim.Trials.Scenarios;
using ExoSim.Trials.Trials;

namespace ExoSim.Reports.Html;

/// <summary>
/// Which glossary entries a report uses: the model's key terms, the read-outs it shows (time in range, HbA1c, GMI,
/// HOMA, CGM when present), the solver and the methods. Each comes with the phrases that mention it in the report.
/// </summary>
public static class ReportGlossary
{
    private const string TimeInRange = "time in range";

    // Key terms of each model (model ids as in ModelCatalog), in the order they are listed.
    private static readonly Dictionary<string, string[]> ModelTerms = new(StringComparer.Ordinal)
    {
        ["bergman-minimal"] = ["minimal model", "IVGTT", "insulin sensitivity", "glucose effectiveness"],
        ["dalla-man-2007"] = ["endogenous glucose production", "insulin sensitivity"],
        ["uva-padova-t1d"] = ["type 1 diabetes", "virtual patient", "insulin sensitivity"],
        ["roy-parker-2006"] = ["minimal model", "IVGTT", "free fatty acids", "lipolysis"],
        ["topp-2000"] = ["β-cell", "glucotoxicity", "insulin sensitivity", "fasting glucose"],
        ["t2d-progression"] = ["type 2 diabetes", "β-cell", "apoptosis", "insulin resistance"],
        ["t1d-progression"] = ["type 1 diabetes", "β-cell", "honeymoon phase", "glucotoxicity"],
    };

    // Trial endpoints and the glossary term each is a read-out of.
    private static readonly (string Endpoint, string Term)[] EndpointTerms =
    [
        (TrialEndpoints.Hba1c, "HbA1c"),
        (TrialEndpoints.Gmi, "GMI"),
        (TrialEndpoints.TimeInRange, TimeInRange),
    ];

    // Solver names as SolverInfo.Method reports them.
    private static readonly Dictionary<string, string> SolverTerms = new(StringComparer.Ordinal)
    {
        ["Rodas5P"] = "Rosenbrock method",
        ["DormandPrince54"] = "Dormand–Prince",
        ["Auto"] = "stiffness",
    };

    /// <summary>The glossary terms that describe a model (by its ModelCatalog id); none for an unknown id.</summary>
    public static IReadOnlyList<string> ModelKeyTerms(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        return ModelTerms.GetValueOrDefault(modelId, []);
    }

    /// <summary>The terms of a simulation report.</summary>
    public static IReadOnlyList<ReportTerm> For(SimulationSummary summary, GlossaryCatalog glossary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(glossary);
        var names = new List<string>(ModelKeyTerms(summary.Model.Id)) { "virtual patient" };
        if (summary.Glucose is not null)
        {
            names.Add(TimeInRange);
        }

        if (summary.Clinical is { } clinical)
        {
            names.AddRange(["HbA1c", "estimated average glucose", "GMI"]);
            if (clinical.HomaIrStart is not null)
            {
                names.AddRange(["HOMA-IR", "HOMA-B"]);
            }
        }

        if (summary.Cgm is not null)
        {
            names.Add("CGM");
        }

        names.Add("ODE");
        if (SolverTerms.TryGetValue(summary.Solver.Method, out string? solver))
        {
            names.Add(solver);
        }

        if (summary.SteadyStart is not null)
        {
            names.Add("steady state");
        }

        return Resolve(names, glossary);
    }

    /// <summary>The terms of a multiscale course report.</summary>
    public static IReadOnlyList<ReportTerm> For(CourseSummary summary, GlossaryCatalog glossary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(glossary);
        var names = new List<string> { "multiscale", "β-cell", "insulin sensitivity", "fasting glucose", "HbA1c", "estimated average glucose" };
        names.AddRange(ModelKeyTerms(summary.Model.Id));
        names.Add("ODE");
        if (SolverTerms.TryGetValue(summary.Solver.Method, out string? solver))
        {
            names.Add(solver);
        }

        return Resolve(names, glossary);
    }

    /// <summary>
    /// The terms of a trial report: the trial's design and statistics, the ambulatory glucose profile, adverse events
    /// when reported, and the glucose read-outs among its endpoints (HbA1c, GMI, time in range).
    /// </summary>
    public static IReadOnlyList<ReportTerm> For(TrialSummary summary, GlossaryCatalog glossary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(glossary);
        var names = new List<string> { "in-silico trial", "virtual patient", "randomisation", "confidence interval", "p-value", "Welch t-test", "ambulatory glucose profile" };
        if (summary.AdverseEvents is not null)
        {
            names.Add("adverse event");
        }

        var endpoints = summary.Arms.SelectMany(a => a.Endpoints).Select(e => e.Endpoint).ToHashSet(StringComparer.Ordinal);
        foreach (var (endpoint, term) in EndpointTerms)
        {
            if (endpoints.Contains(endpoint))
            {
                names.Add(term);
            }
        }

        return Resolve(names, glossary);
    }

    private static ReportTerm[] Resolve(IEnumerable<string> names, GlossaryCatalog glossary)
        => names
            .Select(name => glossary.Find(name) ?? throw new InvalidOperationException($"The report's glossary term '{name}' is not in the glossary."))
            .Distinct()
            .Select(entry => new ReportTerm(entry, [.. entry.Names, .. ReportPhrases(entry)]))
            .ToArray();

    // The report's own wordings of a term (e.g. the metrics row "Time below / in / above 70–180 mg/dL").
    private static IEnumerable<string> ReportPhrases(GlossaryEntry entry)
        => entry.Term == TimeInRange ? ["Time below / in / above", "target range", "tir_percent"] : [];
}
