using System.Globalization;
using ExoSim.Models.Bergman;
using ExoSim.Models.Simulation;
using ExoSim.Numerics.Ode.ExplicitRungeKutta;
using ExoSim.Numerics.Ode;

namespace ExoSim.Storage.Tests;

public class TimeseriesCsvTests
{
    private static SimulationResult Ivgtt()
    {
        var model = new BergmanMinimalModel();
        return Simulator.Run(
            new SimulationRequest { Model = model, Parameters = model.Patient(model.DefaultPatient), DurationMin = 30, OutputIntervalMin = 0.7 },
            new DormandPrince54(),
            new SolverOptions());
    }

    [Fact]
    public void Values_read_back_bit_identical_in_the_requested_column_order()
    {
        using var directory = new TemporaryDirectory();
        var result = Ivgtt();
        string path = TimeseriesCsv.Write(Path.Combine(directory.Path, "ts.csv"), result, ["time_min", "I", "G"]);

        string[] lines = File.ReadAllLines(path);
        Assert.Equal("time_min,I,G", lines[0]);
        Assert.Equal(result.RowCount + 1, lines.Length);
        var insulin = result.Column("I");
        var times = result.Column("time_min");
        for (int r = 0; r < result.RowCount; r++)
        {
            string[] cells = lines[r + 1].Split(',');
            Assert.Equal(times[r], double.Parse(cells[0], CultureInfo.InvariantCulture));
            Assert.Equal(insulin[r], double.Parse(cells[1], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void An_unknown_column_fails_before_anything_is_written()
    {
        using var directory = new TemporaryDirectory();
        string path = Path.Combine(directory.Path, "ts.csv");
        Assert.Throws<KeyNotFoundException>(() => TimeseriesCsv.Write(path, Ivgtt(), ["time_min", "Q"]));
        Assert.False(File.Exists(path));
    }
}
