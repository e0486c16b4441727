using ExoSim.Models.Random;

namespace ExoSim.Trials.Populations;

/// <summary>
/// The trial's virtual population: its cohorts in file order, patients numbered 0 … N − 1 across them. Patient
/// <c>i</c> is drawn from its own random stream, <see cref="Xoshiro256StarStar.ForStream"/>(seed, i + 1) (stream 0
/// is the randomisation's), so it does not depend on which other patients are simulated, nor where or when.
/// </summary>
public sealed class Population
{
    private readonly int[] cohortStart;

    /// <summary>A population of <paramref name="cohorts"/> (at least one).</summary>
    public Population(IReadOnlyList<Cohort> cohorts)
    {
        ArgumentNullException.ThrowIfNull(cohorts);
        if (cohorts.Count == 0)
        {
            throw new ArgumentException("A population needs at least one cohort.", nameof(cohorts));
        }

        Cohorts = cohorts;
        cohortStart = new int[cohorts.Count + 1];
        for (int c = 0; c < cohorts.Count; c++)
        {
            cohortStart[c + 1] = checked(cohortStart[c] + cohorts[c].Size);
        }
    }

    /// <summary>The cohorts in file order.</summary>
    public IReadOnlyList<Cohort> Cohorts { get; }

    /// <summary>Number of patients.</summary>
    public int Count => cohortStart[^1];

    /// <summary>The random stream of patient <paramref name="index"/>.</summary>
    public static Xoshiro256StarStar Stream(ulong seed, int index) => Xoshiro256StarStar.ForStream(seed, checked(index + 1));

    /// <summary>The cohort patient <paramref name="index"/> belongs to.</summary>
    public Cohort CohortOf(int index) => Cohorts[Locate(index).Cohort];

    /// <summary>Patient <paramref name="index"/>, drawn from <paramref name="stream"/> (which the caller goes on using for the patient's other draws).</summary>
    public VirtualPatient Patient(int index, NormalGenerator stream)
    {
        var (cohort, member) = Locate(index);
        return Cohorts[cohort].Patient(member, index, stream);
    }

    private (int Cohort, int Member) Locate(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        int c = 0;
        while (index >= cohortStart[c + 1])
        {
            c++;
        }

        return (c, index - cohortStart[c]);
    }
}
