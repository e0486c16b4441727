using System.Text.Json.Serialization;
using ExoSim.Trials.Statistics;

namespace ExoSim.Trials.Trials;

/// <summary>The content of <c>summary.json</c> of <c>exosim trial</c> (layout <see cref="SchemaName"/>).</summary>
/// <param name="Schema">Name and version of the layout.</param>
/// <param name="ExosimVersion">Version of the tool.</param>
/// <param name="Notice">The research-use notice.</param>
/// <param name="Trial">The trial file and its name.</param>
/// <param name="Seed">The seed in effect.</param>
/// <param name="Patients">Number of patients.</param>
/// <param name="Visits">Visit labels in order (<c>d7</c>: 7 days after randomisation); the last is the primary time point.</param>
/// <param name="Arms">Per arm and endpoint: n, mean, SD and 95 % CI at baseline, each visit and as change from baseline.</param>
/// <param name="Comparisons">Every arm against the first, for each endpoint's change from baseline at the last visit.</param>
/// <param name="Responders">Responder rates per arm, when the trial defines responders.</param>
public sealed record TrialSummary(
    string Schema,
    string ExosimVersion,
    string Notice,
    TrialInfo Trial,
    ulong Seed,
    int Patients,
    IReadOnlyList<string> Visits,
    IReadOnlyList<ArmSummary> Arms,
    IReadOnlyList<ArmComparison> Comparisons,
    ResponderSummary? Responders)
{
    /// <summary>The layout's name and version.</summary>
    public const string SchemaName = "exosim.trial.summary/1";

    /// <summary>Adverse events per arm and event type with Wilson 95 % intervals, when the trial reports them (else null and left out of summary.json).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AdverseEventRate>? AdverseEvents { get; init; }

    /// <summary>The measure of comparisons: change from baseline.</summary>
    public const string ChangeFromBaseline = "change_from_baseline";

    /// <summary>Summarises the patients of a trial (any order; they are grouped by arm).</summary>
    public static TrialSummary Build(ResolvedTrial trial, IEnumerable<PatientOutcome> patients, string exosimVersion, string notice)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(patients);
        var columns = new TrialColumns(trial.Document.Endpoints, trial.VisitLabels);
        var values = trial.Arms.ToDictionary(a => a.Name, _ => columns.Endpoints.Select(_ => new List<double>()).ToArray(), StringComparer.Ordinal);
        var adverseEvents = trial.Arms.ToDictionary(a => a.Name, _ => new List<PatientAdverseEvents>(), StringComparer.Ordinal);
        int count = 0;
        foreach (var patient in patients)
        {
            count++;
            adverseEvents[patient.Arm].Add(patient.AdverseEvents);
            var lists = values[patient.Arm];
            for (int c = 0; c < lists.Length; c++)
            {
                lists[c].Add(patient.Values[c]);
            }
        }

        int Column(string name) => columns.Endpoints.ToList().IndexOf(name);
        var arms = new List<ArmSummary>();
        foreach (var arm in trial.Arms)
        {
            var lists = values[arm.Name];
            var endpoints = new List<EndpointSummary>();
            foreach (string endpoint in columns.EndpointNames)
            {
                endpoints.Add(EndpointSummary.From(endpoint, "baseline", "value", lists[Column(TrialColumns.Baseline(endpoint))]));
                foreach (string visit in columns.VisitLabels)
                {
                    endpoints.Add(EndpointSummary.From(endpoint, visit, "value", lists[Column(TrialColumns.AtVisit(endpoint, visit))]));
                    endpoints.Add(EndpointSummary.From(endpoint, visit, ChangeFromBaseline, lists[Column(TrialColumns.Change(endpoint, visit))]));
                }
            }

            arms.Add(new ArmSummary(arm.Name, lists.Length > 0 ? lists[0].Count : 0, endpoints));
        }

        string last = columns.VisitLabels[^1];
        var comparisons = new List<ArmComparison>();
        var reference = trial.Arms[0].Name;
        foreach (var arm in trial.Arms.Skip(1))
        {
            foreach (string endpoint in columns.EndpointNames)
            {
                int c = Column(TrialColumns.Change(endpoint, last));
                comparisons.Add(ArmComparison.From(endpoint, last, arm.Name, reference, values[reference][c], values[arm.Name][c]));
            }
        }

        ResponderSummary? responders = null;
        if (trial.Document.Analysis.Responder is { } spec)
        {
            int c = Column(TrialColumns.Change(spec.Endpoint, last));
            responders = new ResponderSummary(
                spec.Endpoint, last, spec.ChangeAtMost, spec.ChangeAtLeast,
                trial.Arms.Select(a => ResponderRate.From(a.Name, values[a.Name][c], spec)).ToArray());
        }

        var document = trial.Document;
        return new TrialSummary(
            SchemaName, exosimVersion, notice, new TrialInfo(document.File, document.Name, document.Description), document.Seed, count, columns.VisitLabels, arms, comparisons, responders)
        {
            AdverseEvents = trial.ReportsAdverseEvents ? AdverseEventRate.Build(trial, adverseEvents) : null,
        };
    }
}

/// <summary>The trial file.</summary>
/// <param name="File">Path as given.</param>
/// <param name="Name">Its name, if any.</param>
/// <param name="Description">Its description, if any.</param>
public sealed record TrialInfo(string File, string? Name, string? Description);

/// <summary>One arm's endpoint statistics.</summary>
/// <param name="Name">The arm.</param>
/// <param name="N">Patients allocated to it.</param>
/// <param name="Endpoints">Per endpoint and time point.</param>
public sealed record ArmSummary(string Name, int N, IReadOnlyList<EndpointSummary> Endpoints);

