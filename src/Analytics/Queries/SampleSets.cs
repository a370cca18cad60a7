using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Queries;

/// <summary>Sorted sample-id lists by their set hash, cached (they are content-addressed, so never stale).</summary>
public sealed class SampleSets(StorageClients storage, ImmutableCache cache)
{
    public Task<string[]> GetAsync(string run, string setHash, CancellationToken cancellationToken = default) =>
        cache.GetOrLoadAsync($"ids|{run}|{setHash}", async () =>
        {
            var bytes = await storage.Data.ReadAsync(Layout.IdsPartition(run, setHash), Columns.Ids, cancellationToken)
                ?? throw new InvalidOperationException($"The sample ids of set {setHash} of run {run} are missing.");
            var ids = ColumnCodec.DecodeStrings(bytes);
            return (ids, (long)bytes.Length * 3);
        });

    /// <summary>Position of an id in a sorted list, or -1.</summary>
    public static int IndexOf(string[] sortedIds, string id)
    {
        int lo = 0, hi = sortedIds.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = string.CompareOrdinal(sortedIds[mid], id);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1; else hi = mid - 1;
        }
        return -1;
    }
}
