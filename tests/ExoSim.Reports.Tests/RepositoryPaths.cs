namespace ExoSim.Reports.Tests;

/// <summary>Where the repository is, found from the test binaries (the folder holding ExoSim.slnx).</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root, or null when the tests run outside a checkout.</summary>
    public static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ExoSim.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The repository root.</summary>
    public static string Root() => FindRoot() ?? throw new InvalidOperationException($"No ExoSim.slnx above {AppContext.BaseDirectory}.");
}
