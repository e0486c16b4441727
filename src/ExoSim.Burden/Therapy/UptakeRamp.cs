using System.Globalization;
using System.Text.RegularExpressions;

namespace ExoSim.Burden.Therapy;

/// <summary>
/// The share of adults with diabetes on the therapy in each projected year: a linear ramp of
/// <see cref="RatePercentPerYear"/> from the first year, capped at <see cref="CeilingPercent"/>
/// (uptake in year k, k = 0 for the first projected year, is min(rate · (k + 1), ceiling)). A constant uptake is a
/// ramp whose first year already reaches the ceiling. Assumption: scenario input, not data.
/// </summary>
/// <param name="RatePercentPerYear">Added share per year, % of adults with diabetes.</param>
/// <param name="CeilingPercent">Largest share, %.</param>
public sealed partial record UptakeRamp(double RatePercentPerYear, double CeilingPercent)
{
    /// <summary>Share on therapy in year index <paramref name="yearIndex"/> (0 = first projected year), as a fraction.</summary>
    public double Fraction(int yearIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(yearIndex);
        return Math.Min(RatePercentPerYear * (yearIndex + 1), CeilingPercent) / 100;
    }

    /// <summary>Parses <c>"5 %/year up to 30 %"</c> (a ramp) or <c>"30 %"</c> (constant from the first year).</summary>
    /// <exception cref="BurdenInputException">Not of that form, or a share outside 0–100 %.</exception>
    public static UptakeRamp Parse(string text, string field = "--uptake")
    {
        ArgumentNullException.ThrowIfNull(text);
        var ramp = RampPattern().Match(text);
        var constant = ConstantPattern().Match(text);
        UptakeRamp uptake;
        if (ramp.Success)
        {
            uptake = new UptakeRamp(Number(ramp.Groups["rate"].Value), Number(ramp.Groups["ceiling"].Value));
        }
        else if (constant.Success)
        {
            double share = Number(constant.Groups["share"].Value);
            uptake = new UptakeRamp(share, share);
        }
        else
        {
            throw new BurdenInputException(
                field,
                $"'{text}' is not an uptake; write \"5 %/year up to 30 %\" (a yearly ramp with a ceiling) or \"30 %\" (constant), "
                + "shares of adults with diabetes.");
        }

        if (uptake.RatePercentPerYear <= 0 || uptake.CeilingPercent <= 0 || uptake.CeilingPercent > 100)
        {
            throw new BurdenInputException(field, $"'{text}': the yearly rate must be above 0 % and the ceiling between 0 % (exclusive) and 100 %.");
        }

        return uptake;
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*(?<rate>\d+(\.\d*)?)\s*%\s*/\s*(year|yr|y)\s+up\s+to\s+(?<ceiling>\d+(\.\d*)?)\s*%\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RampPattern();

    [GeneratedRegex(@"^\s*(?<share>\d+(\.\d*)?)\s*%\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ConstantPattern();
}
