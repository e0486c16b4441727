using ExoSim.Models.Parameters;
using ExoSim.Therapies.Exosomes;
using static ExoSim.Therapies.Msc.MscParameters;

namespace ExoSim.Therapies.Msc;

/// <summary>One IV infusion of MSCs.</summary>
/// <param name="TimeMin">When it is given (min).</param>
/// <param name="Cells">Number of cells.</param>
/// <param name="Potency">Batch potency of the cells' secretion (1 = as <see cref="MscParameters.ParacrinePotency"/> says).</param>
/// <param name="Mechanisms">The mechanisms the secreted exosomes act through.</param>
public sealed record MscDose(double TimeMin, double Cells, double Potency, IReadOnlySet<ExosomeMechanism> Mechanisms);

/// <summary>
/// MSC kinetics: after an IV infusion a share f of the cells is trapped in the lung and dies with half-life
/// t½,lung, the rest is cleared with t½,free; every living cell secretes exosomes into plasma at σ per day:
/// <code>
/// secretion(t) = σ·[f·exp(−k_lung·t) + (1 − f)·exp(−k_free·t)]     particles/min per infused cell
/// </code>
/// which enters the exosome compartments as a plasma inflow (<see cref="ExosomeKinetics"/>), so MSCs act through the
/// same cargo and Emax relations as exosome doses.
/// </summary>
public static class MscTherapy
{
    /// <summary>Living infused cells per infused cell at <paramref name="minutesAfterInfusion"/>.</summary>
    public static double SurvivingFraction(ParameterSet msc, double minutesAfterInfusion)
        => minutesAfterInfusion < 0 ? 0 : SurvivalCourse(msc).Evaluate(minutesAfterInfusion);

    /// <summary>Exosome particles secreted into plasma per infused cell up to <paramref name="minutesAfterInfusion"/>.</summary>
    public static double SecretedPerCell(ParameterSet msc, ExosomeKinetics kinetics, double minutesAfterInfusion)
    {
        ArgumentNullException.ThrowIfNull(kinetics);
        return kinetics.ForSecretion(Secretion(msc)).Secreted(minutesAfterInfusion);
    }

    /// <summary>Where the exosomes secreted by one infused cell are, <paramref name="minutesAfterInfusion"/> later (particles).</summary>
    public static ExosomeAmounts ExosomeAmountsPerCell(ParameterSet msc, ExosomeKinetics kinetics, double minutesAfterInfusion)
    {
        ArgumentNullException.ThrowIfNull(kinetics);
        return kinetics.ForSecretion(Secretion(msc)).Amounts(minutesAfterInfusion);
    }

    /// <summary>
    /// The cargo sources of MSC infusions for one mechanism, to be combined with exosome doses in one Emax relation.
    /// </summary>
    internal static IEnumerable<TimedCargo> CargoSources(ParameterSet msc, ExosomeKinetics kinetics, ExosomeMechanism mechanism, IEnumerable<MscDose> doses)
    {
        var site = ExosomeMechanisms.Site(mechanism);
        var cargo = kinetics.ForSecretion(Secretion(msc)).Cargo[site];
        return doses.Where(d => d.Mechanisms.Contains(mechanism))
            .Select(d => new TimedCargo(d.TimeMin, d.Cells * d.Potency * msc[ParacrinePotency], cargo));
    }

    private static ExponentialSum SurvivalCourse(ParameterSet msc)
    {
        ArgumentNullException.ThrowIfNull(msc);
        double trapped = msc[LungTrappedFraction];
        if (!(trapped >= 0 && trapped <= 1))
        {
            throw new ArgumentException($"MSC parameter '{LungTrappedFraction}' must lie in [0, 1]; got {trapped}.");
        }

        return ExponentialSum.Decay(trapped, Rate(msc, LungSurvivalHalfLife)).Plus(ExponentialSum.Decay(1 - trapped, Rate(msc, UntrappedClearanceHalfLife)));
    }

    private static ExponentialSum Secretion(ParameterSet msc) => SurvivalCourse(msc).Scale(msc[SecretionRate] / 1440);

    private static double Rate(ParameterSet msc, string halfLifeHours)
    {
        double value = msc[halfLifeHours];
        return value > 0 && double.IsFinite(value)
            ? Math.Log(2) / (value * 60)
            : throw new ArgumentException($"MSC parameter '{halfLifeHours}' must be a positive half-life; got {value}.");
    }
}
