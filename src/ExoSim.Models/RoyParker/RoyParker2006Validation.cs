using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Models.Validation;
using ExoSim.Numerics.Ode;

namespace ExoSim.Models.RoyParker;

/// <summary>
/// Validation of <c>roy-parker-2006</c>: (1) the basal steady state, (2) an independent implementation of the same
/// equations over an insulin-modified IVGTT, (3) the three mechanisms the paper's abstract says the model captures
/// (Roy &amp; Parker 2006, doi:10.1089/dia.2006.8.617). The paper's own figures and table could not be consulted, so no
/// published time course or nadir is compared (docs/models/roy-parker-2006.md, Known differences).
/// </summary>
public sealed class RoyParker2006Validation : IModelValidation
{
    /// <summary>IV glucose dose of the insulin-modified IVGTT (g/kg), given at 0 min.</summary>
    public const double GlucoseDoseGPerKg = 0.3;

    /// <summary>IV insulin bolus of the insulin-modified IVGTT (U; 0.03 U/kg for 70 kg), given at 20 min.</summary>
    public const double InsulinBolusU = 2.1;

    /// <summary>Time of the insulin bolus (min).</summary>
    public const double InsulinBolusMin = 20;

    private const string IndependentReference =
        "Same equations and nominal parameters integrated independently (Python, classical RK4, Δt = 0.005 min) for this " +
        "validation; insulin-modified IVGTT 0.3 g/kg at 0 min + 2.1 U IV at 20 min; tolerance covers the 6-digit rounding of the reference";

    private const string AbstractReference =
        "Roy & Parker 2006 abstract (doi:10.1089/dia.2006.8.617): the model captures the antilipolytic effect of insulin, the lipolytic " +
        "effect of prolonged hyperglycaemia and the impairing effect of FFA on glucose uptake; sign check only (no published magnitude available)";

    private static readonly RoyParker2006Model Model = new();

    /// <inheritdoc />
    public string ModelId => RoyParker2006Model.ModelId;

    /// <summary>The insulin-modified IVGTT of the validation and of examples/roy-parker-2006-ivgtt.yaml.</summary>
    public static IReadOnlyList<Intervention> InsulinModifiedIvgtt { get; } =
        [new GlucoseBolusIv(0, GlucoseDoseGPerKg), new InsulinBolus(InsulinBolusMin, InsulinBolusU)];

    /// <inheritdoc />
    public IReadOnlyList<ValidationCheck> Run()
    {
        var checks = new List<ValidationCheck>();
        var p = Model.Patient(RoyParker2006Parameters.NominalSubject);

        // (1) Basal steady state, and no drift over 6 h at the basal infusion u1b.
        checks.Add(new ValidationCheck(ModelId, "basal residual max|f(x_b)|/max(|x_b|,1), nominal", "1/min", 0, BasalResidual.Of(Model, p), 1e-12,
            ValidationComparison.AtMost, "the basal state [Gb, 0, Ib, 0, Fb, Zb] is a steady state of the equations by construction (u1b = n·Ib/p5)"));
        var rest = Simulate(p, [], 360);
        checks.Add(new ValidationCheck(ModelId, "max |FFA − Fb| over 6 h at basal insulin, no events", "µmol/L", 0,
            MaxDeviation(rest.Column(RoyParker2006Model.FfaObservable), p["Fb"]), 1e-6, ValidationComparison.AtMost, "basal steady state: FFA stays at Fb = 380 µmol/L"));
        checks.Add(new ValidationCheck(ModelId, "max |G − Gb| over 6 h at basal insulin, no events", "mg/dL", 0,
            MaxDeviation(rest.Column(Observable.GlucoseMgPerDl), p["Gb"]), 1e-6, ValidationComparison.AtMost, "basal steady state: glucose stays at Gb = 98 mg/dL"));

        // (2) Independent implementation over the insulin-modified IVGTT.
        var ivgtt = Simulate(p, InsulinModifiedIvgtt, 360);
        var time = ivgtt.Column(Simulator.TimeColumn);
        var glucose = ivgtt.Column(Observable.GlucoseMgPerDl);
        var ffa = ivgtt.Column(RoyParker2006Model.FfaObservable);
        foreach (var (minute, g, f) in new[] { (30, 124.646, 335.704), (60, 87.4466, 325.300), (120, 92.8538, 367.765) })
        {
            int row = Array.IndexOf(time, (double)minute);
            checks.Add(new ValidationCheck(ModelId, $"G at {minute} min, insulin-modified IVGTT", "mg/dL", g, glucose[row], 0.01,
                ValidationComparison.WithinTolerance, IndependentReference));
            checks.Add(new ValidationCheck(ModelId, $"FFA at {minute} min, insulin-modified IVGTT", "µmol/L", f, ffa[row], 0.01,
                ValidationComparison.WithinTolerance, IndependentReference));
        }

        int nadir = Array.IndexOf(ffa, ffa.Min());
        checks.Add(new ValidationCheck(ModelId, "FFA nadir, insulin-modified IVGTT", "µmol/L", 309.295, ffa[nadir], 0.01,
            ValidationComparison.WithinTolerance, IndependentReference));
        checks.Add(new ValidationCheck(ModelId, "time of the FFA nadir, insulin-modified IVGTT", "min", 42, time[nadir], 1,
            ValidationComparison.WithinTolerance, IndependentReference + "; 1-min output grid"));

        // (3) The three mechanisms, as signs.
        checks.Add(new ValidationCheck(ModelId, "antilipolysis: FFA nadir − Fb after the insulin bolus", "µmol/L", 0, ffa[nadir] - p["Fb"], 0,
            ValidationComparison.AtMost, AbstractReference));
        var glucoseOnly = Simulate(p, [new GlucoseBolusIv(0, GlucoseDoseGPerKg)], 180);
        checks.Add(new ValidationCheck(ModelId, "hyperglycaemic lipolysis: Fb − FFA peak after IV glucose at basal insulin", "µmol/L", 0,
            p["Fb"] - glucoseOnly.Column(RoyParker2006Model.FfaObservable).Max(), 0, ValidationComparison.AtMost, AbstractReference));
        var raisedFfa = Model.InitialState(p);
        raisedFfa[RoyParker2006System.F] *= 2;
        var lipid = Simulate(p, [], 180, raisedFfa);
        checks.Add(new ValidationCheck(ModelId, "FFA impair uptake: Gb − G peak after starting at F = 2·Fb", "mg/dL", 0,
            p["Gb"] - lipid.Column(Observable.GlucoseMgPerDl).Max(), 0, ValidationComparison.AtMost, AbstractReference));
        return checks;
    }

    private static double MaxDeviation(double[] values, double reference) => values.Max(v => Math.Abs(v - reference));

    private static SimulationResult Simulate(ParameterSet parameters, IReadOnlyList<Intervention> interventions, double durationMin, double[]? initial = null)
        => Simulator.Run(
            new SimulationRequest
            {
                Model = Model,
                Parameters = parameters,
                InitialState = initial,
                DurationMin = durationMin,
                OutputIntervalMin = 1,
                Interventions = interventions,
            },
            OdeSolvers.DormandPrince54,
            new SolverOptions { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-11 });
}
