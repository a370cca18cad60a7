using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Queries;

/// <summary>
/// Rows of an epoch version's probability matrix (the scores route), never the whole N × C matrix: the blob is
/// read in 64 KiB chunks, neighbouring chunks together (at most 4 MiB a read, <see cref="Parallelism"/> reads at
/// once), and every chunk read is kept in the cache (a version never changes), so rows asked again, or by another
/// request at the same time, are read once. Rows are copied out chunk by chunk as chunks arrive: a request holds
/// its vectors and its reads in flight, not the chunks. The caller takes <see cref="EstimatedBytes"/> from the
/// <see cref="MemoryBudget"/> around the read and the encoding of its answer (one lease per request, never nested).
/// </summary>
public sealed class MatrixRows(StorageClients storage, ImmutableCache cache)
{
    public const int ChunkBytes = 64 * 1024;
    public const int MaxChunksPerRead = 64;
    public const int MaxGapChunks = 1;
    public const int Parallelism = 4;

    /// <summary>Chunks being read now, by key: a request needing one another request reads waits for it instead.</summary>
    readonly ConcurrentDictionary<string, TaskCompletionSource<byte[]>> reading = new();

    /// <summary>What a request for <paramref name="rows"/> rows of <paramref name="classes"/> holds at most: its vectors, their JSON, its reads.</summary>
    public static long EstimatedBytes(int rows, int classes) =>
        rows * (classes * 4L + 32) + rows * classes * 36L + (long)Parallelism * MaxChunksPerRead * ChunkBytes;

    /// <summary>The probability vectors of the rows at <paramref name="positions"/>, in that order.</summary>
    public async Task<float[][]> ReadAsync(EpochRecord epoch, int splitIndex, int[] positions, CancellationToken cancellationToken = default)
    {
        var classes = epoch.ClassCount;
        var rowBytes = classes * sizeof(float);
        var path = MatrixStore.Path(epoch.Run, epoch.Epoch, epoch.Version!, splitIndex);
        var totalBytes = (long)epoch.Splits[splitIndex].Samples * rowBytes;
        var vectors = new float[positions.Length][];
        for (var i = 0; i < vectors.Length; i++) vectors[i] = new float[classes];
        var chunks = ChunkRanges.ChunksOf(positions, rowBytes, ChunkBytes);
        var rowsOfChunk = RowsOfChunks(positions, rowBytes, chunks);
        var pending = new List<Task<(long Chunk, byte[] Bytes)>>();
        var mine = new Dictionary<long, TaskCompletionSource<byte[]>>();
        foreach (var chunk in chunks)
        {
            var key = Key(path, chunk);
            if (cache.TryGet<byte[]>(key, out var held))
            {
                CopyRows(vectors, positions, rowsOfChunk[chunk], rowBytes, chunk, held);
                continue;
            }
            var source = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
            var current = reading.GetOrAdd(key, source);
            if (current == source) mine[chunk] = source;
            pending.Add(WithChunk(chunk, current.Task));
        }
        // Read without the request's cancellation: others may be waiting for these chunks. This request ends after its reads (its lease covers them).
        var reads = mine.Count == 0 ? Task.CompletedTask : ReadChunksAsync(path, totalBytes, mine);
        try
        {
            await foreach (var arrived in Task.WhenEach(pending).WithCancellation(cancellationToken))
            {
                var (chunk, bytes) = await arrived;
                CopyRows(vectors, positions, rowsOfChunk[chunk], rowBytes, chunk, bytes);
            }
        }
        finally
        {
            try { await reads; } catch { /* the awaited chunks carry the failure */ }
        }
        return vectors;
    }

    static string Key(string path, long chunk) => $"chunk|{path}|{chunk}";

    static async Task<(long, byte[])> WithChunk(long chunk, Task<byte[]> bytes) => (chunk, await bytes);

    /// <summary>For each chunk, the indices (into positions) of the rows with bytes in it.</summary>
    static Dictionary<long, List<int>> RowsOfChunks(int[] positions, int rowBytes, long[] chunks)
    {
        var rows = chunks.ToDictionary(c => c, _ => new List<int>());
        for (var i = 0; i < positions.Length; i++)
        {
            var start = (long)positions[i] * rowBytes;
            for (var chunk = start / ChunkBytes; chunk <= (start + rowBytes - 1) / ChunkBytes; chunk++) rows[chunk].Add(i);
        }
        return rows;
    }

    /// <summary>Copies the part of each row that lies in the chunk.</summary>
    static void CopyRows(float[][] vectors, int[] positions, List<int> rows, int rowBytes, long chunk, byte[] bytes)
    {
        var chunkStart = chunk * ChunkBytes;
        foreach (var i in rows)
        {
            var rowStart = (long)positions[i] * rowBytes;
            var from = Math.Max(rowStart, chunkStart);
            var to = Math.Min(rowStart + rowBytes, chunkStart + bytes.Length);
            if (to <= from) continue;
            bytes.AsSpan((int)(from - chunkStart), (int)(to - from)).CopyTo(MemoryMarshal.AsBytes(vectors[i].AsSpan())[(int)(from - rowStart)..]);
        }
    }

    /// <summary>Reads this request's chunks (and any gap between them), keeps each in the cache and hands it to whoever waits.</summary>
    async Task ReadChunksAsync(string path, long totalBytes, Dictionary<long, TaskCompletionSource<byte[]>> mine)
    {
        try
        {
            var ranges = ChunkRanges.Coalesce(mine.Keys.Order().ToList(), MaxGapChunks, MaxChunksPerRead);
            await Parallel.ForEachAsync(ranges, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (range, ct) =>
            {
                var targets = Enumerable.Range(0, range.Count)
                    .Select(i => new byte[(int)Math.Clamp(totalBytes - (range.First + i) * (long)ChunkBytes, 0, ChunkBytes)])
                    .Where(t => t.Length > 0).ToList();
                await storage.Matrices.ReadRangeAsync(path, range.First * ChunkBytes, targets, ct);
                for (var i = 0; i < targets.Count; i++)
                {
                    var chunk = range.First + i;
                    cache.Add(Key(path, chunk), targets[i], targets[i].Length);
                    if (mine.TryGetValue(chunk, out var source)) source.TrySetResult(targets[i]);
                }
            });
        }
        catch (Exception ex)
        {
            foreach (var source in mine.Values) source.TrySetException(ex);
            throw;
        }
        finally
        {
            foreach (var (chunk, source) in mine) reading.TryRemove(new KeyValuePair<string, TaskCompletionSource<byte[]>>(Key(path, chunk), source));
            // A chunk past the blob's end (a row the version does not have) never arrives: say so rather than wait forever.
            foreach (var source in mine.Values) source.TrySetException(new InvalidOperationException($"The matrix {path} is shorter than the rows asked for."));
        }
    }
}
