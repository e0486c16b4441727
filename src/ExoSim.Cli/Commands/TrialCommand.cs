using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ExoSim.Storage;
using ExoSim.Trials.Scenarios;
using ExoSim.Trials.Trials;
using Spectre.Console;

namespace ExoSim.Cli.Commands;

/// <summary>
/// <c>exosim trial TRIAL.yaml [--out DIR] [--threads N] [--seed S] [--resume] [--shard i/N] [--csv] [--timeseries] [--json]</c>: an
/// in-silico trial. Patients run in parallel; each finished chunk of patients is written at once, so an interrupted
/// trial resumes where it stopped and shards combine with <c>exosim merge</c>.
/// </summary>
internal static class TrialCommand
{
    public static Command Create(CliContext context)
    {
        var trialArgument = new Argument<string>("TRIAL") { Description = "Trial file (YAML); format in docs/trials.md." };
        var outOption = new Option<string?>("--out", "-o") { Description = "Output directory (created if missing). Default: exosim-out/<trial file name>.", HelpName = "DIR" };
        var threadsOption = new Option<int?>("--threads") { Description = "Worker threads (default: all cores). Results are bit-identical for any number.", HelpName = "N" };
        var seedOption = new Option<ulong?>("--seed") { Description = "Seed replacing the file's 'seed' (population, meals, randomisation, sensor noise).", HelpName = "S" };
        var resumeOption = new Option<bool>("--resume") { Description = "Continue an interrupted trial in DIR: finished chunks of patients are kept, the rest simulated." };
        var shardOption = new Option<string?>("--shard") { Description = "Run only the i-th of N deterministic slices (1-based); combine the directories with 'exosim merge'.", HelpName = "i/N" };
        var csvOption = new Option<bool>("--csv") { Description = "Also write DIR/patients.csv." };
        var timeSeriesOption = new Option<bool>("--timeseries")
        {
            Description = "Also write each patient's course: DIR/timeseries/chunk-NNNNN.csv per chunk of patients (patient_index, arm, time_min, "
                + "time_from_randomisation_min, the model's states, glucose_mg_dl; one row per output sample), written as chunks finish.",
        };
        var jsonOption = new Option<bool>("--json") { Description = "Print summary.json on standard output instead of the table." };
        var registryOption = RunRegistryAccess.CreateOption();
        var command = new Command(
            "trial",
            "Run an in-silico trial (virtual population, arms, randomisation, endpoints at visits) from a trial file; writes "
            + "DIR/trial.json (the trial as resolved, seed, version), DIR/patients.parquet (one row per patient: arm, covariates, "
            + "baseline, visit and change-from-baseline endpoints, adverse events), DIR/summary.json (per arm and endpoint n, mean, SD, 95 % CI; "
            + "between-arm differences with Welch CI and p-value, Mann–Whitney; adverse events per arm with Wilson CIs), DIR/report.html "
            + "(flow, baseline and endpoint tables, forest plot, adverse events, per-patient plots with 90 % bands, ambulatory glucose "
            + "profile per arm, power curve, methods) with its figures in DIR/plots/, DIR/power.json with analysis.power, and DIR/chunks/ "
            + "(the resumable state); with --timeseries DIR/timeseries/. Format: docs/trials.md.")
        {
            trialArgument, outOption, threadsOption, seedOption, resumeOption, shardOption, csvOption, timeSeriesOption, jsonOption, registryOption,
        };
        command.SetAction(parseResult => Execute(
            context,
            new TrialArguments(
                parseResult.GetValue(trialArgument)!,
                parseResult.GetValue(outOption),
                parseResult.GetValue(threadsOption),
                parseResult.GetValue(seedOption),
                parseResult.GetValue(resumeOption),
                parseResult.GetValue(shardOption),
                parseResult.GetValue(csvOption),
                parseResult.GetValue(timeSeriesOption),
                parseResult.GetValue(jsonOption),
                parseResult.GetValue(registryOption))));
        context.AddExamples(
            command,
            "exosim trial examples/trials/insulin-sensitivity-t1d-small.yaml",
            "exosim trial examples/trials/insulin-sensitivity-t1d-small.yaml --threads 2 --seed 42 --out results/t1d",
            "exosim trial examples/trials/exosome-msc-insulin-new-onset-t1d-1y.yaml   # long-horizon: new-onset T1D, 1 year",
            "exosim trial trial.yaml --shard 1/4 --out part1   # then: exosim merge part1 part2 part3 part4 --out all",
            "exosim trial examples/trials/exosome-prevention-prediabetes-small.yaml --timeseries   # per-patient courses in DIR/timeseries/");
        return command;
    }

