using System.Globalization;
using ExoSim.Models.Units;
using ExoSim.Therapies.Drugs;
using YamlDotNet.RepresentationModel;

namespace ExoSim.Trials.Scenarios;

/// <summary>Reading of <c>drug</c> events (docs/therapies/drugs.md).</summary>
public static partial class ScenarioReader
{
    /// <summary>Fields of a <c>drug</c> event.</summary>
    public static IReadOnlyList<string> DrugFields { get; } = ["name", "dose", "every", "doses"];

    private const double MilligramsPerGram = 1000;
    private const int MaxDrugDoses = 100_000;

    internal sealed partial class Reader
    {
        private DrugEventSpec ReadDrug(YamlMappingNode body, double time, string field)
        {
            CheckKeys(body, field, DrugFields);
            var name = RequiredScalar(body, "name", field);
            if (!DrugTherapy.Names.ContainsKey(name.Value))
            {
                throw new ScenarioException(name.Location, name.Field, $"unknown drug '{name.Value}'. {Models.NameSuggestions.Describe(name.Value, DrugTherapy.Names.Keys)}");
            }

            double doseMg = NonNegative(Quantity(Required(body, "dose", field), field + ".dose", Dimension.Mass)) * MilligramsPerGram;
            double every = 0;
            if (Optional(body, "every") is { } everyNode)
            {
                every = Quantity(everyNode, field + ".every", Dimension.Time).Value;
                if (!(every > 0))
                {
                    throw new ScenarioException(At(everyNode), field + ".every", "must be positive, e.g. '12 h'.");
                }
            }

            int? count = null;
            if (Optional(body, "doses") is { } dosesNode)
            {
                string text = Scalar(dosesNode, field + ".doses");
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 1 || value > MaxDrugDoses)
                {
                    throw new ScenarioException(At(dosesNode), field + ".doses", $"expected the number of doses, a whole number from 1 to {MaxDrugDoses}; got '{text}'.");
                }

                if (value > 1 && every == 0)
                {
                    throw new ScenarioException(At(dosesNode), field + ".every", $"{value} doses need the interval between them, e.g. 'every: 12 h'.");
                }

                count = value;
            }

            return new DrugEventSpec(time, name.Value, doseMg, every, count);
        }
    }
}
