using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using static ExoSim.Therapies.Exosomes.ExosomeParameters;

namespace ExoSim.Therapies.Exosomes;

/// <summary>
/// The effect of a course of exosome doses through one mechanism over time: the active cargo at the mechanism's site
/// (sum over the doses that use this mechanism, each weighted by its potency, per kg body weight) through an Emax
/// relation, E(t) = Emax·C^h/(EC50^h + C^h) with C = Σ potency·particles·cargo share(t − t_dose)/BW.
/// </summary>
public sealed class ExosomeEffect
{
    private readonly double bodyWeightKg;
    private readonly TimedCargo[] sources;
    private readonly double emax, ec50, hill;

    /// <summary>Creates the effect of <paramref name="doses"/> (those listing <paramref name="mechanism"/>) with the given kinetics.</summary>
    public ExosomeEffect(ExosomeKinetics kinetics, ExosomeMechanism mechanism, IEnumerable<ExosomeDose> doses)
        : this(kinetics, mechanism, Sources(kinetics, mechanism, doses))
    {
    }

    /// <summary>Creates the effect of cargo courses that start at given times (exosome doses, MSC secretion).</summary>
    internal ExosomeEffect(ExosomeKinetics kinetics, ExosomeMechanism mechanism, IEnumerable<TimedCargo> sources)
    {
        ArgumentNullException.ThrowIfNull(kinetics);
        bodyWeightKg = kinetics.BodyWeightKg;
        Mechanism = mechanism;
        this.sources = sources.OrderBy(d => d.TimeMin).ToArray();
        var p = kinetics.Parameters;
        emax = p[EmaxName(mechanism)];
        ec50 = p[Ec50Name(mechanism)];
        hill = p[Hill];
        if (!(emax >= 0 && emax <= 1) || !(ec50 > 0) || !(hill > 0))
        {
            throw new ArgumentException(
                $"Exosome parameters of '{ExosomeMechanisms.Name(mechanism)}': {EmaxName(mechanism)} must lie in [0, 1], {Ec50Name(mechanism)} and {Hill} must be positive.");
        }
    }

    /// <summary>The mechanism.</summary>
    public ExosomeMechanism Mechanism { get; }

    /// <summary>The cargo courses of the doses that act through <paramref name="mechanism"/>.</summary>
    internal static IEnumerable<TimedCargo> Sources(ExosomeKinetics kinetics, ExosomeMechanism mechanism, IEnumerable<ExosomeDose> doses)
    {
        ArgumentNullException.ThrowIfNull(kinetics);
        ArgumentNullException.ThrowIfNull(doses);
        var site = ExosomeMechanisms.Site(mechanism);
        return doses.Where(d => d.Mechanisms.Contains(mechanism))
            .Select(d => new TimedCargo(d.TimeMin, d.Potency * d.Particles, kinetics.CargoCourse(site, d.Route)));
    }

    /// <summary>Times of the doses that act through this mechanism (min).</summary>
    public IReadOnlyList<double> DoseTimes => sources.Select(d => d.TimeMin).ToArray();

    /// <summary>
    /// Active cargo at the site (particles per kg body weight) at <paramref name="timeMin"/>, counting the doses given at
    /// or before <paramref name="lastDoseTimeMin"/> (the piece the solver is in).
    /// </summary>
    public double CargoPerKg(double timeMin, double lastDoseTimeMin)
    {
        double sum = 0;
        foreach (var source in sources)
        {
            if (source.TimeMin > lastDoseTimeMin)
            {
                break;
            }

            sum += source.Weight * source.Cargo.Evaluate(timeMin - source.TimeMin);
        }

        return sum / bodyWeightKg;
    }

    /// <summary>E(t) ∈ [0, Emax]: the fractional change of the target parameters.</summary>
    public double Effect(double timeMin, double lastDoseTimeMin)
    {
        double cargo = CargoPerKg(timeMin, lastDoseTimeMin);
        if (cargo <= 0)
        {
            return 0;
        }

        double x = Math.Pow(cargo / ec50, hill);
        return emax * x / (1 + x);
    }
}

