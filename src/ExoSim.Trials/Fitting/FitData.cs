using System.Globalization;
using ExoSim.Models.Units;
using ExoSim.Trials.Scenarios;

namespace ExoSim.Trials.Fitting;

/// <summary>A measured column of a data file: its name and unit as written in the header (<c>glucose [mg/dL]</c>).</summary>
/// <param name="Name">The column's name.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Location">Where the header cell is.</param>
public sealed record FitDataColumn(string Name, string Unit, SourceLocation Location);

/// <summary>One measured value.</summary>
/// <param name="Subject">Subject name ("" without a subject column).</param>
/// <param name="TimeMin">Sample time (min).</param>
/// <param name="Column">Index into <see cref="FitData.Columns"/>.</param>
/// <param name="Value">The value in the column's unit.</param>
/// <param name="Location">Where it is in the file.</param>
public sealed record FitSample(string Subject, double TimeMin, int Column, double Value, SourceLocation Location);

/// <summary>
/// A data file of a fit: CSV with a header row of <c>name [unit]</c> cells — one time column (<c>time [min]</c>, any
/// time unit), an optional <c>subject</c> column, and one column per measured quantity; empty cells are missing
/// values; lines starting with <c>#</c> are comments.
/// </summary>
/// <param name="File">The file's path.</param>
/// <param name="Columns">The measured columns.</param>
/// <param name="Samples">Every non-empty value, in file order.</param>
public sealed record FitData(string File, IReadOnlyList<FitDataColumn> Columns, IReadOnlyList<FitSample> Samples)
{
    /// <summary>Subjects in order of first appearance.</summary>
    public IReadOnlyList<string> Subjects => [.. Samples.Select(s => s.Subject).Distinct()];

    /// <summary>Reads a data file.</summary>
    /// <exception cref="ScenarioException">A malformed header, unit or value (file, line, column).</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static FitData ReadFile(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new FileNotFoundException($"Data file '{path}' does not exist.", path);
        }

        return Read(System.IO.File.ReadAllLines(path), path);
    }

    /// <summary>Reads the lines of a data file; <paramref name="file"/> names it in messages.</summary>
    /// <exception cref="ScenarioException">A malformed header, unit or value.</exception>
    public static FitData Read(IReadOnlyList<string> lines, string file)
    {
        ArgumentNullException.ThrowIfNull(lines);
        int headerLine = Enumerable.Range(0, lines.Count).FirstOrDefault(i => !IsSkipped(lines[i]), -1);
        if (headerLine < 0)
        {
            throw new ScenarioException(new SourceLocation(file, 1, 1), "(header)", "the data file is empty; it needs a header such as 'time [min],glucose [mg/dL]'.");
        }

        var cells = Split(lines[headerLine]);
        int timeIndex = -1, subjectIndex = -1;
        double timeFactor = 1;
        var columns = new List<(int Index, FitDataColumn Column)>();
        for (int c = 0; c < cells.Length; c++)
        {
            var at = Cell(file, headerLine, lines[headerLine], c);
            var (name, unit) = NameAndUnit(cells[c]);
            if (name == "subject" && unit.Length == 0)
            {
                subjectIndex = c;
            }
            else if (name is "time" or "time_min")
            {
                if (timeIndex >= 0)
                {
                    throw new ScenarioException(at, "(header)", "a second time column; the data need exactly one.");
                }

                timeIndex = c;
                try
                {
                    timeFactor = UnitCatalog.Parse($"1 {(unit.Length == 0 && name == "time_min" ? "min" : unit)}", Dimension.Time);
                }
                catch (FormatException exception)
                {
                    throw new ScenarioException(at, "(header)", $"the time column needs a time unit, e.g. 'time [min]': {exception.Message}", exception);
                }
            }
            else
            {
                if (name.Length == 0 || unit.Length == 0)
                {
                    throw new ScenarioException(at, "(header)", $"column '{cells[c]}' needs a name and a unit in brackets, e.g. 'glucose [mg/dL]'.");
                }

                if (columns.Any(existing => existing.Column.Name == name))
                {
                    throw new ScenarioException(at, "(header)", $"column '{name}' appears twice.");
                }

                columns.Add((c, new FitDataColumn(name, unit, at)));
            }
        }

        if (timeIndex < 0)
        {
            throw new ScenarioException(new SourceLocation(file, headerLine + 1, 1), "(header)", "no time column: name one 'time [min]' (or h, s, d).");
        }

        if (columns.Count == 0)
        {
            throw new ScenarioException(new SourceLocation(file, headerLine + 1, 1), "(header)", "no measured column: add one such as 'glucose [mg/dL]'.");
        }

        var samples = new List<FitSample>();
        for (int line = headerLine + 1; line < lines.Count; line++)
        {
            if (IsSkipped(lines[line]))
            {
                continue;
            }

            var row = Split(lines[line]);
            if (row.Length != cells.Length)
            {
                throw new ScenarioException(new SourceLocation(file, line + 1, 1), "(row)", $"{row.Length} cells; the header has {cells.Length}.");
            }

            double time = Number(file, line, lines[line], timeIndex, row[timeIndex], "time") * timeFactor;
            string subject = subjectIndex >= 0 ? row[subjectIndex] : string.Empty;
            for (int k = 0; k < columns.Count; k++)
            {
                var (index, column) = columns[k];
                if (row[index].Length > 0)
                {
                    samples.Add(new FitSample(subject, time, k, Number(file, line, lines[line], index, row[index], column.Name), Cell(file, line, lines[line], index)));
                }
            }
        }

        return new FitData(file, [.. columns.Select(c => c.Column)], samples);
    }

    private static bool IsSkipped(string line) => line.Trim().Length == 0 || line.TrimStart().StartsWith('#');

    private static string[] Split(string line) => [.. line.Split(',').Select(cell => cell.Trim())];

    /// <summary>"glucose [mg/dL]" or "glucose (mg/dL)" → (glucose, mg/dL); "subject" → (subject, "").</summary>
    private static (string Name, string Unit) NameAndUnit(string cell)
    {
        int open = cell.IndexOfAny(['[', '(']);
        if (open < 0)
        {
            return (cell, string.Empty);
        }

        char close = cell[open] == '[' ? ']' : ')';
        int end = cell.LastIndexOf(close);
        return end > open ? (cell[..open].Trim(), cell[(open + 1)..end].Trim()) : (cell, string.Empty);
    }

    private static double Number(string file, int line, string text, int cell, string value, string column)
        => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number)
            ? number
            : throw new ScenarioException(Cell(file, line, text, cell), column, $"expected a number; got '{value}' (leave the cell empty for a missing value).");

    private static SourceLocation Cell(string file, int line, string text, int cell)
    {
        int column = 1;
        for (int i = 0, seen = 0; i < text.Length && seen < cell; i++)
        {
            if (text[i] == ',')
            {
                seen++;
                column = i + 2;
            }
        }

        return new SourceLocation(file, line + 1, column);
    }
}
