using System.Globalization;
using ExoSim.Models.Units;
using ExoSim.Therapies.Insulin;
using ExoSim.Trials.Trials;
using YamlDotNet.RepresentationModel;

namespace ExoSim.Trials.Scenarios;

/// <summary>Reading of insulin regimens: a scenario's <c>regimen</c> and <c>controller</c>, a trial arm's <c>insulin</c> (docs/therapies/insulin.md).</summary>
public static partial class ScenarioReader
{
    /// <summary>Fields of a trial arm's <c>insulin</c> mapping.</summary>
    public static IReadOnlyList<string> ArmInsulinFields { get; } =
        ["regimen", "basal_scale", "bolus_scale", "correction", "meal_bolus", "basal_profile", "carb_ratio", "correction_factor", "target"];

    /// <summary>Fields of a scenario's <c>regimen</c> block.</summary>
    public static IReadOnlyList<string> RegimenFields { get; } =
        ["type", "basal_scale", "bolus_scale", "correction", "basal_profile", "carb_ratio", "correction_factor", "target"];

    /// <summary>Fields of a scenario's <c>controller</c> block.</summary>
    public static IReadOnlyList<string> ControllerFields { get; } = ["type", "target", "meal_bolus", "carb_ratio", "basal_scale", "bolus_scale"];

    /// <summary>Closed-loop controller types.</summary>
    public static IReadOnlyList<string> ControllerTypes { get; } = ["pid"];

    private const string PerUnit = "/U";
    private const double MaxScale = 10;

    internal sealed partial class Reader
    {
        /// <summary>A regimen mapping whose kind is in <paramref name="kindField"/> (trial arms: <c>regimen</c>; scenarios: <c>type</c>).</summary>
        internal InsulinRegimen InsulinRegimen(YamlMappingNode mapping, string field, string kindField, IReadOnlyList<string> allowed)
        {
            CheckKeys(mapping, field, allowed);
            var kind = RequiredScalar(mapping, kindField, field);
            if (!Trials.InsulinRegimen.Kinds.Contains(kind.Value))
            {
                throw new ScenarioException(kind.Location, kind.Field, $"unknown regimen '{kind.Value}'. {Models.NameSuggestions.Describe(kind.Value, Trials.InsulinRegimen.Kinds)}");
            }

            var profile = Optional(mapping, "basal_profile") is { } p ? BasalProfile(p, field + ".basal_profile") : null;
            if (kind.Value == "pump" && profile is null)
            {
                throw new ScenarioException(At(mapping), field + ".basal_profile", "missing: a pump regimen needs 'basal_profile', e.g. [{time: \"00:00\", rate: 0.8 U/h}, {time: \"06:00\", rate: 1.1 U/h}].");
            }

            if (kind.Value != "pump" && profile is not null)
            {
                throw new ScenarioException(At(Optional(mapping, "basal_profile")!), field + ".basal_profile", "only a 'pump' regimen has a basal profile.");
            }

            return InsulinOptions(mapping, field, new InsulinRegimen(kind.Value, 1, 1) { BasalProfile = profile });
        }

        /// <summary>A scenario's <c>controller</c> block: a closed loop.</summary>
        internal InsulinRegimen Controller(YamlMappingNode mapping, string field)
        {
            CheckKeys(mapping, field, ControllerFields);
            var type = RequiredScalar(mapping, "type", field);
            if (!ControllerTypes.Contains(type.Value))
            {
                throw new ScenarioException(type.Location, type.Field, $"unknown controller type '{type.Value}'. {Models.NameSuggestions.Describe(type.Value, ControllerTypes)}");
            }

            return InsulinOptions(mapping, field, new InsulinRegimen("closed-loop", 1, 1));
        }

