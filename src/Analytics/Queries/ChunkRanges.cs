namespace ClassVisCloud.Analytics.Queries;

/// <summary>Chunks <see cref="First"/> .. First + Count - 1 of a blob, read in one ranged read.</summary>
public readonly record struct ChunkRange(long First, int Count);

/// <summary>
/// Which fixed-size chunks of a row-major matrix hold given rows, and how to read them in few ranged reads:
/// neighbouring chunks join into one read (across gaps of at most <c>maxGap</c> chunks, cheaper to read
/// through than to ask for twice), never longer than <c>maxChunks</c>, which bounds the bytes of each read.
/// </summary>
public static class ChunkRanges
{
    /// <summary>Sorted, distinct indices of the chunks holding the bytes of <paramref name="rows"/> (a row may span two).</summary>
    public static long[] ChunksOf(IEnumerable<int> rows, int rowBytes, int chunkBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkBytes, 1);
        var chunks = new HashSet<long>();
        foreach (var row in rows)
        {
            var start = (long)row * rowBytes;
            for (var chunk = start / chunkBytes; chunk <= (start + rowBytes - 1) / chunkBytes; chunk++) chunks.Add(chunk);
        }
        var sorted = chunks.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>Ranged reads covering <paramref name="sortedChunks"/>, in order; a gap joined is read too.</summary>
    public static List<ChunkRange> Coalesce(IReadOnlyList<long> sortedChunks, int maxGap, int maxChunks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxGap);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChunks, 1);
        var ranges = new List<ChunkRange>();
        long first = -1, last = -1;
        foreach (var chunk in sortedChunks)
        {
            if (first >= 0 && chunk - last - 1 <= maxGap && chunk - first < maxChunks)
            {
                last = chunk;
                continue;
            }
            if (first >= 0) ranges.Add(new ChunkRange(first, (int)(last - first + 1)));
            first = last = chunk;
        }
        if (first >= 0) ranges.Add(new ChunkRange(first, (int)(last - first + 1)));
        return ranges;
    }
}
