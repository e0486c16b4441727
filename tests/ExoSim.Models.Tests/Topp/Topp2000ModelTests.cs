using ExoSim.Models.Parameters;
using ExoSim.Models.Simulation;
using ExoSim.Models.Topp;
using ExoSim.Numerics.Ode;

namespace ExoSim.Models.Tests.Topp;

/// <summary>
/// <c>topp-2000</c>: the right-hand side and its analytic Jacobian, the fixed points and their eigenvalues checked by
/// independent means, and ExoSim's trajectories against the test-side transcription of BIOMD0000000341 and against
/// the parameters of the second encoding MODEL2001080002.
/// </summary>
public class Topp2000ModelTests
{
    private static readonly Topp2000Model Model = new();
    private static readonly ParameterSet Normal = Model.Patient(Topp2000Model.Normal);

    [Fact]
    public void Right_hand_side_is_the_papers_per_day_rates_divided_by_1440()
    {
        double[] y = [180, 7, 150];
        var perMinute = new double[3];
        Model.CreateSystem(Normal, []).Evaluate(0, y, perMinute);
        var perDay = new double[3];
        Biomd0000000341.Rates(y, perDay);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(perDay[i] / 1440, perMinute[i], 1e-12 * Math.Abs(perDay[i]));
        }
    }

    [Theory]
    [InlineData(100, 10, 300)]
    [InlineData(250, 2.8, 36.96)]
    [InlineData(420, 0.5, 12)]
    public void Analytic_jacobian_matches_central_differences(double g, double insulin, double beta)
    {
        var system = Model.CreateSystem(Normal, []);
        double[] y = [g, insulin, beta];
        var analytic = new double[9];
        ((IOdeJacobian)system).EvaluateJacobian(0, y, analytic);
        var numeric = FiniteDifferenceJacobian(system, y);
        for (int i = 0; i < 9; i++)
        {
            Assert.Equal(numeric[i], analytic[i], 1e-6 * Math.Max(Math.Abs(numeric[i]), 1e-6));
        }
    }

    [Fact]
    public void Eigenvalues_are_roots_of_the_finite_difference_jacobians_characteristic_polynomial()
    {
        foreach (var point in new[] { ToppFixedPoints.Physiological(Normal), ToppFixedPoints.Saddle(Normal), ToppFixedPoints.Pathological(Normal) })
        {
            var system = Model.CreateSystem(Normal, []);
            var j = FiniteDifferenceJacobian(system, [point.G, point.I, point.Beta]).Select(v => v * 1440).ToArray(); // per day
            foreach (var lambda in ToppFixedPoints.Eigenvalues(Normal, point))
            {
                Assert.Equal(0, lambda.Imaginary);
                double l = lambda.Real;
                double det = ((j[0] - l) * (((j[4] - l) * (j[8] - l)) - (j[5] * j[7])))
                    - (j[1] * ((j[3] * (j[8] - l)) - (j[5] * j[6])))
                    + (j[2] * ((j[3] * j[7]) - ((j[4] - l) * j[6])));

                // |det(J − λ·I)| relative to the product of the matrix scale (≈ 432/d) squared and |λ|.
                Assert.True(Math.Abs(det) < 1e-6 * 432 * 432 * Math.Max(Math.Abs(l), 0.01), $"{point.Name}: λ = {l}, det = {det}");
            }
        }
    }

    [Fact]
    public void Trajectory_from_the_biomodels_initial_state_matches_the_transcription_every_day()
    {
        const int Days = 365;
        var reference = Biomd0000000341.Integrate(Biomd0000000341.InitialState, Days);
        var result = Simulate(Normal, Biomd0000000341.InitialState, Days, []);
        string[] names = ["G", "I", "beta"];
        for (int s = 0; s < 3; s++)
        {
            var column = result.Column(names[s]);
            for (int day = 0; day <= Days; day++)
            {
                Assert.Equal(reference[day][s], column[day], 1e-6 * Math.Max(Math.Abs(reference[day][s]), 1));
            }
        }
    }

    [Fact]
    public void Transcription_reproduces_the_suites_reference_values()
    {
        var reference = Biomd0000000341.Integrate(Biomd0000000341.InitialState, 365);
        for (int m = 0; m < Topp2000Validation.BiomdDays.Count; m++)
        {
            int day = (int)Topp2000Validation.BiomdDays[m];
            Assert.Equal(Topp2000Validation.BiomdGlucose[m], reference[day][0], 1e-5);
            Assert.Equal(Topp2000Validation.BiomdBeta[m], reference[day][2], 1e-5);
        }

        var perturbed = Biomd0000000341.Integrate([.. Topp2000Validation.PerturbedStart], 730);
        Assert.Equal(Topp2000Validation.PerturbedGlucoseAt730, perturbed[730][0], 1e-5);
    }

    [Fact]
    public void Parameters_equal_both_sbml_encodings()
    {
        // BIOMD0000000341 (curated) and MODEL2001080002 (reactions; there S_i, E_go, R_0, delta, d_0) carry the same values.
        string[] names = ["SI", "EG0", "R0", "sigma", "alpha", "k", "d0", "r1", "r2"];
        double[] biomd0000000341 =
        [
            Biomd0000000341.Si, Biomd0000000341.Eg0, Biomd0000000341.R0, Biomd0000000341.Sigma, Biomd0000000341.Alpha,
            Biomd0000000341.K, Biomd0000000341.D0, Biomd0000000341.R1, Biomd0000000341.R2,
        ];
        double[] model2001080002 = [0.72, 1.44, 864, 43.2, 20000, 432, 0.06, 0.00084, 2.4e-06];
        Assert.Equal(biomd0000000341, model2001080002);
        Assert.Equal(biomd0000000341, names.Select(n => Normal[n]));
    }

    [Fact]
    public void Second_encodings_initial_state_converges_to_the_physiological_fixed_point()
    {
        // MODEL2001080002 starts at G = 1, I = 1, β = 450.
        var result = Simulate(Normal, [1, 1, 450], 730, []);
        Assert.Equal(100, result.Column("G")[^1], 0.001);
        Assert.Equal(300, result.Column("beta")[^1], 0.01);
    }

    [Fact]
    public void Starts_at_rest_at_the_physiological_fixed_point()
    {
        var result = Simulate(Normal, null, 365, []);
        Assert.All(result.Column("G"), g => Assert.Equal(100, g, 1e-6));
        Assert.All(result.Column(Observable.InsulinPmolPerL), i => Assert.Equal(60, i, 1e-5));
        Assert.Equal(Topp2000Model.InsulinResistant, Model.PatientNames[1]);
        Assert.Equal([100, 20, 600], Model.InitialState(Model.Patient(Topp2000Model.InsulinResistant)), new ToleranceComparer(1e-9));
    }

    [Fact]
    public void Without_a_physiological_fixed_point_the_initial_state_is_an_error_that_names_the_bifurcation()
    {
        // d0 above r1²/(4·r2) = 0.0735/d: the physiological and saddle points have merged and vanished.
        var parameters = Normal.WithUserValue("d0", 0.08);
        var error = Assert.Throws<ArgumentException>(() => Model.InitialState(parameters));
        Assert.Contains("r1² − 4·r2·d0", error.Message, StringComparison.Ordinal);
        Assert.Equal(0.0135, ToppFixedPoints.MaximalGrowthRate(Normal), 12);
    }

    private static double[] FiniteDifferenceJacobian(IOdeSystem system, double[] y)
    {
        var j = new double[9];
        var plus = new double[3];
        var minus = new double[3];
        for (int c = 0; c < 3; c++)
        {
            double h = 1e-6 * Math.Max(Math.Abs(y[c]), 1);
            var yp = (double[])y.Clone();
            var ym = (double[])y.Clone();
            yp[c] += h;
            ym[c] -= h;
            system.Evaluate(0, yp, plus);
            system.Evaluate(0, ym, minus);
            for (int r = 0; r < 3; r++)
            {
                j[(r * 3) + c] = (plus[r] - minus[r]) / (2 * h);
            }
        }

        return j;
    }

    private static SimulationResult Simulate(ParameterSet p, double[]? start, double days, IReadOnlyList<ParameterModulation> modulations)
        => Simulator.Run(
            new SimulationRequest { Model = Model, Parameters = p, InitialState = start, DurationMin = days * 1440, OutputIntervalMin = 1440, Modulations = modulations },
            OdeSolvers.Rodas5P,
            new SolverOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-10 });

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
