using ExoSim.Models.Simulation;
using ExoSim.Therapies.Insulin;
using ExoSim.Trials.Scenarios;

namespace ExoSim.Trials.Trials;

/// <summary>
/// A trial file as read (format in docs/trials.md): population, arms, randomisation, schedule, endpoints and
/// analysis. Every value keeps where it was written so that the resolver and the engine can point at it.
/// </summary>
public sealed record TrialDocument
{
    /// <summary>The file's path as given (used in messages).</summary>
    public required string File { get; init; }

    /// <summary>Optional free-text name.</summary>
    public string? Name { get; init; }

    /// <summary>Optional free-text description.</summary>
    public string? Description { get; init; }

    /// <summary>The trial's seed (default <see cref="TrialReader.DefaultSeed"/>); <c>--seed</c> replaces it.</summary>
    public required ulong Seed { get; init; }

    /// <summary>The cohorts, in file order; patients are numbered across them in this order.</summary>
    public required IReadOnlyList<CohortSpec> Cohorts { get; init; }

    /// <summary>The arms, in file order; the first is the reference of every comparison.</summary>
    public required IReadOnlyList<ArmSpec> Arms { get; init; }

    /// <summary>How patients are allocated to arms.</summary>
    public required RandomisationSpec Randomisation { get; init; }

    /// <summary>Run-in, treatment period, visits, meals, sensor.</summary>
    public required ScheduleSpec Schedule { get; init; }

    /// <summary>Endpoints to compute, by name (<see cref="Endpoints.TrialEndpoints.Names"/>), in the order written.</summary>
    public required IReadOnlyList<string> Endpoints { get; init; }

    /// <summary>
    /// Whether <c>endpoints</c> lists <c>adverse_events</c> (true) or not (false); null when the file has no
    /// <c>endpoints</c>, and then adverse events are reported when an arm has a therapy. Not in <see cref="Endpoints"/>,
    /// which are the glycaemic endpoints computed per window.
    /// </summary>
    public bool? AdverseEventsEndpoint { get; init; }

    /// <summary>Between-arm analysis settings.</summary>
    public required AnalysisSpec Analysis { get; init; }

    /// <summary>Exosome therapy parameter overrides (<c>exosome_parameters</c>), applied to every arm with exosome or MSC doses.</summary>
    public IReadOnlyList<Located<KeyValuePair<string, string>>> ExosomeParameterOverrides { get; init; } = [];

    /// <summary>MSC therapy parameter overrides (<c>msc_parameters</c>), applied to every arm with MSC infusions.</summary>
    public IReadOnlyList<Located<KeyValuePair<string, string>>> MscParameterOverrides { get; init; } = [];
}

/// <summary>One cohort of the virtual population.</summary>
/// <param name="Name">Its name (unique in the trial).</param>
/// <param name="Type">Population type: <c>t1d</c>, <c>t2d</c>, <c>healthy</c>, <c>prediabetes</c> (long-horizon <c>t2d-progression</c> only, randomised at impaired fasting glucose onset).</param>
/// <param name="Source"><c>named</c> (the published subjects themselves) or <c>generated</c> (drawn from their distribution).</param>
/// <param name="Group">For <c>t1d</c>: which UVA/Padova subjects (<c>adult</c>, <c>adolescent</c>, <c>child</c>, <c>all</c>).</param>
/// <param name="Size">Number of patients (generated cohorts); for named cohorts the number of subjects in the group.</param>
/// <param name="Variability">For dalla-man-2007 types: coefficient of variation (fraction) of independent log-normal variability per parameter.</param>
/// <param name="Location">Where the cohort is written.</param>
/// <param name="Field">Its field path, e.g. <c>population[1]</c>.</param>
public sealed record CohortSpec(
    string Name, string Type, string Source, string Group, int Size, IReadOnlyList<Located<KeyValuePair<string, double>>> Variability, SourceLocation Location, string Field)
{
    /// <summary>The long-horizon model written as <c>model:</c> (<see cref="LongHorizonModels"/>), or null for the type's meal-scale model.</summary>
    public Located<string>? Model { get; init; }

    /// <summary>The subject of a long-horizon model the cohort varies around (<c>subject:</c>), or null for the model's default.</summary>
    public Located<string>? Subject { get; init; }

    /// <summary>Long-horizon cohorts: how a patient is enrolled (<c>stage:</c>): null or <c>new-onset</c> (randomised at its own diagnosis).</summary>
    public Located<string>? Stage { get; init; }

    /// <summary>New-onset cohorts: the fasting glucose that diagnoses (<c>onset_glucose:</c>, mg/dL), or null for the model's default.</summary>
    public Located<double>? OnsetGlucoseMgPerDl { get; init; }

    /// <summary>New-onset cohorts: the longest time from the model's start to diagnosis (<c>screening:</c>, min), or null for the default.</summary>
    public Located<double>? ScreeningMin { get; init; }

    /// <summary>Whether this cohort uses a long-horizon model.</summary>
    public bool IsLongHorizon => Model is not null && LongHorizonModels.Get(Model.Value) is not null;
}

