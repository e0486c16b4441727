using System.Reflection;

namespace ExoSim.Cli.Demo;

/// <summary>A scenario shipped inside the tool: a copy of one of the repository's <c>examples/*.yaml</c>.</summary>
/// <param name="Name">The file name without extension, e.g. <c>uva-padova-t1d-day</c>.</param>
/// <param name="FileName">How messages name it: <c>examples/NAME.yaml (built in)</c>.</param>
/// <param name="Text">The YAML text.</param>
internal sealed record BuiltInScenario(string Name, string FileName, string Text);

/// <summary>The example scenarios embedded at build time (ExoSim.Cli.csproj), so that the demo needs no files.</summary>
internal static class BuiltInScenarios
{
    private const string Prefix = "ExoSim.Cli.Examples.";

    /// <summary>Every embedded example, by name.</summary>
    public static IReadOnlyList<BuiltInScenario> All { get; } = Load();

    private static BuiltInScenario[] Load()
    {
        var assembly = typeof(BuiltInScenarios).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                string name = n[Prefix.Length..^".yaml".Length];
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return new BuiltInScenario(name, $"examples/{name}.yaml (built in)", reader.ReadToEnd());
            })
            .ToArray();
    }
}
