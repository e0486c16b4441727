using System.CommandLine;
using System.Globalization;
using ExoSim.Analysis.Estimation;
using ExoSim.Trials.Fitting;
using ExoSim.Trials.Scenarios;
using Spectre.Console;

namespace ExoSim.Cli.Commands;

/// <summary>
/// <c>exosim fit FIT.yaml [--out DIR] [--json]</c>: estimates model parameters from data (format in docs/fit.md) with
/// standard errors, CIs, correlations and profile likelihoods; writes DIR/fit.json, fit.csv, profiles.csv,
/// plots/*.png and report.html, and records the run in the registry.
/// </summary>
internal static class FitCommand
{
    public static Command Create(CliContext context)
    {
        var fitArgument = new Argument<string>("FIT") { Description = "Fit specification (YAML); format in docs/fit.md." };
        var outOption = new Option<string?>("--out", "-o")
        {
            Description = "Directory for the outputs (created if missing). Default: exosim-out/<fit file name>.",
            HelpName = "DIR",
        };
        var jsonOption = new Option<bool>("--json") { Description = "Print fit.json on standard output instead of the table." };
        var registryOption = RunRegistryAccess.CreateOption();
        var command = new Command(
            "fit",
            "Fit model parameters to data (CSV with units; each subject separately), with uncertainty: Levenberg–Marquardt or seeded "
            + "multi-start Nelder–Mead on weighted least squares or −2 log-likelihood (additive/proportional/combined error), log-space "
            + "bounds, SE and 95 % CIs from the Fisher information, correlations, AIC/BIC, residuals and profile likelihoods "
            + "(identifiability). Writes DIR/fit.json, fit.csv, profiles.csv, plots/*.png and report.html, and records the run.")
        {
            fitArgument,
            outOption,
            jsonOption,
            registryOption,
        };
        command.SetAction(parseResult => Execute(
            context,
            parseResult.GetValue(fitArgument)!,
            parseResult.GetValue(outOption),
            parseResult.GetValue(jsonOption),
            parseResult.GetValue(registryOption)));
        context.AddExamples(
            command,
            "exosim fit examples/fit-ivgtt.yaml",
            "exosim fit examples/fit-ivgtt.yaml --out results/ivgtt-fit --json");
        return command;
    }

    private static int Execute(CliContext context, string fitPath, string? outputDirectory, bool json, string? registry)
    {
        ResolvedFit fit;
        try
        {
            var document = FitReader.ReadFile(fitPath);
            fit = FitResolver.Resolve(document, FitData.ReadFile(document.DataFile.Value));
        }
        catch (ScenarioException exception)
        {
            throw new UsageException(exception.Message, exception);
        }
        catch (FileNotFoundException exception)
        {
            throw new UsageException(exception.Message, exception);
        }

        string directory = outputDirectory ?? Path.Combine("exosim-out", Path.GetFileNameWithoutExtension(fitPath));
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new UsageException("--out needs a directory name.");
        }

        ulong? seed = fit.Settings.Optimizer == OptimizerKind.MultiStartNelderMead ? fit.Settings.Seed : null;
        var recorder = RunRegistryAccess.StartRecording(context, registry, "fit", fitPath, fitPath, fit.Document.Text, directory, seed);
        try
        {
            IReadOnlyList<SubjectFitResult> results;
            try
            {
                results = FitRunner.Run(fit);
            }
            catch (EstimationException exception)
            {
                throw new RunFailureException($"{fitPath}: {exception.Message}", exception);
            }

            var summary = FitSummary.Build(fit, results, CliContext.Version, CliContext.Notice);
            string summaryText = CliJson.Serialize(summary);
            var files = FitOutput.Write(directory, fit, results, summary, summaryText);
            recorder.Completed(Headline(summary));
            if (json)
            {
                context.Out.Write(summaryText);
                return ExitCodes.Ok;
            }

            var console = context.CreateConsole();
            foreach (var subject in summary.Subjects)
            {
                console.Write(BuildTable(summary, subject));
            }

            console.WriteLine(CliContext.Notice);
            console.WriteLine($"Fit summary written to {files.Summary}");
            console.WriteLine($"Observed, predicted and residuals written to {files.Points}");
            if (files.Profiles is not null)
            {
                console.WriteLine($"Profile likelihoods written to {files.Profiles}");
            }

            console.WriteLine($"Report written to {files.Report}");
            if (recorder.Enabled)
            {
                console.WriteLine($"Recorded as run {recorder.Id} (exosim runs show {recorder.Id})");
            }

            return ExitCodes.Ok;
        }
        catch (RunFailureException exception)
        {
            recorder.Failed(exception.Message);
            throw;
        }
    }

    /// <summary>The first subject's estimates and goodness of fit, as recorded in the registry.</summary>
    private static Dictionary<string, double> Headline(FitSummary summary)
    {
        var headline = new Dictionary<string, double>(StringComparer.Ordinal) { ["subjects"] = summary.Subjects.Count };
        var first = summary.Subjects[0];
        foreach (var estimate in first.Estimates.Concat(first.Derived))
        {
            headline[estimate.Name] = estimate.Estimate;
        }

        headline["objective"] = first.ObjectiveValue;
        if (first.Aic is double aic)
        {
            headline["aic"] = aic;
        }
        return headline;
    }

    private static Table BuildTable(FitSummary summary, SubjectFitSummary subject)
    {
        string who = subject.Subject.Length > 0 ? $", subject {subject.Subject}" : string.Empty;
        var table = new Table()
            .Title(Markup.Escape($"exosim fit: {summary.Name ?? summary.File}{who}"))
            .AddColumn("Parameter").AddColumn("Unit").AddColumn(new TableColumn("Estimate").RightAligned()).AddColumn(new TableColumn("SE").RightAligned())
            .AddColumn(new TableColumn("RSE %").RightAligned()).AddColumn("95 % CI").AddColumn("Note");
        foreach (var e in subject.Estimates.Concat(subject.Derived))
        {
            var profile = subject.Profiles.FirstOrDefault(p => p.Parameter == e.Name);
            string note = e.AtBound ? "on a bound" : profile is null ? string.Empty : $"profile {Ci(profile.ProfileCi95Lower, profile.ProfileCi95Upper)} ({profile.Identifiability})";
            if (subject.Derived.Contains(e))
            {
                note = "derived";
            }

            table.AddRow(Markup.Escape(e.Name), Markup.Escape(e.Unit), G(e.Estimate), G(e.StandardError), e.RsePercent is double r ? r.ToString("0.0", CultureInfo.InvariantCulture) : "–", Ci(e.Ci95Lower, e.Ci95Upper), Markup.Escape(note));
        }

        table.Caption(Markup.Escape(
            $"{summary.Objective} objective {G(subject.ObjectiveValue)}, AIC {G(subject.Aic)}, BIC {G(subject.Bic)}, n = {subject.Observations}; "
            + $"{(subject.Convergence.Converged ? "converged" : "NOT converged")}: {subject.Convergence.Reason}"));
        return table;
    }

    private static string Ci(double? lower, double? upper) => $"{G(lower)} – {G(upper)}";

    private static string G(double? value) => value is double v ? v.ToString("G4", CultureInfo.InvariantCulture) : "–";
}