/// <summary>One arm: a regimen given to the patients allocated to it.</summary>
/// <param name="Name">Its name (unique in the trial).</param>
/// <param name="Ratio">Allocation ratio (whole number ≥ 1).</param>
/// <param name="Insulin">The per-patient insulin regimen; null: basal–bolus for models that accept insulin, none otherwise.</param>
/// <param name="Events">Further events in scenario syntax, times from randomisation.</param>
/// <param name="Modulations">Parameter modulations (<c>modulate</c> events), times from randomisation.</param>
/// <param name="Location">Where the arm is written.</param>
/// <param name="Field">Its field path, e.g. <c>arms[0]</c>.</param>
public sealed record ArmSpec(
    string Name, int Ratio, InsulinRegimen? Insulin, IReadOnlyList<Located<Intervention>> Events, IReadOnlyList<Located<ModulationSpec>> Modulations, SourceLocation Location, string Field)
{
    /// <summary>Exosome doses (<c>exosome</c> events), times from randomisation.</summary>
    public IReadOnlyList<Located<ExosomeEventSpec>> Exosomes { get; init; } = [];

    /// <summary>MSC infusions (<c>msc</c> events), times from randomisation.</summary>
    public IReadOnlyList<Located<MscEventSpec>> Mscs { get; init; } = [];

    /// <summary>Drug doses (<c>drug</c> events), times from randomisation.</summary>
    public IReadOnlyList<Located<DrugEventSpec>> Drugs { get; init; } = [];
}

/// <summary>
/// A per-patient insulin regimen of an arm (or of a scenario) as written; <see cref="ToPlan"/> makes the therapy
/// module's <see cref="InsulinPlan"/> (docs/therapies/insulin.md). Without options it is the open-loop basal–bolus of
/// simglucose's BBController without its correction term: basal at the subject's steady-state rate u2ss·BW/6000
/// U/min and a bolus of carbs/CR at each meal's start, scaled.
/// </summary>
/// <param name="Kind">One of <see cref="Kinds"/>.</param>
/// <param name="BasalScale">Multiplier of the basal rate.</param>
/// <param name="BolusScale">Multiplier of the meal boluses.</param>
public sealed record InsulinRegimen(string Kind, double BasalScale, double BolusScale)
{
    /// <summary>The regimen names.</summary>
    public static IReadOnlyList<string> Kinds => InsulinPlan.Kinds;

    /// <summary>Whether meal boluses add (G − target)/CF above the threshold.</summary>
    public bool Correction { get; init; }

    /// <summary>Whether a closed loop gives meal boluses (hybrid closed loop).</summary>
    public bool MealBolus { get; init; } = true;

    /// <summary>The pump's basal profile, or null.</summary>
    public IReadOnlyList<BasalSegment>? BasalProfile { get; init; }

    /// <summary>Carbohydrate ratio (g/U), or null for the subject's CR.</summary>
    public double? CarbRatioGPerU { get; init; }

    /// <summary>Correction factor (mg/dL per U), or null for the subject's CF.</summary>
    public double? CorrectionFactorMgDlPerU { get; init; }

    /// <summary>Correction or closed-loop target (mg/dL), or null for the default.</summary>
    public double? TargetMgDl { get; init; }

