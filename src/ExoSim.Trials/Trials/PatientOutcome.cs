using ExoSim.Trials.Endpoints;

namespace ExoSim.Trials.Trials;

/// <summary>
/// One patient's row of the trial: who, which arm, covariates, and every endpoint at baseline, at each visit and as
/// change from baseline (<see cref="Values"/> in the order of <see cref="TrialColumns.Endpoints"/>).
/// </summary>
/// <param name="Index">Patient index (0-based).</param>
/// <param name="Id">Patient identifier.</param>
/// <param name="Cohort">Cohort name.</param>
/// <param name="Subject">Published subject, or the subjects it was drawn from.</param>
/// <param name="Arm">Arm name.</param>
/// <param name="Stratum">Randomisation stratum (empty without stratification).</param>
/// <param name="AgeYears">Age (years; NaN where the model has none).</param>
/// <param name="WeightKg">Body weight (kg).</param>
/// <param name="Values">Endpoint values.</param>
public sealed record PatientOutcome(int Index, string Id, string Cohort, string Subject, string Arm, string Stratum, double AgeYears, double WeightKg, IReadOnlyList<double> Values)
{
    /// <summary>The patient's adverse events (<see cref="PatientAdverseEvents.None"/> without therapy).</summary>
    public PatientAdverseEvents AdverseEvents { get; init; } = PatientAdverseEvents.None;

    /// <summary>
    /// The patient's glucose samples, those over the treatment period (after randomisation) for the arm's ambulatory
    /// glucose profile; null once counted into its chunk's profile or when read back from a patient table.
    /// </summary>
    public GlucoseSamples? GlucoseSamples { get; init; }

    /// <summary>The patient's simulated course, kept only when the run asks for time series (<see cref="TrialRunOptions.TimeSeries"/>), else null.</summary>
    public PatientTimeSeries? TimeSeries { get; init; }
}

/// <summary>The column layout of the patients table (patients.parquet, patients.csv), fixed by the resolved trial.</summary>
public sealed class TrialColumns
{
    /// <summary>Text columns, in order.</summary>
    public static IReadOnlyList<string> Text { get; } = ["patient_id", "cohort", "subject", "arm", "stratum"];

    /// <summary>Covariate columns, in order.</summary>
    public static IReadOnlyList<string> Covariates { get; } = ["age_years", "weight_kg"];

    /// <summary>The layout for <paramref name="endpoints"/> at the visits labelled <paramref name="visits"/>.</summary>
    public TrialColumns(IReadOnlyList<string> endpoints, IReadOnlyList<string> visits)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(visits);
        EndpointNames = endpoints;
        VisitLabels = visits;
        var columns = new List<string>();
        foreach (string endpoint in endpoints)
        {
            columns.Add(Baseline(endpoint));
            columns.AddRange(visits.Select(v => AtVisit(endpoint, v)));
            columns.AddRange(visits.Select(v => Change(endpoint, v)));
        }

        Endpoints = columns;
    }

    /// <summary>The endpoint names.</summary>
    public IReadOnlyList<string> EndpointNames { get; }

    /// <summary>The visit labels.</summary>
    public IReadOnlyList<string> VisitLabels { get; }

    /// <summary>Endpoint columns: per endpoint, baseline, each visit, then each change from baseline.</summary>
    public IReadOnlyList<string> Endpoints { get; }

    /// <summary>
    /// A patient's endpoint values in the column order of <see cref="Endpoints"/>: per endpoint, its baseline value, its
    /// value at each visit, then each change from baseline.
    /// </summary>
    /// <param name="baseline">Every endpoint at baseline.</param>
    /// <param name="visits">Every endpoint at each visit, in visit order.</param>
    public static List<double> Values(IReadOnlyList<double> baseline, IReadOnlyList<IReadOnlyList<double>> visits)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(visits);
        var values = new List<double>();
        for (int e = 0; e < baseline.Count; e++)
        {
            values.Add(baseline[e]);
            values.AddRange(visits.Select(v => v[e]));
            values.AddRange(visits.Select(v => v[e] - baseline[e]));
        }

        return values;
    }

    /// <summary>Column of an endpoint at baseline.</summary>
    public static string Baseline(string endpoint) => $"{endpoint}_baseline";

    /// <summary>Column of an endpoint at a visit.</summary>
    public static string AtVisit(string endpoint, string visit) => $"{endpoint}_{visit}";

    /// <summary>Column of an endpoint's change from baseline at a visit.</summary>
    public static string Change(string endpoint, string visit) => $"{endpoint}_change_{visit}";
}