    private sealed record TrialArguments(string TrialPath, string? Out, int? Threads, ulong? Seed, bool Resume, string? Shard, bool Csv, bool TimeSeries, bool Json, string? Registry);

    private static int Execute(CliContext context, TrialArguments args)
    {
        var shard = ParseShard(args.Shard);
        if (args.Threads is int t && t < 1)
        {
            throw new UsageException($"--threads must be at least 1; got {t}.");
        }

        string text;
        ResolvedTrial trial;
        try
        {
            text = File.Exists(args.TrialPath) ? File.ReadAllText(args.TrialPath) : throw new FileNotFoundException($"Trial file '{args.TrialPath}' does not exist.");
            trial = TrialResolver.Resolve(TrialReader.Read(text, args.TrialPath), args.Seed);
        }
        catch (Exception exception) when (exception is ScenarioException or FileNotFoundException)
        {
            throw new UsageException(exception.Message, exception);
        }

        string directory = args.Out ?? Path.Combine("exosim-out", Path.GetFileNameWithoutExtension(args.TrialPath));
        string arguments = string.Join(' ', new[] { args.TrialPath, args.Shard is null ? null : $"--shard {args.Shard}", args.Resume ? "--resume" : null, args.TimeSeries ? "--timeseries" : null }.OfType<string>());
        var recorder = RunRegistryAccess.StartRecording(context, args.Registry, "trial", arguments, args.TrialPath, text, directory, trial.Document.Seed);
        try
        {
            return Run(context, args, trial, text, shard, directory, recorder);
        }
        catch (RunFailureException exception)
        {
            recorder.Failed(exception.Message);
            throw;
        }
    }

