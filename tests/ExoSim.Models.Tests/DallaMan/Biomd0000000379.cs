using ExoSim.Models.Parameters;

namespace ExoSim.Models.Tests.DallaMan;

/// <summary>
/// An independent, test-side transcription of the curated BioModels encoding of DM2007, BIOMD0000000379
/// (DallaMan2007_MealModel_GlucoseInsulinSystem, SBML L2V4, BioModels release 2014-10-10; read from the SBML's
/// assignment and rate rules, written without reference to ExoSim's model code), integrated with its own classical
/// fixed-step RK4. Parameter names are the SBML ids. <see cref="Literal"/> reproduces the encoding as published;
/// <see cref="PaperConditions"/> switches off the encoding's four departures from the paper's equations (below) so
/// that it can be compared with ExoSim state for state.
/// </summary>
/// <remarks>
/// Departures of BIOMD0000000379 from DM2007 (the paper): (1) U_idm = (1 − part)·(V_m0 + V_mX·X)·G_t/(K_m0 + G_t) with
/// part = 0.2, i.e. 20 % less insulin-dependent utilisation (the sbmlutils re-encoding adds the missing 20 % as a
/// second, identical term); (2) S_po = Y + K·dG/dt + S_b for every sign of dG/dt (paper: the K term only while
/// dG/dt &gt; 0); (3) dY/dt = −alpha·(Y − beta·(G − G_b)) without the paper's floor at −S_b; (4) E = 0 (no renal
/// excretion). Its values: Table 1 normal column, G_b = 95 mg/dL, I_b = 25 pmol/L, S_b = 1.8 pmol/kg/min, BW = 78 kg,
/// D = 78 000 mg, initial state G_p 178, G_t 135, I_l 4.5, I_p 1.25, Q_sto1 = D, I_1 = I_d = 25, I_po 3.6 (not an exact
/// steady state of its own equations).
/// </remarks>
internal sealed class Biomd0000000379
{
    /// <summary>State order of the SBML's listOfSpecies.</summary>
    public static readonly string[] Species = ["G_p", "G_t", "I_l", "I_p", "Q_sto1", "Q_gut", "I_1", "I_d", "X", "I_po", "Y", "Q_sto2"];

    private const int Gp = 0, Gt = 1, Il = 2, Ip = 3, Qsto1 = 4, Qgut = 5, I1 = 6, Id = 7, X = 8, Ipo = 9, Y = 10, Qsto2 = 11;

    private readonly Dictionary<string, double> k;
    private readonly bool paperConditions;

    private Biomd0000000379(Dictionary<string, double> parameters, bool paperConditions)
    {
        k = parameters;
        this.paperConditions = paperConditions;
    }

    /// <summary>The SBML's parameter values (listOfParameters, constant ones).</summary>
    public static Dictionary<string, double> PublishedParameters() => new(StringComparer.Ordinal)
    {
        ["V_G"] = 1.88, ["k_1"] = 0.065, ["k_2"] = 0.079, ["G_b"] = 95, ["V_I"] = 0.05, ["m_1"] = 0.19, ["m_2"] = 0.484,
        ["m_4"] = 0.194, ["m_5"] = 0.0304, ["m_6"] = 0.6471, ["HE_b"] = 0.6, ["I_b"] = 25, ["S_b"] = 1.8, ["k_max"] = 0.0558,
        ["k_min"] = 0.008, ["k_abs"] = 0.057, ["k_gri"] = 0.0558, ["f"] = 0.9, ["b"] = 0.82, ["d"] = 0.01, ["BW"] = 78,
        ["k_p1"] = 2.7, ["k_p2"] = 0.0021, ["k_p3"] = 0.009, ["k_p4"] = 0.0618, ["k_i"] = 0.0079, ["U_ii"] = 1, ["V_m0"] = 2.5,
        ["V_mX"] = 0.047, ["K_m0"] = 225.59, ["p_2U"] = 0.0331, ["part"] = 0.2, ["K"] = 2.3, ["alpha"] = 0.05, ["beta"] = 0.11,
        ["gamma"] = 0.5, ["k_e1"] = 0.0005, ["k_e2"] = 339, ["D"] = 78000,
    };

