namespace ExoSim.Models.Parameters;

/// <summary>The ordered list of a model's parameters, with fast lookup by name. Indices are stable per model.</summary>
public sealed class ParameterSchema
{
    private readonly ParameterDefinition[] definitions;
    private readonly Dictionary<string, int> indexByName;

    /// <summary>Creates a schema; names must be unique.</summary>
    public ParameterSchema(IEnumerable<ParameterDefinition> definitions)
    {
        this.definitions = definitions.ToArray();
        indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < this.definitions.Length; i++)
        {
            if (!indexByName.TryAdd(this.definitions[i].Name, i))
            {
                throw new ArgumentException($"Duplicate parameter name '{this.definitions[i].Name}'.", nameof(definitions));
            }
        }
    }

    /// <summary>Number of parameters.</summary>
    public int Count => definitions.Length;

    /// <summary>Definitions in index order.</summary>
    public IReadOnlyList<ParameterDefinition> Definitions => definitions;

    /// <summary>The definition at an index.</summary>
    public ParameterDefinition this[int index] => definitions[index];

    /// <summary>Index of a parameter, or −1.</summary>
    public int IndexOf(string name) => indexByName.TryGetValue(name, out int index) ? index : -1;

    /// <summary>Index of a parameter.</summary>
    /// <exception cref="KeyNotFoundException">With the closest valid names when the name is unknown.</exception>
    public int RequireIndex(string name)
    {
        int index = IndexOf(name);
        if (index < 0)
        {
            throw new KeyNotFoundException(
                $"Unknown parameter '{name}'. {NameSuggestions.Describe(name, indexByName.Keys)}");
        }

        return index;
    }
}
