using ExoSim.Models.Meals;
using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using static ExoSim.Models.UvaPadova.UvaPadovaParameters;
using static ExoSim.Models.UvaPadova.UvaPadovaStates;
using static ExoSim.Models.UvaPadova.UvaPadovaT1DModel;

namespace ExoSim.Models.UvaPadova;

/// <summary>
/// Right-hand side of the UVA/Padova T1D model (simglucose's <c>T1DPatient.model</c>, checked against Dalla Man et al.
/// 2007, doi:10.1109/TBME.2007.893506). Inputs: channel 0 carbohydrate (mg/min), channel 1 s.c. insulin
/// (pmol/kg/min). The guards "derivative = 0 while the state is negative" on Gp, Gt, Ip, Il, Isc1, Isc2, Gs and
/// max(EGP, 0) and the renal threshold are kept as in the source; they are kinks only where a state reaches 0
/// or EGP or Gp − ke2 changes sign, which the step-size control of Rodas/Dormand–Prince handles.
/// </summary>
internal sealed class UvaPadovaSystem : ModelSystem
{
    public UvaPadovaSystem(ParameterSet parameters, IReadOnlyList<ParameterModulation> modulations)
        : base(parameters, Count, 2, modulations)
    {
        Gut = new OralGlucoseAbsorption(Qsto1);
    }

    /// <summary>The GI tract with its memory of the current meal size.</summary>
    public OralGlucoseAbsorption Gut { get; }

    protected override void EvaluateModel(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        var p = P;
        var gut = new GutParameters(p[Kmax], p[Kmax], p[Kmin], p[Kabs], p[B], p[D], p[F]);
        double ra = Gut.Evaluate(y, dydt, InputRates[CarbChannel], gut) / p[BW];

        double gp = y[Gp], gt = y[Gt], ip = y[Ip], x = y[X], i1 = y[I1], id = y[Id], il = y[Il];
        double isc1 = y[Isc1], isc2 = y[Isc2], gs = y[Gs];

        // Glucose subsystem: EGP clipped at 0, constant insulin-independent uptake, renal excretion above ke2.
        double egp = Math.Max(p[Kp1] - (p[Kp2] * gp) - (p[Kp3] * id), 0);
        double renal = gp > p[Ke2] ? p[Ke1] * (gp - p[Ke2]) : 0;
        double dGp = egp + ra - p[Fsnc] - renal - (p[K1] * gp) + (p[K2] * gt);
        double uid = (p[Vm0] + (p[Vmx] * x)) * gt / (p[Km0] + gt);
        double dGt = -uid + (p[K1] * gp) - (p[K2] * gt);

        // Insulin subsystem: plasma, liver, two s.c. depots; insulin action on utilisation (X) and production (I1, Id).
        double insulin = ip / p[Vi];
        double dIp = (-(p[M2] + p[M4]) * ip) + (p[M1] * il) + (p[Ka1] * isc1) + (p[Ka2] * isc2);
        double dIl = (-(p[M1] + p[M30]) * il) + (p[M2] * ip);
        double dIsc1 = InputRates[InsulinChannel] - ((p[Ka1] + p[Kd]) * isc1);
        double dIsc2 = (p[Kd] * isc1) - (p[Ka2] * isc2);

        dydt[Gp] = NonNegativeGuard(gp, dGp);
        dydt[Gt] = NonNegativeGuard(gt, dGt);
        dydt[Ip] = NonNegativeGuard(ip, dIp);
        dydt[X] = -p[P2u] * (x - (insulin - p[Ib]));
        dydt[I1] = -p[Ki] * (i1 - insulin);
        dydt[Id] = -p[Ki] * (id - i1);
        dydt[Il] = NonNegativeGuard(il, dIl);
        dydt[Isc1] = NonNegativeGuard(isc1, dIsc1);
        dydt[Isc2] = NonNegativeGuard(isc2, dIsc2);
        dydt[Gs] = NonNegativeGuard(gs, p[Ksc] * (gp - gs));
    }

    /// <summary>simglucose's "(x ≥ 0)·dx/dt": a compartment that has become negative is frozen.</summary>
    private static double NonNegativeGuard(double state, double derivative) => state >= 0 ? derivative : 0;
}