        private InsulinRegimen InsulinOptions(YamlMappingNode mapping, string field, InsulinRegimen regimen)
        {
            if (Optional(mapping, "correction") is { } c && regimen.Kind is not ("basal-bolus" or "pump"))
            {
                throw new ScenarioException(At(c), field + ".correction", "only basal-bolus and pump regimens add correction boluses (a closed loop corrects through its basal rate).");
            }

            if (Optional(mapping, "meal_bolus") is { } m && regimen.Kind != "closed-loop")
            {
                throw new ScenarioException(At(m), field + ".meal_bolus", "only a closed loop can go without meal boluses.");
            }

            return regimen with
            {
                BasalScale = Optional(mapping, "basal_scale") is { } b ? Scale(b, field + ".basal_scale") : 1,
                BolusScale = Optional(mapping, "bolus_scale") is { } s ? Scale(s, field + ".bolus_scale") : 1,
                Correction = Optional(mapping, "correction") is { } correction && Boolean(correction, field + ".correction"),
                MealBolus = Optional(mapping, "meal_bolus") is not { } mealBolus || Boolean(mealBolus, field + ".meal_bolus"),
                CarbRatioGPerU = Optional(mapping, "carb_ratio") is { } cr ? PerUnitQuantity(cr, field + ".carb_ratio", Dimension.Mass, "10 g/U") : null,
                CorrectionFactorMgDlPerU = Optional(mapping, "correction_factor") is { } cf ? PerUnitQuantity(cf, field + ".correction_factor", Dimension.GlucoseConcentration, "40 mg/dL/U") : null,
                TargetMgDl = Optional(mapping, "target") is { } t ? PositiveQuantity(t, field + ".target", Dimension.GlucoseConcentration, "120 mg/dL") : null,
            };
        }

        /// <summary>A basal profile: a list of <c>{time: HH:MM, rate: 0.8 U/h}</c>.</summary>
        private List<BasalSegment> BasalProfile(YamlNode node, string field)
        {
            if (node is not YamlSequenceNode { Children.Count: > 0 } list)
            {
                throw new ScenarioException(At(node), field, "expected a list of segments, e.g. [{time: \"00:00\", rate: 0.8 U/h}, {time: \"06:00\", rate: 1.1 U/h}].");
            }

            var segments = new List<BasalSegment>();
            for (int i = 0; i < list.Children.Count; i++)
            {
                string path = $"{field}[{i}]";
                var entry = Mapping(list.Children[i], path);
                CheckKeys(entry, path, ["time", "rate"]);
                var timeNode = Required(entry, "time", path);
                double time = TimeOfDay(timeNode, path + ".time");
                if (segments.Any(s => s.StartMinOfDay == time))
                {
                    throw new ScenarioException(At(timeNode), path + ".time", "two segments start at this time; each time of day once.");
                }

                double rate = NonNegative(Quantity(Required(entry, "rate", path), path + ".rate", Dimension.InsulinRate));
                segments.Add(new BasalSegment(time, rate));
            }

            return segments;
        }

        /// <summary>A time of day written <c>HH:MM</c> (00:00–23:59), in minutes after midnight.</summary>
        internal double TimeOfDay(YamlNode node, string field)
        {
            string text = Scalar(node, field);
            var parts = text.Split(':');
            if (parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int hours) && hours < 24
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int minutes) && minutes < 60 && parts[1].Length == 2)
            {
                return (hours * 60) + minutes;
            }

            throw new ScenarioException(At(node), field, $"expected a time of day HH:MM from 00:00 to 23:59, e.g. '07:30'; got '{text}'.");
        }

        /// <summary>A positive quantity per unit of insulin, e.g. <c>10 g/U</c> or <c>2.2 mmol/L/U</c>.</summary>
        private double PerUnitQuantity(YamlNode node, string field, Dimension dimension, string example)
        {
            string text = Scalar(node, field);
            if (!text.EndsWith(PerUnit, StringComparison.Ordinal))
            {
                throw new ScenarioException(At(node), field, $"expected a quantity per unit of insulin, e.g. '{example}'; got '{text}'.");
            }

            try
            {
                double value = UnitCatalog.Parse(text[..^PerUnit.Length], dimension);
                return value > 0 ? value : throw new ScenarioException(At(node), field, $"must be positive, e.g. '{example}'.");
            }
            catch (FormatException exception)
            {
                throw new ScenarioException(At(node), field, $"{exception.Message} Write it per unit of insulin, e.g. '{example}'.", exception);
            }
        }

        private double PositiveQuantity(YamlNode node, string field, Dimension dimension, string example)
        {
            var quantity = Quantity(node, field, dimension);
            return quantity.Value > 0 ? quantity.Value : throw new ScenarioException(quantity.Location, field, $"must be positive, e.g. '{example}'.");
        }

        private double Scale(YamlNode node, string field)
        {
            double value = Factor(node, field).Value;
            return value <= MaxScale ? value : throw new ScenarioException(At(node), field, $"expected a multiplier from 0 to {MaxScale}; got {value}.");
        }
    }
}
