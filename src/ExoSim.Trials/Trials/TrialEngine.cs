using System.Collections.Concurrent;
using ExoSim.Models;
using ExoSim.Models.Random;
using ExoSim.Models.Sensors;
using ExoSim.Models.Simulation;
using ExoSim.Numerics.Ode;
using ExoSim.Trials.Endpoints;
using ExoSim.Trials.Populations;
using ExoSim.Trials.Scenarios;

namespace ExoSim.Trials.Trials;

/// <summary>A block of consecutive patients, the unit of streaming, resuming and sharding.</summary>
/// <param name="Index">Chunk number: patients Index·size … (Index + 1)·size − 1.</param>
/// <param name="Patients">The patients' outcomes in index order.</param>
public sealed record TrialChunk(int Index, IReadOnlyList<PatientOutcome> Patients)
{
    /// <summary>Per arm with patients in the chunk: their glucose by time of day over the treatment period, summed (whole-number counts, so any order gives the same sum).</summary>
    public IReadOnlyDictionary<string, GlucoseProfile> Profiles { get; init; } = new Dictionary<string, GlucoseProfile>();
}

/// <summary>Which part of a trial to run and how.</summary>
/// <param name="Threads">Worker threads (≥ 1).</param>
/// <param name="ShardIndex">This shard (0-based).</param>
/// <param name="ShardCount">Number of shards (1: the whole trial).</param>
/// <param name="CompletedChunks">Chunks already on disk (resume): not simulated again.</param>
/// <param name="TimeSeries">Keep each patient's course in its outcome (<see cref="PatientOutcome.TimeSeries"/>) until its chunk is delivered.</param>
public sealed record TrialRunOptions(int Threads, int ShardIndex = 0, int ShardCount = 1, IReadOnlySet<int>? CompletedChunks = null, bool TimeSeries = false);

/// <summary>
/// Runs a resolved trial: every patient simulated independently from its own random stream, in parallel, delivered in
/// chunks of <see cref="ChunkSize"/> consecutive patients. A patient's outcome depends only on the trial and its
/// index, so any thread count, shard split or resume gives bit-identical rows.
/// </summary>
public static class TrialEngine
{
    /// <summary>Patients per chunk (fixed: part of the on-disk layout that resume and merge rely on).</summary>
    public const int ChunkSize = 32;

    /// <summary>Number of chunks of a trial of <paramref name="patients"/> patients.</summary>
    public static int ChunkCount(int patients) => (patients + ChunkSize - 1) / ChunkSize;

    /// <summary>The chunks shard <paramref name="shardIndex"/> of <paramref name="shardCount"/> runs: every shardCount-th, from shardIndex.</summary>
    public static IEnumerable<int> ShardChunks(int patients, int shardIndex, int shardCount)
    {
        for (int c = shardIndex; c < ChunkCount(patients); c += shardCount)
        {
            yield return c;
        }
    }

    /// <summary>Each patient's stratum and arm (the stratum is empty without stratification).</summary>
    public static (string[] Strata, int[] Arms) Allocate(ResolvedTrial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var population = trial.Population;
        var factors = trial.Document.Randomisation.StratifyBy;
        var strata = new string[population.Count];
        for (int i = 0; i < strata.Length; i++)
        {
            var parts = new List<string>();
            if (factors.Contains("cohort"))
            {
                parts.Add(population.CohortOf(i).Name);
            }

            if (factors.Contains("age_group"))
            {
                double age = population.Patient(i, new NormalGenerator(Population.Stream(trial.Document.Seed, i))).AgeYears;
                parts.Add(age < 18 ? "age<18" : "age>=18");
            }

            strata[i] = string.Join("/", parts);
        }

        var arms = Randomisation.Allocate(trial.Document.Randomisation, trial.Arms.Select(a => a.Ratio).ToArray(), strata, trial.RandomisationSeed);
        return (strata, arms);
    }

