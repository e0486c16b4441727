using ExoSim.Models.Parameters;

namespace ExoSim.Models.UvaPadova;

/// <summary>
/// The parameters of <see cref="UvaPadovaT1DModel"/>: symbols of simglucose's <c>vpatient_params.csv</c> (which follow
/// Dalla Man et al. 2007 and the UVA/Padova simulator), units, meanings, and the steady-state relations of the
/// derived basal quantities. The index constants give each parameter's position in the schema.
/// </summary>
public static class UvaPadovaParameters
{
#pragma warning disable CS1591 // The constants are the parameters' schema indices; each parameter is documented in Schema.
    public const int BW = 0, EGPb = 1, Gb = 2, Ib = 3, Kabs = 4, Kmax = 5, Kmin = 6, B = 7, D = 8, Vg = 9, Vi = 10;
    public const int Vmx = 11, Km0 = 12, K1 = 13, K2 = 14, P2u = 15, M1 = 16, M2 = 17, M4 = 18, M5 = 19, CL = 20;
    public const int HEb = 21, Ki = 22, Kp2 = 23, Kp3 = 24, F = 25, Ke1 = 26, Ke2 = 27, Fsnc = 28, Kd = 29, Ka1 = 30;
    public const int Ka2 = 31, Ksc = 32, Dosekempt = 33;
    public const int Gpb = 34, Gtb = 35, Ipb = 36, Ilb = 37, Kp1 = 38, Vm0 = 39, M30 = 40, U2ss = 41, Isc1ss = 42;
    public const int Isc2ss = 43, Rdb = 44, PCRb = 45;
    public const int CR = 46, CF = 47, Age = 48, TDI = 49;
#pragma warning restore CS1591

    /// <summary>Index of the first derived parameter (Gpb); derived parameters run up to <see cref="PCRb"/>.</summary>
    public const int FirstDerived = Gpb;

    /// <summary>Index of the first covariate (CR); covariates run to the end of the schema.</summary>
    public const int FirstCovariate = CR;

    private const string Dm2007 = "Dalla Man, Rizza & Cobelli 2007, IEEE TBME 54:1740, doi:10.1109/TBME.2007.893506";
    private const string FractionRange = "definition: a fraction";

