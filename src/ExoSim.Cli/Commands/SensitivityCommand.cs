using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ExoSim.Trials.Scenarios;
using ExoSim.Trials.Sensitivity;
using Spectre.Console;

namespace ExoSim.Cli.Commands;

/// <summary>
/// <c>exosim sensitivity SPEC.yaml [--out DIR] [--threads N] [--seed S] [--json] [--registry LOCATION]</c>: local,
/// Morris or Sobol sensitivity of a scenario's or a trial's output to model and therapy parameters
/// (docs/sensitivity.md). Evaluations run in parallel; results are bit-identical for any thread count.
/// </summary>
internal static class SensitivityCommand
{
    private const double ProgressIntervalSeconds = 5;

    public static Command Create(CliContext context)
    {
        var specArgument = new Argument<string>("SPEC") { Description = "Sensitivity specification (YAML); format in docs/sensitivity.md." };
        var outOption = new Option<string?>("--out", "-o") { Description = "Output directory (created if missing). Default: exosim-out/<spec file name>.", HelpName = "DIR" };
        var threadsOption = new Option<int?>("--threads") { Description = "Threads evaluating the model (default: the spec's 'threads', else all cores). Results are bit-identical for any number.", HelpName = "N" };
        var seedOption = new Option<ulong?>("--seed") { Description = "Seed replacing the spec's method.seed (Morris and Sobol samples, bootstrap).", HelpName = "S" };
        var jsonOption = new Option<bool>("--json") { Description = "Print sensitivity.json on standard output instead of the table." };
        var registryOption = RunRegistryAccess.CreateOption();
        var command = new Command(
            "sensitivity",
            "Sensitivity analysis of a scenario's or a trial's output to model and therapy (exosome, MSC) parameters: local normalised "
            + "coefficients, Morris elementary effects or Sobol first/total-order indices with bootstrap CIs. Writes DIR/sensitivity.json "
            + "(spec as resolved, every index, evaluations), DIR/indices.csv, DIR/samples.csv (every evaluated point and its output), "
            + "DIR/plots/tornado.png or DIR/plots/sobol.png and DIR/report.html. Format: docs/sensitivity.md.")
        {
            specArgument, outOption, threadsOption, seedOption, jsonOption, registryOption,
        };
        command.SetAction(parseResult => Execute(
            context,
            parseResult.GetValue(specArgument)!,
            parseResult.GetValue(outOption),
            parseResult.GetValue(threadsOption),
            parseResult.GetValue(seedOption),
            parseResult.GetValue(jsonOption),
            parseResult.GetValue(registryOption)));
        context.AddExamples(
            command,
            "exosim sensitivity examples/sensitivity/bergman-ivgtt-sobol.yaml",
            "exosim sensitivity examples/sensitivity/exosome-t1d-hba1c-sobol.yaml --threads 2 --out results/exosome-sensitivity");
        return command;
    }

    private static int Execute(CliContext context, string specPath, string? outDirectory, int? threadsOption, ulong? seed, bool json, string? registry)
    {
        if (threadsOption is int t && t < 1)
        {
            throw new UsageException($"--threads must be at least 1; got {t}.");
        }

        string text;
        SensitivityStudy study;
        try
        {
            text = File.Exists(specPath) ? File.ReadAllText(specPath) : throw new FileNotFoundException($"Sensitivity spec '{specPath}' does not exist.");
            study = SensitivityStudy.Resolve(SensitivitySpecReader.Read(text, specPath));
        }
        catch (Exception exception) when (exception is ScenarioException or FileNotFoundException)
        {
            throw new UsageException(exception.Message, exception);
        }

        int threads = threadsOption ?? study.Spec.Threads ?? Environment.ProcessorCount;
        string directory = outDirectory ?? Path.Combine("exosim-out", Path.GetFileNameWithoutExtension(specPath));
        ulong? usedSeed = study.Spec.Method.Name == "local" ? null : seed ?? study.Spec.Method.Seed;
        var recorder = RunRegistryAccess.StartRecording(context, registry, "sensitivity", specPath, specPath, text, directory, usedSeed);
        try
        {
            var clock = Stopwatch.StartNew();
            var result = RunWithProgress(context, study, threads, seed, clock);
            var summary = SensitivitySummary.Build(study, result, CliContext.Version, CliContext.Notice);
            string summaryText = SensitivityOutput.Write(directory, summary, result);
            recorder.Completed(Headline(summary));
            if (json)
            {
                context.Out.Write(summaryText);
                return ExitCodes.Ok;
            }

            Print(context, summary, directory, clock.Elapsed.TotalSeconds, threads);
            return ExitCodes.Ok;
        }
        catch (RunFailureException exception)
        {
            recorder.Failed(exception.Message);
            throw;
        }
    }