    /// <summary>
    /// Simulates the chunks of this shard that are not completed yet, on <see cref="TrialRunOptions.Threads"/> threads;
    /// <paramref name="onChunk"/> receives each finished chunk (one call at a time, in completion order).
    /// </summary>
    /// <exception cref="SimulationFailedException">A patient's simulation failed (the message names the patient).</exception>
    public static void Run(ResolvedTrial trial, TrialRunOptions options, Action<TrialChunk> onChunk, Action<int>? onPatient = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(onChunk);
        var (strata, arms) = Allocate(trial);
        int count = trial.Population.Count;
        var chunks = ShardChunks(count, options.ShardIndex, options.ShardCount)
            .Where(c => options.CompletedChunks is null || !options.CompletedChunks.Contains(c))
            .ToArray();
        var patients = chunks.SelectMany(c => Enumerable.Range(c * ChunkSize, Math.Min(ChunkSize, count - (c * ChunkSize)))).ToArray();
        var open = new ConcurrentDictionary<int, PatientOutcome?[]>();
        var profiles = new ConcurrentDictionary<int, Dictionary<string, GlucoseProfile>>();
        var gate = new object();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Threads), CancellationToken = cancellation };

        // NoBuffering hands out patients in order, so only about one chunk per thread is open at a time.
        var partitioner = System.Collections.Concurrent.Partitioner.Create(patients, EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(partitioner, parallel, index =>
        {
            var outcome = Simulate(trial, index, trial.Arms[arms[index]], strata[index], options.TimeSeries);
            int chunk = index / ChunkSize;
            int size = Math.Min(ChunkSize, count - (chunk * ChunkSize));
            var slots = open.GetOrAdd(chunk, _ => new PatientOutcome?[size]);
            TrialChunk? done = null;
            lock (gate)
            {
                // The patient's samples are counted into its chunk's arm profile at once, so only one histogram per arm and open
                // chunk exists (no per-patient histogram). A patient without samples (a long-horizon course) adds none.
                var armProfiles = profiles.GetOrAdd(chunk, _ => new Dictionary<string, GlucoseProfile>(StringComparer.Ordinal));
                if (!armProfiles.TryGetValue(outcome.Arm, out var profile))
                {
                    armProfiles[outcome.Arm] = profile = new GlucoseProfile();
                }

                if (outcome.GlucoseSamples is { } samples)
                {
                    profile.Add(samples);
                }
                slots[index - (chunk * ChunkSize)] = outcome with { GlucoseSamples = null };
                if (Array.TrueForAll(slots, s => s is not null))
                {
                    open.TryRemove(chunk, out _);
                    profiles.TryRemove(chunk, out _);
                    done = new TrialChunk(chunk, slots.Select(s => s!).ToArray()) { Profiles = armProfiles };
                }

                onPatient?.Invoke(index);
                if (done is not null)
                {
                    onChunk(done);
                }
            }
        });
    }

    /// <summary>Simulates one patient in its arm and computes its endpoints; with <paramref name="timeSeries"/> the outcome keeps its course.</summary>
    /// <exception cref="SimulationFailedException">The solver failed.</exception>
    public static PatientOutcome Simulate(ResolvedTrial trial, int index, ResolvedArm arm, string stratum, bool timeSeries = false)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(arm);
        if (trial.Population.CohortOf(index) is CourseCohort)
        {
            return CoursePatient.Simulate(trial, index, arm, stratum, timeSeries);
        }

        var schedule = trial.Document.Schedule;
        var stream = Population.Stream(trial.Document.Seed, index);
        var normal = new NormalGenerator(stream);
        var patient = trial.Population.Patient(index, normal);
        var meals = MealPlan.Draw(schedule, normal);
        var interventions = new List<Intervention>(meals);

        // The sensor's error series is drawn before the run so that a controller and the endpoints read the same one.
        var cgm = trial.Sensor is { } cgmSensor ? new CgmReader(cgmSensor, stream, schedule.DurationMin) : null;
        InsulinDeliveryLog runIn = new(), treatment = new();
        double basalBackground = Regimens.Add(interventions, trial.Background, patient.Parameters, meals, 0, schedule.RunInMin, cgm, runIn);
        Regimens.Add(interventions, arm.Insulin, patient.Parameters, meals, schedule.RunInMin, schedule.DurationMin, cgm, treatment);
        interventions.AddRange(arm.Events);
        interventions.Sort((a, b) => a.TimeMin.CompareTo(b.TimeMin));
        var adverseEvents = AdverseEvents.Sample(arm, trial.Document.Seed, index, schedule.DurationMin);

        var request = new SimulationRequest
        {
            Model = trial.Model,
            Parameters = patient.Parameters,
            DurationMin = schedule.DurationMin,
            OutputIntervalMin = schedule.OutputIntervalMin,
            Interventions = interventions,
            Modulations = arm.ModulationsFor(trial.Model, patient.Parameters, adverseEvents.MscEfficacyFactor),
        };

        SimulationResult result;
        try
        {
            result = Simulator.Run(request, trial.Solver, trial.Options);
        }
        catch (OdeSolverException exception)
        {
            throw new SimulationFailedException(trial.Model.Id, $"{patient.Id} (patient {index}, arm {arm.Name})", exception);
        }

        double[] times = result.Column(Simulator.TimeColumn);
        double[] glucose = cgm is not null ? Readings(result, times, cgm) : result.Column(Observable.GlucoseMgPerDl);
        double[] insulin = trial.Population.CohortOf(index).Type != "t1d" && result.HasColumn(Observable.InsulinPmolPerL) ? result.Column(Observable.InsulinPmolPerL) : [];
        var record = new InsulinRecord([.. interventions, .. runIn.Deliveries, .. treatment.Deliveries], basalBackground);
        var names = trial.Document.Endpoints;
        double window = schedule.WindowMin;
        double[] Window(double end) => TrialEndpoints.Compute(names, times, glucose, insulin, record, end - window, end, schedule.FastingTimeOfDayMin);

        double[] baseline = Window(schedule.RunInMin);
        var visits = schedule.Visits.Select(v => Window(schedule.RunInMin + v)).ToArray();
        var values = TrialColumns.Values(baseline, visits);

        return new PatientOutcome(index, patient.Id, patient.Cohort, patient.Subject, arm.Name, stratum, patient.AgeYears, patient.WeightKg, values) {
            AdverseEvents = adverseEvents,
            GlucoseSamples = new GlucoseSamples(times, glucose, schedule.RunInMin),
            TimeSeries = timeSeries ? PatientTimeSeries.From(result, trial.Model, schedule.RunInMin) : null,
        };
    }

    private static double[] Readings(SimulationResult result, double[] times, CgmReader cgm)
    {
        var interstitial = result.Column(Observable.InterstitialGlucoseMgPerDl);
        return times.Select((t, i) => cgm.Read(t, interstitial[i])).ToArray();
    }
}