    /// <summary>The therapy module's plan.</summary>
    public InsulinPlan ToPlan() => new()
    {
        Kind = Kind,
        BasalScale = BasalScale,
        BolusScale = BolusScale,
        Correction = Correction,
        MealBolus = MealBolus,
        Profile = BasalProfile is null ? null : new BasalProfile(BasalProfile),
        CarbRatioGPerU = CarbRatioGPerU,
        CorrectionFactorMgDlPerU = CorrectionFactorMgDlPerU,
        TargetMgDl = TargetMgDl,
    };
}

/// <summary>Randomisation to arms.</summary>
/// <param name="Method"><c>simple</c>, <c>block</c> or <c>stratified</c> (blocks within strata).</param>
/// <param name="BlockSize">Block size (a multiple of the sum of the ratios) for block and stratified methods.</param>
/// <param name="StratifyBy">Stratification factors: <c>cohort</c>, <c>age_group</c> (&lt; 18 years, ≥ 18 years).</param>
/// <param name="Seed">Seed of the allocation stream; null: the trial's seed.</param>
public sealed record RandomisationSpec(string Method, int BlockSize, IReadOnlyList<string> StratifyBy, ulong? Seed);

/// <summary>The time course of the trial (all times in minutes).</summary>
/// <param name="RunInMin">Run-in before randomisation, under the background regimen of every arm; baseline is measured at its end.</param>
/// <param name="TreatmentMin">Time from randomisation to the end.</param>
/// <param name="Visits">Visit times from randomisation (increasing, within the treatment period).</param>
/// <param name="WindowMin">Length of the measurement window that ends at each visit (and at baseline).</param>
/// <param name="OutputIntervalMin">Spacing of the glucose samples endpoints are computed from.</param>
/// <param name="Meals">The daily meal plan.</param>
/// <param name="FastingTimeOfDayMin">Time of day of the fasting sample (min after midnight).</param>
/// <param name="Sensor">CGM sensor whose readings the glycaemic endpoints use, or null for plasma glucose.</param>
public sealed record ScheduleSpec(
    double RunInMin, double TreatmentMin, IReadOnlyList<double> Visits, double WindowMin, double OutputIntervalMin,
    IReadOnlyList<MealSpec> Meals, double FastingTimeOfDayMin, Located<string>? Sensor)
{
    /// <summary>Run-in plus treatment.</summary>
    public double DurationMin => RunInMin + TreatmentMin;
}

/// <summary>A meal of the daily plan, with day-to-day variability.</summary>
/// <param name="TimeOfDayMin">Nominal time (min after midnight).</param>
/// <param name="CarbsG">Nominal carbohydrate (g).</param>
/// <param name="TimeSdMin">Standard deviation of the time (min), normal, clipped to ±3 SD.</param>
/// <param name="CarbsCv">Coefficient of variation of the carbohydrate (fraction), log-normal.</param>
/// <param name="DurationMin">Eating time (min); 0 for the model's convention.</param>
public sealed record MealSpec(double TimeOfDayMin, double CarbsG, double TimeSdMin, double CarbsCv, double DurationMin);

/// <summary>Between-arm analysis.</summary>
/// <param name="Responder">A responder definition, or null.</param>
/// <param name="Power">Power by simulation, or null.</param>
public sealed record AnalysisSpec(ResponderSpec? Responder, PowerSpec? Power);

/// <summary>A patient responds when the change from baseline of an endpoint at the last visit is at most (or at least) a threshold.</summary>
/// <param name="Endpoint">Endpoint name.</param>
/// <param name="ChangeAtMost">Upper limit of the change (e.g. −0.5 for HbA1c), or null.</param>
/// <param name="ChangeAtLeast">Lower limit of the change, or null.</param>
public sealed record ResponderSpec(string Endpoint, double? ChangeAtMost, double? ChangeAtLeast);

/// <summary>Power by simulation: the trial repeated with fresh seeds at several sizes.</summary>
/// <param name="Endpoint">Endpoint whose change from baseline at the last visit is compared (Welch test).</param>
/// <param name="Sizes">Total numbers of patients.</param>
/// <param name="Replicates">Repetitions per size.</param>
/// <param name="Alpha">Two-sided significance level.</param>
public sealed record PowerSpec(string Endpoint, IReadOnlyList<int> Sizes, int Replicates, double Alpha);
