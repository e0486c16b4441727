using ExoSim.Models.Parameters;
using static ExoSim.Therapies.Exosomes.ExosomeParameters;

namespace ExoSim.Therapies.Exosomes;

/// <summary>Where one dose is at a time, as shares of the dose (they add up to 1).</summary>
/// <param name="PeritonealDepot">Not yet absorbed from the peritoneal cavity (intraperitoneal route).</param>
/// <param name="Plasma">In plasma.</param>
/// <param name="Liver">Taken up by the liver, not yet degraded.</param>
/// <param name="Spleen">Taken up by the spleen.</param>
/// <param name="Lung">Taken up by the lung.</param>
/// <param name="Pancreas">Taken up by the pancreas/islets.</param>
/// <param name="OtherTissue">Taken up by other tissue.</param>
/// <param name="Eliminated">Degraded or excreted.</param>
public sealed record ExosomeAmounts(
    double PeritonealDepot, double Plasma, double Liver, double Spleen, double Lung, double Pancreas, double OtherTissue, double Eliminated)
{
    /// <summary>The sum of every compartment (1 when nothing is created or lost).</summary>
    public double Total => PeritonealDepot + Plasma + Liver + Spleen + Lung + Pancreas + OtherTissue + Eliminated;
}

/// <summary>
/// Linear compartment pharmacokinetics of exosome particles after one dose, solved in closed form:
/// <code>
/// dA/dt  = −kA·A                                   (peritoneal depot, intraperitoneal route)
/// dP/dt  = F·kA·A − kP·P                           (plasma; kP = ln 2 / plasma half-life)
/// dTᵢ/dt = fᵢ·kP·P − kT·Tᵢ                         (liver, spleen, lung, pancreas, other tissue)
/// dX/dt  = f_elim·kP·P + kT·ΣTᵢ + (1 − F)·kA·A      (eliminated)
/// dCₛ/dt = kT·Σ_{i ∈ s} Tᵢ − kC·Cₛ                  (active cargo at site s; kC = ln 2 / effect half-life)
/// </code>
/// Each dose is an impulse: into P (IV), into A (IP), or a retained share into T_pancreas and the rest into P
/// (intrapancreatic). The cargo Cₛ counts particles whose cargo (miRNA, protein) was delivered into cells at the site
/// and is still active; it is a signal, not part of the particles' mass balance. Rates are the subject's (allometrically
/// scaled, <see cref="ExosomeParameters.Complete"/>), per minute. Structure and values: docs/therapies/exosome.md.
/// </summary>
public sealed class ExosomeKinetics
{
    private readonly Dictionary<ExosomeRoute, ParticleCourse> unitDoses = [];

    /// <summary>Builds the closed-form solutions for a completed exosome parameter set.</summary>
    /// <exception cref="ArgumentException">When a half-life is not positive or two compartments share a rate.</exception>
    public ExosomeKinetics(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters;
        PlasmaRatePerMin = Rate(parameters, PlasmaHalfLife, 1);
        TissueRatePerMin = Rate(parameters, TissueHalfLife, 60);
        DepotRatePerMin = Rate(parameters, IpAbsorptionHalfLife, 60);
        CargoRatePerMin = Rate(parameters, EffectHalfLife, 1440);
        BodyWeightKg = parameters[BodyWeight];
        double retained = parameters[LocalRetainedFraction];
        unitDoses[ExosomeRoute.Intravenous] = new ParticleCourse(this, 1, 0, ExponentialSum.Zero, ExponentialSum.Zero);
        unitDoses[ExosomeRoute.Intraperitoneal] = new ParticleCourse(this, 0, 0, ExponentialSum.Decay(1, DepotRatePerMin), ExponentialSum.Zero);
        unitDoses[ExosomeRoute.Intrapancreatic] = new ParticleCourse(this, 1 - retained, retained, ExponentialSum.Zero, ExponentialSum.Zero);
    }

    /// <summary>The parameters the kinetics were built from.</summary>
    public ParameterSet Parameters { get; }

    /// <summary>kP: plasma elimination rate, all outflows together (1/min).</summary>
    public double PlasmaRatePerMin { get; }

    /// <summary>kT: degradation rate in tissue (1/min).</summary>
    public double TissueRatePerMin { get; }

    /// <summary>kA: emptying rate of the peritoneal depot (1/min).</summary>
    public double DepotRatePerMin { get; }

    /// <summary>kC: decay rate of the delivered cargo's effect (1/min).</summary>
    public double CargoRatePerMin { get; }

    /// <summary>The subject's body weight (kg).</summary>
    public double BodyWeightKg { get; }

    /// <summary>Where one dose given by <paramref name="route"/> is <paramref name="minutesAfterDose"/> later, as shares of the dose.</summary>
    public ExosomeAmounts Amounts(ExosomeRoute route, double minutesAfterDose) => unitDoses[route].Amounts(minutesAfterDose);

    /// <summary>Active cargo at a site <paramref name="minutesAfterDose"/> after one dose, as a share of the dose's particles.</summary>
    public double CargoFraction(ExosomeSite site, ExosomeRoute route, double minutesAfterDose) => unitDoses[route].Cargo[site].Evaluate(minutesAfterDose);

