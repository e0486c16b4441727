namespace ExoSim.Models;

/// <summary>Builds "did you mean" hints for unknown names (Levenshtein distance).</summary>
public static class NameSuggestions
{
    /// <summary>The valid names closest to <paramref name="name"/> (case-insensitive edit distance ≤ 3), best first.</summary>
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> valid, int maximum = 3)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(valid);
        return valid
            .Select(v => (Name: v, Distance: Distance(name.ToUpperInvariant(), v.ToUpperInvariant())))
            .Where(c => c.Distance <= Math.Max(1, Math.Min(3, name.Length / 2)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(maximum)
            .Select(c => c.Name)
            .ToArray();
    }

    /// <summary>"Did you mean 'X'? Allowed: a, b, c." — the sentence used in error messages.</summary>
    public static string Describe(string name, IEnumerable<string> valid)
    {
        var all = valid.ToArray();
        var closest = Closest(name, all);
        string hint = closest.Count > 0 ? $"Did you mean '{string.Join("' or '", closest)}'? " : string.Empty;
        return $"{hint}Allowed: {string.Join(", ", all)}.";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
