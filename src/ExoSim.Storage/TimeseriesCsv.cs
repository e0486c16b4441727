using System.Globalization;
using ExoSim.Models.Simulation;

namespace ExoSim.Storage;

/// <summary>
/// The <c>timeseries.csv</c> format: a header with the column names (<c>time_min</c> first, then states and
/// observables by their documented names), one row per output time, numbers in invariant culture with the shortest
/// text that reads back to the same double (so the file is exact and diff-able).
/// </summary>
public static class TimeseriesCsv
{
    /// <summary>The file name used in an output directory.</summary>
    public const string FileName = "timeseries.csv";

    /// <summary>Writes the selected columns of <paramref name="result"/> to <paramref name="path"/> atomically.</summary>
    /// <exception cref="KeyNotFoundException">A column the result does not have.</exception>
    /// <returns>The full path written.</returns>
    public static string Write(string path, SimulationResult result, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(columns);
        var indices = columns.Select(result.ColumnIndex).ToArray();
        return AtomicFile.WriteText(path, writer => WriteTo(writer, result, columns, indices));
    }

    private static void WriteTo(TextWriter writer, SimulationResult result, IReadOnlyList<string> columns, int[] indices)
    {
        writer.WriteLine(string.Join(',', columns));
        Span<char> buffer = stackalloc char[32];
        for (int r = 0; r < result.RowCount; r++)
        {
            var row = result.Row(r);
            for (int c = 0; c < indices.Length; c++)
            {
                if (c > 0)
                {
                    writer.Write(',');
                }

                double value = row[indices[c]];
                if (value.TryFormat(buffer, out int written, "R", CultureInfo.InvariantCulture))
                {
                    writer.Write(buffer[..written]);
                }
                else
                {
                    writer.Write(value.ToString("R", CultureInfo.InvariantCulture));
                }
            }

            writer.WriteLine();
        }
    }
}
