using System.Globalization;
using ExoSim.Models;
using ExoSim.Models.Parameters;
using ExoSim.Models.Sensors;
using ExoSim.Models.Simulation;
using ExoSim.Numerics.Ode;
using ExoSim.Trials.Endpoints;
using ExoSim.Trials.Populations;
using ExoSim.Trials.Scenarios;

namespace ExoSim.Trials.Trials;

/// <summary>An arm resolved against the model: its regimen and its events in trial time (randomisation at the end of the run-in).</summary>
/// <param name="Name">The arm's name.</param>
/// <param name="Ratio">Allocation ratio.</param>
/// <param name="Insulin">The per-patient insulin regimen after randomisation.</param>
/// <param name="Events">The arm's own events, times shifted to trial time.</param>
/// <param name="Modulations">The arm's parameter modulations, times shifted to trial time.</param>
public sealed record ResolvedArm(string Name, int Ratio, InsulinRegimen Insulin, IReadOnlyList<Intervention> Events, IReadOnlyList<ModulationSpec> Modulations)
{
    /// <summary>
    /// The arm's exosome doses and MSC infusions in trial time, as a scenario document checked against the model (null
    /// when the arm has none); each patient's modulations follow from it with that patient's body weight.
    /// </summary>
    public ScenarioDocument? Therapy { get; init; }

    /// <summary>The parameter modulations of this arm for one patient: its <c>modulate</c> events and its therapy.</summary>
    /// <param name="model">The trial's model.</param>
    /// <param name="patientParameters">The patient's parameters (its body weight scales the therapy).</param>
    /// <param name="mscEfficacyFactor">Factor on the potency of the arm's MSC infusions for this patient (below 1 after an immunogenic rejection; <see cref="AdverseEvents"/>).</param>
    public IReadOnlyList<ParameterModulation> ModulationsFor(PhysiologyModel model, ParameterSet patientParameters, double mscEfficacyFactor = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(patientParameters);
        var steps = Modulations.Select(m => (ParameterModulation)new StepModulation(m.Parameter, m.Factor, m.StartMin, m.EndMin));
        if (Therapy is null)
        {
            return [.. steps];
        }

        var therapy = mscEfficacyFactor == 1 ? Therapy : Therapy with
        {
            Mscs = [.. Therapy.Mscs.Select(m => m with { Value = m.Value with { BatchPotency = m.Value.BatchPotency * mscEfficacyFactor } })],
        };
        return [.. steps, .. ScenarioResolver.TherapyModulations(therapy, model, patientParameters)];
    }

    /// <summary>The arm with every event, modulation and therapy dose <paramref name="shiftMin"/> later.</summary>
    public ResolvedArm Shifted(double shiftMin) => this with
    {
        Events = Events.Select(e => e with { TimeMin = e.TimeMin + shiftMin }).ToArray(),
        Modulations = Modulations.Select(m => m with { StartMin = m.StartMin + shiftMin, EndMin = m.EndMin + shiftMin }).ToArray(),
        Therapy = Therapy is null ? null : Therapy with
        {
            DurationMin = Therapy.DurationMin with { Value = Therapy.DurationMin.Value + shiftMin },
            Exosomes = Therapy.Exosomes.Select(e => e with { Value = e.Value with { TimeMin = e.Value.TimeMin + shiftMin } }).ToArray(),
            Mscs = Therapy.Mscs.Select(m => m with { Value = m.Value with { TimeMin = m.Value.TimeMin + shiftMin } }).ToArray(),
            Drugs = Therapy.Drugs.Select(d => d with { Value = d.Value with { TimeMin = d.Value.TimeMin + shiftMin } }).ToArray(),
        },
    };
}

/// <summary>A trial resolved against its model: every name checked, ready for <see cref="TrialEngine"/>.</summary>
public sealed record ResolvedTrial
{
    /// <summary>The trial file as read (with the seed in effect).</summary>
    public required TrialDocument Document { get; init; }

    /// <summary>The model every cohort uses.</summary>
    public required PhysiologyModel Model { get; init; }

    /// <summary>The virtual population.</summary>
    public required Population Population { get; init; }

    /// <summary>The arms in file order; the first is the reference of every comparison.</summary>
    public required IReadOnlyList<ResolvedArm> Arms { get; init; }

