using System.Globalization;

namespace ExoSim.Models.Units;

/// <summary>The physical dimensions ExoSim reads from scenario files.</summary>
public enum Dimension
{
    /// <summary>Time; canonical unit min.</summary>
    Time,

    /// <summary>Mass of food or drug; canonical unit g.</summary>
    Mass,

    /// <summary>Amount of insulin; canonical unit U.</summary>
    InsulinAmount,

    /// <summary>Insulin infusion rate; canonical unit U/h.</summary>
    InsulinRate,

    /// <summary>Glucose concentration; canonical unit mg/dL.</summary>
    GlucoseConcentration,

    /// <summary>Dose per body mass; canonical unit g/kg.</summary>
    MassPerBodyMass,

    /// <summary>Plasma insulin concentration; canonical unit pmol/L.</summary>
    InsulinConcentration,
}

/// <summary>
/// Units as data: each accepted unit spelling with its factor to the canonical unit of its dimension. Conversion
/// happens here, at the edge, never in model code.
/// </summary>
public static class UnitCatalog
{
    /// <summary>Molar mass of glucose, 180.156 g/mol (IUPAC atomic weights), used for mmol/L ↔ mg/dL.</summary>
    public const double GlucoseMolarMassGPerMol = 180.156;

    /// <summary>
    /// pmol/L of insulin per µU/mL: 6, the conventional factor (1 U = 6 nmol) with which the models' insulin parameters
    /// were identified (Heinemann 2010, Diabetes Care 33:e83; Knopp et al. 2019, doi:10.1177/1932296818805074).
    /// </summary>
    public const double PmolPerLPerMicroUnitPerMl = 6;

    private static readonly Dictionary<Dimension, (string Canonical, Dictionary<string, double> Factors)> Table = new()
    {
        [Dimension.Time] = ("min", new(StringComparer.Ordinal)
        {
            ["s"] = 1.0 / 60, ["min"] = 1, ["minute"] = 1, ["minutes"] = 1, ["h"] = 60, ["hr"] = 60, ["hrs"] = 60, ["hour"] = 60, ["hours"] = 60,
            ["d"] = 1440, ["day"] = 1440, ["days"] = 1440,
            ["week"] = 10080, ["weeks"] = 10080, ["y"] = 525960, ["year"] = 525960, ["years"] = 525960,
        }),
        [Dimension.Mass] = ("g", new(StringComparer.Ordinal) { ["µg"] = 1e-6, ["ug"] = 1e-6, ["mg"] = 1e-3, ["g"] = 1, ["kg"] = 1e3 }),
        [Dimension.InsulinAmount] = ("U", new(StringComparer.Ordinal) { ["U"] = 1, ["mU"] = 1e-3 }),
        [Dimension.InsulinRate] = ("U/h", new(StringComparer.Ordinal) { ["U/h"] = 1, ["U/min"] = 60, ["mU/min"] = 0.06 }),
        [Dimension.GlucoseConcentration] = ("mg/dL", new(StringComparer.Ordinal)
        {
            ["mg/dL"] = 1, ["mg/dl"] = 1, ["mmol/L"] = GlucoseMolarMassGPerMol / 10, ["mmol/l"] = GlucoseMolarMassGPerMol / 10,
        }),
        [Dimension.MassPerBodyMass] = ("g/kg", new(StringComparer.Ordinal) { ["g/kg"] = 1, ["mg/kg"] = 1e-3 }),

        [Dimension.InsulinConcentration] = ("pmol/L", new(StringComparer.Ordinal)
        {
            ["pmol/L"] = 1, ["pmol/l"] = 1,
            ["µU/mL"] = PmolPerLPerMicroUnitPerMl, ["uU/mL"] = PmolPerLPerMicroUnitPerMl, ["µU/ml"] = PmolPerLPerMicroUnitPerMl,
            ["uU/ml"] = PmolPerLPerMicroUnitPerMl, ["mU/L"] = PmolPerLPerMicroUnitPerMl, ["mU/l"] = PmolPerLPerMicroUnitPerMl,
        }),
    };