    /// <summary>The schema, in the order of the index constants.</summary>
    public static ParameterSchema Schema { get; } = new(
    [
        new("BW", "kg", "Body weight") { PlausibleMinimum = 10, PlausibleMaximum = 250, RangeSource = "assumption: human body weight" },
        new("EGPb", "mg/kg/min", "Basal endogenous glucose production (equal to basal glucose disposal Rdb)"),
        new("Gb", "mg/dL", "Basal (fasting steady-state) plasma glucose") { PlausibleMinimum = 40, PlausibleMaximum = 400, RangeSource = "assumption: range over which the model is used" },
        new("Ib", "pmol/L", "Basal plasma insulin"),
        new("kabs", "1/min", "Rate constant of intestinal glucose absorption"),
        new("kmax", "1/min", "Maximum rate of gastric emptying; also the grinding rate kgri (simglucose sets kgri = kmax)"),
        new("kmin", "1/min", "Minimum rate of gastric emptying"),
        new("b", "1", "Fraction of the meal size at which gastric emptying has fallen to (kmax + kmin)/2") { PlausibleMinimum = 0, PlausibleMaximum = 1, RangeSource = FractionRange },
        new("d", "1", "Fraction of the meal size at which gastric emptying is back at (kmax + kmin)/2") { PlausibleMinimum = 0, PlausibleMaximum = 1, RangeSource = FractionRange },
        new("Vg", "dL/kg", "Distribution volume of glucose"),
        new("Vi", "L/kg", "Distribution volume of insulin"),
        new("Vmx", "mg/kg/min per pmol/L", "Insulin sensitivity of peripheral glucose utilisation (slope of Vm in X)"),
        new("Km0", "mg/kg", "Michaelis–Menten constant of insulin-dependent glucose utilisation"),
        new("k1", "1/min", "Rate constant, plasma → tissue glucose"),
        new("k2", "1/min", "Rate constant, tissue → plasma glucose"),
        new("p2u", "1/min", "Rate constant of insulin action on peripheral glucose utilisation"),
        new("m1", "1/min", "Rate constant, liver → plasma insulin"),
        new("m2", "1/min", "Rate constant, plasma → liver insulin"),
        new("m4", "1/min", "Rate constant of peripheral insulin degradation"),
        new("m5", "min·kg/pmol", "Dependence of hepatic insulin extraction on secretion (DM2007); not used: no secretion in T1D"),
        new("CL", "L/min", "Insulin clearance; not used by the equations (m2, m4 are given directly)"),
        new("HEb", "1", "Basal hepatic insulin extraction") { PlausibleMinimum = 0, PlausibleMaximum = 1, RangeSource = FractionRange },
        new("ki", "1/min", "Rate constant of the delay between insulin and its action on glucose production"),
        new("kp2", "1/min", "Liver glucose effectiveness"),
        new("kp3", "mg/kg/min per pmol/L", "Insulin action on the liver"),
        new("f", "1", "Fraction of intestinal absorption that appears in plasma") { PlausibleMinimum = 0, PlausibleMaximum = 1, RangeSource = FractionRange },
        new("ke1", "1/min", "Glomerular filtration rate (renal glucose excretion)"),
        new("ke2", "mg/kg", "Renal threshold of glucose (in Gp)"),
        new("Fsnc", "mg/kg/min", "Insulin-independent glucose utilisation (brain, erythrocytes; DM2007's Fcns)"),
        new("kd", "1/min", "Rate constant of subcutaneous insulin dissociation, Isc1 → Isc2"),
        new("ka1", "1/min", "Rate constant of absorption of non-monomeric s.c. insulin, Isc1 → plasma"),
        new("ka2", "1/min", "Rate constant of absorption of monomeric s.c. insulin, Isc2 → plasma"),
        new("ksc", "1/min", "Rate constant of plasma → interstitial glucose equilibration (sensor lag)"),
        new("dosekempt", "mg", "Reference meal size of the original simulator's kempt; not used (D̄ is the current meal, as in simglucose)"),
        new("Gpb", "mg/kg", "Basal plasma glucose mass") { IsDerived = true },
        new("Gtb", "mg/kg", "Basal tissue glucose mass") { IsDerived = true },
        new("Ipb", "pmol/kg", "Basal plasma insulin mass") { IsDerived = true },
        new("Ilb", "pmol/kg", "Basal liver insulin mass") { IsDerived = true },
        new("kp1", "mg/kg/min", "Extrapolated glucose production at zero glucose and insulin") { IsDerived = true },
        new("Vm0", "mg/kg/min", "Maximum insulin-dependent glucose utilisation at basal insulin") { IsDerived = true },
        new("m30", "1/min", "Rate constant of hepatic insulin degradation (basal m3)") { IsDerived = true },
        new("u2ss", "pmol/kg/min", "Steady-state (basal) subcutaneous insulin infusion") { IsDerived = true },
        new("isc1ss", "pmol/kg", "Steady-state Isc1 at u2ss") { IsDerived = true },
        new("isc2ss", "pmol/kg", "Steady-state Isc2 at u2ss") { IsDerived = true },
        new("Rdb", "mg/kg/min", "Basal glucose disposal") { IsDerived = true },
        new("PCRb", "dL/kg/min", "Basal glucose clearance Rdb/Gb; not used by the equations") { IsDerived = true },
        new("CR", "g/U", "Carbohydrate ratio (grams covered by 1 U of insulin); therapy data") { IsCovariate = true },
        new("CF", "mg/dL/U", "Correction factor (glucose fall per unit of insulin); therapy data") { IsCovariate = true },
        new("Age", "years", "Age") { IsCovariate = true },
        new("TDI", "U/day", "Total daily insulin; therapy data") { IsCovariate = true },
    ]);

