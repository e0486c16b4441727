using ExoSim.Storage;

namespace ExoSim.Storage.Tests;

public class AtomicFileTests
{
    [Fact]
    public void Writes_content_creates_directories_and_leaves_no_temporary_files()
    {
        using var directory = new TemporaryDirectory();
        string path = Path.Combine(directory.Path, "a", "b", "out.json");

        string written = AtomicFile.WriteAllText(path, "first");
        AtomicFile.WriteAllText(path, "second");

        Assert.Equal(Path.GetFullPath(path), written);
        Assert.Equal("second", File.ReadAllText(path));
        Assert.Equal(["out.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }
}
