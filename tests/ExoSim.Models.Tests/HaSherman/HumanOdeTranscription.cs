namespace ExoSim.Models.Tests.HaSherman;

/// <summary>
/// An independent, test-side transcription of the authors' human equations (XPP supplement of Ha, Satin &amp; Sherman
/// 2016, doi:10.1210/en.2015-1564: human.ode with fig7_human_prevention.set), written from the XPP text with the XPP
/// names, in days, and integrated by its own classical fixed-step RK4 — not by ExoSim's solvers and not through
/// ExoSim's model code. State order as in the .ode: G, I, b, gamma, sigma, Si.
/// </summary>
internal sealed class HumanOdeTranscription(IReadOnlyDictionary<string, double> par)
{
    /// <summary>The set file's parameter values, with the SI-course switch as given.</summary>
    public static Dictionary<string, double> SetFile(double tonsi, double tSi2, double targetSi2) => new(StringComparer.Ordinal)
    {
        ["Eg0"] = 1.44, ["k"] = 700, ["R0"] = 864, ["BV"] = 5, ["Mmax"] = 1, ["alpha_M"] = 150, ["kM"] = 2, ["alpha_ISR"] = 1.2, ["kISR"] = 2,
        ["Pmax"] = 4.55, ["kP"] = 4, ["alpha_P"] = 41.77, ["Amax"] = 9, ["alpha_A"] = 0.44, ["kA"] = 6, ["A_b"] = 0.8, ["tau_b"] = 8570,
        ["G_bar"] = 0.2, ["Gs"] = 99.9, ["Gn"] = 1, ["Gshft"] = 0.1, ["tau_g"] = 2.14, ["sigma_Gsh"] = 75, ["ISRI_bar"] = 600,
        ["ISRI_s"] = 0.1, ["ISRI_n"] = 0.1, ["ISRI_k"] = 1, ["sigma_b"] = 3, ["MI_bar"] = 1, ["MI_k"] = 0.2, ["MI_s"] = 0.2, ["MI_n"] = 0.02,
        ["tau_sigma"] = 249.9, ["t_Si"] = 0.00756, ["target_Si"] = 0.18, ["tonsi"] = tonsi, ["t_Si2"] = tSi2, ["target_Si2"] = targetSi2,
    };

    private double this[string name] => par[name];

    /// <summary>dy/dt per day; <paramref name="afterSwitch"/> selects the second piece of the SI course.</summary>
    public void Derivatives(double[] y, bool afterSwitch, double[] dy)
    {
        double glucose = y[0], insulin = y[1], mass = y[2], shift = y[3], function = y[4], sensitivity = y[5];
        static double Hill(double x, double half, double n) => Math.Pow(x, n) / (Math.Pow(half, n) + Math.Pow(x, n));
        double metabolic = this["Mmax"] * Hill(glucose, this["alpha_M"], this["kM"]);
        double secretion = function * Hill(metabolic + shift, this["alpha_ISR"], this["kISR"]);
        double birth = this["Pmax"] * Hill(secretion, this["alpha_P"], this["kP"]);
        double death = (this["Amax"] * Hill(metabolic, this["alpha_A"], this["kA"])) + this["A_b"];
        double shiftTarget = (this["G_bar"] / (1 + Math.Exp((this["Gs"] - glucose) / this["Gn"]))) - this["Gshft"];
        double metabolicShifted = this["Mmax"] * Hill(glucose - this["sigma_Gsh"], this["alpha_M"], this["kM"]);
        double secretionShifted = function * Hill(metabolicShifted + shift, this["alpha_ISR"], this["kISR"]);
        double sigmaIsri = this["ISRI_bar"] / (1 + (this["ISRI_k"] * Math.Exp((this["ISRI_s"] - secretionShifted) / this["ISRI_n"])));
        double sigmaMi = 1 - (this["MI_bar"] / (1 + (this["MI_k"] * Math.Exp((this["MI_s"] - metabolicShifted) / this["MI_n"]))));
        dy[0] = this["R0"] - ((this["Eg0"] + (sensitivity * insulin)) * glucose);
        dy[1] = (mass * secretion / this["BV"]) - (this["k"] * insulin);
        dy[2] = (birth - death) * mass / this["tau_b"];
        dy[3] = (shiftTarget - shift) / this["tau_g"];
        dy[4] = ((sigmaMi * sigmaIsri) + this["sigma_b"] - function) / this["tau_sigma"];
        dy[5] = afterSwitch ? -this["t_Si2"] * (sensitivity - this["target_Si2"]) : -this["t_Si"] * (sensitivity - this["target_Si"]);
    }

    /// <summary>Integrates from day 0 with step <paramref name="stepDays"/>, returning the state at every whole multiple of <paramref name="recordEveryDays"/>.</summary>
    public List<double[]> Integrate(double[] initial, double days, double stepDays, double recordEveryDays)
    {
        var y = (double[])initial.Clone();
        var rows = new List<double[]> { (double[])y.Clone() };
        var k1 = new double[6];
        var k2 = new double[6];
        var k3 = new double[6];
        var k4 = new double[6];
        var tmp = new double[6];
        long steps = (long)Math.Round(days / stepDays);
        long perRecord = (long)Math.Round(recordEveryDays / stepDays);
        for (long n = 0; n < steps; n++)
        {
            // The step that starts at or after tonsi uses the second piece (steps land on tonsi when it is a multiple of the step).
            bool after = (n * stepDays) >= this["tonsi"] - (1e-9 * stepDays);
            Derivatives(y, after, k1);
            for (int i = 0; i < 6; i++) { tmp[i] = y[i] + (0.5 * stepDays * k1[i]); }
            Derivatives(tmp, after, k2);
            for (int i = 0; i < 6; i++) { tmp[i] = y[i] + (0.5 * stepDays * k2[i]); }
            Derivatives(tmp, after, k3);
            for (int i = 0; i < 6; i++) { tmp[i] = y[i] + (stepDays * k3[i]); }
            Derivatives(tmp, after, k4);
            for (int i = 0; i < 6; i++) { y[i] += stepDays / 6 * (k1[i] + (2 * k2[i]) + (2 * k3[i]) + k4[i]); }
            if ((n + 1) % perRecord == 0)
            {
                rows.Add((double[])y.Clone());
            }
        }

        return rows;
    }
}
