using ExoSim.Models;
using ExoSim.Models.DallaMan;
using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;

namespace ExoSim.Therapies.Drugs;

/// <summary>One dose of a drug.</summary>
/// <param name="TimeMin">When (min).</param>
/// <param name="DoseMg">Amount (mg).</param>
public sealed record DrugDose(double TimeMin, double DoseMg);

/// <summary>
/// The effect of a course of doses on one parameter: multiplier 1 + direction·Emax·C/(EC50 + C), C the summed
/// concentration of the doses given at or before the piece the solver is in (each dose is a breakpoint).
/// </summary>
public sealed class DrugModulation : ParameterModulation
{
    private readonly OralKinetics kinetics;
    private readonly DrugDose[] doses;
    private readonly double[] breakpoints;
    private readonly double emax, ec50;
    private readonly int direction;

    /// <summary>A modulation of <paramref name="parameter"/> raising it (direction +1) or lowering it (−1).</summary>
    public DrugModulation(string parameter, OralKinetics kinetics, IEnumerable<DrugDose> doses, double emax, double ec50, int direction)
        : base(parameter)
    {
        ArgumentNullException.ThrowIfNull(kinetics);
        ArgumentNullException.ThrowIfNull(doses);
        if (!(emax >= 0) || !(ec50 > 0) || (direction < 0 && emax > 1))
        {
            throw new ArgumentException($"Drug effect on {parameter}: Emax must be ≥ 0 (at most 1 for a lowering effect) and EC50 > 0 (got {emax}, {ec50}).");
        }

        this.kinetics = kinetics;
        this.doses = doses.OrderBy(d => d.TimeMin).ToArray();
        breakpoints = this.doses.Select(d => d.TimeMin).Distinct().ToArray();
        (this.emax, this.ec50, this.direction) = (emax, ec50, direction);
    }

    /// <inheritdoc />
    public override IReadOnlyList<double> Breakpoints => breakpoints;

    /// <summary>Plasma concentration (mg/L) at <paramref name="timeMin"/> of the doses given at or before <paramref name="lastDoseTimeMin"/>.</summary>
    public double Concentration(double timeMin, double lastDoseTimeMin)
    {
        double sum = 0;
        foreach (var dose in doses)
        {
            if (dose.TimeMin > lastDoseTimeMin)
            {
                break;
            }

            sum += kinetics.Concentration(dose.DoseMg, (timeMin - dose.TimeMin) / 60);
        }

        return sum;
    }

    /// <inheritdoc />
    public override double Multiplier(double timeMin, double segmentStartMin)
    {
        double c = Concentration(timeMin, segmentStartMin);
        return 1 + (direction * emax * c / (ec50 + c));
    }
}

/// <summary>The T2D drugs ExoSim models, by name, and the parameter modulations their doses cause (docs/therapies/drugs.md).</summary>
public static class DrugTherapy
{
    /// <summary>Drug names accepted in <c>drug</c> events, with the therapy each is.</summary>
    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["metformin"] = DrugParameters.Metformin,
        ["liraglutide"] = DrugParameters.Glp1,
        ["glp1"] = DrugParameters.Glp1,
    };

    /// <summary>The models the drugs act on (those with the named hepatic-production, secretion and gastric parameters).</summary>
    public static IReadOnlyList<string> Models { get; } = [DallaMan2007Model.ModelId];

    /// <summary>Default parameters of a therapy id.</summary>
    public static ParameterSet Parameters(string therapy) => therapy == DrugParameters.Metformin ? DrugParameters.MetforminDefault : DrugParameters.Glp1Default;

    /// <summary>The modulations of the doses of one drug in <paramref name="modelId"/>.</summary>
    /// <exception cref="ArgumentException">An unknown drug or a model the drugs do not act on.</exception>
    public static IReadOnlyList<ParameterModulation> Modulations(string drugName, string modelId, IReadOnlyList<DrugDose> doses)
    {
        ArgumentNullException.ThrowIfNull(doses);
        if (!Names.TryGetValue(drugName, out string? therapy))
        {
            throw new ArgumentException($"Unknown drug '{drugName}'. {NameSuggestions.Describe(drugName, Names.Keys)}");
        }

        if (!Models.Contains(modelId))
        {
            throw new ArgumentException($"The drug models act on the parameters of {string.Join(", ", Models)}; model '{modelId}' has none of them.");
        }

        var p = Parameters(therapy);
        var kinetics = DrugParameters.Kinetics(p);
        double ec50 = p[DrugParameters.Ec50];
        if (therapy == DrugParameters.Metformin)
        {
            return [new DrugModulation("kp1", kinetics, doses, p[DrugParameters.EmaxProduction], ec50, -1)];
        }

        double secretion = p[DrugParameters.EmaxSecretion];
        return
        [
            new DrugModulation("beta", kinetics, doses, secretion, ec50, +1),
            new DrugModulation("K", kinetics, doses, secretion, ec50, +1),
            new DrugModulation("kmax", kinetics, doses, p[DrugParameters.EmaxGastric], ec50, -1),
        ];
    }
}
