using ExoSim.Models.Parameters;

namespace ExoSim.Models.DallaMan;

/// <summary>
/// The parameters of <see cref="DallaMan2007Model"/>: the symbols of Dalla Man, Rizza &amp; Cobelli 2007 (Table 1 and
/// the basal values), units, meanings, and the basal steady-state relations of the derived quantities. The index
/// constants give each parameter's position in the schema.
/// </summary>
public static class DallaManParameters
{
#pragma warning disable CS1591 // The constants are the parameters' schema indices; each parameter is documented in Schema.
    public const int BW = 0, Gb = 1, Ib = 2, EGPb = 3, VG = 4, K1 = 5, K2 = 6, VI = 7, M1 = 8, M5 = 9, M6 = 10;
    public const int HEb = 11, Kmax = 12, Kmin = 13, Kabs = 14, Kgri = 15, F = 16, B = 17, D = 18, Kp2 = 19, Kp3 = 20;
    public const int Kp4 = 21, Ki = 22, Fcns = 23, Vmx = 24, Km0 = 25, P2U = 26, K = 27, Alpha = 28, Beta = 29, Gamma = 30;
    public const int Ke1 = 31, Ke2 = 32;
    public const int Gpb = 33, Gtb = 34, Vm0 = 35, Kp1 = 36, Sb = 37, Ipb = 38, M2 = 39, M4 = 40, M30 = 41, Ilb = 42;
    public const int Ipob = 43, H = 44;
#pragma warning restore CS1591

    /// <summary>Index of the first derived parameter (Gpb); derived parameters run to the end of the schema.</summary>
    public const int FirstDerived = Gpb;

    /// <summary>The paper, as cited in every source string.</summary>
    public const string Dm2007 = "Dalla Man, Rizza & Cobelli 2007, IEEE TBME 54:1740, doi:10.1109/TBME.2007.893506";

    private const string FractionRange = "definition: a fraction";