    private static int Run(CliContext context, TrialArguments args, ResolvedTrial trial, string text, ShardInfo? shard, string directory, RunRecorder recorder)
    {
        var manifest = TrialManifest.Build(trial, text, CliContext.Version, CliContext.Notice, shard) with { TimeSeries = args.TimeSeries };
        var completed = Prepare(directory, manifest, args.Resume);
        int threads = args.Threads ?? Environment.ProcessorCount;

        var chunks = TrialEngine.ShardChunks(trial.Population.Count, (shard?.Index ?? 1) - 1, shard?.Count ?? 1).ToArray();
        int todo = chunks.Where(c => !completed.Contains(c)).Sum(c => Math.Min(TrialEngine.ChunkSize, trial.Population.Count - (c * TrialEngine.ChunkSize)));
        RunWithProgress(context, trial, new TrialRunOptions(threads, (shard?.Index ?? 1) - 1, shard?.Count ?? 1, completed, args.TimeSeries), directory, todo, args.Json);

        if (shard is not null)
        {
            recorder.Completed(new Dictionary<string, double> { ["patients"] = todo });
            context.Progress.WriteLine($"Shard {shard.Index}/{shard.Count} written to {Path.GetFullPath(directory)}; combine all shards with 'exosim merge DIR… --out OUT'.");
            context.QuietResult(Path.GetFullPath(directory));
            return ExitCodes.Ok;
        }

        // Power first, so that report.html shows its curve and summary.json stays the last file written.
        var power = trial.Document.Analysis.Power is null ? null : RunPower(context, trial, threads, directory);
        var (summary, summaryText) = TrialOutput.WriteResults(directory, manifest, trial, [directory], args.Csv, power);
        recorder.Completed(Headline(summary));
        if (args.Json)
        {
            context.Out.Write(summaryText);
            return ExitCodes.Ok;
        }

        context.QuietResult(Path.GetFullPath(Path.Combine(directory, TrialOutput.SummaryFileName)));

        PrintResults(context, summary, directory);
        if (power is not null)
        {
            PrintPower(context, power, directory);
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// Runs a whole trial from its text into <paramref name="directory"/> without progress output (the demo's trial):
    /// the same files as <c>exosim trial</c>, report.html included.
    /// </summary>
    /// <exception cref="RunFailureException">A patient's simulation failed or a file cannot be written.</exception>
    internal static TrialSummary RunQuietly(CliContext context, ResolvedTrial trial, string text, string directory)
    {
        var manifest = TrialManifest.Build(trial, text, CliContext.Version, CliContext.Notice, null);
        var completed = Prepare(directory, manifest, resume: false);
        RunWithProgress(context, trial, new TrialRunOptions(Environment.ProcessorCount, 0, 1, completed), directory, trial.Population.Count, json: true);
        return TrialOutput.WriteResults(directory, manifest, trial, [directory], csv: false, power: null).Summary;
    }

    /// <summary>The headline a trial is recorded with: patients per arm and each between-arm difference at the last visit.</summary>
    internal static Dictionary<string, double> Headline(TrialSummary summary)
    {
        var headline = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var arm in summary.Arms)
        {
            headline[$"n_{arm.Name}"] = arm.N;
        }

        foreach (var comparison in summary.Comparisons.Where(c => c.Difference is not null))
        {
            headline[$"{comparison.Endpoint}_difference_{comparison.Arm}_vs_{comparison.ReferenceArm}"] = comparison.Difference!.Value;
        }

        return headline;
    }

    private static PowerResult RunPower(CliContext context, ResolvedTrial trial, int threads, string directory)
    {
        var spec = trial.Document.Analysis.Power!;
        int total = spec.Sizes.Count * spec.Replicates, done = 0;
        var clock = Stopwatch.StartNew();
        double lastReport = 0;
        PowerResult result;
        try
        {
            result = PowerAnalysis.Run(trial, threads, () =>
            {
                done++;
                double seconds = clock.Elapsed.TotalSeconds;
                if (seconds - lastReport >= 5 || done == total)
                {
                    lastReport = seconds;
                    context.Progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exosim trial: power, {done}/{total} simulated trials, ETA {(total - done) * seconds / done:0} s"));
                }
            });
        }
        catch (SimulationFailedException exception)
        {
            throw new RunFailureException(exception.Message, exception);
        }

        try
        {
            AtomicFile.WriteAllText(Path.Combine(directory, PowerFileName), CliJson.Serialize(result));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RunFailureException($"Cannot write the results to '{directory}': {exception.Message}", exception);
        }

        return result;
    }

    private static void PrintPower(CliContext context, PowerResult power, string directory)
    {
        var console = context.CreateConsole();
        var table = new Table().Title(Markup.Escape($"Power by simulation: change in {power.Endpoint} at {power.Visit}, Welch p < {F(power.Alpha)}, {power.Replicates} trials per size"))
            .AddColumn("Patients").AddColumn("Arm").AddColumn("Power").AddColumn(Markup.Escape("[95 % CI]")).AddColumn("Mean difference");
        foreach (var point in power.Points)
        {
            table.AddRow(point.Size.ToString(CultureInfo.InvariantCulture), Markup.Escape(point.Arm), F(point.Power), Markup.Escape($"[{F(point.Ci95Low)}, {F(point.Ci95High)}]"), F(point.MeanDifference));
        }

        console.Write(table);
        console.WriteLine($"Power curve written to {Path.GetFullPath(Path.Combine(directory, PowerFileName))}");
    }

    /// <summary>The power analysis's file.</summary>
    public const string PowerFileName = "power.json";

    /// <summary>Checks or creates the output directory; returns the chunks already finished (resume).</summary>
    internal static HashSet<int> Prepare(string directory, TrialManifest manifest, bool resume)
    {
        var existing = TrialOutput.ReadManifest(directory);
        if (resume)
        {
            if (existing is null)
            {
                throw new UsageException($"--resume: '{directory}' holds no trial.json to continue; run without --resume first.");
            }

            if (existing.Fingerprint != manifest.Fingerprint || existing.Shard != manifest.Shard)
            {
                throw new UsageException($"--resume: '{directory}' holds a different trial (another file, seed, shard or ExoSim version); choose another --out.");
            }

            if (existing.TimeSeries != manifest.TimeSeries)
            {
                throw new UsageException($"--resume: '{directory}' was run {(existing.TimeSeries ? "with" : "without")} --timeseries; resume it the same way, or choose another --out.");
            }

            return TrialOutput.CompletedChunks(directory, manifest.Patients);
        }

        try
        {
            foreach (string folder in new[] { TrialOutput.ChunkDirectory, TrialOutput.PlotDirectory, TrialOutput.TimeSeriesDirectory })
            {
                string path = Path.Combine(directory, folder);
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true); // a fresh run never mixes with an older one
                }
            }

            foreach (string stale in new[] { TrialOutput.SummaryFileName, TrialOutput.ReportFileName, PatientTableParquet.FileName, PatientTableCsv.FileName, PowerFileName })
            {
                string path = Path.Combine(directory, stale);
                if (File.Exists(path))
                {
                    File.Delete(path);
                }
            }

            AtomicFile.WriteAllText(Path.Combine(directory, TrialOutput.ManifestFileName), CliJson.Serialize(manifest));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RunFailureException($"Cannot write to '{directory}': {exception.Message}", exception);
        }

