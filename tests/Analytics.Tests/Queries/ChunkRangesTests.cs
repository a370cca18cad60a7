using ClassVisCloud.Analytics.Queries;

namespace ClassVisCloud.Analytics.Tests.Queries;

public sealed class ChunkRangesTests
{
    [Fact]
    public void A_row_across_a_chunk_boundary_needs_both_chunks()
    {
        // Rows of 280 bytes (70 classes) in chunks of 1,000 bytes: row 3 is bytes 840..1119.
        Assert.Equal([0L, 1L], ChunkRanges.ChunksOf([3], 280, 1000));
        Assert.Equal([0L], ChunkRanges.ChunksOf([0, 1, 2, 1, 0], 280, 1000));
        Assert.Equal([1L, 7L], ChunkRanges.ChunksOf([25, 5], 280, 1000));
    }

    [Fact]
    public void Neighbouring_chunks_join_across_small_gaps_but_no_read_passes_the_maximum()
    {
        long[] chunks = [0, 1, 2, 4, 8, 9, 10, 11, 12, 13];
        Assert.Equal([new(0, 3), new(4, 1), new(8, 6)], ChunkRanges.Coalesce(chunks, maxGap: 0, maxChunks: 64));
        Assert.Equal([new(0, 5), new(8, 6)], ChunkRanges.Coalesce(chunks, maxGap: 1, maxChunks: 64));
        Assert.Equal([new(0, 3), new(4, 1), new(8, 4), new(12, 2)], ChunkRanges.Coalesce(chunks, maxGap: 1, maxChunks: 4));
        Assert.Empty(ChunkRanges.Coalesce([], 1, 4));
    }

    [Fact]
    public void Ten_thousand_random_rows_of_a_million_are_read_in_bounded_ranges_that_cover_every_row()
    {
        const int rowBytes = 70 * 4;
        var random = new Random(7);
        var rows = Enumerable.Range(0, 10_000).Select(_ => random.Next(1_000_000)).ToArray();
        var chunks = ChunkRanges.ChunksOf(rows, rowBytes, MatrixRows.ChunkBytes);
        var ranges = ChunkRanges.Coalesce(chunks, MatrixRows.MaxGapChunks, MatrixRows.MaxChunksPerRead);
        Assert.All(ranges, r => Assert.InRange(r.Count * (long)MatrixRows.ChunkBytes, 1, 4L * 1024 * 1024));
        // Every chunk holding a byte of a row is read (a row across two chunks may come in two reads).
        foreach (var row in rows)
            for (var chunk = (long)row * rowBytes / MatrixRows.ChunkBytes; chunk <= ((long)row * rowBytes + rowBytes - 1) / MatrixRows.ChunkBytes; chunk++)
                Assert.Contains(ranges, r => chunk >= r.First && chunk < r.First + r.Count);
        // Sorted and disjoint: no byte is read twice by one request.
        for (var i = 1; i < ranges.Count; i++) Assert.True(ranges[i].First >= ranges[i - 1].First + ranges[i - 1].Count);
    }
}
