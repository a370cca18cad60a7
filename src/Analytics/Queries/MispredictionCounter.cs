using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Queries;

/// <summary>
/// mispredictions(sample, E) = the number of logged epochs e ≤ E in which the sample (same split, same id)
/// was wrong, counted at read time from each epoch's "wrong" bitmap, so arrival order cannot matter.
/// Epochs with the same sample set add bit by bit; others are aligned by merging the sorted id lists.
/// </summary>
public sealed class MispredictionCounter(StorageClients storage, ImmutableCache cache, SampleSets sampleSets)
{
    public async Task<int[]> CountAsync(RunView run, EpochRecord target, string split, CancellationToken cancellationToken = default)
    {
        var targetSet = target.Splits.First(s => s.Name == split).SetHash;
        var counts = new int[target.Splits.First(s => s.Name == split).Samples];
        var contributing = run.OkEpochs.Where(e => e.Epoch <= target.Epoch)
            .Select(e => (Epoch: e, Split: e.Splits.FirstOrDefault(s => s.Name == split)))
            .Where(x => x.Split is not null).ToList();
        var bitmaps = await LoadBitmapsAsync(run.Run, split, contributing.Select(x => Layout.BitsColumn(x.Epoch.Epoch, x.Epoch.Version!, x.Split!.SetHash)).ToList(), cancellationToken);
        string[]? targetIds = null;
        foreach (var (epoch, summary) in contributing)
        {
            var bitmap = bitmaps[Layout.BitsColumn(epoch.Epoch, epoch.Version!, summary!.SetHash)];
            if (summary.SetHash == targetSet) { AddAligned(counts, bitmap); continue; }
            targetIds ??= await sampleSets.GetAsync(run.Run, targetSet, cancellationToken);
            AddMerged(counts, targetIds, await sampleSets.GetAsync(run.Run, summary.SetHash, cancellationToken), bitmap);
        }
        return counts;
    }

    static void AddAligned(int[] counts, byte[] bitmap)
    {
        for (var b = 0; b < bitmap.Length; b++)
        {
            var bits = bitmap[b];
            while (bits != 0)
            {
                var bit = System.Numerics.BitOperations.TrailingZeroCount(bits);
                counts[b * 8 + bit]++;
                bits &= (byte)(bits - 1);
            }
        }
    }

    static void AddMerged(int[] counts, string[] targetIds, string[] otherIds, byte[] bitmap)
    {
        for (int i = 0, j = 0; i < targetIds.Length && j < otherIds.Length;)
        {
            var c = string.CompareOrdinal(targetIds[i], otherIds[j]);
            if (c == 0) { if (Storage.ColumnCodec.BitAt(bitmap, j)) counts[i]++; i++; j++; }
            else if (c < 0) i++;
            else j++;
        }
    }

    /// <summary>Bitmaps of current versions never change: cached by name; a miss reads the split's whole partition once.</summary>
    async Task<Dictionary<string, byte[]>> LoadBitmapsAsync(string run, string split, List<string> columns, CancellationToken cancellationToken)
    {
        var partition = Layout.BitsPartition(run, split);
        var result = new Dictionary<string, byte[]>();
        Dictionary<string, byte[]>? all = null;
        foreach (var column in columns)
        {
            result[column] = await cache.GetOrLoadAsync($"bits|{partition}|{column}", async () =>
            {
                all ??= await storage.Bits.ReadPartitionAsync(partition, cancellationToken);
                var bitmap = all.GetValueOrDefault(column) ?? throw new InvalidOperationException($"Bitmap {column} of {partition} is missing.");
                return (bitmap, (long)bitmap.Length);
            });
        }
        return result;
    }
}
