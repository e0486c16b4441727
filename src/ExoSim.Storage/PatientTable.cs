using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;

namespace ExoSim.Storage;

/// <summary>The columns of a patient table: <c>patient_index</c> (integer) first, then text columns, then numbers.</summary>
/// <param name="TextColumns">Names of the text columns.</param>
/// <param name="NumberColumns">Names of the number columns (double).</param>
public sealed record PatientTableSchema(IReadOnlyList<string> TextColumns, IReadOnlyList<string> NumberColumns)
{
    /// <summary>Name of the first column.</summary>
    public const string IndexColumn = "patient_index";

    /// <summary>Every column name in file order.</summary>
    public IReadOnlyList<string> AllColumns => [IndexColumn, .. TextColumns, .. NumberColumns];
}

/// <summary>One patient's row.</summary>
/// <param name="Index">Patient index.</param>
/// <param name="Text">Text cells, in the schema's order.</param>
/// <param name="Numbers">Number cells, in the schema's order (NaN: not defined).</param>
public sealed record PatientTableRow(int Index, IReadOnlyList<string> Text, IReadOnlyList<double> Numbers);

/// <summary>
/// The patient table of a trial as CSV (RFC 4180 quoting; numbers with the shortest text that reads back to the same
/// double, NaN as an empty cell), and reading it back exactly: chunks of a running trial are stored this way so that
/// resume and merge see bit-identical values.
/// </summary>
public static class PatientTableCsv
{
    /// <summary>The patient table's file name.</summary>
    public const string FileName = "patients.csv";

    /// <summary>Writes <paramref name="rows"/> atomically.</summary>
    /// <returns>The full path written.</returns>
    public static string Write(string path, PatientTableSchema schema, IEnumerable<PatientTableRow> rows)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(rows);
        return AtomicFile.WriteText(path, writer =>
        {
            writer.WriteLine(string.Join(',', schema.AllColumns.Select(Quote)));
            var line = new StringBuilder();
            foreach (var row in rows)
            {
                line.Clear();
                line.Append(row.Index.ToString(CultureInfo.InvariantCulture));
                foreach (string text in row.Text)
                {
                    line.Append(',').Append(Quote(text));
                }

                foreach (double number in row.Numbers)
                {
                    line.Append(',');
                    if (!double.IsNaN(number))
                    {
                        line.Append(number.ToString("R", CultureInfo.InvariantCulture));
                    }
                }

                writer.WriteLine(line);
            }
        });
    }

    /// <summary>Reads a table written by <see cref="Write"/> with the expected <paramref name="schema"/>.</summary>
    /// <exception cref="InvalidDataException">The header or a row does not fit the schema (names the file and line).</exception>
    public static List<PatientTableRow> Read(string path, PatientTableSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var lines = File.ReadAllLines(path);
        string expected = string.Join(',', schema.AllColumns.Select(Quote));
        if (lines.Length == 0 || lines[0] != expected)
        {
            throw new InvalidDataException($"{path}:1: the header does not match this trial's columns.");
        }

        var rows = new List<PatientTableRow>(lines.Length - 1);
        for (int l = 1; l < lines.Length; l++)
        {
            var cells = Split(lines[l]);
            if (cells.Count != schema.AllColumns.Count || !int.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index))
            {
                throw new InvalidDataException($"{path}:{l + 1}: expected {schema.AllColumns.Count} cells starting with the patient index.");
            }

            var text = cells.Skip(1).Take(schema.TextColumns.Count).ToArray();
            var numbers = new double[schema.NumberColumns.Count];
            for (int c = 0; c < numbers.Length; c++)
            {
                string cell = cells[1 + schema.TextColumns.Count + c];
                if (cell.Length == 0)
                {
                    numbers[c] = double.NaN;
                }
                else if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[c]))
                {
                    throw new InvalidDataException($"{path}:{l + 1}: '{cell}' in column {schema.NumberColumns[c]} is not a number.");
                }
            }

            rows.Add(new PatientTableRow(index, text, numbers));
        }

        return rows;
    }

    /// <summary>A CSV cell: quoted when it holds a comma, quote or line break.</summary>
    internal static string Quote(string text)
        => text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}

/// <summary>
/// The patient table as Apache Parquet (Parquet.Net): one row group per batch of rows, so a trial of any size is
/// written with the memory of one batch; <c>patient_index</c> as int32, text as UTF-8 strings, numbers as doubles
/// (NaN where not defined).
/// </summary>
public static class PatientTableParquet
{
    /// <summary>The patient table's file name.</summary>
    public const string FileName = "patients.parquet";

    /// <summary>Writes the batches atomically, each as one row group.</summary>
    /// <returns>The full path written.</returns>
    public static string Write(string path, PatientTableSchema schema, IEnumerable<IReadOnlyList<PatientTableRow>> batches)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(batches);
        var index = new DataField<int>(PatientTableSchema.IndexColumn);
        var text = schema.TextColumns.Select(n => new DataField<string>(n)).ToArray();
        var numbers = schema.NumberColumns.Select(n => new DataField<double>(n)).ToArray();
        var parquetSchema = new ParquetSchema([index, .. text, .. numbers]);
        return AtomicFile.Write(path, stream => WriteAsync(stream, parquetSchema, index, text, numbers, batches).GetAwaiter().GetResult());
    }

    private static async Task WriteAsync(Stream stream, ParquetSchema schema, DataField<int> index, DataField<string>[] text, DataField<double>[] numbers, IEnumerable<IReadOnlyList<PatientTableRow>> batches)
    {
        await using var writer = await ParquetWriter.CreateAsync(schema, stream).ConfigureAwait(false);
        foreach (var batch in batches)
        {
            if (batch.Count == 0)
            {
                continue;
            }

            using var group = writer.CreateRowGroup();
            await group.WriteAsync(index, new ReadOnlyMemory<int>(batch.Select(r => r.Index).ToArray())).ConfigureAwait(false);
            for (int c = 0; c < text.Length; c++)
            {
                await group.WriteAsync(text[c], batch.Select(r => r.Text[c]).ToArray()).ConfigureAwait(false);
            }

            for (int c = 0; c < numbers.Length; c++)
            {
                await group.WriteAsync(numbers[c], new ReadOnlyMemory<double>(batch.Select(r => r.Numbers[c]).ToArray())).ConfigureAwait(false);
            }
        }
    }
}
