using Parquet;
using Parquet.Schema;

namespace ExoSim.Storage.Tests;

public class PatientTableTests
{
    private static readonly PatientTableSchema Schema = new(["patient_id", "arm"], ["age_years", "hba1c_percent_baseline"]);

    private static readonly PatientTableRow[] Rows =
    [
        new(0, ["a-00001", "control"], [34.5, 7.123456789012345]),
        new(1, ["b, \"quoted\"", "therapy"], [double.NaN, 0.1 + 0.2]),
        new(2, ["c", "control"], [double.Epsilon, -1e300]),
    ];

    [Fact]
    public void Csv_reads_back_bit_identical_values_and_quoted_text()
    {
        using var directory = new TemporaryDirectory();
        string path = PatientTableCsv.Write(Path.Combine(directory.Path, "chunk.csv"), Schema, Rows);
        Assert.StartsWith("patient_index,patient_id,arm,age_years,hba1c_percent_baseline\n", File.ReadAllText(path), StringComparison.Ordinal);
        var back = PatientTableCsv.Read(path, Schema);
        Assert.Equal(Rows.Length, back.Count);
        for (int i = 0; i < Rows.Length; i++)
        {
            Assert.Equal(Rows[i].Index, back[i].Index);
            Assert.Equal(Rows[i].Text, back[i].Text);
            Assert.Equal(Rows[i].Numbers.Select(BitConverter.DoubleToInt64Bits), back[i].Numbers.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void Csv_with_other_columns_is_refused_with_file_and_line()
    {
        using var directory = new TemporaryDirectory();
        string path = PatientTableCsv.Write(Path.Combine(directory.Path, "chunk.csv"), Schema, Rows);
        var other = Schema with { NumberColumns = ["age_years"] };
        var exception = Assert.Throws<InvalidDataException>(() => PatientTableCsv.Read(path, other));
        Assert.StartsWith($"{path}:1:", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parquet_has_one_row_group_per_batch_and_the_values()
    {
        using var directory = new TemporaryDirectory();
        string path = PatientTableParquet.Write(Path.Combine(directory.Path, "patients.parquet"), Schema, [Rows[..2], Rows[2..]]);
        await using var reader = await ParquetReader.CreateAsync(path);
        Assert.Equal(2, reader.RowGroupCount);
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(Schema.AllColumns, fields.Select(f => f.Name));
        using var group = reader.OpenRowGroupReader(0);
        var hba1c = new double[2];
        await group.ReadAsync<double>(fields[4], hba1c);
        Assert.Equal([7.123456789012345, 0.1 + 0.2], hba1c);
        var ids = new string?[2];
        await group.ReadAsync(fields[1], ids.AsMemory());
        Assert.Equal(new[] { "a-00001", "b, \"quoted\"" }, ids.Select(i => i ?? string.Empty));
    }
}
