namespace ExoSim.Models;

/// <summary>Builds "did you mean" hints for unknown names (Levenshtein distance).</summary>
public static class NameSuggestions
{
    /// <summary>
    /// The valid names closest to <paramref name="name"/>, best first: those within a case-insensitive edit distance
    /// of about one edit per two characters (at most 3), and those that start with it (a name typed without its unit
    /// suffix, such as <c>glucose</c> for <c>glucose_mg_dl</c>, when it has at least three characters).
    /// </summary>
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> valid, int maximum = 3)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(valid);
        string upper = name.ToUpperInvariant();
        int allowed = Math.Max(1, Math.Min(3, name.Length / 2));
        return valid
            .Select(v =>
            {
                string candidate = v.ToUpperInvariant();
                int distance = Distance(upper, candidate);
                bool prefix = name.Length >= 3 && candidate.StartsWith(upper, StringComparison.Ordinal);
                return (Name: v, Rank: distance <= allowed ? distance : prefix ? allowed + 1 : int.MaxValue);
            })
            .Where(c => c.Rank != int.MaxValue)
            .OrderBy(c => c.Rank)
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
