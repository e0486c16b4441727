using ExoSim.Models.Meals;
using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using static ExoSim.Models.DallaMan.DallaManParameters;
using static ExoSim.Models.DallaMan.DallaManStates;

namespace ExoSim.Models.DallaMan;

/// <summary>
/// Right-hand side of the Dalla Man 2007 meal model (doi:10.1109/TBME.2007.893506, eqs. of the glucose, insulin,
/// GI-tract, EGP, utilisation, secretion, hepatic-extraction and renal subsystems). Input channel 0: carbohydrate
/// eaten (mg/min) for meals given with a duration.
/// </summary>
internal sealed class DallaManSystem : ModelSystem
{
    /// <summary>Input channel of carbohydrate eaten at a finite rate (mg/min) into Qsto1.</summary>
    public const int CarbChannel = 0;

    public DallaManSystem(ParameterSet parameters, IReadOnlyList<ParameterModulation> modulations)
        : base(parameters, Count, 1, modulations)
    {
        Gut = new OralGlucoseAbsorption(Qsto1);
    }

    /// <summary>The GI tract with its memory of the current meal size D̄.</summary>
    public OralGlucoseAbsorption Gut { get; }

    protected override void EvaluateModel(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        var p = P;
        var gut = new GutParameters(p[Kgri], p[Kmax], p[Kmin], p[Kabs], p[B], p[D], p[F]);
        double ra = Gut.Evaluate(y, dydt, InputRates[CarbChannel], gut) / p[BW];
        var fluxes = Fluxes.Of(p, y);

        double dGp = fluxes.Egp + ra - p[Fcns] - fluxes.Renal - (p[K1] * y[Gp]) + (p[K2] * y[Gt]);
        double dGdt = dGp / p[VG];

        // Secretion (DM2007): Spo = Y + K·dG/dt + Sb while dG/dt > 0, else Y + Sb; Y follows β(G − h), floored at −Sb.
        double spo = y[Y] + (p[K] * Math.Max(dGdt, 0)) + p[Sb];
        double target = Math.Max(p[Beta] * (fluxes.Glucose - p[H]), -p[Sb]);

        dydt[Gp] = dGp;
        dydt[Gt] = -fluxes.Uid + (p[K1] * y[Gp]) - (p[K2] * y[Gt]);
        dydt[Il] = (-(p[M1] + fluxes.M3) * y[Il]) + (p[M2] * y[Ip]) + fluxes.Secretion;
        dydt[Ip] = (-(p[M2] + p[M4]) * y[Ip]) + (p[M1] * y[Il]);
        dydt[X] = -p[P2U] * (y[X] - (fluxes.Insulin - p[Ib]));
        dydt[I1] = -p[Ki] * (y[I1] - fluxes.Insulin);
        dydt[Id] = -p[Ki] * (y[Id] - y[I1]);
        dydt[Ipo] = (-p[Gamma] * y[Ipo]) + spo;
        dydt[Y] = -p[Alpha] * (y[Y] - target);
    }
}

/// <summary>
/// The algebraic fluxes of DM2007 at one state, shared by the right-hand side and the observables so that both
/// use one transcription of the equations.
/// </summary>
/// <param name="Glucose">G = Gp/VG (mg/dL).</param>
/// <param name="Insulin">I = Ip/VI (pmol/L).</param>
/// <param name="Egp">EGP = max(kp1 − kp2·Gp − kp3·Id − kp4·Ipo, 0) (mg/kg/min).</param>
/// <param name="Uid">Uid = (Vm0 + Vmx·X)·Gt/(Km0 + Gt) (mg/kg/min).</param>
/// <param name="Renal">E = ke1·(Gp − ke2) if Gp > ke2, else 0 (mg/kg/min).</param>
/// <param name="Secretion">S = gamma·Ipo (pmol/kg/min).</param>
/// <param name="HepaticExtraction">HE = max(−m5·S + m6, 0) (dimensionless).</param>
/// <param name="M3">m3 = HE·m1/(1 − HE) (1/min).</param>
internal readonly record struct Fluxes(
    double Glucose, double Insulin, double Egp, double Uid, double Renal, double Secretion, double HepaticExtraction, double M3)
{
    public static Fluxes Of(ReadOnlySpan<double> p, ReadOnlySpan<double> y)
    {
        double gt = y[Gt];
        // EGP is not clipped in DM2007; the clip (as in the UVA/Padova simulator) only acts at supra-physiological insulin.
        double egp = Math.Max(p[Kp1] - (p[Kp2] * y[Gp]) - (p[Kp3] * y[Id]) - (p[Kp4] * y[Ipo]), 0);
        double renal = y[Gp] > p[Ke2] ? p[Ke1] * (y[Gp] - p[Ke2]) : 0;
        double secretion = p[Gamma] * y[Ipo];
        // HE ≥ 0 keeps m3 ≥ 0 when secretion exceeds m6/m5 (an ExoSim guard; inactive after the paper's meals).
        double he = Math.Max(p[M6] - (p[M5] * secretion), 0);
        return new Fluxes(
            y[Gp] / p[VG],
            y[Ip] / p[VI],
            egp,
            (p[Vm0] + (p[Vmx] * y[X])) * gt / (p[Km0] + gt),
            renal,
            secretion,
            he,
            he * p[M1] / (1 - he));
    }
}
