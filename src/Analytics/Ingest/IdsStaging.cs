using ClassVisCloud.Analytics.Contract;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Ingest;

/// <summary>
/// Hashes each split's id set and writes its id list while the scores are still being read: both need only the row
/// keys, which the reader knows first. An id list is content-addressed (its partition is its set's hash) and
/// immutable, so writing it before the whole file is valid is safe: a file rejected later leaves a list that no epoch
/// points to, which the next good upload of the same samples uses. <see cref="EpochWriter"/> awaits what was started here.
/// </summary>
internal sealed class IdsStaging(StorageClients storage, string run, CancellationToken cancellationToken)
{
    private (Task<string> SetHash, Task Written)[] splits = [];

    /// <summary>What the reader calls once the ids are known.</summary>
    public Action<IReadOnlyList<SplitIds>> IdsRead => ids => splits = [.. ids.Select(split => Start(storage, run, split.SampleIds, cancellationToken))];

    /// <summary>Hashes the set on another core (a pass over every id), then writes its list unless the run has it.</summary>
    public static (Task<string> SetHash, Task Written) Start(StorageClients storage, string run, string[] sampleIds, CancellationToken cancellationToken)
    {
        var setHash = Task.Run(() => ColumnCodec.SetHash(sampleIds), cancellationToken);
        return (setHash, WriteAfterAsync(storage, run, setHash, sampleIds, cancellationToken));
    }

    /// <summary>The split's id-set hash and the write of its list, or null when the reader never told (not staged).</summary>
    public (Task<string> SetHash, Task Written)? Of(int split) => split < splits.Length ? splits[split] : null;

    /// <summary>The file was rejected (or the ingest failed): waits for what is in flight, so nothing outlives the ingest.</summary>
    public async Task AbandonAsync()
    {
        foreach (var (setHash, written) in splits)
        {
            try { await Task.WhenAll(setHash, written); }
            catch (Exception) { /* The ingest's own failure is the one that counts. */ }
        }
    }

    private static async Task WriteAfterAsync(StorageClients storage, string run, Task<string> setHash, string[] ids,
        CancellationToken cancellationToken) =>
        await WriteOnceAsync(storage, run, await setHash, ids, cancellationToken);

    /// <summary>An id list is content-addressed: epochs with the same samples share it, and it is written once.</summary>
    private static async Task WriteOnceAsync(StorageClients storage, string run, string setHash, string[] ids, CancellationToken cancellationToken)
    {
        var partition = Layout.IdsPartition(run, setHash);
        var exists = await storage.Data.Table.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(partition,
            ColumnStore.RowKey(Columns.Ids, 0), ["len"], cancellationToken);
        if (exists.HasValue) return;
        await storage.Data.WriteAsync(partition, new Dictionary<string, byte[]> { [Columns.Ids] = ColumnCodec.EncodeStrings(ids) }, cancellationToken);
    }
}