    /// <summary>The SBML's initial amounts, in <see cref="Species"/> order.</summary>
    public static double[] PublishedInitialState() => [178, 135, 4.5, 1.25, 78000, 0, 25, 25, 0, 3.6, 0, 0];

    /// <summary>BIOMD0000000379 exactly as encoded.</summary>
    public static Biomd0000000379 Literal() => new(PublishedParameters(), paperConditions: false);

    /// <summary>
    /// The encoding's equations with its departures (1)–(4) replaced by the paper's conditions (part = 0, K·dG/dt only
    /// while dG/dt &gt; 0, Y floored at −S_b, renal excretion above k_e2), with parameter values taken from an ExoSim
    /// parameter set (SBML id ← ExoSim name) and a meal of <paramref name="doseMg"/>.
    /// </summary>
    public static Biomd0000000379 PaperConditions(ParameterSet p, double doseMg)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["V_G"] = p["VG"], ["k_1"] = p["k1"], ["k_2"] = p["k2"], ["G_b"] = p["Gb"], ["V_I"] = p["VI"], ["m_1"] = p["m1"],
            ["m_2"] = p["m2"], ["m_4"] = p["m4"], ["m_5"] = p["m5"], ["m_6"] = p["m6"], ["HE_b"] = p["HEb"], ["I_b"] = p["Ib"],
            ["S_b"] = p["Sb"], ["k_max"] = p["kmax"], ["k_min"] = p["kmin"], ["k_abs"] = p["kabs"], ["k_gri"] = p["kgri"],
            ["f"] = p["f"], ["b"] = p["b"], ["d"] = p["d"], ["BW"] = p["BW"], ["k_p1"] = p["kp1"], ["k_p2"] = p["kp2"],
            ["k_p3"] = p["kp3"], ["k_p4"] = p["kp4"], ["k_i"] = p["ki"], ["U_ii"] = p["Fcns"], ["V_m0"] = p["Vm0"],
            ["V_mX"] = p["Vmx"], ["K_m0"] = p["Km0"], ["p_2U"] = p["p2U"], ["part"] = 0, ["K"] = p["K"], ["alpha"] = p["alpha"],
            ["beta"] = p["beta"], ["gamma"] = p["gamma"], ["k_e1"] = p["ke1"], ["k_e2"] = p["ke2"], ["D"] = doseMg,
        };
        return new Biomd0000000379(values, paperConditions: true);
    }

    /// <summary>Plasma glucose G = G_p/V_G (mg/dL).</summary>
    public double Glucose(ReadOnlySpan<double> s) => s[Gp] / k["V_G"];

    /// <summary>Plasma insulin I = I_p/V_I (pmol/L).</summary>
    public double Insulin(ReadOnlySpan<double> s) => s[Ip] / k["V_I"];

    /// <summary>EGP = k_p1 − k_p2·G_p − k_p3·I_d − k_p4·I_po (mg/kg/min).</summary>
    public double Egp(ReadOnlySpan<double> s) => k["k_p1"] - (k["k_p2"] * s[Gp]) - (k["k_p3"] * s[Id]) - (k["k_p4"] * s[Ipo]);

    /// <summary>HE = −m_5·S + m_6 with S = gamma·I_po.</summary>
    public double HepaticExtraction(ReadOnlySpan<double> s) => (-k["m_5"] * k["gamma"] * s[Ipo]) + k["m_6"];

    /// <summary>The rate rules of the SBML (with the paper's conditions when so constructed).</summary>
    public void Rates(ReadOnlySpan<double> s, Span<double> ds)
    {
        double aa = 5.0 / 2 / (1 - k["b"]) / k["D"];
        double cc = 5.0 / 2 / k["d"] / k["D"];
        double egp = Egp(s);
        double vmmax = (1 - k["part"]) * (k["V_m0"] + (k["V_mX"] * s[X]));
        double uid = vmmax * s[Gt] / (k["K_m0"] + s[Gt]);
        double e = paperConditions && s[Gp] > k["k_e2"] ? k["k_e1"] * (s[Gp] - k["k_e2"]) : 0;
        double secretion = k["gamma"] * s[Ipo];
        double insulin = Insulin(s);
        double glucose = Glucose(s);
        double he = HepaticExtraction(s);
        double m3 = he * k["m_1"] / (1 - he);
        double qsto = s[Qsto1] + s[Qsto2];
        double ra = k["f"] * k["k_abs"] * s[Qgut] / k["BW"];
        double kempt = k["k_min"] + ((k["k_max"] - k["k_min"]) / 2
            * (Math.Tanh(aa * (qsto - (k["b"] * k["D"]))) - Math.Tanh(cc * (qsto - (k["d"] * k["D"]))) + 2));
        double dGp = egp + ra - e - k["U_ii"] - (k["k_1"] * s[Gp]) + (k["k_2"] * s[Gt]);
        double dGdt = dGp / k["V_G"];
        double spo = s[Y] + (k["K"] * (paperConditions ? Math.Max(dGdt, 0) : dGdt)) + k["S_b"];
        double yTarget = k["beta"] * (glucose - k["G_b"]);
        double dY = paperConditions && yTarget < -k["S_b"]
            ? (-k["alpha"] * s[Y]) - (k["alpha"] * k["S_b"])
            : -k["alpha"] * (s[Y] - yTarget);

        ds[Gp] = dGp;
        ds[Gt] = -uid + (k["k_1"] * s[Gp]) - (k["k_2"] * s[Gt]);
        ds[Il] = (-k["m_1"] * s[Il]) - (m3 * s[Il]) + (k["m_2"] * s[Ip]) + secretion;
        ds[Ip] = (-k["m_2"] * s[Ip]) - (k["m_4"] * s[Ip]) + (k["m_1"] * s[Il]);
        ds[Qsto1] = -k["k_gri"] * s[Qsto1];
        ds[Qsto2] = (-kempt * s[Qsto2]) + (k["k_gri"] * s[Qsto1]);
        ds[Qgut] = (-k["k_abs"] * s[Qgut]) + (kempt * s[Qsto2]);
        ds[I1] = -k["k_i"] * (s[I1] - insulin);
        ds[Id] = -k["k_i"] * (s[Id] - s[I1]);
        ds[X] = (-k["p_2U"] * s[X]) + (k["p_2U"] * (insulin - k["I_b"]));
        ds[Ipo] = (-k["gamma"] * s[Ipo]) + spo;
        ds[Y] = dY;
    }

    /// <summary>Classical RK4 with a fixed step; returns the state at every whole minute 0…<paramref name="minutes"/>.</summary>
    public double[][] Integrate(double[] initial, int minutes, int stepsPerMinute)
    {
        int n = initial.Length;
        double h = 1.0 / stepsPerMinute;
        var y = (double[])initial.Clone();
        var k1 = new double[n];
        var k2 = new double[n];
        var k3 = new double[n];
        var k4 = new double[n];
        var tmp = new double[n];
        var rows = new double[minutes + 1][];
        rows[0] = (double[])y.Clone();
        for (int minute = 1; minute <= minutes; minute++)
        {
            for (int step = 0; step < stepsPerMinute; step++)
            {
                Rates(y, k1);
                Stage(y, k1, h / 2, tmp);
                Rates(tmp, k2);
                Stage(y, k2, h / 2, tmp);
                Rates(tmp, k3);
                Stage(y, k3, h, tmp);
                Rates(tmp, k4);
                for (int i = 0; i < n; i++)
                {
                    y[i] += h / 6 * (k1[i] + (2 * k2[i]) + (2 * k3[i]) + k4[i]);
                }
            }

            rows[minute] = (double[])y.Clone();
        }

        return rows;
    }

    private static void Stage(double[] y, double[] slope, double h, double[] result)
    {
        for (int i = 0; i < y.Length; i++)
        {
            result[i] = y[i] + (h * slope[i]);
        }
    }
}