    private static SensitivityResult RunWithProgress(CliContext context, SensitivityStudy study, int threads, ulong? seed, Stopwatch clock)
    {
        int planned = study.PlannedEvaluations, done = 0;
        double lastReport = 0;
        var gate = new object();
        context.Error.WriteLine($"exosim sensitivity: {study.Spec.Method.Name}, {study.Factors.Count} factors, {planned} model evaluations of {study.OutputDescription} on {threads} threads");
        void Progress()
        {
            lock (gate)
            {
                done++;
                double seconds = clock.Elapsed.TotalSeconds;
                if (seconds - lastReport >= ProgressIntervalSeconds || done == planned)
                {
                    lastReport = seconds;
                    context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exosim sensitivity: {done}/{planned} evaluations, {seconds:0} s, ETA {(planned - done) * seconds / done:0} s"));
                }
            }
        }

        try
        {
            return SensitivityRunner.Run(study, threads, seed, Progress);
        }
        catch (SensitivityEvaluationException exception)
        {
            throw new RunFailureException(exception.Message, exception);
        }
        catch (InvalidOperationException exception)
        {
            // The core's refusals: a non-finite output, a constant output (Sobol), a zero output at the nominal point (local).
            throw new RunFailureException($"the analysis of {study.OutputDescription} failed: {exception.Message}", exception);
        }
    }

    /// <summary>The headline recorded in the run registry: evaluations and each factor's main index.</summary>
    internal static Dictionary<string, double> Headline(SensitivitySummary summary)
    {
        var headline = new Dictionary<string, double>(StringComparer.Ordinal) { ["evaluations"] = summary.ModelEvaluations };
        foreach (var index in summary.Indices)
        {
            switch (summary.Method.Name)
            {
                case "local":
                    headline[$"local_{index.Factor}"] = index.LocalCoefficient!.Value;
                    break;
                case "morris":
                    headline[$"mu_star_{index.Factor}"] = index.MorrisMuStar!.Value;
                    break;
                default:
                    headline[$"first_order_{index.Factor}"] = index.FirstOrder!.Estimate;
                    headline[$"total_order_{index.Factor}"] = index.TotalOrder!.Estimate;
                    break;
            }
        }

        return headline;
    }

    private static void Print(CliContext context, SensitivitySummary summary, string directory, double seconds, int threads)
    {
        var console = context.CreateConsole();
        var table = new Table().Title(Markup.Escape($"exosim sensitivity: {summary.Output.Description} ({summary.Output.Unit})")).AddColumn("Rank").AddColumn("Factor").AddColumn("Unit").AddColumn("Range");
        string level = ((summary.Method.Confidence ?? 0.95) * 100).ToString("0.#", CultureInfo.InvariantCulture);
        string[] columns = summary.Method.Name switch
        {
            "local" => ["Normalised coefficient"],
            "morris" => ["μ", "μ*", "σ"],
            _ => ["S", $"[{level} % CI]", "S_T", $"[{level} % CI]"],
        };
        foreach (string column in columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(column)).RightAligned());
        }

        for (int rank = 0; rank < summary.Ranking.Count; rank++)
        {
            var index = summary.Indices.Single(i => i.Factor == summary.Ranking[rank]);
            var factor = summary.Factors.Single(f => f.Name == index.Factor);
            string range = summary.Method.Name == "local" ? $"nominal {F(factor.Nominal)}" : $"[{F(factor.Lower)}, {F(factor.Upper)}]{(factor.Distribution == "log_uniform" ? " log" : string.Empty)}";
            string[] values = summary.Method.Name switch
            {
                "local" => [F(index.LocalCoefficient)],
                "morris" => [F(index.MorrisMu), F(index.MorrisMuStar), F(index.MorrisSigma)],
                _ => [F(index.FirstOrder!.Estimate), $"[{F(index.FirstOrder.Lower)}, {F(index.FirstOrder.Upper)}]", F(index.TotalOrder!.Estimate), $"[{F(index.TotalOrder.Lower)}, {F(index.TotalOrder.Upper)}]"],
            };
            table.AddRow([(rank + 1).ToString(CultureInfo.InvariantCulture), Markup.Escape(factor.Name), Markup.Escape(factor.Unit), Markup.Escape(range), .. values.Select(Markup.Escape)]);
        }

        console.Write(table);
        console.WriteLine($"Ranking by {summary.RankingMeasure}; {summary.ModelEvaluations} model evaluations in {seconds.ToString("0.0", CultureInfo.InvariantCulture)} s on {threads} threads{(summary.Method.Seed is ulong seed ? $", seed {seed}" : string.Empty)}.");
        console.WriteLine(CliContext.Notice);
        console.WriteLine($"Report written to {Path.GetFullPath(Path.Combine(directory, SensitivityOutput.ReportFileName))}");
        console.WriteLine($"Results written to {Path.GetFullPath(Path.Combine(directory, SensitivityOutput.SummaryFileName))}");
    }

    private static string F(double? value) => value is double v ? v.ToString("G4", CultureInfo.InvariantCulture) : "n/a";
}