    /// <summary>The model's solver (<see cref="OdeSolvers.For"/>).</summary>
    public required IOdeSolver Solver { get; init; }

    /// <summary>Solver tolerances (the library defaults).</summary>
    public required SolverOptions Options { get; init; }

    /// <summary>The CGM sensor whose readings the glycaemic endpoints use, or null for plasma glucose.</summary>
    public CgmSensor? Sensor { get; init; }

    /// <summary>The regimen of the run-in (every arm): the model's default regimen at scale 1.</summary>
    public required InsulinRegimen Background { get; init; }

    /// <summary>
    /// Whether the patient table and summary carry adverse events: <c>adverse_events</c> listed in <c>endpoints</c>, or
    /// no <c>endpoints</c> and an arm with an exosome or MSC therapy. (They are sampled, and a rejection acts, either way.)
    /// </summary>
    public bool ReportsAdverseEvents => Document.AdverseEventsEndpoint ?? Arms.Any(a => a.Therapy is { } therapy && (therapy.Exosomes.Count > 0 || therapy.Mscs.Count > 0));

    /// <summary>Seed of the allocation stream.</summary>
    public ulong RandomisationSeed => Document.Randomisation.Seed ?? Document.Seed;

    /// <summary>Labels of the visits (<c>d14</c> = 14 days after randomisation), in order.</summary>
    public IReadOnlyList<string> VisitLabels => Document.Schedule.Visits.Select(VisitLabel).ToArray();

    /// <summary>The label of a visit at <paramref name="timeMin"/> after randomisation.</summary>
    public static string VisitLabel(double timeMin) => "d" + (timeMin / 1440).ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>
/// Resolves a <see cref="TrialDocument"/>: cohort types to model subjects, arm events against the model (through
/// <see cref="ScenarioResolver"/>, exactly as in a scenario file), the sensor and the regimens. Mistakes are
/// <see cref="ScenarioException"/>s at the line that caused them.
/// </summary>
public static class TrialResolver
{
    /// <summary>The meal-scale model and subject of each population type (<c>prediabetes</c> has none: only the long-horizon <c>t2d-progression</c>, <see cref="LongHorizonModels"/>).</summary>
    public static IReadOnlyDictionary<string, (string Model, string? Subject)> TypeModels { get; } = new Dictionary<string, (string, string?)>(StringComparer.Ordinal)
    {
        ["t1d"] = ("uva-padova-t1d", null),
        ["t2d"] = ("dalla-man-2007", "t2d"),
        ["healthy"] = ("dalla-man-2007", "normal"),
    };

    /// <summary>Resolves a trial; <paramref name="seed"/> (from <c>--seed</c>) replaces the file's seed when given.</summary>
    /// <exception cref="ScenarioException">A name, value or event that does not fit the model.</exception>
    public static ResolvedTrial Resolve(TrialDocument document, ulong? seed = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (seed is ulong s)
        {
            document = document with { Seed = s };
        }

        var cohorts = document.Cohorts.Select(Cohort).ToList();
        var model = cohorts[0].Model;
        foreach (var (cohort, spec) in cohorts.Zip(document.Cohorts))
        {
            if (cohort.Model != model)
            {
                throw new ScenarioException(spec.Location, spec.Field, $"every cohort of a trial uses one model; '{document.Cohorts[0].Name}' uses {model.Id}, '{spec.Name}' {cohort.Model.Id}. Run separate trials.");
            }
        }

        // Long-horizon models have no meals, so no meal-bolus regimen: their insulin is given as arm events.
        bool acceptsInsulin = model.SupportedInterventions.Contains("insulin bolus") && LongHorizonModels.Get(model.Id) is null;
        var background = new InsulinRegimen(acceptsInsulin ? "basal-bolus" : "none", 1, 1);
        var arms = document.Arms.Select(arm => Arm(document, model, arm, background, acceptsInsulin)).ToList();
        RequireTherapyFor(document.ExosomeParameterOverrides, "exosome_parameters", document.Arms.Any(a => a.Exosomes.Count > 0 || a.Mscs.Count > 0), "exosome or msc");
        RequireTherapyFor(document.MscParameterOverrides, "msc_parameters", document.Arms.Any(a => a.Mscs.Count > 0), "msc");
        return new ResolvedTrial
        {
            Document = document,
            Model = model,
            Population = new Population(cohorts),
            Arms = arms,
            Solver = OdeSolvers.For(model.IsStiff),
            Options = SolverOptions.Default,
            Sensor = Sensor(document.Schedule, model),
            Background = background,
        };
    }