/// <summary>A cargo course that starts at a time: weight × cargo share of the site (t − start).</summary>
/// <param name="TimeMin">Start (min): the dose or infusion time.</param>
/// <param name="Weight">Potency × particles (a dose) or potency × cells (an MSC infusion).</param>
/// <param name="Cargo">Active cargo at the mechanism's site per unit of weight, by time since the start.</param>
internal sealed record TimedCargo(double TimeMin, double Weight, ExponentialSum Cargo);

/// <summary>
/// An exosome mechanism acting on one model parameter: multiplier 1 + E(t) (raising mechanisms) or 1 − E(t)
/// (lowering ones), with the dose times as breakpoints.
/// </summary>
public sealed class ExosomeModulation : ParameterModulation
{
    private readonly double[] breakpoints;

    /// <summary>Applies <paramref name="effect"/> to <paramref name="parameter"/>.</summary>
    public ExosomeModulation(string parameter, ExosomeEffect effect)
        : base(parameter)
    {
        ArgumentNullException.ThrowIfNull(effect);
        Effect = effect;
        breakpoints = effect.DoseTimes.Distinct().ToArray();
    }

    /// <summary>The mechanism's effect over time.</summary>
    public ExosomeEffect Effect { get; }

    /// <inheritdoc />
    public override IReadOnlyList<double> Breakpoints => breakpoints;

    /// <inheritdoc />
    public override double Multiplier(double timeMin, double segmentStartMin)
        => 1 + (ExosomeMechanisms.Direction(Effect.Mechanism) * Effect.Effect(timeMin, segmentStartMin));
}

/// <summary>Turns a course of exosome doses (and MSC infusions, whose secreted exosomes share the mechanism) into the parameter modulations of one model.</summary>
public static class ExosomeTherapy
{
    /// <summary>
    /// One modulation per (mechanism, target parameter) for the mechanisms the doses use.
    /// </summary>
    /// <param name="modelId">The physiology model.</param>
    /// <param name="parameters">The completed exosome parameters (<see cref="ExosomeParameters.Complete"/>).</param>
    /// <param name="doses">The doses, each with its mechanisms.</param>
    /// <exception cref="ArgumentException">When a dose uses a mechanism the model has no parameter for, or the parameters are inconsistent.</exception>
    public static IReadOnlyList<ParameterModulation> Modulations(string modelId, ParameterSet parameters, IReadOnlyList<ExosomeDose> doses)
        => Modulations(modelId, parameters, doses, Msc.MscParameters.Default, []);

    /// <summary>
    /// One modulation per (mechanism, target parameter) for the mechanisms the exosome doses and MSC infusions use; both
    /// add to the same site cargo, so one Emax relation covers them.
    /// </summary>
    /// <param name="modelId">The physiology model.</param>
    /// <param name="parameters">The completed exosome parameters.</param>
    /// <param name="doses">Exosome doses.</param>
    /// <param name="msc">MSC parameters.</param>
    /// <param name="infusions">MSC infusions.</param>
    /// <exception cref="ArgumentException">When a dose uses a mechanism the model has no parameter for, or the parameters are inconsistent.</exception>
    public static IReadOnlyList<ParameterModulation> Modulations(
        string modelId, ParameterSet parameters, IReadOnlyList<ExosomeDose> doses, ParameterSet msc, IReadOnlyList<Msc.MscDose> infusions)
    {
        ArgumentNullException.ThrowIfNull(doses);
        ArgumentNullException.ThrowIfNull(infusions);
        var kinetics = new ExosomeKinetics(parameters);
        var modulations = new List<ParameterModulation>();
        foreach (var mechanism in ExosomeMechanisms.All.Where(m => doses.Any(d => d.Mechanisms.Contains(m)) || infusions.Any(d => d.Mechanisms.Contains(m))))
        {
            var sources = ExosomeEffect.Sources(kinetics, mechanism, doses).Concat(Msc.MscTherapy.CargoSources(msc, kinetics, mechanism, infusions));
            var effect = new ExosomeEffect(kinetics, mechanism, sources);
            modulations.AddRange(ExosomeTargets.Parameters(modelId, mechanism).Select(parameter => new ExosomeModulation(parameter, effect)));
        }

        return modulations;
    }
}
