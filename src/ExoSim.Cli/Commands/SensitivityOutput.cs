using System.Globalization;
using System.Text;
using ExoSim.Reports.Html;
using ExoSim.Reports.Plots;
using ExoSim.Storage;
using ExoSim.Trials.Sensitivity;

namespace ExoSim.Cli.Commands;

/// <summary>
/// The files of <c>exosim sensitivity</c>, each written atomically: <c>indices.csv</c>, <c>samples.csv</c>, the
/// plots, <c>report.html</c>, and <c>sensitivity.json</c> last (its presence means the run finished).
/// </summary>
internal static class SensitivityOutput
{
    public const string SummaryFileName = "sensitivity.json";
    public const string IndicesFileName = "indices.csv";
    public const string SamplesFileName = "samples.csv";
    public const string ReportFileName = "report.html";
    public const string TornadoFileName = "plots/tornado.png";
    public const string SobolFileName = "plots/sobol.png";

    /// <summary>Writes every file; returns the text of sensitivity.json.</summary>
    /// <exception cref="RunFailureException">A file cannot be written.</exception>
    public static string Write(string directory, SensitivitySummary summary, SensitivityResult result)
    {
        string json = CliJson.Serialize(summary);
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, "plots"));
            AtomicFile.WriteAllText(Path.Combine(directory, IndicesFileName), IndicesCsv(summary));
            AtomicFile.WriteAllText(Path.Combine(directory, SamplesFileName), SamplesCsv(summary, result));
            if (SensitivityPlots.TornadoPng(summary) is { } tornado)
            {
                AtomicFile.Write(Path.Combine(directory, TornadoFileName), stream => stream.Write(tornado));
            }

            if (SensitivityPlots.SobolPng(summary) is { } sobol)
            {
                AtomicFile.Write(Path.Combine(directory, SobolFileName), stream => stream.Write(sobol));
            }

            AtomicFile.WriteAllText(Path.Combine(directory, ReportFileName), SensitivityReport.Build(summary));
            AtomicFile.WriteAllText(Path.Combine(directory, SummaryFileName), json);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RunFailureException($"Cannot write the results to '{directory}': {exception.Message}", exception);
        }

        return json;
    }

    /// <summary>One row per factor: its range and every index of the method (empty cells for other methods' indices).</summary>
    internal static string IndicesCsv(SensitivitySummary summary)
    {
        var text = new StringBuilder("factor,unit,nominal,lower,upper,distribution,local_coefficient,morris_mu,morris_mu_star,morris_sigma,first_order,first_order_lower,first_order_upper,total_order,total_order_lower,total_order_upper,rank\n");
        foreach (var (factor, indices) in summary.Factors.Zip(summary.Indices))
        {
            text.AppendJoin(',',
            [
                Csv(factor.Name), Csv(factor.Unit), R(factor.Nominal), R(factor.Lower), R(factor.Upper), factor.Distribution,
                R(indices.LocalCoefficient), R(indices.MorrisMu), R(indices.MorrisMuStar), R(indices.MorrisSigma),
                R(indices.FirstOrder?.Estimate), R(indices.FirstOrder?.Lower), R(indices.FirstOrder?.Upper),
                R(indices.TotalOrder?.Estimate), R(indices.TotalOrder?.Lower), R(indices.TotalOrder?.Upper),
                (summary.Ranking.ToList().IndexOf(factor.Name) + 1).ToString(CultureInfo.InvariantCulture),
            ]).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Every evaluation in order: its place in the design, the factors' values (parameter units) and the output.</summary>
    internal static string SamplesCsv(SensitivitySummary summary, SensitivityResult result)
    {
        var names = summary.Factors.Select(f => f.Name).ToArray();
        var text = new StringBuilder("evaluation,design,").AppendJoin(',', names.Select(Csv)).Append(",output\n");
        for (int j = 0; j < result.Sample.Outputs.Count; j++)
        {
            text.Append(j.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Csv(Design(summary, names, j))).Append(',');
            text.AppendJoin(',', result.Sample.Points[j].Select(v => R(v))).Append(',').Append(R(result.Sample.Outputs[j])).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The design position of evaluation <paramref name="j"/> (the point layouts of docs/sensitivity.md).</summary>
    private static string Design(SensitivitySummary summary, string[] names, int j)
    {
        int k = names.Length;
        switch (summary.Method.Name)
        {
            case "local":
                return j == 0 ? "nominal" : $"{names[(j - 1) / 2]} {((j - 1) % 2 == 0 ? "+h" : "-h")}";
            case "morris":
                int step = j % (k + 1);
                return $"trajectory {(j / (k + 1)) + 1} " + (step == 0 ? "start" : $"step {step}");
            default:
                int n = summary.Method.Samples!.Value;
                int block = j / n;
                string matrix = block switch { 0 => "A", 1 => "B", _ => $"A_B({names[block - 2]})" };
                return $"{matrix} row {(j % n) + 1}";
        }
    }

    private static string R(double? value) => value is double v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string Csv(string value) => value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
        ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : value;
}
