using ExoSim.Models;
using ExoSim.Models.Random;
using ExoSim.Trials.Populations;

namespace ExoSim.Trials.Tests.Populations;

public class PopulationTests
{
    private static readonly PhysiologyModel UvaPadova = ModelCatalog.Get("uva-padova-t1d");

    private static string[] Adults => UvaPadova.PatientNames.Where(n => n.StartsWith("adult#", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void Empirical_log_normal_reproduces_the_subjects_log_mean_and_correlation()
    {
        // Two columns of all 30 subjects: body weight and total daily insulin (children weigh less and take less insulin).
        var sets = UvaPadova.PatientNames.Select(UvaPadova.Patient).ToArray();
        double[][] rows = sets.Select(s => new[] { s["BW"], s["TDI"] }).ToArray();
        var distribution = new EmpiricalLogNormal(rows, [false, false]);
        var normal = new NormalGenerator(Xoshiro256StarStar.FromSeed(11));
        var draws = Enumerable.Range(0, 20_000).Select(_ => distribution.Draw(normal)).Select(d => new[] { Math.Log(d[0]), Math.Log(d[1]) }).ToArray();

        var logRows = rows.Select(r => new[] { Math.Log(r[0]), Math.Log(r[1]) }).ToArray();
        for (int c = 0; c < 2; c++)
        {
            double expected = logRows.Average(r => r[c]);
            double sd = Math.Sqrt(logRows.Sum(r => Math.Pow(r[c] - expected, 2)) / (logRows.Length - 1));
            // Monte Carlo tolerance: 4 standard errors of a mean of 20 000 draws.
            Assert.InRange(draws.Average(d => d[c]), expected - (4 * sd / Math.Sqrt(20_000)), expected + (4 * sd / Math.Sqrt(20_000)));
        }

        double subjects = Correlation(logRows);
        Assert.True(subjects > 0.5, $"the subjects' log BW and log TDI correlate ({subjects:F3})");
        Assert.InRange(Correlation(draws), subjects - 0.03, subjects + 0.03);
    }

    [Fact]
    public void Generated_patients_are_deterministic_per_index_plausible_and_complete()
    {
        var cohort = new UvaPadovaGeneratedCohort("adults", "t1d", UvaPadova, "adult", Adults, 50);
        var population = new Population([cohort]);
        var first = population.Patient(17, new NormalGenerator(Population.Stream(5, 17)));
        var again = population.Patient(17, new NormalGenerator(Population.Stream(5, 17)));
        Assert.Equal(first.Parameters.Values.ToArray(), again.Parameters.Values.ToArray());
        Assert.Equal("adults-00018", first.Id);
        Assert.Contains("Vmx", cohort.VariedParameters);
        Assert.DoesNotContain("HEb", cohort.VariedParameters); // 0.6 in every subject

        for (int i = 0; i < 50; i++)
        {
            var patient = population.Patient(i, new NormalGenerator(Population.Stream(5, i)));
            // Derived values are recomputed: the basal steady state holds for the drawn primaries.
            Assert.Equal(patient.Parameters["Gb"] * patient.Parameters["Vg"], patient.Parameters["Gpb"], 12);
            Assert.InRange(patient.WeightKg, 10, 250);
            Assert.Equal(patient.Parameters["Age"], patient.AgeYears);
        }
    }

    [Fact]
    public void Named_cohorts_are_the_published_subjects_and_cohorts_number_patients_in_order()
    {
        var named = new NamedCohort("uva", "t1d", UvaPadova, UvaPadova.PatientNames);
        var generated = new UvaPadovaGeneratedCohort("kids", "t1d", UvaPadova, "child", UvaPadova.PatientNames.Where(n => n.StartsWith("child#", StringComparison.Ordinal)).ToArray(), 3);
        var population = new Population([named, generated]);
        Assert.Equal(33, population.Count);
        var p = population.Patient(0, new NormalGenerator(Population.Stream(1, 0)));
        Assert.Equal(("adult#001", "uva"), (p.Id, p.Cohort));
        Assert.Equal(UvaPadova.Patient("adult#001").Values.ToArray(), p.Parameters.Values.ToArray());
        Assert.Equal("kids-00001", population.Patient(30, new NormalGenerator(Population.Stream(1, 30))).Id);
        Assert.Same(generated, population.CohortOf(32));
    }

    private static double Correlation(double[][] rows)
    {
        double mx = rows.Average(r => r[0]), my = rows.Average(r => r[1]);
        double sxy = rows.Sum(r => (r[0] - mx) * (r[1] - my));
        double sxx = rows.Sum(r => (r[0] - mx) * (r[0] - mx));
        double syy = rows.Sum(r => (r[1] - my) * (r[1] - my));
        return sxy / Math.Sqrt(sxx * syy);
    }
}
