using System.Globalization;
using ExoSim.Reports.Html;
using ExoSim.Storage;
using ExoSim.Trials.Fitting;

namespace ExoSim.Cli.Commands;

/// <summary>Files written by <c>exosim fit</c>.</summary>
/// <param name="Summary">fit.json.</param>
/// <param name="Points">fit.csv: observed, predicted and residuals.</param>
/// <param name="Profiles">profiles.csv, or null without profiles.</param>
/// <param name="Report">report.html.</param>
/// <param name="Plots">plots/*.png.</param>
internal sealed record FitOutputFiles(string Summary, string Points, string? Profiles, string Report, IReadOnlyList<string> Plots);

/// <summary>Writes a fit's outputs atomically into its folder.</summary>
internal static class FitOutput
{
    public static FitOutputFiles Write(string directory, ResolvedFit fit, IReadOnlyList<SubjectFitResult> results, FitSummary summary, string summaryText)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var figures = results.Select(r => FitFigures.Render(r, fit.ModelColumns, fit.ModelUnits)).ToArray();
            var plots = new List<string>();
            for (int s = 0; s < results.Count; s++)
            {
                string prefix = results.Count > 1 ? FileSafe(results[s].Subject) + "-" : string.Empty;
                plots.AddRange(figures[s].Fits.Select(f => Png(directory, $"{prefix}fit-{FileSafe(f.Observable)}.png", f.Png)));
                plots.Add(Png(directory, $"{prefix}residuals.png", figures[s].Residuals));
                plots.AddRange(figures[s].Profiles.Select(p => Png(directory, $"{prefix}profile-{FileSafe(p.Parameter)}.png", p.Png)));
            }

            string points = AtomicFile.WriteText(Path.Combine(directory, "fit.csv"), writer =>
            {
                writer.WriteLine("subject,time_min,observable,observed,predicted,residual,sd,weighted_residual");
                foreach (var result in results)
                {
                    foreach (var p in result.Result.Points)
                    {
                        writer.WriteLine(string.Join(',', Csv(result.Subject), N(p.TimeMin), p.Observable, N(p.Observed), N(p.Predicted), N(p.Residual), N(p.StandardDeviation), N(p.WeightedResidual)));
                    }
                }
            });
            string? profiles = results.Any(r => r.Result.Profiles.Count > 0)
                ? AtomicFile.WriteText(Path.Combine(directory, "profiles.csv"), writer =>
                {
                    writer.WriteLine("subject,parameter,value,delta_minus_2_log_likelihood,converged");
                    foreach (var result in results)
                    {
                        foreach (var profile in result.Result.Profiles)
                        {
                            foreach (var point in profile.Points)
                            {
                                writer.WriteLine(string.Join(',', Csv(result.Subject), profile.Parameter, N(point.Value), N(point.DeltaMinusTwoLogLikelihood), point.Converged ? "true" : "false"));
                            }
                        }
                    }
                })
                : null;
            string report = AtomicFile.WriteAllText(Path.Combine(directory, "report.html"), FitReport.Build(summary, figures));
            string json = AtomicFile.WriteAllText(Path.Combine(directory, "fit.json"), summaryText);
            return new FitOutputFiles(json, points, profiles, report, plots);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RunFailureException($"Cannot write the fit's output to '{directory}': {exception.Message}", exception);
        }
    }

    private static string Png(string directory, string name, byte[] png) => AtomicFile.Write(Path.Combine(directory, "plots", name), stream => stream.Write(png));

    private static string FileSafe(string name) => new([.. name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);

    private static string Csv(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal) ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;

    private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
