namespace ExoSim.Models.Random;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014,
/// doi:10.1145/2660193.2660195; reference C code by S. Vigna, prng.di.unimi.it/splitmix64.c): a 64-bit counter
/// advanced by the golden-ratio increment 0x9E3779B97F4A7C15 and passed through a fixed mixing function.
/// ExoSim uses it to expand one 64-bit seed into a <see cref="Xoshiro256StarStar"/> state, as the xoshiro
/// authors recommend; it is integer-only, so its output is the same on every platform.
/// </summary>
public sealed class SplitMix64
{
    private ulong state;

    /// <summary>A generator whose counter starts at <paramref name="seed"/>.</summary>
    public SplitMix64(ulong seed) => state = seed;

    /// <summary>The next 64-bit output.</summary>
    public ulong NextUInt64()
    {
        state = unchecked(state + 0x9E3779B97F4A7C15UL);
        ulong z = state;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
