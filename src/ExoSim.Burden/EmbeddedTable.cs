using System.Globalization;
using System.Text;

namespace ExoSim.Burden;

/// <summary>
/// The small CSV tables shipped inside this assembly (Data/*.csv): '#' comment lines, a header, comma-separated
/// fields, double quotes around fields that contain commas. Rows are read by column name.
/// </summary>
internal sealed class EmbeddedTable
{
    private readonly Dictionary<string, int> columns;

    private EmbeddedTable(string name, string[] header, List<string[]> rows)
    {
        Name = name;
        columns = header.Select((column, index) => (column, index)).ToDictionary(c => c.column, c => c.index, StringComparer.Ordinal);
        Rows = rows;
    }

    /// <summary>The resource name (for messages).</summary>
    public string Name { get; }

    /// <summary>Data rows, fields in header order.</summary>
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>Reads the embedded resource <paramref name="resourceName"/>.</summary>
    public static EmbeddedTable Load(string resourceName)
    {
        using var stream = typeof(EmbeddedTable).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded table '{resourceName}' is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string[]? header = null;
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] fields = Split(line);
            if (header is null)
            {
                header = fields;
                continue;
            }

            if (fields.Length != header.Length)
            {
                throw new InvalidOperationException($"{resourceName}: a row has {fields.Length} fields, the header {header.Length}: {line}");
            }

            rows.Add(fields);
        }

        return new EmbeddedTable(resourceName, header ?? throw new InvalidOperationException($"{resourceName} has no header."), rows);
    }

    /// <summary>The text of <paramref name="column"/> in <paramref name="row"/>.</summary>
    public string Text(string[] row, string column) => row[columns[column]];

    /// <summary>The number in <paramref name="column"/>, or null when the field is empty.</summary>
    public double? OptionalNumber(string[] row, string column)
    {
        string text = Text(row, column);
        return text.Length == 0 ? null : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>The number in <paramref name="column"/>, which must be present.</summary>
    public double Number(string[] row, string column) =>
        OptionalNumber(row, column) ?? throw new InvalidOperationException($"{Name}: column {column} is empty in a row that needs it.");

    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
