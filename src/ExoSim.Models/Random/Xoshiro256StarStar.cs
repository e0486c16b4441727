using System.Numerics;

namespace ExoSim.Models.Random;

/// <summary>
/// xoshiro256** 1.0 (Blackman D, Vigna S, "Scrambled linear pseudorandom number generators", ACM TOMS 2021;47(4):36,
/// doi:10.1145/3460772; reference C code prng.di.unimi.it/xoshiro256starstar.c): period 2^256 − 1, a jump of
/// 2^128 steps for non-overlapping streams. ExoSim's one source of randomness: unlike <see cref="System.Random"/>,
/// whose algorithm .NET does not specify, every output is fixed by the published algorithm and the seed, on any
/// machine and any thread count (an instance is not thread-safe; give each thread or patient its own stream).
/// </summary>
public sealed class Xoshiro256StarStar
{
    // The reference jump polynomial (xoshiro256starstar.c, JUMP[]): equivalent to 2^128 calls of NextUInt64.
    private static readonly ulong[] JumpPolynomial =
        [0x180EC6D33CFD0ABAUL, 0xD5A61266F0C9392CUL, 0xA9582618E03FC9AAUL, 0x39ABDC4529B1661CUL];

    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    /// <summary>A generator with the given 256-bit state (not all zero), e.g. to reproduce reference outputs.</summary>
    /// <exception cref="ArgumentException">When all four words are zero (the one state the generator cannot leave).</exception>
    public Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
        {
            throw new ArgumentException("The xoshiro256** state must not be all zero.");
        }

        (this.s0, this.s1, this.s2, this.s3) = (s0, s1, s2, s3);
    }

    /// <summary>The generator for <paramref name="seed"/>: the state is four consecutive <see cref="SplitMix64"/> outputs.</summary>
    public static Xoshiro256StarStar FromSeed(ulong seed)
    {
        var expand = new SplitMix64(seed);
        // SplitMix64 is a bijection of its counter, so four consecutive outputs are never all zero.
        return new Xoshiro256StarStar(expand.NextUInt64(), expand.NextUInt64(), expand.NextUInt64(), expand.NextUInt64());
    }

    /// <summary>
    /// Stream <paramref name="streamIndex"/> of <paramref name="seed"/>: <see cref="FromSeed"/> followed by
    /// <paramref name="streamIndex"/> jumps, so streams 0, 1, 2, … (e.g. one per virtual patient) are disjoint
    /// stretches of 2^128 outputs of one sequence. Costs 256·index steps.
    /// </summary>
    public static Xoshiro256StarStar ForStream(ulong seed, int streamIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(streamIndex);
        var generator = FromSeed(seed);
        for (int i = 0; i < streamIndex; i++)
        {
            generator.Jump();
        }

        return generator;
    }

    /// <summary>The next 64-bit output.</summary>
    public ulong NextUInt64()
    {
        ulong result = unchecked(BitOperations.RotateLeft(s1 * 5, 7) * 9);
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = BitOperations.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1): the upper 53 bits of <see cref="NextUInt64"/> times 2^−53 (exact).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Advances the state by 2^128 outputs (the reference jump function).</summary>
    public void Jump()
    {
        ulong j0 = 0, j1 = 0, j2 = 0, j3 = 0;
        foreach (ulong word in JumpPolynomial)
        {
            for (int bit = 0; bit < 64; bit++)
            {
                if ((word & (1UL << bit)) != 0)
                {
                    j0 ^= s0;
                    j1 ^= s1;
                    j2 ^= s2;
                    j3 ^= s3;
                }

                NextUInt64();
            }
        }

        (s0, s1, s2, s3) = (j0, j1, j2, j3);
    }
}