    private static Cohort Cohort(CohortSpec spec)
    {
        if (spec.Model is { } modelName)
        {
            return LongHorizonCohort(spec, modelName);
        }

        if (!TypeModels.TryGetValue(spec.Type, out var target))
        {
            var longHorizon = LongHorizonModels.All.Where(m => m.Population(spec.Type) is not null).Select(m => $"'model: {m.ModelId}'").ToArray();
            string problem = longHorizon.Length > 0
                ? $"no meal-scale model has '{spec.Type}' subjects; a {spec.Type} cohort needs a long-horizon model: add {string.Join(" or ", longHorizon)} with 'stage: {LongHorizonModels.NewOnset}' (docs/trials.md, \"Populations\")."
                : $"no model has '{spec.Type}' subjects yet; available: {string.Join(", ", TypeModels.Keys)}.";
            throw new ScenarioException(spec.Location, spec.Field + ".type", problem);
        }

        var model = ModelCatalog.Get(target.Model);
        if (target.Subject is null)
        {
            if (spec.Variability.Count > 0)
            {
                throw new ScenarioException(spec.Variability[0].Location, spec.Variability[0].Field, "t1d cohorts take their variability from the 30 published UVA/Padova subjects; remove 'variability'.");
            }

            var subjects = model.PatientNames.Where(n => spec.Group == "all" || n.StartsWith(spec.Group + "#", StringComparison.Ordinal)).ToArray();
            return spec.Source == "named"
                ? new NamedCohort(spec.Name, spec.Type, model, subjects)
                : new UvaPadovaGeneratedCohort(spec.Name, spec.Type, model, spec.Group, subjects, spec.Size);
        }

        if (spec.Group != "all")
        {
            throw new ScenarioException(spec.Location, spec.Field + ".group", $"'group' chooses UVA/Padova subjects of t1d cohorts; a {spec.Type} cohort uses {model.Id} subject '{target.Subject}'.");
        }

        if (spec.Source == "named")
        {
            return new NamedCohort(spec.Name, spec.Type, model, [target.Subject]);
        }

        CheckVariability(spec, model, target.Subject);
        return new VariabilityCohort(spec.Name, spec.Type, model, target.Subject, spec.Variability.Select(v => v.Value).ToArray(), spec.Size);
    }

    private static void CheckVariability(CohortSpec spec, PhysiologyModel model, string subject)
    {
        var schema = model.Patient(subject).Schema;
        foreach (var cv in spec.Variability)
        {
            int index = schema.IndexOf(cv.Value.Key);
            if (index < 0 || schema[index].IsDerived)
            {
                string problem = index < 0 ? $"model '{model.Id}' has no parameter '{cv.Value.Key}'." : $"'{cv.Value.Key}' is derived; vary the parameters it is computed from.";
                throw new ScenarioException(cv.Location, cv.Field, $"{problem} {NameSuggestions.Describe(cv.Value.Key, schema.Definitions.Where(d => !d.IsDerived).Select(d => d.Name))}");
            }
        }
    }

    /// <summary>A cohort of a long-horizon model (the reader has checked that the model fits the type and the stage fields).</summary>
    private static CourseCohort LongHorizonCohort(CohortSpec spec, Located<string> modelName)
    {
        var info = LongHorizonModels.Get(modelName.Value)!;
        var model = ModelCatalog.Get(info.ModelId);
        string subject = spec.Subject?.Value ?? model.DefaultPatient;
        if (!model.PatientNames.Contains(subject))
        {
            throw new ScenarioException(spec.Subject!.Location, spec.Subject.Field, $"model '{model.Id}' has no subject '{subject}'. {NameSuggestions.Describe(subject, model.PatientNames)}");
        }

        Cohort draws;
        if (spec.Source == "named")
        {
            draws = new NamedCohort(spec.Name, spec.Type, model, [subject]);
        }
        else
        {
            CheckVariability(spec, model, subject);
            var variability = spec.Variability.Count > 0 ? spec.Variability.Select(v => v.Value).ToArray() : info.DefaultVariability;
            draws = new VariabilityCohort(spec.Name, spec.Type, model, subject, variability, spec.Size);
        }

        bool newOnset = spec.Stage?.Value == LongHorizonModels.NewOnset;
        var population = info.Population(spec.Type)!;
        return new CourseCohort(draws, newOnset, spec.OnsetGlucoseMgPerDl?.Value ?? population.DefaultOnsetGlucoseMgPerDl, spec.ScreeningMin?.Value ?? LongHorizonModels.DefaultScreeningMin, population.OnsetName);
    }