    /// <summary>The schema, in the order of the index constants.</summary>
    public static ParameterSchema Schema { get; } = new(
    [
        new("BW", "kg", "Body weight") { PlausibleMinimum = 30, PlausibleMaximum = 250, RangeSource = "assumption: adult body weight" },
        new("Gb", "mg/dL", "Basal (fasting steady-state) plasma glucose") { PlausibleMinimum = 40, PlausibleMaximum = 400, RangeSource = "assumption: range over which the model is used" },
        new("Ib", "pmol/L", "Basal plasma insulin"),
        new("EGPb", "mg/kg/min", "Basal endogenous glucose production (equal to basal utilisation plus renal excretion)"),
        new("VG", "dL/kg", "Distribution volume of glucose"),
        new("k1", "1/min", "Rate constant, plasma → slowly equilibrating tissue glucose"),
        new("k2", "1/min", "Rate constant, tissue → plasma glucose"),
        new("VI", "L/kg", "Distribution volume of insulin"),
        new("m1", "1/min", "Rate constant, liver → plasma insulin"),
        new("m5", "min·kg/pmol", "Slope of hepatic insulin extraction against insulin secretion (HE = −m5·S + m6)"),
        new("m6", "1", "Intercept of hepatic insulin extraction against insulin secretion (HE = −m5·S + m6)"),
        new("HEb", "1", "Basal hepatic insulin extraction") { PlausibleMinimum = 0, PlausibleMaximum = 1, RangeSource = FractionRange },
        new("kmax", "1/min", "Maximum rate of gastric emptying"),
        new("kmin", "1/min", "Minimum rate of gastric emptying"),
        new("kabs", "1/min", "Rate constant of intestinal glucose absorption"),
        new("kgri", "1/min", "Rate of grinding, solid → liquid phase in the stomach (Qsto1 → Qsto2)"),
        new("f", "1", "Fraction of intestinal absorption that appears in plasma") { PlausibleMinimum = 0, PlausibleMaximum = 1, RangeSource = FractionRange },
        new("b", "1", "Fraction of the meal size at which gastric emptying has fallen to (kmax + kmin)/2") { PlausibleMinimum = 0, PlausibleMaximum = 1, RangeSource = FractionRange },
        new("d", "1", "Fraction of the meal size at which gastric emptying is back at (kmax + kmin)/2") { PlausibleMinimum = 0, PlausibleMaximum = 1, RangeSource = FractionRange },
        new("kp2", "1/min", "Liver glucose effectiveness"),
        new("kp3", "mg/kg/min per pmol/L", "Amplitude of the action of delayed insulin Id on glucose production"),
        new("kp4", "mg/kg/min per pmol/kg", "Amplitude of the action of portal insulin Ipo on glucose production"),
        new("ki", "1/min", "Rate constant of the delay between insulin and its action on glucose production"),
        new("Fcns", "mg/kg/min", "Insulin-independent glucose utilisation (brain and erythrocytes), Uii"),
        new("Vmx", "mg/kg/min per pmol/L", "Insulin sensitivity of peripheral glucose utilisation (slope of Vm in X)"),
        new("Km0", "mg/kg", "Michaelis–Menten constant of insulin-dependent glucose utilisation"),
        new("p2U", "1/min", "Rate constant of insulin action on peripheral glucose utilisation"),
        new("K", "pmol/kg per mg/dL", "Pancreatic responsivity to the rate of increase of glucose (first-phase secretion)"),
        new("alpha", "1/min", "Rate constant of the delay between glucose and provision of new insulin (Y)"),
        new("beta", "pmol/kg/min per mg/dL", "Pancreatic responsivity to glucose (second-phase secretion)"),
        new("gamma", "1/min", "Rate constant of insulin transfer from the portal vein to the liver"),
        new("ke1", "1/min", "Glomerular filtration rate (renal glucose excretion)"),
        new("ke2", "mg/kg", "Renal threshold of glucose (in Gp)"),
        new("Gpb", "mg/kg", "Basal plasma glucose mass") { IsDerived = true },
        new("Gtb", "mg/kg", "Basal tissue glucose mass") { IsDerived = true },
        new("Vm0", "mg/kg/min", "Maximum insulin-dependent glucose utilisation at basal insulin (X = 0)") { IsDerived = true },
        new("kp1", "mg/kg/min", "Extrapolated glucose production at zero glucose and insulin") { IsDerived = true },
        new("Sb", "pmol/kg/min", "Basal insulin secretion") { IsDerived = true },
        new("Ipb", "pmol/kg", "Basal plasma insulin mass") { IsDerived = true },
        new("m2", "1/min", "Rate constant, plasma → liver insulin") { IsDerived = true },
        new("m4", "1/min", "Rate constant of peripheral insulin degradation") { IsDerived = true },
        new("m30", "1/min", "Basal rate constant of hepatic insulin degradation m3(0)") { IsDerived = true },
        new("Ilb", "pmol/kg", "Basal liver insulin mass") { IsDerived = true },
        new("Ipob", "pmol/kg", "Basal portal-vein insulin mass") { IsDerived = true },
        new("h", "mg/dL", "Glucose threshold above which the β-cell provides new insulin (set to Gb)") { IsDerived = true },
    ]);

