using System.Globalization;

namespace ExoSim.Storage.Tests;

public class PatientTimeSeriesCsvTests
{
    [Fact]
    public void Each_patient_is_written_sample_by_sample_after_its_index_and_arm_and_reads_back_exactly()
    {
        using var directory = new TemporaryDirectory();
        double third = 1.0 / 3;
        string path = PatientTimeSeriesCsv.Write(
            Path.Combine(directory.Path, "timeseries", "chunk-00000.csv"),
            ["time_min", "glucose_mg_dl"],
            [(0, "control", [[0, 5], [100, third]]), (7, "dose, high", [[0], [250.5]])]);

        string[] lines = File.ReadAllLines(path);
        Assert.Equal(["patient_index,arm,time_min,glucose_mg_dl", "0,control,0,100", "0,control,5,0.3333333333333333", "7,\"dose, high\",0,250.5"], lines);
        Assert.Equal(third, double.Parse(lines[2].Split(',')[3], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Columns_that_do_not_fit_the_names_are_refused_and_nothing_is_written()
    {
        using var directory = new TemporaryDirectory();
        string path = Path.Combine(directory.Path, "ts.csv");
        Assert.Throws<ArgumentException>(() => PatientTimeSeriesCsv.Write(path, ["time_min", "glucose_mg_dl"], [(0, "a", [[0, 5], [100]])]));
        Assert.Throws<ArgumentException>(() => PatientTimeSeriesCsv.Write(path, ["time_min"], [(0, "a", [[0], [100]])]));
        Assert.False(File.Exists(path));
    }
}
