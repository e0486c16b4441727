using System.Globalization;
using ExoSim.Models.Simulation;

namespace ExoSim.Storage;

/// <summary>
/// The CSV format of ExoSim's time series (<c>timeseries.csv</c>, <c>cgm.csv</c>): a header with the column names
/// (<c>time_min</c> first, then states and observables by their documented names), one row per time, numbers in
/// invariant culture with the shortest text that reads back to the same double (so files are exact and diff-able).
/// </summary>
public static class TimeseriesCsv
{
    /// <summary>The model output file of an output directory.</summary>
    public const string FileName = "timeseries.csv";

    /// <summary>The CGM readings file of an output directory.</summary>
    public const string CgmFileName = "cgm.csv";

    /// <summary>Writes the selected columns of <paramref name="result"/> to <paramref name="path"/> atomically.</summary>
    /// <exception cref="KeyNotFoundException">A column the result does not have (nothing is written).</exception>
    /// <returns>The full path written.</returns>
    public static string Write(string path, SimulationResult result, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(columns);
        var indices = columns.Select(result.ColumnIndex).ToArray();
        return AtomicFile.WriteText(path, writer =>
        {
            writer.WriteLine(string.Join(',', columns));
            var cells = new double[indices.Length];
            for (int r = 0; r < result.RowCount; r++)
            {
                var row = result.Row(r);
                for (int c = 0; c < indices.Length; c++)
                {
                    cells[c] = row[indices[c]];
                }

                WriteRow(writer, cells);
            }
        });
    }

    /// <summary>Writes named columns of equal length to <paramref name="path"/> atomically.</summary>
    /// <exception cref="ArgumentException">Names and columns differ in number, or columns differ in length.</exception>
    /// <returns>The full path written.</returns>
    public static string WriteColumns(string path, IReadOnlyList<string> names, IReadOnlyList<IReadOnlyList<double>> columns)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(columns);
        if (names.Count != columns.Count || columns.Count == 0 || columns.Any(c => c.Count != columns[0].Count))
        {
            throw new ArgumentException("Expected one column of values per name, all of the same length.");
        }

        return AtomicFile.WriteText(path, writer =>
        {
            writer.WriteLine(string.Join(',', names));
            var cells = new double[columns.Count];
            for (int r = 0; r < columns[0].Count; r++)
            {
                for (int c = 0; c < columns.Count; c++)
                {
                    cells[c] = columns[c][r];
                }

                WriteRow(writer, cells);
            }
        });
    }

    /// <summary>Writes one row of numbers (shortest round-trip text), then the end of the line.</summary>
    internal static void WriteRow(TextWriter writer, ReadOnlySpan<double> cells)
    {
        Span<char> buffer = stackalloc char[32];
        for (int c = 0; c < cells.Length; c++)
        {
            if (c > 0)
            {
                writer.Write(',');
            }

            if (cells[c].TryFormat(buffer, out int written, "R", CultureInfo.InvariantCulture))
            {
                writer.Write(buffer[..written]);
            }
            else
            {
                writer.Write(cells[c].ToString("R", CultureInfo.InvariantCulture));
            }
        }

        writer.WriteLine();
    }
}