        return [];
    }

    private static void RunWithProgress(CliContext context, ResolvedTrial trial, TrialRunOptions options, string directory, int todo, bool json)
    {
        var console = context.CreateConsole();
        var clock = Stopwatch.StartNew();
        int done = 0;
        context.Detail(string.Create(CultureInfo.InvariantCulture,
            $"exosim trial: {todo} patients to simulate ({(options.CompletedChunks?.Count ?? 0)} chunks kept from an earlier run) on {options.Threads} threads, chunks of {TrialEngine.ChunkSize}, into {Path.GetFullPath(directory)}"));
        void Chunk(TrialChunk chunk)
        {
            TrialOutput.WriteChunk(directory, trial, chunk);
            context.Detail(string.Create(CultureInfo.InvariantCulture, $"exosim trial: chunk {chunk.Index} written ({chunk.Patients.Count} patients, {TrialOutput.ChunkPath(directory, chunk.Index)})"));
        }

        try
        {
            if (!json && !context.Quiet && console.Profile.Capabilities.Interactive && todo > 0)
            {
                console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new ElapsedTimeColumn())
                    .Start(progress =>
                    {
                        var task = progress.AddTask("patients", maxValue: todo);
                        TrialEngine.Run(trial, options, Chunk, _ =>
                        {
                            done++;
                            task.Increment(1);
                            task.Description = Rate(done, todo, clock.Elapsed.TotalSeconds);
                        });
                    });
                return;
            }

            double lastReport = 0;
            TrialEngine.Run(trial, options, Chunk, _ =>
            {
                done++;
                double seconds = clock.Elapsed.TotalSeconds;
                if (seconds - lastReport >= 5 || done == todo)
                {
                    lastReport = seconds;
                    double eta = done > 0 ? (todo - done) * seconds / done : double.NaN;
                    context.Progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exosim trial: {Rate(done, todo, seconds)}, ETA {eta:0} s"));
                }
            });
        }
        catch (SimulationFailedException exception)
        {
            throw new RunFailureException(exception.Message + " Finished chunks are kept: fix the cause and run again with --resume.", exception);
        }
        catch (InvalidOperationException exception) when (exception.Message.StartsWith("Cohort '", StringComparison.Ordinal))
        {
            throw new RunFailureException(exception.Message, exception);
        }
    }

    private static string Rate(int done, int todo, double seconds)
        => string.Create(CultureInfo.InvariantCulture, $"{done}/{todo} patients, {(seconds > 0 ? done / seconds : 0):0.0} patients/s");

    private static ShardInfo? ParseShard(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return new ShardInfo(index, count);
        }

        throw new UsageException($"--shard expects i/N with 1 ≤ i ≤ N, e.g. 2/4; got '{text}'.");
    }

    internal static void PrintResults(CliContext context, TrialSummary summary, string directory)
    {
        var console = context.CreateConsole();
        var table = new Table().Title($"exosim trial: {Markup.Escape(summary.Trial.Name ?? summary.Trial.File)}")
            .AddColumn("Endpoint (change at " + Markup.Escape(summary.Visits[^1]) + ")").AddColumn("Arm").AddColumn("n").AddColumn("Mean change").AddColumn(Markup.Escape("Difference vs " + summary.Arms[0].Name + " [95 % CI]")).AddColumn("p (Welch)").AddColumn("p (Mann–Whitney)");
        foreach (var arm in summary.Arms)
        {
            foreach (var e in arm.Endpoints.Where(e => e.Timepoint == summary.Visits[^1] && e.Measure == TrialSummary.ChangeFromBaseline))
            {
                var c = summary.Comparisons.FirstOrDefault(x => x.Arm == arm.Name && x.Endpoint == e.Endpoint);
                table.AddRow(
                    Markup.Escape(e.Endpoint), Markup.Escape(arm.Name), e.N.ToString(CultureInfo.InvariantCulture), F(e.Mean),
                    c is null ? "reference" : Markup.Escape($"{F(c.Difference)} [{F(c.Ci95Low)}, {F(c.Ci95High)}]"), c is null ? string.Empty : P(c.PValue), c is null ? string.Empty : P(c.MannWhitneyP));
            }
        }

        console.Write(table);
        console.WriteLine(CliContext.Notice);
        console.WriteLine($"{summary.Patients} patients written to {Path.GetFullPath(Path.Combine(directory, PatientTableParquet.FileName))}");
        console.WriteLine($"Report written to {Path.GetFullPath(Path.Combine(directory, TrialOutput.ReportFileName))}");
        console.WriteLine($"Summary written to {Path.GetFullPath(Path.Combine(directory, TrialOutput.SummaryFileName))}");
    }

    private static string F(double? value) => value is double v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "n/a";

    private static string P(double? value) => value is double v ? v.ToString(v < 0.001 ? "0.0e0" : "0.000", CultureInfo.InvariantCulture) : "n/a";
}
