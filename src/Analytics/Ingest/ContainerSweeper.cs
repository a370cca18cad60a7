using System.Collections.Concurrent;
using ClassVisCloud.Analytics.Storage;
using Microsoft.Extensions.Logging;

namespace ClassVisCloud.Analytics.Ingest;

/// <summary>
/// Lists the container and ingests every blob whose current ETag has no final ledger record: missed
/// events, transient failures, crashed workers (lapsed leases), and epochs whose duplicate was deleted.
/// The timer function runs it on the SweepSchedule app setting (every 5 minutes deployed), the DevHost every second.
/// The ledger keeps every version of every blob ever seen, so it is never read whole: the sweep reads the
/// records of the listed versions only, one point read each, and remembers which are settled; a settled one
/// is read again only when a blob that could conflict with it appears or goes.
/// </summary>
public sealed class ContainerSweeper(StorageClients storage, BlobIngestor ingestor, IngestLedger ledger, ILogger<ContainerSweeper> logger)
{
    /// <summary>Point reads in flight at once when many blobs are unknown (the first pass of a process).</summary>
    const int ParallelReads = 16;

    /// <summary>Blob name → its ETag whose record is final (without a conflict to watch), for the blobs listed.</summary>
    readonly ConcurrentDictionary<string, string> settled = new(StringComparer.Ordinal);

    /// <summary>Blob name → ETag, as of the last listing.</summary>
    readonly ConcurrentDictionary<string, string> listing = new(StringComparer.Ordinal);

    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var blobs = new List<(string Name, string ETag, BlobPath Path)>();
        await foreach (var item in storage.Container.GetBlobsAsync(cancellationToken: cancellationToken))
            blobs.Add((item.Name, item.Properties.ETag?.ToString() ?? "", BlobPath.Parse(item.Name)));
        var present = blobs.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        Forget(blobs, present);

        var unknown = blobs.Where(b => !(settled.TryGetValue(b.Name, out var etag) && etag == b.ETag)).ToList();
        var entries = new ConcurrentDictionary<string, LedgerEntry?>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(unknown, new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (blob, token) => entries[blob.Name] = await ledger.GetStateAsync(blob.Name, blob.ETag, token));

        var now = DateTimeOffset.UtcNow;
        var work = new List<(string Name, bool Force)>();
        foreach (var (name, etag, _) in blobs.OrderBy(b => Order(b.Path.Kind)).ThenBy(b => b.Path.Epoch))
        {
            if (!entries.TryGetValue(name, out var entry)) continue;
            switch (LedgerEntry.Sweep(entry, now, present.Contains))
            {
                case SweepAction.Settled: settled[name] = etag; break;
                case SweepAction.Ingest: work.Add((name, false)); break;
                case SweepAction.Reingest: work.Add((name, true)); break;
            }
        }

        var ingested = 0;
        foreach (var (name, force) in work)
        {
            if (await ingestor.IngestAsync(name, force, cancellationToken: cancellationToken) is not null) ingested++;
        }
        if (ingested > 0) logger.LogInformation("Sweep handled {Count} blobs of {Total}", ingested, blobs.Count);
        return ingested;
    }

    /// <summary>
    /// Drops what is remembered of blobs no longer listed, and of those sharing a run, kind and epoch with a blob
    /// that appeared, changed or went since the last pass: only such a blob can give a settled record a
    /// conflict ("epoch-7" and "epoch-007"), or resolve one by its deletion.
    /// </summary>
    void Forget(List<(string Name, string ETag, BlobPath Path)> blobs, HashSet<string> present)
    {
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, etag, path) in blobs)
            if (!(listing.TryGetValue(name, out var before) && before == etag)) touched.Add(Slot(path));
        foreach (var name in listing.Keys)
        {
            if (present.Contains(name)) continue;
            touched.Add(Slot(BlobPath.Parse(name)));
            listing.TryRemove(name, out _);
        }
        foreach (var (name, etag, _) in blobs) listing[name] = etag;
        foreach (var name in settled.Keys)
            if (!present.Contains(name) || touched.Contains(Slot(BlobPath.Parse(name)))) settled.TryRemove(name, out _);
    }

    /// <summary>What two blobs that conflict share: run folder, kind and epoch.</summary>
    static string Slot(BlobPath path) => $"{(path.Name.IndexOf('/') is var slash and >= 0 ? path.Name[..slash] : "")}|{path.Kind}|{path.Epoch}";

    /// <summary>Manifests first (they name the classes), then predictions, then attention (which needs them).</summary>
    static int Order(BlobKind kind) => kind switch { BlobKind.Manifest => 0, BlobKind.Predictions => 1, BlobKind.Attention => 2, _ => 3 };
}