    /// <summary>The active cargo at a site after one dose of 1 by <paramref name="route"/>, as a function of time since the dose.</summary>
    internal ExponentialSum CargoCourse(ExosomeSite site, ExosomeRoute route) => unitDoses[route].Cargo[site];

    /// <summary>The largest active cargo at a site after one dose, as a share of the dose (found on a log-spaced time grid, then refined).</summary>
    public double PeakCargoFraction(ExosomeSite site, ExosomeRoute route) => Peak(unitDoses[route].Cargo[site]);

    /// <summary>The largest value of a rising-then-falling course (log-spaced grid from 1 min to ≈ 19 years, then golden-section refinement).</summary>
    internal static double Peak(ExponentialSum cargo)
    {
        double best = 0, bestTime = 0;
        for (double t = 1; t < 1e7; t *= 1.01)
        {
            double value = cargo.Evaluate(t);
            if (value > best)
            {
                best = value;
                bestTime = t;
            }
        }

        // Golden-section refinement on the bracket around the grid maximum (the cargo curve rises, then falls).
        double low = bestTime / 1.01, high = bestTime * 1.01;
        const double InverseGolden = 0.6180339887498949;
        for (int i = 0; i < 60; i++)
        {
            double a = high - (InverseGolden * (high - low)), b = low + (InverseGolden * (high - low));
            if (cargo.Evaluate(a) > cargo.Evaluate(b))
            {
                high = b;
            }
            else
            {
                low = a;
            }
        }

        return Math.Max(best, cargo.Evaluate(0.5 * (low + high)));
    }

    private static double Rate(ParameterSet parameters, string halfLife, double minutesPerUnit)
    {
        double value = parameters[halfLife];
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentException($"Exosome parameter '{halfLife}' must be a positive half-life; got {value}.");
        }

        return Math.Log(2) / (value * minutesPerUnit);
    }

    /// <summary>
    /// The closed-form course of particles from a source that secretes them into plasma at
    /// <paramref name="secretionRate"/> (particles/min, t from the source's start): MSC paracrine secretion.
    /// </summary>
    internal ParticleCourse ForSecretion(ExponentialSum secretionRate)
        => new(this, plasmaImpulse: 0, pancreasImpulse: 0, depot: ExponentialSum.Zero, secretionRate);

    /// <summary>
    /// The closed-form amounts of particles from impulses into plasma and pancreas, a peritoneal depot and a secretion
    /// rate into plasma (any of them zero).
    /// </summary>
    internal sealed class ParticleCourse
    {
        private readonly ExponentialSum depot, plasma, liver, spleen, lung, pancreas, other, eliminationRate, input;

        public ParticleCourse(ExosomeKinetics kinetics, double plasmaImpulse, double pancreasImpulse, ExponentialSum depot, ExponentialSum secretionRate)
        {
            var p = kinetics.Parameters;
            double kP = kinetics.PlasmaRatePerMin, kT = kinetics.TissueRatePerMin, kA = kinetics.DepotRatePerMin;
            double bioavailability = p[IpBioavailability];

            this.depot = depot;
            input = secretionRate;
            var plasmaInflow = depot.Scale(bioavailability * kA).Plus(secretionRate);
            plasma = ExponentialSum.Decay(plasmaImpulse, kP).Plus(plasmaInflow.ThroughCompartment(kP));
            liver = Uptake(p[FractionLiver]);
            spleen = Uptake(p[FractionSpleen]);
            lung = Uptake(p[FractionLung]);
            pancreas = Uptake(p[FractionPancreas]).Plus(ExponentialSum.Decay(pancreasImpulse, kT));
            other = Uptake(p[FractionOther]);
            eliminationRate = plasma.Scale(p[FractionEliminated] * kP)
                .Plus(liver.Plus(spleen).Plus(lung).Plus(pancreas).Plus(other).Scale(kT))
                .Plus(depot.Scale((1 - bioavailability) * kA));

            double kC = kinetics.CargoRatePerMin;
            Cargo = new Dictionary<ExosomeSite, ExponentialSum>
            {
                [ExosomeSite.Islets] = pancreas.Scale(kT).ThroughCompartment(kC),
                [ExosomeSite.InsulinSensitiveTissue] = liver.Plus(other).Scale(kT).ThroughCompartment(kC),
                [ExosomeSite.LymphoidTissue] = spleen.Scale(kT).ThroughCompartment(kC),
            };

            ExponentialSum Uptake(double share) => plasma.Scale(share * kP).ThroughCompartment(kT);
        }

        /// <summary>Active cargo at each site over time.</summary>
        public Dictionary<ExosomeSite, ExponentialSum> Cargo { get; }

        /// <summary>Particles secreted into plasma up to <paramref name="t"/> (zero for a dose).</summary>
        public double Secreted(double t) => input.Integral(t);

        public ExosomeAmounts Amounts(double t) => new(
            depot.Evaluate(t), plasma.Evaluate(t), liver.Evaluate(t), spleen.Evaluate(t), lung.Evaluate(t),
            pancreas.Evaluate(t), other.Evaluate(t), eliminationRate.Integral(t));
    }
}
