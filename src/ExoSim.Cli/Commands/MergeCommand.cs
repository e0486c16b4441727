using System.CommandLine;
using ExoSim.Trials.Trials;

namespace ExoSim.Cli.Commands;

/// <summary>
/// <c>exosim merge DIR… --out OUT</c>: combines the shard directories of one trial (<c>exosim trial --shard i/N</c>) into
/// exactly the output of an unsharded run: trial.json without shard, patients.parquet, summary.json, and the shards'
/// per-patient time series when they were run with <c>--timeseries</c>.
/// </summary>
internal static class MergeCommand
{
    public static Command Create(CliContext context)
    {
        var directories = new Argument<string[]>("DIR") { Description = "Shard output directories of one trial (all N of them).", Arity = ArgumentArity.OneOrMore };
        var outOption = new Option<string>("--out", "-o") { Description = "Directory for the combined results.", HelpName = "OUT", Required = true };
        var csvOption = new Option<bool>("--csv") { Description = "Also write OUT/patients.csv." };
        var jsonOption = new Option<bool>("--json") { Description = "Print summary.json on standard output instead of the table." };
        var command = new Command("merge", "Combine the shards of a trial (exosim trial --shard i/N) into the result of an unsharded run: OUT/trial.json, OUT/patients.parquet, OUT/report.html, OUT/summary.json, and OUT/timeseries/ when the shards were run with --timeseries.")
        {
            directories, outOption, csvOption, jsonOption,
        };
        command.SetAction(parseResult => Execute(context, parseResult.GetValue(directories)!, parseResult.GetValue(outOption)!, parseResult.GetValue(csvOption), parseResult.GetValue(jsonOption)));
        context.AddExamples(command, "exosim merge part1 part2 --out all");
        return command;
    }

    private static int Execute(CliContext context, string[] directories, string output, bool csv, bool json)
    {
        var manifests = directories.Select(d => TrialOutput.ReadManifest(d) ?? throw new UsageException($"'{d}' holds no trial.json: not a trial output directory.")).ToArray();
        var first = manifests[0];
        foreach (var m in manifests)
        {
            if (m.Fingerprint != first.Fingerprint)
            {
                throw new UsageException($"{m.Path}: a different trial from {first.Path} (file, seed or ExoSim version differ); shards of one trial only.");
            }

            if (m.TimeSeries != first.TimeSeries)
            {
                throw new UsageException($"{m.Path} was run {(m.TimeSeries ? "with" : "without")} --timeseries and {first.Path} {(first.TimeSeries ? "with" : "without")}; run every shard the same way.");
            }
        }

        int count = first.Shard?.Count ?? 1;
        var missing = Enumerable.Range(1, count).Where(i => !manifests.Any(m => (m.Shard?.Index ?? 1) == i)).ToArray();
        if (manifests.Any(m => (m.Shard?.Count ?? 1) != count) || missing.Length > 0 || manifests.Length != count)
        {
            throw new UsageException($"merge needs each of the {count} shards exactly once; missing: {(missing.Length == 0 ? "none (a shard is given twice or counts differ)" : string.Join(", ", missing))}.");
        }

        foreach (var m in manifests)
        {
            context.Detail($"exosim merge: shard {m.Shard?.Index ?? 1}/{count} from {m.Path}");
        }

        var trial = TrialOutput.Resolve(first);
        var manifest = TrialManifest.Build(trial, first.SourceText, CliContext.Version, CliContext.Notice, shard: null) with { TimeSeries = first.TimeSeries };
        TrialCommand.Prepare(output, manifest, resume: false);
        if (first.TimeSeries)
        {
            TrialOutput.CopyTimeSeries(output, directories, trial.Population.Count);
        }

        var (summary, text) = TrialOutput.WriteResults(output, manifest, trial, directories, csv, power: null);
        if (json)
        {
            context.Out.Write(text);
            return ExitCodes.Ok;
        }

        context.QuietResult(Path.GetFullPath(Path.Combine(output, TrialOutput.SummaryFileName)));
        TrialCommand.PrintResults(context, summary, output);
        return ExitCodes.Ok;
    }
}
