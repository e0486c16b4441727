using ExoSim.Models.Random;
using ExoSim.Trials.Statistics;

namespace ExoSim.Trials.Trials;

/// <summary>The content of <c>power.json</c> (layout <see cref="SchemaName"/>).</summary>
/// <param name="Schema">Name and version of the layout.</param>
/// <param name="Endpoint">Endpoint whose change from baseline at the last visit is compared.</param>
/// <param name="Visit">The visit.</param>
/// <param name="Alpha">Two-sided significance level of Welch's test.</param>
/// <param name="Replicates">Trials simulated per size.</param>
/// <param name="Points">Per size and arm: the share of replicates with p &lt; alpha.</param>
public sealed record PowerResult(string Schema, string Endpoint, string Visit, double Alpha, int Replicates, IReadOnlyList<PowerPoint> Points)
{
    /// <summary>The layout's name and version.</summary>
    public const string SchemaName = "exosim.trial.power/1";
}

/// <summary>Power at one total size for one arm against the reference arm.</summary>
/// <param name="Size">Total patients of each simulated trial.</param>
/// <param name="Arm">The arm compared with the first arm.</param>
/// <param name="Rejections">Replicates with Welch p &lt; alpha.</param>
/// <param name="Power">Rejections / replicates.</param>
/// <param name="Ci95Low">Lower end of the Wilson 95 % interval of the power (Monte Carlo uncertainty).</param>
/// <param name="Ci95High">Upper end.</param>
/// <param name="MeanDifference">Mean over replicates of the difference in mean change (arm − reference).</param>
public sealed record PowerPoint(int Size, string Arm, int Rejections, double Power, double Ci95Low, double Ci95High, double? MeanDifference);

/// <summary>
/// Power and sample size by simulation: the whole trial is repeated <see cref="PowerSpec.Replicates"/> times at each
/// total size, with fresh seeds (replicate r uses the r-th output of <see cref="SplitMix64"/>(trial seed), the same r
/// at every size) and the cohorts scaled in proportion to their sizes in the file; each replicate is analysed as the
/// trial is (Welch's test of the change from baseline at the last visit, every arm against the first).
/// </summary>
public static class PowerAnalysis
{
    /// <summary>Cohort sizes for a total of <paramref name="total"/> patients, in proportion to <paramref name="sizes"/> (largest remainder).</summary>
    public static int[] Scale(IReadOnlyList<int> sizes, int total)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        double sum = sizes.Sum();
        var exact = sizes.Select(s => s * total / sum).ToArray();
        var scaled = exact.Select(e => (int)Math.Floor(e)).ToArray();
        foreach (int c in Enumerable.Range(0, sizes.Count).OrderByDescending(c => exact[c] - scaled[c]).ThenBy(c => c).Take(total - scaled.Sum()))
        {
            scaled[c]++;
        }

        return scaled;
    }

    /// <summary>Runs the power analysis of <paramref name="trial"/> (which must define <c>analysis.power</c>).</summary>
    /// <param name="trial">The trial.</param>
    /// <param name="threads">Worker threads per replicate.</param>
    /// <param name="onReplicate">Called after each replicate (for progress).</param>
    public static PowerResult Run(ResolvedTrial trial, int threads, Action? onReplicate = null)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var spec = trial.Document.Analysis.Power ?? throw new ArgumentException("The trial has no 'analysis.power'.", nameof(trial));
        var splitMix = new SplitMix64(trial.Document.Seed);
        var seeds = Enumerable.Range(0, spec.Replicates).Select(_ => splitMix.NextUInt64()).ToArray();
        string visit = trial.VisitLabels[^1];
        int column = new TrialColumns(trial.Document.Endpoints, trial.VisitLabels).Endpoints.ToList().IndexOf(TrialColumns.Change(spec.Endpoint, visit));
        var points = new List<PowerPoint>();
        foreach (int size in spec.Sizes)
        {
            var cohortSizes = Scale(trial.Document.Cohorts.Select(c => c.Size).ToArray(), size);
            var rejections = new int[trial.Arms.Count];
            var differences = trial.Arms.Select(_ => new List<double>()).ToArray();
            foreach (ulong seed in seeds)
            {
                var document = trial.Document with
                {
                    Seed = seed,
                    Randomisation = trial.Document.Randomisation with { Seed = null },
                    Cohorts = trial.Document.Cohorts.Select((c, i) => c with { Size = cohortSizes[i] }).ToArray(),
                };
                var replicate = TrialResolver.Resolve(document);
                var outcomes = new List<PatientOutcome>();
                TrialEngine.Run(replicate, new TrialRunOptions(threads), chunk => outcomes.AddRange(chunk.Patients));
                var reference = outcomes.Where(o => o.Arm == trial.Arms[0].Name).Select(o => o.Values[column]).ToArray();
                for (int a = 1; a < trial.Arms.Count; a++)
                {
                    var welch = TrialStatistics.Welch(reference, outcomes.Where(o => o.Arm == trial.Arms[a].Name).Select(o => o.Values[column]));
                    rejections[a] += welch is not null && welch.PValue < spec.Alpha ? 1 : 0;
                    if (welch is not null)
                    {
                        differences[a].Add(welch.Difference);
                    }
                }

                onReplicate?.Invoke();
            }

            for (int a = 1; a < trial.Arms.Count; a++)
            {
                var (low, high) = TrialStatistics.WilsonInterval(rejections[a], spec.Replicates);
                points.Add(new PowerPoint(size, trial.Arms[a].Name, rejections[a], (double)rejections[a] / spec.Replicates, low, high, differences[a].Count > 0 ? differences[a].Average() : null));
            }
        }

        return new PowerResult(PowerResult.SchemaName, spec.Endpoint, visit, spec.Alpha, spec.Replicates, points);
    }
}
