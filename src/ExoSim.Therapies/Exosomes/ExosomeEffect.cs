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
    private readonly ExosomeKinetics kinetics;
    private readonly ExosomeDose[] doses;
    private readonly double emax, ec50, hill;

    /// <summary>Creates the effect of <paramref name="doses"/> (those listing <paramref name="mechanism"/>) with the given kinetics.</summary>
    public ExosomeEffect(ExosomeKinetics kinetics, ExosomeMechanism mechanism, IEnumerable<ExosomeDose> doses)
    {
        ArgumentNullException.ThrowIfNull(kinetics);
        ArgumentNullException.ThrowIfNull(doses);
        this.kinetics = kinetics;
        Mechanism = mechanism;
        this.doses = doses.Where(d => d.Mechanisms.Contains(mechanism)).OrderBy(d => d.TimeMin).ToArray();
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

    /// <summary>Times of the doses that act through this mechanism (min).</summary>
    public IReadOnlyList<double> DoseTimes => doses.Select(d => d.TimeMin).ToArray();

    /// <summary>
    /// Active cargo at the site (particles per kg body weight) at <paramref name="timeMin"/>, counting the doses given at
    /// or before <paramref name="lastDoseTimeMin"/> (the piece the solver is in).
    /// </summary>
    public double CargoPerKg(double timeMin, double lastDoseTimeMin)
    {
        var site = ExosomeMechanisms.Site(Mechanism);
        double sum = 0;
        foreach (var dose in doses)
        {
            if (dose.TimeMin > lastDoseTimeMin)
            {
                break;
            }

            sum += dose.Potency * dose.Particles * kinetics.CargoFraction(site, dose.Route, timeMin - dose.TimeMin);
        }

        return sum / kinetics.BodyWeightKg;
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

/// <summary>Turns a course of exosome doses into the parameter modulations of one model.</summary>
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
    {
        ArgumentNullException.ThrowIfNull(doses);
        var kinetics = new ExosomeKinetics(parameters);
        var modulations = new List<ParameterModulation>();
        foreach (var mechanism in ExosomeMechanisms.All.Where(m => doses.Any(d => d.Mechanisms.Contains(m))))
        {
            var effect = new ExosomeEffect(kinetics, mechanism, doses);
            modulations.AddRange(ExosomeTargets.Parameters(modelId, mechanism).Select(parameter => new ExosomeModulation(parameter, effect)));
        }

        return modulations;
    }
}
