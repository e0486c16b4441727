using ExoSim.Models.Parameters;
using ExoSim.Numerics.Ode;

namespace ExoSim.Models.Simulation;

/// <summary>
/// What came out of one simulation: a table with <c>time_min</c>, every state and every observable at each output
/// time, plus the parameters used and the solver's statistics.
/// </summary>
public sealed class SimulationResult
{
    private readonly double[] table;

    internal SimulationResult(
        PhysiologyModel model, ParameterSet parameters, IReadOnlyList<string> columns, IReadOnlyList<string> units,
        double[] table, int rowCount, string solver, OdeStatistics statistics)
    {
        Model = model;
        Parameters = parameters;
        Columns = columns;
        ColumnUnits = units;
        this.table = table;
        RowCount = rowCount;
        Solver = solver;
        Statistics = statistics;
    }

    /// <summary>The model simulated.</summary>
    public PhysiologyModel Model { get; }

    /// <summary>The parameters used, with provenance.</summary>
    public ParameterSet Parameters { get; }

    /// <summary>Column names: <c>time_min</c>, then the states, then the observables.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Units of the columns, in the same order.</summary>
    public IReadOnlyList<string> ColumnUnits { get; }

    /// <summary>Number of output rows.</summary>
    public int RowCount { get; }

    /// <summary>The solver's name.</summary>
    public string Solver { get; }

    /// <summary>Steps, rejections, evaluations.</summary>
    public OdeStatistics Statistics { get; }

    /// <summary>One row (time, states, observables).</summary>
    public ReadOnlySpan<double> Row(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, RowCount);
        return table.AsSpan(index * Columns.Count, Columns.Count);
    }

    /// <summary>A whole column by name.</summary>
    /// <exception cref="KeyNotFoundException">With suggestions when the name is unknown.</exception>
    public double[] Column(string name)
    {
        int c = ColumnIndex(name);
        var values = new double[RowCount];
        for (int r = 0; r < RowCount; r++)
        {
            values[r] = table[(r * Columns.Count) + c];
        }

        return values;
    }

    /// <summary>Index of a column by name.</summary>
    public int ColumnIndex(string name)
    {
        for (int c = 0; c < Columns.Count; c++)
        {
            if (string.Equals(Columns[c], name, StringComparison.Ordinal))
            {
                return c;
            }
        }

        throw new KeyNotFoundException($"No output column '{name}'. {NameSuggestions.Describe(name, Columns)}");
    }

    /// <summary>Whether a column exists.</summary>
    public bool HasColumn(string name) => Columns.Contains(name, StringComparer.Ordinal);

}
