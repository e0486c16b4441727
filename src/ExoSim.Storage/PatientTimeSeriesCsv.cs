namespace ExoSim.Storage;

/// <summary>
/// Per-patient time series of a trial chunk (<c>timeseries/chunk-NNNNN.csv</c>): a header <c>patient_index,arm,</c>
/// then the column names; one row per patient and output sample, patients in the order given, numbers as in
/// <see cref="TimeseriesCsv"/> (shortest text that reads back to the same double).
/// </summary>
public static class PatientTimeSeriesCsv
{
    /// <summary>Writes the patients' columns (each patient's columns of equal length, one per name) to <paramref name="path"/> atomically.</summary>
    /// <exception cref="ArgumentException">A patient's columns differ from the names in number or from each other in length (nothing is written).</exception>
    /// <returns>The full path written.</returns>
    public static string Write(string path, IReadOnlyList<string> names, IEnumerable<(int Index, string Arm, IReadOnlyList<double[]> Columns)> patients)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(patients);
        var list = patients.ToList();
        if (list.Any(p => p.Columns.Count != names.Count || p.Columns.Any(c => c.Length != p.Columns[0].Length)))
        {
            throw new ArgumentException("Expected one column of values per name for every patient, all of the same length.");
        }

        return AtomicFile.WriteText(path, writer =>
        {
            writer.WriteLine(string.Join(',', ["patient_index", "arm", .. names.Select(PatientTableCsv.Quote)]));
            var cells = new double[names.Count];
            foreach (var (index, arm, columns) in list)
            {
                string prefix = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{index},{PatientTableCsv.Quote(arm)},");
                for (int r = 0; r < columns[0].Length; r++)
                {
                    for (int c = 0; c < cells.Length; c++)
                    {
                        cells[c] = columns[c][r];
                    }

                    writer.Write(prefix);
                    TimeseriesCsv.WriteRow(writer, cells);
                }
            }
        });
    }
}
