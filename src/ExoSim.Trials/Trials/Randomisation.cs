using ExoSim.Models.Random;

namespace ExoSim.Trials.Trials;

/// <summary>
/// Allocation of patients to arms, in patient order, from one random stream
/// (<see cref="Xoshiro256StarStar.ForStream"/>(seed, 0)): <c>simple</c> draws each patient's arm with probability
/// proportional to the ratios; <c>block</c> fills permuted blocks (each holding every arm block_size/Σratio × ratio
/// times, shuffled by Fisher–Yates); <c>stratified</c> keeps one sequence of permuted blocks per stratum.
/// The allocation depends only on the seed, the ratios and the patients' strata, never on threads or shards.
/// </summary>
public static class Randomisation
{
    /// <summary>The arm index of each patient.</summary>
    /// <param name="spec">Method and block size.</param>
    /// <param name="ratios">Allocation ratio of each arm.</param>
    /// <param name="strata">Stratum of each patient (the same value for all without stratification).</param>
    /// <param name="seed">Seed of the allocation stream.</param>
    public static int[] Allocate(RandomisationSpec spec, IReadOnlyList<int> ratios, IReadOnlyList<string> strata, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(ratios);
        ArgumentNullException.ThrowIfNull(strata);
        var random = Xoshiro256StarStar.ForStream(seed, 0);
        var arms = new int[strata.Count];
        if (spec.Method == "simple")
        {
            int total = ratios.Sum();
            for (int i = 0; i < arms.Length; i++)
            {
                int slot = UniformIndex(random, total);
                int arm = 0;
                while (slot >= ratios[arm])
                {
                    slot -= ratios[arm];
                    arm++;
                }

                arms[i] = arm;
            }

            return arms;
        }

        // One open block per stratum; a stratum's next block is drawn when its first patient needs it, so the
        // stream is consumed in patient order.
        var open = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        for (int i = 0; i < arms.Length; i++)
        {
            string stratum = spec.Method == "stratified" ? strata[i] : string.Empty;
            if (!open.TryGetValue(stratum, out var block) || block.Count == 0)
            {
                block = new Queue<int>(Block(random, ratios, spec.BlockSize));
                open[stratum] = block;
            }

            arms[i] = block.Dequeue();
        }

        return arms;
    }

    private static int[] Block(Xoshiro256StarStar random, IReadOnlyList<int> ratios, int blockSize)
    {
        int copies = blockSize / ratios.Sum();
        var block = new List<int>(blockSize);
        for (int arm = 0; arm < ratios.Count; arm++)
        {
            block.AddRange(Enumerable.Repeat(arm, copies * ratios[arm]));
        }

        var slots = block.ToArray();
        for (int k = slots.Length - 1; k > 0; k--)
        {
            int j = UniformIndex(random, k + 1);
            (slots[k], slots[j]) = (slots[j], slots[k]);
        }

        return slots;
    }

    /// <summary>A uniform integer in [0, n) by Lemire's multiply-shift with rejection (unbiased; Lemire 2019, ACM TOMACS 29:3, doi:10.1145/3230636).</summary>
    internal static int UniformIndex(Xoshiro256StarStar random, int n)
    {
        ulong range = (ulong)n;
        ulong threshold = (0UL - range) % range;
        while (true)
        {
            UInt128 product = (UInt128)random.NextUInt64() * range;
            if ((ulong)product >= threshold)
            {
                return (int)(product >> 64);
            }
        }
    }
}
