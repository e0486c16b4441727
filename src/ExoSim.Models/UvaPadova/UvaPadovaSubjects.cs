using System.Globalization;
using ExoSim.Models.Parameters;

namespace ExoSim.Models.UvaPadova;

/// <summary>
/// The 30 public virtual subjects (embedded <c>Subjects/uva-padova-subjects.tsv</c>, transcribed from simglucose's
/// <c>vpatient_params.csv</c> and <c>Quest.csv</c>; the file's header names the sources).
/// </summary>
internal static class UvaPadovaSubjects
{
    private const string ResourceName = "ExoSim.Models.UvaPadova.Subjects.uva-padova-subjects.tsv";

    private static string ParameterSource(string subject) =>
        "simglucose vpatient_params.csv (github.com/jxx123/simglucose, commit a6f6777586c860457a2a1e6cce6d0bd3fd33d1cc, MIT), " +
        $"subject {subject}, transcribed; UVA/Padova T1D simulator (Kovatchev et al. 2009, doi:10.1177/193229680900300106; " +
        "Dalla Man et al. 2014, doi:10.1177/1932296813514502)";

    private static string CovariateSource(string subject) =>
        $"simglucose Quest.csv (github.com/jxx123/simglucose, commit a6f6777586c860457a2a1e6cce6d0bd3fd33d1cc, MIT), subject {subject}, transcribed";

    private static readonly Lazy<Table> Data = new(Load);

    /// <summary>Subject names in file order (adults, adolescents, children).</summary>
    public static IReadOnlyList<string> Names => Data.Value.Names;

    /// <summary>A value exactly as the file gives it (including simglucose's published derived values).</summary>
    public static double PublishedValue(string subject, string column)
    {
        var table = Data.Value;
        return table.Rows[subject][table.ColumnIndex[column]];
    }

    /// <summary>The subject's parameter set, derived values still as published (call Complete afterwards).</summary>
    public static ParameterSet Build(string subject)
    {
        var table = Data.Value;
        var row = table.Rows[subject];
        var schema = UvaPadovaParameters.Schema;
        var builder = ParameterSet.Create(subject, schema);
        for (int i = 0; i < schema.Count; i++)
        {
            var definition = schema[i];
            double value = row[table.ColumnIndex[definition.Name]];
            if (definition.IsCovariate)
            {
                builder.Set(definition.Name, value, ParameterOrigin.Literature, CovariateSource(subject));
            }
            else if (definition.IsDerived)
            {
                builder.Set(definition.Name, value, ParameterOrigin.Derived, "as published by simglucose (recomputed by Complete)");
            }
            else
            {
                builder.Set(definition.Name, value, ParameterOrigin.Literature, ParameterSource(subject));
            }
        }

        return builder.Build();
    }

    private static Table Load()
    {
        using var stream = typeof(UvaPadovaSubjects).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing.");
        using var reader = new StreamReader(stream);
        string[]? header = null;
        var names = new List<string>();
        var rows = new Dictionary<string, double[]>(StringComparer.Ordinal);
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (header is null)
            {
                header = fields;
                continue;
            }

            if (fields.Length != header.Length)
            {
                throw new InvalidDataException($"{ResourceName}:{lineNumber}: {fields.Length} fields, expected {header.Length}.");
            }

            var values = new double[fields.Length];
            for (int c = 1; c < fields.Length; c++)
            {
                if (!double.TryParse(fields[c], NumberStyles.Float, CultureInfo.InvariantCulture, out values[c]))
                {
                    throw new InvalidDataException($"{ResourceName}:{lineNumber}: '{fields[c]}' in column {header[c]} is not a number.");
                }
            }

            names.Add(fields[0]);
            rows.Add(fields[0], values);
        }

        if (header is null)
        {
            throw new InvalidDataException($"{ResourceName} has no header line.");
        }

        var columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 1; c < header.Length; c++)
        {
            columnIndex.Add(header[c], c);
        }

        foreach (var definition in UvaPadovaParameters.Schema.Definitions)
        {
            if (!columnIndex.ContainsKey(definition.Name))
            {
                throw new InvalidDataException($"{ResourceName} lacks a column for parameter '{definition.Name}'.");
            }
        }

        return new Table(names, rows, columnIndex);
    }

    private sealed record Table(IReadOnlyList<string> Names, Dictionary<string, double[]> Rows, Dictionary<string, int> ColumnIndex);
}
