namespace ExoSim.Models.Parameters;

/// <summary>
/// A complete, immutable set of values for a model's parameters (a virtual subject such as <c>adult#001</c>, or a
/// reference subject), each with its provenance. Changing a value returns a new set; a user override is marked
/// <see cref="ParameterOrigin.UserDefined"/> automatically.
/// </summary>
public sealed class ParameterSet
{
    private readonly double[] values;
    private readonly ParameterOrigin[] origins;
    private readonly string[] sources;

    private ParameterSet(string name, ParameterSchema schema, double[] values, ParameterOrigin[] origins, string[] sources)
    {
        Name = name;
        Schema = schema;
        this.values = values;
        this.origins = origins;
        this.sources = sources;
    }

    /// <summary>Name of the set, e.g. <c>adult#001</c> or <c>normal</c>.</summary>
    public string Name { get; }

    /// <summary>The model's parameter definitions.</summary>
    public ParameterSchema Schema { get; }

    /// <summary>Values in schema order.</summary>
    public ReadOnlySpan<double> Values => values;

    /// <summary>The value of a parameter by name.</summary>
    /// <exception cref="KeyNotFoundException">With suggestions when the name is unknown.</exception>
    public double this[string name] => values[Schema.RequireIndex(name)];

    /// <summary>The value of a parameter by index.</summary>
    public double this[int index] => values[index];

    /// <summary>Every parameter with definition, value and provenance, in schema order.</summary>
    public IReadOnlyList<ParameterEntry> Entries
    {
        get
        {
            var entries = new ParameterEntry[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                entries[i] = new ParameterEntry(Schema[i], values[i], origins[i], sources[i]);
            }

            return entries;
        }
    }

    /// <summary>The entry (value and provenance) of one parameter.</summary>
    public ParameterEntry Entry(string name)
    {
        int i = Schema.RequireIndex(name);
        return new ParameterEntry(Schema[i], values[i], origins[i], sources[i]);
    }

    /// <summary>Starts a set for <paramref name="schema"/>; every parameter must be given before <see cref="Builder.Build"/>.</summary>
    public static Builder Create(string name, ParameterSchema schema) => new(name, schema);

    /// <summary>
    /// A copy with one value replaced by the user. Derived parameters cannot be overridden: override the
    /// parameters they are computed from.
    /// </summary>
    /// <exception cref="KeyNotFoundException">Unknown name (with suggestions).</exception>
    /// <exception cref="ArgumentException">A derived parameter, or a non-finite value.</exception>
    public ParameterSet WithUserValue(string name, double value, string source = "user override")
    {
        int i = Schema.RequireIndex(name);
        if (Schema[i].IsDerived)
        {
            throw new ArgumentException(
                $"Parameter '{name}' is derived ({sources[i]}); override the parameters it is computed from instead.");
        }

        return With(i, value, ParameterOrigin.UserDefined, source);
    }

    /// <summary>A copy with one value replaced and its provenance stated (used by models to recompute derived values).</summary>
    public ParameterSet With(int index, double value, ParameterOrigin origin, string source)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Parameter '{Schema[index].Name}' must be a finite number; got {value}.");
        }

        var newValues = (double[])values.Clone();
        var newOrigins = (ParameterOrigin[])origins.Clone();
        var newSources = (string[])sources.Clone();
        newValues[index] = value;
        newOrigins[index] = origin;
        newSources[index] = source;
        return new ParameterSet(Name, Schema, newValues, newOrigins, newSources);
    }

    /// <summary>A copy with another name (e.g. after user overrides: "adult#001 (modified)").</summary>
    public ParameterSet Renamed(string name) => new(name, Schema, values, origins, sources);

    /// <summary>Collects the values of a new set.</summary>
    public sealed class Builder
    {
        private readonly string name;
        private readonly ParameterSchema schema;
        private readonly double[] values;
        private readonly ParameterOrigin[] origins;
        private readonly string?[] sources;

        internal Builder(string name, ParameterSchema schema)
        {
            this.name = name;
            this.schema = schema;
            values = new double[schema.Count];
            origins = new ParameterOrigin[schema.Count];
            sources = new string?[schema.Count];
        }

        /// <summary>Sets a value with its provenance.</summary>
        public Builder Set(string parameter, double value, ParameterOrigin origin, string source)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(source);
            int i = schema.RequireIndex(parameter);
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"Parameter '{parameter}' must be a finite number; got {value}.");
            }

            values[i] = value;
            origins[i] = origin;
            sources[i] = source;
            return this;
        }

        /// <summary>Builds the set.</summary>
        /// <exception cref="InvalidOperationException">When a parameter has no value.</exception>
        public ParameterSet Build()
        {
            var missing = new List<string>();
            var finalSources = new string[schema.Count];
            for (int i = 0; i < schema.Count; i++)
            {
                if (sources[i] is null)
                {
                    missing.Add(schema[i].Name);
                }
                else
                {
                    finalSources[i] = sources[i]!;
                }
            }

            if (missing.Count > 0)
            {
                throw new InvalidOperationException($"Parameter set '{name}' lacks values for: {string.Join(", ", missing)}.");
            }

            return new ParameterSet(name, schema, (double[])values.Clone(), (ParameterOrigin[])origins.Clone(), finalSources);
        }
    }
}
