using ClassVisCloud.Analytics.Contract;

namespace ClassVisCloud.Analytics.Tests.Contract;

/// <summary>The fast sort of sample ids gives exactly the order (and the items) of the plain ordinal sort.</summary>
public class OrdinalSortTests
{
    private static void AssertSortsLikeArraySort(string[] keys)
    {
        var original = keys.ToArray();
        var items = Enumerable.Range(0, keys.Length).ToArray();
        var expectedKeys = keys.ToArray();
        Array.Sort(expectedKeys, StringComparer.Ordinal);

        OrdinalSort.Sort(keys, items);

        Assert.Equal(expectedKeys, keys);
        // Each item still goes with its key (equal keys may come in any order, as with Array.Sort).
        for (int i = 0; i < keys.Length; i++) Assert.Equal(original[items[i]], keys[i]);
        Assert.Equal(Enumerable.Range(0, keys.Length), items.Order());
    }

    [Theory]
    [InlineData(10)]
    [InlineData(20_000)]
    public void Numbered_ids_with_a_shared_prefix(int count)
    {
        var random = new Random(count);
        AssertSortsLikeArraySort([.. Enumerable.Range(0, count).Select(i => $"sample-{random.Next(count * 10):D7}")]);
    }

    [Fact]
    public void Ids_of_every_length_with_nul_characters_non_latin_text_and_repeats()
    {
        var random = new Random(5);
        string[] alphabet = ["a", "b", "\0", "é", "ж", "😀", "Z", "0"];
        var keys = Enumerable.Range(0, 30_000)
            .Select(_ => string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)])))
            .ToArray();
        AssertSortsLikeArraySort(keys);
    }

    [Fact]
    public void Ids_that_differ_only_after_the_packed_characters()
    {
        AssertSortsLikeArraySort([.. Enumerable.Range(0, 10_000).Select(i => $"run-2026-12-01/batch/{(i * 7919) % 10_000:D5}")]);
    }

    [Fact]
    public void Ids_where_one_is_the_prefix_of_another()
    {
        AssertSortsLikeArraySort([.. Enumerable.Range(0, 9_000).Select(i => new string('x', i % 17) + (i % 3 == 0 ? "" : "\0"))]);
    }
}
