using System.Globalization;
using System.Text.Json;

namespace ExoSim.Burden.Therapy;

/// <summary>
/// Reads the between-arm HbA1c difference from the text of a trial's <c>summary.json</c>. The trial engine's format is
/// not final; this reads only the minimal fields below and ignores everything else:
/// <code>
/// { "comparisons": [ { "endpoint": "hba1c_percent", "difference": -0.42, "ci95_low": -0.61, "ci95_high": -0.23 } ] }
/// </code>
/// <c>difference</c> is treatment minus control in HbA1c percentage points (NGSP), and <c>ci95_low</c>/<c>ci95_high</c>
/// its 95 % confidence interval. Exactly one comparison may have endpoint <c>hba1c_percent</c>.
/// </summary>
public static class TrialSummaryEffect
{
    /// <summary>The endpoint name read from <c>comparisons[].endpoint</c>.</summary>
    public const string Hba1cEndpoint = "hba1c_percent";

    /// <summary>Parses <paramref name="json"/>; <paramref name="fileName"/> names the file in errors.</summary>
    /// <exception cref="BurdenInputException">Invalid JSON, a missing or mistyped field, or no/several HbA1c comparisons.</exception>
    public static HbA1cEffect Parse(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fileName);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            long line = (exception.LineNumber ?? 0) + 1;
            long column = (exception.BytePositionInLine ?? 0) + 1;
            throw new BurdenInputException($"{fileName}:{line}:{column}", "not valid JSON.", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("comparisons", out var comparisons)
                || comparisons.ValueKind != JsonValueKind.Array)
            {
                throw new BurdenInputException(
                    $"{fileName}: comparisons",
                    $"missing; expected an array of between-arm comparisons, one with \"endpoint\": \"{Hba1cEndpoint}\" and the numbers difference, ci95_low, ci95_high.");
            }

            var matches = comparisons.EnumerateArray()
                .Select((element, index) => (element, index))
                .Where(c => c.element.ValueKind == JsonValueKind.Object
                    && c.element.TryGetProperty("endpoint", out var endpoint)
                    && endpoint.ValueKind == JsonValueKind.String
                    && endpoint.GetString() == Hba1cEndpoint)
                .ToList();
            if (matches.Count != 1)
            {
                throw new BurdenInputException(
                    $"{fileName}: comparisons",
                    matches.Count == 0
                        ? $"no comparison has \"endpoint\": \"{Hba1cEndpoint}\"; the trial must compare HbA1c between two arms."
                        : $"{matches.Count} comparisons have \"endpoint\": \"{Hba1cEndpoint}\"; exosim burden reads exactly one.");
            }

            var (comparison, position) = matches[0];
            string path = $"{fileName}: comparisons[{position.ToString(CultureInfo.InvariantCulture)}]";
            var effect = new HbA1cEffect(
                Number(comparison, "difference", path),
                Number(comparison, "ci95_low", path),
                Number(comparison, "ci95_high", path),
                $"trial {fileName}, comparison {Hba1cEndpoint}");
            return HbA1cEffect.Validated(effect, path);
        }
    }

    private static double Number(JsonElement comparison, string name, string path)
    {
        if (!comparison.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number)
        {
            throw new BurdenInputException($"{path}.{name}", "missing or not a number; expected HbA1c percentage points (treatment minus control).");
        }

        return value.GetDouble();
    }
}