    private static ResolvedArm Arm(TrialDocument document, PhysiologyModel model, ArmSpec arm, InsulinRegimen background, bool acceptsInsulin)
    {
        var regimen = arm.Insulin ?? background;
        if (!acceptsInsulin && regimen.Kind != "none")
        {
            string problem = LongHorizonModels.Get(model.Id) is null
                ? $"model '{model.Id}' takes no exogenous insulin; use 'insulin: none' (or leave it out)."
                : $"model '{model.Id}' has no meals, so no meal-bolus regimen; leave 'insulin' out and give insulin as events, e.g. '- {{at: 0 d, insulin: {{basal: 1 U/h}}}}'.";
            throw new ScenarioException(arm.Location, arm.Field + ".insulin", problem);
        }

        ScenarioResolver.RequireRegimenSupported(model, regimen, arm.Location, arm.Field + ".insulin");

        // The arm's events are checked exactly as a scenario's, over the treatment period, then shifted to trial time.
        var scenario = new ScenarioDocument
        {
            File = document.File,
            Model = new Located<string>(model.Id, arm.Location, "arms"),
            DurationMin = new Located<double>(document.Schedule.TreatmentMin, arm.Location, "schedule.duration"),
            OutputIntervalMin = new Located<double>(document.Schedule.TreatmentMin, arm.Location, "schedule.output_interval"),
            Events = arm.Events,
            Modulations = arm.Modulations,
            Exosomes = arm.Exosomes,
            Mscs = arm.Mscs,
            Drugs = arm.Drugs,
            ExosomeParameterOverrides = arm.Exosomes.Count > 0 || arm.Mscs.Count > 0 ? document.ExosomeParameterOverrides : [],
            MscParameterOverrides = arm.Mscs.Count > 0 ? document.MscParameterOverrides : [],
        };
        ScenarioResolver.Resolve(scenario);
        bool hasTherapy = arm.Exosomes.Count > 0 || arm.Mscs.Count > 0 || arm.Drugs.Count > 0;

        // Shifted moves the therapy's duration to the end of the trial too: repeated drug doses run to the end of the trial.
        var resolved = new ResolvedArm(arm.Name, arm.Ratio, regimen, arm.Events.Select(e => e.Value).ToArray(), arm.Modulations.Select(m => m.Value).ToArray())
        {
            Therapy = hasTherapy ? scenario with { Events = [], Modulations = [] } : null,
        };
        return resolved.Shifted(document.Schedule.RunInMin);
    }

    private static void RequireTherapyFor(IReadOnlyList<Located<KeyValuePair<string, string>>> overrides, string block, bool hasTherapy, string events)
    {
        if (overrides.Count > 0 && !hasTherapy)
        {
            throw new ScenarioException(overrides[0].Location, block, $"has no effect: no arm has {events} events for these parameters to act on.");
        }
    }

    private static CgmSensor? Sensor(ScheduleSpec schedule, PhysiologyModel model)
    {
        if (schedule.Sensor is not { } name)
        {
            return null;
        }

        CgmSensor sensor;
        try
        {
            sensor = CgmSensors.Get(name.Value);
        }
        catch (KeyNotFoundException exception)
        {
            throw new ScenarioException(name.Location, name.Field, exception.Message, exception);
        }

        if (!model.Observables.Any(o => o.Name == Observable.InterstitialGlucoseMgPerDl))
        {
            throw new ScenarioException(name.Location, name.Field, $"model '{model.Id}' has no interstitial glucose for a CGM sensor to read.");
        }

        if (Math.Abs(schedule.OutputIntervalMin - sensor.SampleTimeMin) > 1e-9)
        {
            throw new ScenarioException(name.Location, name.Field, string.Create(CultureInfo.InvariantCulture, $"the {sensor.Name} reads every {sensor.SampleTimeMin:G6} min: set schedule.output_interval to '{sensor.SampleTimeMin:G6} min'."));
        }

        return sensor;
    }
}
