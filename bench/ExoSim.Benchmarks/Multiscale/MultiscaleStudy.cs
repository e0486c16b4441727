using System.Diagnostics;
using System.Globalization;
using ExoSim.Models.DallaMan;
using ExoSim.Models.Multiscale;
using ExoSim.Models.Simulation;
using ExoSim.Models.Topp;
using ExoSim.Numerics.Ode;

namespace ExoSim.Benchmarks.Multiscale;

/// <summary>
/// Speed and error of the representative-day scheme against the brute-force coupled ODE, on the course of
/// tests/ExoSim.Models.Tests/Multiscale/MultiscaleSimulatorTests.cs (dalla-man-2007 normal subject, three meals a day,
/// Topp β-cell growth, insulin sensitivity drifting to half with τ = 30 d), over a horizon of N days.
/// </summary>
internal static class MultiscaleStudy
{
    public static int Run(int days, int rounds)
    {
        var model = new DallaMan2007Model();
        var request = new MultiscaleRequest
        {
            FastModel = model,
            FastParameters = model.Patient("normal"),
            Slow = GlucotoxicBetaCellCourse.FromTopp(new Topp2000Model().Patient("normal"), ["beta", "K", "Sb"], ["Vmx"], 0.5, 30),
            Days = days,
            DailyInterventions = [new MealIntake(8 * 60, 45, 0), new MealIntake(12 * 60, 70, 0), new MealIntake(20 * 60, 70, 0)],
            Solver = OdeSolvers.DormandPrince54,
            Options = new SolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-8 },
        };

        var schemes = new (string Name, Func<MultiscaleResult> Run)[]
        {
            ("brute force", () => MultiscaleSimulator.BruteForce(request)),
            ("every 7 d", () => MultiscaleSimulator.RepresentativeDays(request, 7)),
            ("every 14 d", () => MultiscaleSimulator.RepresentativeDays(request, 14)),
            ("every 28 d", () => MultiscaleSimulator.RepresentativeDays(request, 28)),
        };

        var results = schemes.Select(s => s.Run()).ToArray(); // warm-up, and the results compared below
        var times = schemes.Select(_ => new List<double>()).ToArray();
        for (int round = 0; round < rounds; round++)
        {
            for (int s = 0; s < schemes.Length; s++)
            {
                var watch = Stopwatch.StartNew();
                _ = schemes[s].Run();
                times[s].Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var reference = results[0];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Multiscale course, {days} days, {rounds} interleaved rounds, load {File.ReadAllText("/proc/loadavg").Trim()}"));
        Console.WriteLine("| scheme | β(end) | rel. β error (end) | max rel. β error (any day) | max daily mean glucose error [mg/dL] | fast RHS | time median [ms] | time min [ms] | speed-up (median) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        double referenceMedian = Median(times[0]);
        for (int s = 0; s < schemes.Length; s++)
        {
            var r = results[s];
            double betaError = Math.Abs(r.SlowStates[^1][0] - reference.SlowStates[^1][0]) / reference.SlowStates[^1][0];
            double maxBetaError = r.SlowStates.Zip(reference.SlowStates).Max(p => Math.Abs(p.First[0] - p.Second[0]) / p.Second[0]);
            double glucoseError = r.DailyMeanGlucoseMgPerDl.Zip(reference.DailyMeanGlucoseMgPerDl).Max(p => Math.Abs(p.First - p.Second));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {schemes[s].Name} | {r.SlowStates[^1][0]:F5} | {betaError:E2} | {maxBetaError:E2} | {glucoseError:F3} | {r.FastRhsEvaluations} | {Median(times[s]):F1} | {times[s].Min():F1} | ×{referenceMedian / Median(times[s]):F1} |"));
        }

        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]);
    }
}
