using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Models.Validation;
using ExoSim.Numerics.Ode;

namespace ExoSim.Models.Topp;

/// <summary>
/// Validation of <c>topp-2000</c> for <c>exosim validate</c>: (1) the three fixed points in closed form against the
/// values stated for Topp et al. 2000 (doi:10.1006/jtbi.2000.2150), (2) their stability from the Jacobian's
/// eigenvalues (stable, saddle, stable as the paper says), (3) convergence to the physiological point and a run of
/// the curated BioModels encoding BIOMD0000000341 against an independent implementation, (4) the paper's pathways:
/// compensation of a halved insulin sensitivity by β-cell growth; the threshold beyond which a fall in SI drives the
/// system to the pathological state — immediately when abrupt, after a phase of compensation when progressive
/// (dynamical hyperglycemia); and a raised β-cell death rate d0 (regulated hyperglycemia, then the bifurcation).
/// The paper's own figure timings could not be read and are not checked (docs/models/topp-2000.md).
/// </summary>
public sealed class Topp2000Validation : IModelValidation
{
    private const string Notes =
        "fixed points of " + Topp2000Model.Paper + " as gathered in ExoSim's science notes §2 (G = 100, 250, 600 mg/dL with " +
        "I = 10, 2.8, 0 µU/mL and β = 300, 36.96, 0 mg, recomputed there in python); closed form, so rounding only";

    private const string Eigen =
        "eigenvalues (1/d) of ExoSim's science notes §2 (central-difference Jacobian, Durand–Kerner roots); tolerance: their rounding";

    private const string Stability =
        "stability as " + Topp2000Model.Paper + " states it (abstract: two stable fixed points separated by a saddle): " +
        "number of eigenvalues with positive real part";

    private const string Independent =
        "independent implementation of BIOMD0000000341's rate rules (python, classical RK4, Δt = 0.002 d; converged to 1e-8 " +
        "against Δt = 0.001 d), same start and inputs; tolerance: output grid and solver tolerance";

    private const string SlowManifold =
        "slow-manifold analysis of the paper's equations: after an abrupt change glucose settles within hours on the quasi-steady " +
        "G of the fast subsystem at the old β-cell mass (ToppFixedPoints.QuasiSteadyGlucose) at the β-cell mass of that moment; 0.05 mg/dL for the output grid (0.02 d) and insulin's lag";

    private const string SlowManifoldBound =
        "slow-manifold bound: the quasi-steady G at the starting β-cell mass (300 mg); the peak lies lower because β grows ≈ 0.4 % during " +
        "the ≈ 9-h approach (7 time constants of the −18.7/d mode); tolerance 0.5 mg/dL";

    private const string Threshold =
        "derived from the equations (not a published number): the quasi-steady G depends on β·SI only, so an abrupt fall of SI by a " +
        "factor below β_saddle/β_physiological = 0.1232 puts G above the saddle's 250 mg/dL, where β-cells die";

    private static readonly Topp2000Model Model = new();

    /// <summary>Day of the BioModels comparison samples, from the encoding's own initial state (250, 2.8, 37).</summary>
    public static readonly IReadOnlyList<double> BiomdDays = [100, 200, 365];

    /// <summary>G (mg/dL) of BIOMD0000000341 at <see cref="BiomdDays"/>, by the independent implementation.</summary>
    public static readonly IReadOnlyList<double> BiomdGlucose = [243.461030, 161.251782, 104.867894];

    /// <summary>β (mg) of BIOMD0000000341 at <see cref="BiomdDays"/>, by the independent implementation.</summary>
    public static readonly IReadOnlyList<double> BiomdBeta = [39.191103, 96.419484, 266.189614];

    /// <summary>Perturbed start (G, I, β) for the convergence check.</summary>
    public static readonly IReadOnlyList<double> PerturbedStart = [150, 5, 250];

    /// <summary>G (mg/dL) 730 d after <see cref="PerturbedStart"/>, by the independent implementation.</summary>
    public const double PerturbedGlucoseAt730 = 100.000223;

    /// <summary>Factor by which the progressive decline lowers SI in total.</summary>
    public const double DeclineFactor = 0.05;

    /// <summary>Duration (d) of the fast decline: SI·exp(−λ·t) with λ = ln(20)/60 per day.</summary>
    public const double FastDeclineDays = 60;

    /// <summary>Duration (d) of the slow decline to the same SI.</summary>
    public const double SlowDeclineDays = 730;

    /// <summary>Largest β (mg) during the fast decline (the compensation before the collapse), by the independent implementation.</summary>
    public const double FastDeclineBetaPeak = 476.941;

