using System.Globalization;
using System.Text.RegularExpressions;

namespace ExoSim.Burden.Therapy;

/// <summary>
/// A therapy's effect on HbA1c, in NGSP percentage points (negative = lower HbA1c), with an optional 95 % interval
/// (from a trial) that the Monte Carlo samples as a normal distribution.
/// </summary>
/// <param name="ChangePercentPoints">Central change, percentage points of HbA1c (NGSP/DCCT).</param>
/// <param name="Ci95LowPercentPoints">Lower end of its 95 % interval, or null for a fixed effect.</param>
/// <param name="Ci95HighPercentPoints">Upper end of its 95 % interval, or null for a fixed effect.</param>
/// <param name="Origin">Where the effect comes from (the option text, or the trial file).</param>
public sealed partial record HbA1cEffect(double ChangePercentPoints, double? Ci95LowPercentPoints, double? Ci95HighPercentPoints, string Origin)
{
    /// <summary>
    /// NGSP percentage points per IFCC mmol/mol: the slope of the IFCC–NGSP master equation
    /// NGSP = 0.09148 · IFCC + 2.152 (Hoelzel W et al., Clin Chem 2004;50:166–174; as given by the NGSP). A difference
    /// converts with the slope alone.
    /// </summary>
    public const double PercentPointsPerMmolPerMol = 0.09148;

    /// <summary>
    /// Largest |change| accepted, percentage points. Assumption: UKPDS 35 relations describe differences of a few
    /// points within the HbA1c range of its cohort; effects beyond 3 points would be extrapolation.
    /// </summary>
    public const double MaximumMagnitudePercentPoints = 3;

    /// <summary>True when the effect carries an interval to sample from.</summary>
    public bool IsUncertain => Ci95LowPercentPoints is not null && Ci95HighPercentPoints is not null;

    /// <summary>Standard deviation of the effect's normal distribution, from its 95 % interval (0 for a fixed effect).</summary>
    public double StandardDeviationPercentPoints =>
        IsUncertain ? (Ci95HighPercentPoints!.Value - Ci95LowPercentPoints!.Value) / (2 * Complications.HbA1cRiskRelation.Z975) : 0;

    /// <summary>
    /// Parses <c>"-0.8 %HbA1c"</c>, <c>"-0.8 %"</c> or <c>"-9 mmol/mol"</c> (IFCC units, converted with
    /// <see cref="PercentPointsPerMmolPerMol"/>).
    /// </summary>
    /// <exception cref="BurdenInputException">Not of that form, or outside ±<see cref="MaximumMagnitudePercentPoints"/> points.</exception>
    public static HbA1cEffect Parse(string text, string field = "--therapy-effect")
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = EffectPattern().Match(text);
        if (!match.Success)
        {
            throw new BurdenInputException(
                field,
                $"'{text}' is not an HbA1c change; write it as a signed number with a unit, e.g. \"-0.8 %HbA1c\" (percentage points, NGSP) "
                + "or \"-9 mmol/mol\" (IFCC). Negative means lower HbA1c.");
        }

        double value = double.Parse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        bool ifcc = match.Groups["unit"].Value.Contains("mmol", StringComparison.OrdinalIgnoreCase);
        double points = ifcc ? value * PercentPointsPerMmolPerMol : value;
        return Validated(new HbA1cEffect(points, null, null, $"{field} {text.Trim()}"), field);
    }

    /// <summary>Checks the effect's magnitude and interval, naming <paramref name="field"/> in errors.</summary>
    /// <exception cref="BurdenInputException">Out of range, or the interval does not contain the central value.</exception>
    public static HbA1cEffect Validated(HbA1cEffect effect, string field)
    {
        ArgumentNullException.ThrowIfNull(effect);
        if (!double.IsFinite(effect.ChangePercentPoints) || Math.Abs(effect.ChangePercentPoints) > MaximumMagnitudePercentPoints)
        {
            throw new BurdenInputException(
                field,
                $"an HbA1c change of {effect.ChangePercentPoints.ToString("0.###", CultureInfo.InvariantCulture)} percentage points is outside "
                + $"±{MaximumMagnitudePercentPoints} points, beyond what the UKPDS 35 relations support.");
        }

        if (effect.IsUncertain && !(effect.Ci95LowPercentPoints <= effect.ChangePercentPoints && effect.ChangePercentPoints <= effect.Ci95HighPercentPoints))
        {
            throw new BurdenInputException(
                field,
                $"the 95 % interval [{effect.Ci95LowPercentPoints}, {effect.Ci95HighPercentPoints}] does not contain the difference {effect.ChangePercentPoints}; "
                + "it must satisfy ci95_low ≤ difference ≤ ci95_high.");
        }

        return effect;
    }

    [GeneratedRegex(@"^\s*(?<value>[+-]?(\d+(\.\d*)?|\.\d+))\s*(?<unit>%\s*HbA1c|%|mmol\s*/\s*mol)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EffectPattern();
}