    /// <summary>
    /// Recomputes the derived basal quantities from the primary parameters: the steady state of DM2007 without a meal
    /// (Qsto1 = Qsto2 = Qgut = 0, X = Y = 0, I1 = Id = Ib, S = Sb, HE = HEb, EGP = EGPb). EGPb is kept when Gb or Ib
    /// is overridden, so glucose production and utilisation still balance at the new basal state.
    /// </summary>
    /// <exception cref="InvalidOperationException">When the primary values admit no basal steady state (names the values and what to change).</exception>
    public static ParameterSet Complete(ParameterSet p)
    {
        ArgumentNullException.ThrowIfNull(p);
        RequirePositive(p, BW, Gb, Ib, EGPb, VG, K1, K2, VI, M1, M5, Km0, Gamma);
        if (!(p[HEb] > 0 && p[HEb] < 1))
        {
            throw new InvalidOperationException($"Subject '{p.Name}': HEb must lie in (0, 1); got {p[HEb]}.");
        }

        double gpb = p[Gb] * p[VG];
        double eb = p[Ke1] * Math.Max(gpb - p[Ke2], 0);
        double uidb = p[EGPb] - p[Fcns] - eb;
        double gtb = ((p[K1] * gpb) - uidb) / p[K2];
        if (!(uidb > 0) || !(gtb > 0))
        {
            throw new InvalidOperationException(
                $"Subject '{p.Name}' has no basal steady state at Gb = {p[Gb]} mg/dL and EGPb = {p[EGPb]} mg/kg/min: the " +
                $"insulin-dependent uptake EGPb − Fcns − Eb = {uidb:G6} mg/kg/min and the tissue glucose Gtb = {gtb:G6} mg/kg " +
                "must both be positive. Choose a Gb or EGPb that gives positive values (e.g. EGPb > Fcns).");
        }

        double sb = (p[M6] - p[HEb]) / p[M5];
        if (!(sb > 0) || !(p[M6] < 1))
        {
            throw new InvalidOperationException(
                $"Subject '{p.Name}' has no valid basal insulin secretion: Sb = (m6 − HEb)/m5 = {sb:G6} pmol/kg/min " +
                $"with m6 = {p[M6]}, HEb = {p[HEb]}. Choose HEb < m6 < 1 (hepatic extraction is a fraction).");
        }

        double ipb = p[Ib] * p[VI];
        double clearance = sb / ipb;
        double m4 = 0.4 * clearance * (1 - p[HEb]);
        double m2 = (clearance - (m4 / (1 - p[HEb]))) * (1 - p[HEb]) / p[HEb];
        double m30 = p[HEb] * p[M1] / (1 - p[HEb]);
        double ilb = (m2 + m4) * ipb / p[M1];
        double ipob = sb / p[Gamma];
        double vm0 = uidb * (p[Km0] + gtb) / gtb;
        double kp1 = p[EGPb] + (p[Kp2] * gpb) + (p[Kp3] * p[Ib]) + (p[Kp4] * ipob);

        return p
            .With(Gpb, gpb, ParameterOrigin.Derived, $"Gpb = Gb·VG (G = Gp/VG, {Dm2007})")
            .With(Gtb, gtb, ParameterOrigin.Derived, "Gtb = (k1·Gpb − (EGPb − Fcns − Eb))/k2, Eb = ke1·max(Gpb − ke2, 0) (dGp/dt = 0 without meal, DM2007)")
            .With(Vm0, vm0, ParameterOrigin.Derived, "Vm0 = (EGPb − Fcns − Eb)·(Km0 + Gtb)/Gtb (dGt/dt = 0 with X = 0, DM2007)")
            .With(Sb, sb, ParameterOrigin.Derived, "Sb = (m6 − HEb)/m5 (HE(0) = −m5·Sb + m6 = HEb, DM2007)")
            .With(Ipb, ipb, ParameterOrigin.Derived, "Ipb = Ib·VI (I = Ip/VI, DM2007)")
            .With(M4, m4, ParameterOrigin.Derived, "m4 = (2/5)·(Sb/Ipb)·(1 − HEb) (DM2007 basal constraint)")
            .With(M2, m2, ParameterOrigin.Derived, "m2 = (Sb/Ipb − m4/(1 − HEb))·(1 − HEb)/HEb (DM2007 basal constraint)")
            .With(M30, m30, ParameterOrigin.Derived, "m30 = HEb·m1/(1 − HEb) (m3 = HE·m1/(1 − HE) at HE = HEb, DM2007)")
            .With(Ilb, ilb, ParameterOrigin.Derived, "Ilb = (m2 + m4)·Ipb/m1 (dIp/dt = 0; then dIl/dt = 0 holds too)")
            .With(Ipob, ipob, ParameterOrigin.Derived, "Ipob = Sb/gamma (dIpo/dt = 0 with Spo = Sb, DM2007)")
            .With(Kp1, kp1, ParameterOrigin.Derived, "kp1 = EGPb + kp2·Gpb + kp3·Ib + kp4·Ipob (EGP(0) = EGPb, DM2007)")
            .With(H, p[Gb], ParameterOrigin.Derived, "h = Gb (DM2007: the threshold equals basal glucose so that the basal state is steady)");
    }

    private static void RequirePositive(ParameterSet p, params ReadOnlySpan<int> indices)
    {
        foreach (int i in indices)
        {
            if (!(p[i] > 0))
            {
                throw new InvalidOperationException($"Subject '{p.Name}': {p.Schema[i].Name} must be positive; got {p[i]}.");
            }
        }
    }
}