    /// <summary>Day on which G crosses the saddle's 250 mg/dL during the fast decline, by the independent implementation.</summary>
    public const double FastDeclineCrossingDay = 51.4466;

    /// <summary>β (mg) at 1095 d after the slow decline, by the independent implementation.</summary>
    public const double SlowDeclineBetaAt1095 = 5990.169;

    /// <inheritdoc />
    public string ModelId => Topp2000Model.ModelId;

    /// <inheritdoc />
    public IReadOnlyList<ValidationCheck> Run()
    {
        var checks = new List<ValidationCheck>();
        var normal = Model.Patient(Topp2000Model.Normal);
        AddFixedPointChecks(checks, normal);
        AddConvergenceAndBiomdChecks(checks, normal);
        AddPathwayChecks(checks, normal);
        return checks;
    }

    private void AddFixedPointChecks(List<ValidationCheck> checks, ParameterSet p)
    {
        var expected = new[]
        {
            (Point: ToppFixedPoints.Physiological(p), G: 100.0, I: 10.0, Beta: 300.0, Eigen: new[] { (-422.0, 0.5), (-18.66, 0.005), (-0.01422, 0.000005) }, Unstable: 0),
            (Point: ToppFixedPoints.Saddle(p), G: 250.0, I: 2.8, Beta: 36.96, Eigen: new[] { (-431.0, 0.5), (-4.485, 0.0005), (0.04055, 0.000005) }, Unstable: 1),
            (Point: ToppFixedPoints.Pathological(p), G: 600.0, I: 0.0, Beta: 0.0, Eigen: new[] { (-432.0, 0.5), (-1.44, 0.005), (-0.42, 0.005) }, Unstable: 0),
        };
        foreach (var e in expected)
        {
            string name = e.Point.Name;
            checks.Add(Check($"G of the {name} fixed point (normal)", "mg/dL", e.G, e.Point.G, 1e-9, Notes));
            checks.Add(Check($"I of the {name} fixed point (normal)", "µU/mL", e.I, e.Point.I, 1e-9, Notes));
            checks.Add(Check($"β of the {name} fixed point (normal)", "mg", e.Beta, e.Point.Beta, 1e-9, Notes));
            checks.Add(new ValidationCheck(ModelId, $"max |f|/max(|x|, 1) at the {name} fixed point (normal)", "1/min", 0,
                Residual(p, e.Point), 1e-12, ValidationComparison.AtMost, "a fixed point must be a rest point of the right-hand side (rounding only)"));

            var eigenvalues = ToppFixedPoints.Eigenvalues(p, e.Point);
            for (int m = 0; m < 3; m++)
            {
                checks.Add(Check($"eigenvalue {m + 1} at the {name} fixed point (normal)", "1/d", e.Eigen[m].Item1, eigenvalues[m].Real, e.Eigen[m].Item2, Eigen));
            }

            checks.Add(Check($"eigenvalues with positive real part at the {name} fixed point", "1", e.Unstable,
                eigenvalues.Count(z => z.Real > 0), 0, Stability));
        }

        var resistant = ToppFixedPoints.Physiological(Model.Patient(Topp2000Model.InsulinResistant));
        checks.Add(Check("G of the physiological fixed point (insulin-resistant)", "mg/dL", 100, resistant.G, 1e-9,
            "closed form: the physiological G = (r1 − √(r1² − 4·r2·d0))/(2·r2) does not depend on SI (" + Topp2000Model.Paper + ")"));
        checks.Add(Check("β of the physiological fixed point (insulin-resistant)", "mg", 600, resistant.Beta, 1e-9,
            "closed form: I = (R0/G − EG0)/SI and β ∝ I, so halving SI doubles I and β at the same G"));
    }

    private void AddConvergenceAndBiomdChecks(List<ValidationCheck> checks, ParameterSet p)
    {
        var perturbed = Simulate(p, PerturbedStart, 730, []);
        double g730 = perturbed.Column("G")[^1];
        checks.Add(Check("G 730 d after the start (150, 5, 250)", "mg/dL", PerturbedGlucoseAt730, g730, 1e-4, Independent));
        checks.Add(Check("G 730 d after the start (150, 5, 250) vs the physiological fixed point", "mg/dL", 100, g730, 0.001,
            "stable physiological fixed point: the slowest eigenvalue −0.0142/d leaves ~e^(−10.4) of the initial 50 mg/dL"));

        // BIOMD0000000341 starts at (250, 2.8, 37), just above the saddle's β = 36.96: the trajectory leaves the saddle
        // along its unstable direction and reaches the physiological point, a sensitive test of the equations.
        var biomd = Simulate(p, [250, 2.8, 37], 365, []);
        var time = biomd.Column(Simulator.TimeColumn);
        for (int m = 0; m < BiomdDays.Count; m++)
        {
            int row = Array.FindIndex(time, t => Math.Abs(t - (BiomdDays[m] * Topp2000Model.MinutesPerDay)) < 1e-6);
            checks.Add(Check($"G at day {BiomdDays[m]:F0} from BIOMD0000000341's initial state", "mg/dL", BiomdGlucose[m], biomd.Column("G")[row], 1e-3, Independent));
            checks.Add(Check($"β at day {BiomdDays[m]:F0} from BIOMD0000000341's initial state", "mg", BiomdBeta[m], biomd.Column("beta")[row], 1e-3, Independent));
        }
    }