    /// <summary>
    /// Recomputes the derived basal quantities from the primary parameters (steady state of the model with no meal,
    /// X = 0, I1 = Id = Ib, subcutaneous depots at rest under the basal infusion u2ss).
    /// </summary>
    /// <exception cref="InvalidOperationException">When the primary values admit no basal steady state.</exception>
    public static ParameterSet Complete(ParameterSet p)
    {
        ArgumentNullException.ThrowIfNull(p);
        RequirePositive(p, BW, Gb, Vg, Vi, EGPb, K1, K2, Km0, M1, Ka1, Ka2, Kd);
        if (!(p[HEb] >= 0 && p[HEb] < 1))
        {
            throw new InvalidOperationException($"Subject '{p.Name}': HEb must lie in [0, 1); got {p[HEb]}.");
        }

        double gpb = p[Gb] * p[Vg];
        double eb = p[Ke1] * Math.Max(gpb - p[Ke2], 0);
        double uidb = p[EGPb] - p[Fsnc] - eb;
        double gtb = (p[K1] * gpb - uidb) / p[K2];
        if (!(uidb > 0) || !(gtb > 0))
        {
            throw new InvalidOperationException(
                $"Subject '{p.Name}' has no basal steady state at Gb = {p[Gb]} mg/dL: the insulin-dependent uptake " +
                $"EGPb − Fsnc − E = {uidb:G6} mg/kg/min and the tissue glucose Gtb = {gtb:G6} mg/kg must both be positive. " +
                "Choose a Gb (or EGPb) that gives positive values.");
        }

        double vm0 = uidb * (p[Km0] + gtb) / gtb;
        double kp1 = p[EGPb] + (p[Kp2] * gpb) + (p[Kp3] * p[Ib]);
        double ipb = p[Ib] * p[Vi];
        double m30 = p[HEb] * p[M1] / (1 - p[HEb]);
        double ilb = p[M2] * ipb / (p[M1] + m30);
        double u2ss = ((p[M2] + p[M4]) * ipb) - (p[M1] * ilb);
        double isc1ss = u2ss / (p[Ka1] + p[Kd]);
        double isc2ss = p[Kd] * isc1ss / p[Ka2];

        return p
            .With(Gpb, gpb, ParameterOrigin.Derived, $"Gpb = Gb·Vg (plasma glucose G = Gp/Vg, {Dm2007})")
            .With(Gtb, gtb, ParameterOrigin.Derived, "Gtb = (k1·Gpb − (EGPb − Fsnc − Eb))/k2, Eb = ke1·max(Gpb − ke2, 0) (dGp/dt = 0 without meal)")
            .With(Vm0, vm0, ParameterOrigin.Derived, "Vm0 = (EGPb − Fsnc − Eb)·(Km0 + Gtb)/Gtb (dGt/dt = 0 with X = 0)")
            .With(Kp1, kp1, ParameterOrigin.Derived, "kp1 = EGPb + kp2·Gpb + kp3·Ib (EGP = EGPb at Id = Ib; T1D: no portal insulin term)")
            .With(Ipb, ipb, ParameterOrigin.Derived, "Ipb = Ib·Vi (plasma insulin I = Ip/Vi)")
            .With(M30, m30, ParameterOrigin.Derived, $"m30 = HEb·m1/(1 − HEb) (m3 = HE·m1/(1 − HE), {Dm2007})")
            .With(Ilb, ilb, ParameterOrigin.Derived, "Ilb = m2·Ipb/(m1 + m30) (dIl/dt = 0)")
            .With(U2ss, u2ss, ParameterOrigin.Derived, "u2ss = (m2 + m4)·Ipb − m1·Ilb (dIp/dt = 0 with ka1·Isc1 + ka2·Isc2 = u2ss at rest)")
            .With(Isc1ss, isc1ss, ParameterOrigin.Derived, "isc1ss = u2ss/(ka1 + kd) (dIsc1/dt = 0)")
            .With(Isc2ss, isc2ss, ParameterOrigin.Derived, "isc2ss = kd·isc1ss/ka2 (dIsc2/dt = 0)")
            .With(Rdb, p[EGPb], ParameterOrigin.Derived, "Rdb = EGPb (basal disposal equals basal production)")
            .With(PCRb, p[EGPb] / p[Gb], ParameterOrigin.Derived, "PCRb = Rdb/Gb (relation reproduced by every simglucose subject)");
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
