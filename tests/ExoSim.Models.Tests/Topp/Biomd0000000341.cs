namespace ExoSim.Models.Tests.Topp;

/// <summary>
/// An independent, test-side transcription of the curated BioModels encoding of Topp et al. 2000, BIOMD0000000341
/// (Topp2000_BetaCellMass_Diabetes, SBML L2V4; read from its three rate rules and listOfParameters, written without
/// reference to ExoSim's model code), integrated in days with its own classical fixed-step RK4. Names are the SBML ids
/// (B is the β-cell mass). The SBML's initial state is (G, I, B) = (250, 2.8, 37), next to the saddle.
/// </summary>
internal static class Biomd0000000341
{
    public const double Si = 0.72, Eg0 = 1.44, R0 = 864, Sigma = 43.2, Alpha = 20000, K = 432, D0 = 0.06, R1 = 0.00084, R2 = 2.4E-6;

    /// <summary>The SBML's initial concentrations (G, I, B).</summary>
    public static readonly double[] InitialState = [250, 2.8, 37];

    /// <summary>The rate rules (per day); <paramref name="siFactor"/> multiplies si.</summary>
    public static void Rates(double[] y, double[] dydt, double siFactor = 1)
    {
        double g = y[0], i = y[1], b = y[2];
        dydt[0] = R0 - ((Eg0 + (Si * siFactor * i)) * g);
        dydt[1] = (b * Sigma * Math.Pow(g, 2) / (Alpha + Math.Pow(g, 2))) - (K * i);
        dydt[2] = (-D0 + (R1 * g) - (R2 * Math.Pow(g, 2))) * b;
    }

    /// <summary>RK4 with step <paramref name="h"/> (d) from <paramref name="y0"/>; the state at every whole day up to <paramref name="days"/>.</summary>
    public static double[][] Integrate(double[] y0, int days, double h = 0.002)
    {
        var daily = new double[days + 1][];
        var y = (double[])y0.Clone();
        daily[0] = (double[])y.Clone();
        int perDay = (int)Math.Round(1 / h);
        double[] k1 = new double[3], k2 = new double[3], k3 = new double[3], k4 = new double[3], tmp = new double[3];
        for (int day = 1; day <= days; day++)
        {
            for (int s = 0; s < perDay; s++)
            {
                Rates(y, k1);
                for (int j = 0; j < 3; j++) { tmp[j] = y[j] + (0.5 * h * k1[j]); }
                Rates(tmp, k2);
                for (int j = 0; j < 3; j++) { tmp[j] = y[j] + (0.5 * h * k2[j]); }
                Rates(tmp, k3);
                for (int j = 0; j < 3; j++) { tmp[j] = y[j] + (h * k3[j]); }
                Rates(tmp, k4);
                for (int j = 0; j < 3; j++) { y[j] += h / 6 * (k1[j] + (2 * k2[j]) + (2 * k3[j]) + k4[j]); }
            }

            daily[day] = (double[])y.Clone();
        }

        return daily;
    }
}
