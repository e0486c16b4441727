using ExoSim.Trials.Trials;

namespace ExoSim.Trials.Tests.Trials;

public class RandomisationTests
{
    [Fact]
    public void Blocks_balance_the_arms_in_the_ratio_within_every_block()
    {
        var spec = new RandomisationSpec("block", 6, [], null);
        int[] arms = Randomisation.Allocate(spec, [1, 2], Enumerable.Repeat(string.Empty, 60).ToArray(), 3);
        for (int block = 0; block < 10; block++)
        {
            var slice = arms.Skip(block * 6).Take(6).ToArray();
            Assert.Equal(2, slice.Count(a => a == 0));
            Assert.Equal(4, slice.Count(a => a == 1));
        }

        // Permuted, not a fixed pattern.
        Assert.Contains(Enumerable.Range(1, 9), b => !arms.Skip(b * 6).Take(6).SequenceEqual(arms.Take(6)));
    }

    [Fact]
    public void Stratified_blocks_balance_each_stratum()
    {
        var strata = Enumerable.Range(0, 40).Select(i => i % 3 == 0 ? "a" : "b").ToArray();
        int[] arms = Randomisation.Allocate(new RandomisationSpec("stratified", 4, ["cohort"], null), [1, 1], strata, 9);
        foreach (string stratum in new[] { "a", "b" })
        {
            var inStratum = arms.Where((_, i) => strata[i] == stratum).ToArray();
            int complete = inStratum.Length / 4 * 4;
            Assert.Equal(complete / 2, inStratum.Take(complete).Count(a => a == 0));
        }
    }

    [Fact]
    public void Simple_randomisation_follows_the_ratio_and_the_seed()
    {
        var strata = Enumerable.Repeat(string.Empty, 30_000).ToArray();
        var spec = new RandomisationSpec("simple", 0, [], null);
        int[] arms = Randomisation.Allocate(spec, [1, 3], strata, 4);
        // Binomial(30 000, 0.25): SD 75; 5 SD tolerance.
        Assert.InRange(arms.Count(a => a == 0), 7500 - 375, 7500 + 375);
        Assert.Equal(arms, Randomisation.Allocate(spec, [1, 3], strata, 4));
        Assert.NotEqual(arms, Randomisation.Allocate(spec, [1, 3], strata, 5));
    }
}