    /// <summary>The canonical unit of a dimension.</summary>
    public static string CanonicalUnit(Dimension dimension) => Table[dimension].Canonical;

    /// <summary>The unit spellings accepted for a dimension.</summary>
    public static IReadOnlyCollection<string> AcceptedUnits(Dimension dimension) => Table[dimension].Factors.Keys;

    /// <summary>
    /// Parses "number unit" (e.g. <c>24 h</c>, <c>50 g</c>, <c>1.5 U/h</c>) into the canonical unit of
    /// <paramref name="dimension"/>.
    /// </summary>
    /// <exception cref="FormatException">With the accepted units when the text is not a number followed by a known unit.</exception>
    public static double Parse(string text, Dimension dimension)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (canonical, factors) = Table[dimension];
        var (numberText, unit) = Split(text.Trim());
        string allowed = string.Join(", ", factors.Keys);
        if (!double.TryParse(numberText, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw new FormatException($"'{text}' is not a {Describe(dimension)} quantity: expected a number followed by a unit ({allowed}), e.g. '1 {canonical}'.");
        }

        if (unit.Length == 0)
        {
            throw new FormatException($"'{text}' has no unit: write it with one of {allowed}, e.g. '{numberText} {canonical}'.");
        }

        if (!factors.TryGetValue(unit, out double factor))
        {
            throw new FormatException($"'{unit}' is not a unit of {Describe(dimension)}. Allowed: {allowed}.");
        }

        return value * factor;
    }

    /// <summary>
    /// Parses "number unit" into <paramref name="targetUnit"/> (a parameter's or state's documented unit): the unit
    /// may be the target itself or any unit of the same dimension (e.g. <c>7 mmol/L</c> for a parameter in mg/dL).
    /// </summary>
    /// <exception cref="FormatException">With the accepted spellings when the text has no number, no unit, or a unit of another dimension.</exception>
    public static double ParseAs(string text, string targetUnit)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(targetUnit);
        var (numberText, unit) = Split(text.Trim());
        if (!double.TryParse(numberText, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw new FormatException($"'{text}' is not a quantity: expected a number followed by a unit, e.g. '1 {targetUnit}'.");
        }

        if (unit.Length == 0 || string.Equals(unit, targetUnit, StringComparison.Ordinal))
        {
            return value;
        }

        foreach (var (_, factors) in Table.Values)
        {
            if (factors.TryGetValue(unit, out double from) && factors.TryGetValue(targetUnit, out double to))
            {
                return value * from / to;
            }
        }

        string compatible = string.Join(", ", Table.Values.Where(d => d.Factors.ContainsKey(targetUnit)).SelectMany(d => d.Factors.Keys));
        throw new FormatException(
            $"'{unit}' cannot be converted to {targetUnit}. Allowed: {(compatible.Length > 0 ? compatible : targetUnit)}.");
    }

    private static (string Number, string Unit) Split(string trimmed)
    {
        int split = 0;
        while (split < trimmed.Length && (char.IsDigit(trimmed[split]) || trimmed[split] is '.' or '-' or '+' or 'e' or 'E'))
        {
            // Stop at an 'e' that starts a unit rather than an exponent (no digit or sign after it).
            if (trimmed[split] is 'e' or 'E' && (split + 1 >= trimmed.Length || !(char.IsDigit(trimmed[split + 1]) || trimmed[split + 1] is '-' or '+')))
            {
                break;
            }

            split++;
        }

        return (trimmed[..split], trimmed[split..].Trim());
    }

    private static string Describe(Dimension dimension) => dimension switch
    {
        Dimension.Time => "time",
        Dimension.Mass => "mass",
        Dimension.InsulinAmount => "insulin amount",
        Dimension.InsulinRate => "insulin rate",
        Dimension.GlucoseConcentration => "glucose concentration",
        Dimension.MassPerBodyMass => "dose per body mass",
        Dimension.InsulinConcentration => "insulin concentration",
        _ => dimension.ToString(),
    };
}