    private void AddPathwayChecks(List<ValidationCheck> checks, ParameterSet p)
    {
        var start = Model.InitialState(p);
        double years5 = 5 * 365;

        // (a) SI halved at t = 0 for 5 years: glucose rises to the slow manifold, β-cells grow, G returns to 100.
        var halved = Simulate(p, start, years5, [new StepModulation("SI", 0.5, 0, years5 * Topp2000Model.MinutesPerDay)], outputDays: 0.02);
        var resistant = ToppFixedPoints.Physiological(Model.Patient(Topp2000Model.InsulinResistant));
        var glucose = halved.Column("G");
        int peak = Array.IndexOf(glucose, glucose.Max());
        double quasiSteady = ToppFixedPoints.QuasiSteadyGlucose(p.WithUserValue("SI", 0.5 * p["SI"]), halved.Column("beta")[peak]);
        checks.Add(Check("peak G after SI is halved (normal) vs the slow manifold at that β", "mg/dL", quasiSteady, glucose[peak], 0.05, SlowManifold));
        checks.Add(Check("peak G after SI is halved (normal) vs the slow manifold at β = 300 mg", "mg/dL",
            ToppFixedPoints.QuasiSteadyGlucose(p.WithUserValue("SI", 0.5 * p["SI"]), start[Topp2000Model.Beta]), glucose[peak], 0.5, SlowManifoldBound));
        checks.Add(Check("G 5 years after SI is halved (normal)", "mg/dL", resistant.G, halved.Column("G")[^1], 0.01,
            "compensation: the run reaches the physiological fixed point of the halved SI (closed form, same G)"));
        checks.Add(Check("β 5 years after SI is halved (normal)", "mg", resistant.Beta, halved.Column("beta")[^1], 0.5,
            "compensation: β-cell mass doubles to the fixed point of the halved SI (closed form); 0.5 mg for the remaining approach"));

        // (b) Abrupt falls just above and below the derived critical factor.
        double critical = ToppFixedPoints.Saddle(p).Beta / ToppFixedPoints.Physiological(p).Beta;
        checks.Add(Check("critical abrupt SI factor β_saddle/β_physiological", "1", 0.1232, critical, 1e-12, Threshold));
        foreach (var (factor, expected, outcome) in new[] { (1.1 * critical, 100.0, "compensated"), (0.9 * critical, 600.0, "pathological") })
        {
            var run = Simulate(p, start, 3 * 365, [new StepModulation("SI", factor, 0, 3 * 365 * Topp2000Model.MinutesPerDay)]);
            checks.Add(Check($"G 3 years after an abrupt SI × {factor:F4} ({outcome})", "mg/dL", expected, run.Column("G")[^1], 0.01, Threshold));
        }

        // (c) A higher β-cell death rate: the physiological point moves up (regulated hyperglycemia) until, past
        // d0 = r1²/(4·r2), it merges with the saddle and vanishes (bifurcation) — Topp's pathways 1 and 2.
        double bifurcation = p["r1"] * p["r1"] / (4 * p["r2"]) / p["d0"];
        var shifted = ToppFixedPoints.Physiological(p.WithUserValue("d0", 1.2 * p["d0"]));
        foreach (var (factor, expected, outcome) in new[] { (1.2, shifted.G, "regulated hyperglycemia"), (1.05 * bifurcation, 600.0, "past the bifurcation") })
        {
            var run = Simulate(p, start, years5, [new StepModulation("d0", factor, 0, years5 * Topp2000Model.MinutesPerDay)]);
            checks.Add(Check($"G 5 years after d0 × {factor:F4} ({outcome})", "mg/dL", expected, run.Column("G")[^1], 0.01,
                $"closed form: the physiological point of the raised d0 (G = {shifted.G:F1} mg/dL for × 1.2) or, beyond the bifurcation at " +
                $"d0 × {bifurcation:F4} where r1² = 4·r2·d0, the pathological G = R0/EG0 (pathways of {Topp2000Model.Paper})"));
        }

        // (d) Progressive falls to the same SI: the fast one outruns β-cell growth (Topp's dynamical hyperglycemia).
        double horizon = 3 * 365;
        var fast = Simulate(p, start, horizon, [new ExponentialDecline("SI", DeclineFactor, FastDeclineDays)], outputDays: 0.01);
        const string Decline = "independent implementation (as above) of SI·exp(−λ·min(t, T)), λ = ln(20)/T: SI falls to 5 % over T days";
        checks.Add(Check($"peak β while SI falls to 5 % over {FastDeclineDays:F0} d (compensation first)", "mg", FastDeclineBetaPeak,
            fast.Column("beta").Max(), 0.01, Decline));
        checks.Add(Check($"day G crosses the saddle's 250 mg/dL while SI falls to 5 % over {FastDeclineDays:F0} d", "d", FastDeclineCrossingDay,
            CrossingDay(fast, 250), 0.01, Decline));
        checks.Add(Check($"G 3 years after SI fell to 5 % over {FastDeclineDays:F0} d (pathological)", "mg/dL", 600, fast.Column("G")[^1], 0.01,
            "the pathological fixed point G = R0/EG0 (closed form)"));

        var slow = Simulate(p, start, horizon, [new ExponentialDecline("SI", DeclineFactor, SlowDeclineDays)], outputDays: 0.1);
        checks.Add(new ValidationCheck(ModelId, $"peak G − 250 mg/dL while SI falls to 5 % over {SlowDeclineDays:F0} d (compensated)", "mg/dL", 0,
            slow.Column("G").Max() - 250, 0, ValidationComparison.AtMost, "slow decline: β-cell growth keeps G below the saddle (must be ≤ 0)"));
        checks.Add(Check($"β 3 years after SI fell to 5 % over {SlowDeclineDays:F0} d", "mg", SlowDeclineBetaAt1095, slow.Column("beta")[^1], 0.5, Decline));
    }