/// <summary>Statistics of one endpoint at one time point in one arm (patients where the endpoint is defined).</summary>
/// <param name="Endpoint">Endpoint name.</param>
/// <param name="Timepoint"><c>baseline</c> or a visit label.</param>
/// <param name="Measure"><c>value</c> or <c>change_from_baseline</c>.</param>
/// <param name="N">Patients with a finite value.</param>
/// <param name="Mean">Mean.</param>
/// <param name="Sd">Standard deviation.</param>
/// <param name="Ci95Low">Lower end of the t-based 95 % CI of the mean.</param>
/// <param name="Ci95High">Upper end.</param>
public sealed record EndpointSummary(string Endpoint, string Timepoint, string Measure, int N, double? Mean, double? Sd, double? Ci95Low, double? Ci95High)
{
    /// <summary>The statistics of <paramref name="values"/>; undefined statistics are null.</summary>
    public static EndpointSummary From(string endpoint, string timepoint, string measure, IEnumerable<double> values)
    {
        var s = TrialStatistics.Summarise(values);
        return new EndpointSummary(endpoint, timepoint, measure, s.N, Json(s.Mean), Json(s.Sd), Json(s.Ci95Low), Json(s.Ci95High));
    }

    /// <summary>A number for JSON: null when not finite.</summary>
    internal static double? Json(double value) => double.IsFinite(value) ? value : null;
}

/// <summary>
/// One arm against the reference arm: difference of mean change from baseline (arm − reference) with Welch's 95 %
/// CI and p-value, and the Mann–Whitney U test of the same changes.
/// </summary>
/// <param name="Endpoint">Endpoint name (e.g. <c>hba1c_percent</c>).</param>
/// <param name="Visit">Visit label.</param>
/// <param name="Measure">Always <c>change_from_baseline</c>.</param>
/// <param name="Arm">The arm.</param>
/// <param name="ReferenceArm">The first arm.</param>
/// <param name="NArm">Patients of the arm with a finite change.</param>
/// <param name="NReference">Patients of the reference arm with a finite change.</param>
/// <param name="Difference">Mean change in the arm − mean change in the reference arm.</param>
/// <param name="Ci95Low">Lower end of Welch's 95 % CI.</param>
/// <param name="Ci95High">Upper end.</param>
/// <param name="PValue">Welch's two-sided p-value.</param>
/// <param name="DegreesOfFreedom">Welch–Satterthwaite degrees of freedom.</param>
/// <param name="MannWhitneyU">U of the arm's changes.</param>
/// <param name="MannWhitneyP">Two-sided p-value (normal approximation, tie and continuity corrections).</param>
public sealed record ArmComparison(
    string Endpoint, string Visit, string Measure, string Arm, string ReferenceArm, int NArm, int NReference,
    double? Difference, double? Ci95Low, double? Ci95High, double? PValue, double? DegreesOfFreedom, double? MannWhitneyU, double? MannWhitneyP)
{
    /// <summary>Compares the changes of <paramref name="arm"/> with those of <paramref name="reference"/>.</summary>
    public static ArmComparison From(string endpoint, string visit, string arm, string reference, IReadOnlyList<double> referenceValues, IReadOnlyList<double> armValues)
    {
        var welch = TrialStatistics.Welch(referenceValues, armValues);
        var mw = TrialStatistics.MannWhitney(referenceValues, armValues);
        return new ArmComparison(
            endpoint, visit, TrialSummary.ChangeFromBaseline, arm, reference, armValues.Count(double.IsFinite), referenceValues.Count(double.IsFinite),
            welch?.Difference ?? EndpointSummary.Json(Mean(armValues) - Mean(referenceValues)),
            welch?.Ci95Low, welch?.Ci95High, welch?.PValue, welch?.DegreesOfFreedom, mw?.U, mw?.PValue);
    }

    private static double Mean(IReadOnlyList<double> values) => TrialStatistics.Summarise(values).Mean;
}

/// <summary>Responder rates.</summary>
/// <param name="Endpoint">Endpoint whose change defines a response.</param>
/// <param name="Visit">Visit label.</param>
/// <param name="ChangeAtMost">Upper limit of the change, or null.</param>
/// <param name="ChangeAtLeast">Lower limit, or null.</param>
/// <param name="Arms">Per arm.</param>
public sealed record ResponderSummary(string Endpoint, string Visit, double? ChangeAtMost, double? ChangeAtLeast, IReadOnlyList<ResponderRate> Arms);

/// <summary>One arm's responders.</summary>
/// <param name="Arm">The arm.</param>
/// <param name="N">Patients with a finite change.</param>
/// <param name="Responders">Patients responding.</param>
/// <param name="Rate">Responders / N.</param>
/// <param name="Ci95Low">Lower end of the Wilson 95 % interval.</param>
/// <param name="Ci95High">Upper end.</param>
public sealed record ResponderRate(string Arm, int N, int Responders, double? Rate, double? Ci95Low, double? Ci95High)
{
    /// <summary>The responders among <paramref name="changes"/>.</summary>
    public static ResponderRate From(string arm, IEnumerable<double> changes, ResponderSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var finite = changes.Where(double.IsFinite).ToArray();
        int responders = finite.Count(c => (spec.ChangeAtMost is not double most || c <= most) && (spec.ChangeAtLeast is not double least || c >= least));
        var (low, high) = TrialStatistics.WilsonInterval(responders, finite.Length);
        double? rate = finite.Length > 0 ? (double)responders / finite.Length : null;
        return new ResponderRate(arm, finite.Length, responders, rate, EndpointSummary.Json(low), EndpointSummary.Json(high));
    }
}
