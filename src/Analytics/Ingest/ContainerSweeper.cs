using Azure.Data.Tables;
using ClassVisCloud.Analytics.Storage;
using Microsoft.Extensions.Logging;

namespace ClassVisCloud.Analytics.Ingest;

/// <summary>
/// Lists the container and ingests every blob whose current ETag has no final ledger record: missed
/// events, transient failures, crashed workers (stale claims), and epochs whose duplicate was deleted.
/// The timer function runs it on the SweepSchedule app setting (every 5 minutes deployed), the DevHost every second.
/// </summary>
public sealed class ContainerSweeper(StorageClients storage, BlobIngestor ingestor, ILogger<ContainerSweeper> logger)
{
    sealed record LedgerState(string? Outcome, DateTimeOffset? ClaimedAt, string? Conflict, bool Waiting);

    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var ledger = await LoadLedgerAsync(cancellationToken);
        var blobs = new List<(string Name, string ETag, BlobPath Path)>();
        await foreach (var item in storage.Container.GetBlobsAsync(cancellationToken: cancellationToken))
            blobs.Add((item.Name, item.Properties.ETag?.ToString() ?? "", BlobPath.Parse(item.Name)));
        var present = blobs.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);

        var work = new List<(string Name, bool Force)>();
        foreach (var (name, etag, _) in blobs.OrderBy(b => Order(b.Path.Kind)).ThenBy(b => b.Path.Epoch))
        {
            var state = ledger.GetValueOrDefault((Layout.BlobKey(name), Layout.Version(etag)));
            if (state is null) { work.Add((name, false)); continue; }
            if (state.Conflict is { Length: > 0 } conflict && !present.Contains(conflict)) { work.Add((name, true)); continue; }
            if (IngestOutcome.IsFinal(state.Outcome) || state.Waiting) continue;
            if (state.Outcome == IngestOutcome.Processing && DateTimeOffset.UtcNow - state.ClaimedAt < IngestLedger.ClaimTimeout) continue;
            work.Add((name, false));
        }

        var ingested = 0;
        foreach (var (name, force) in work)
        {
            if (await ingestor.IngestAsync(name, force, cancellationToken) is not null) ingested++;
        }
        if (ingested > 0) logger.LogInformation("Sweep handled {Count} blobs of {Total}", ingested, blobs.Count);
        return ingested;
    }

    /// <summary>Manifests first (they name the classes), then predictions, then attention (which needs them).</summary>
    static int Order(BlobKind kind) => kind switch { BlobKind.Manifest => 0, BlobKind.Predictions => 1, BlobKind.Attention => 2, _ => 3 };

    async Task<Dictionary<(string, string), LedgerState>> LoadLedgerAsync(CancellationToken cancellationToken)
    {
        var states = new Dictionary<(string, string), LedgerState>();
        await foreach (var e in storage.Ledger.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey", "Outcome", "ClaimedAt", "Conflict", "Waiting"], cancellationToken: cancellationToken))
            states[(e.PartitionKey, e.RowKey)] = new LedgerState(e.GetString("Outcome"), e.GetDateTimeOffset("ClaimedAt"), e.GetString("Conflict"), e.GetBoolean("Waiting") ?? false);
        return states;
    }
}