    private static double CrossingDay(SimulationResult result, double level)
    {
        var time = result.Column(Simulator.TimeColumn);
        var glucose = result.Column("G");
        for (int r = 1; r < result.RowCount; r++)
        {
            if (glucose[r - 1] < level && glucose[r] >= level)
            {
                double t = time[r - 1] + ((time[r] - time[r - 1]) * (level - glucose[r - 1]) / (glucose[r] - glucose[r - 1]));
                return t / Topp2000Model.MinutesPerDay;
            }
        }

        return double.NaN;
    }

    private static double Residual(ParameterSet p, ToppFixedPoint point)
    {
        var system = Model.CreateSystem(p, []);
        double[] x = [point.G, point.I, point.Beta];
        var f = new double[3];
        system.Evaluate(0, x, f);
        return x.Select((v, i) => Math.Abs(f[i]) / Math.Max(Math.Abs(v), 1)).Max();
    }

    private ValidationCheck Check(string quantity, string unit, double expected, double got, double tolerance, string reference)
        => new(ModelId, quantity, unit, expected, got, tolerance, ValidationComparison.WithinTolerance, reference);

    private static SimulationResult Simulate(ParameterSet p, IReadOnlyList<double> start, double days, IReadOnlyList<ParameterModulation> modulations, double outputDays = 1)
        => Simulator.Run(
            new SimulationRequest
            {
                Model = Model, Parameters = p, InitialState = start, DurationMin = days * Topp2000Model.MinutesPerDay,
                OutputIntervalMin = outputDays * Topp2000Model.MinutesPerDay, Modulations = modulations,
            },
            OdeSolvers.Rodas5P,
            new SolverOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-10 });

    /// <summary>A multiplier exp(−λ·t) that falls to <c>factor</c> over <c>days</c> and stays there (a progressive defect).</summary>
    private sealed class ExponentialDecline(string parameter, double factor, double days) : ParameterModulation(parameter)
    {
        private readonly double endMin = days * Topp2000Model.MinutesPerDay;
        private readonly double ratePerMin = -Math.Log(factor) / (days * Topp2000Model.MinutesPerDay);
        private readonly double[] breakpoints = [days * Topp2000Model.MinutesPerDay];

        public override IReadOnlyList<double> Breakpoints => breakpoints;

        public override double Multiplier(double timeMin, double segmentStartMin)
            => segmentStartMin >= endMin ? factor : Math.Exp(-ratePerMin * timeMin);
    }
}
