using Azure;
using Azure.Data.Tables;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Ingest;

/// <summary>
/// The truth about blobs: one record per blob name + ETag. The blob trigger, the timer sweep and the
/// DevHost watcher all claim a blob here first, so a duplicate delivery costs one cheap read, and a
/// worker that died mid-ingest is taken over once its claim is stale.
/// </summary>
public sealed class IngestLedger(StorageClients storage)
{
    /// <summary>How long a claim holds before another worker may take the blob over.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Attempts after which a blob that keeps failing for transient reasons is reported as rejected.</summary>
    public const int MaxAttempts = 8;

    TableClient Ledger => storage.Ledger;

    public async Task<TableEntity?> GetAsync(string blob, string etag, CancellationToken cancellationToken = default)
    {
        var response = await Ledger.GetEntityIfExistsAsync<TableEntity>(Layout.BlobKey(blob), Layout.Version(etag), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>
    /// Claims the blob for this worker. False when it is already done (a final outcome) or another worker
    /// holds a fresh claim. The number of earlier attempts comes back for the retry limit.
    /// </summary>
    public async Task<(bool Claimed, int Attempts)> TryClaimAsync(string blob, string etag, bool force, CancellationToken cancellationToken = default)
    {
        var now = DateTimeOffset.UtcNow;
        var existing = await GetAsync(blob, etag, cancellationToken);
        var claim = new TableEntity(Layout.BlobKey(blob), Layout.Version(etag))
        {
            ["Blob"] = blob, ["ETag"] = etag, ["Outcome"] = IngestOutcome.Processing, ["ClaimedAt"] = now,
            ["Attempts"] = (existing?.GetInt32("Attempts") ?? 0) + 1,
        };
        if (existing is null)
        {
            try { await Ledger.AddEntityAsync(claim, cancellationToken); return (true, 0); }
            catch (RequestFailedException ex) when (ex.Status == 409) { return (false, 0); }
        }
        var outcome = existing.GetString("Outcome");
        var attempts = existing.GetInt32("Attempts") ?? 0;
        if (IngestOutcome.IsFinal(outcome) && !force) return (false, attempts);
        if (outcome == IngestOutcome.Processing && now - (existing.GetDateTimeOffset("ClaimedAt") ?? now) < ClaimTimeout) return (false, attempts);
        try { await Ledger.UpdateEntityAsync(claim, existing.ETag, TableUpdateMode.Merge, cancellationToken); return (true, attempts); }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412) { return (false, attempts); }
    }

    /// <summary>Records the outcome on the ledger and appends it to the history, per run and overall.</summary>
    /// <param name="conflict">Another blob that must be deleted before this one can be ingested (the sweep watches it).</param>
    /// <param name="waiting">The blob waits for another to be ingested first, which brings it back: the sweep leaves it alone.</param>
    public async Task RecordAsync(IngestRecord record, string? conflict = null, bool waiting = false, CancellationToken cancellationToken = default)
    {
        var ledgerEntry = Entry(Layout.BlobKey(record.Blob), Layout.Version(record.ETag), record);
        // Merge skips null values, so "" clears what an earlier attempt noted.
        ledgerEntry["Conflict"] = conflict ?? "";
        ledgerEntry["Waiting"] = waiting;
        ledgerEntry["Reason"] ??= "";
        await Ledger.UpsertEntityAsync(ledgerEntry, TableUpdateMode.Merge, cancellationToken);
        var rowKey = $"{DateTimeOffset.MaxValue.UtcTicks - record.At.UtcTicks:D19}-{Guid.NewGuid():N}";
        var partitions = record.Run is null ? [Layout.AllIngestsPartition] : new[] { Layout.AllIngestsPartition, record.Run };
        foreach (var partition in partitions)
            await storage.Ingests.AddEntityAsync(Entry(partition, rowKey, record), cancellationToken);
    }

    /// <summary>The record's fields as an entity, checked against the real service's limits.</summary>
    static TableEntity Entry(string partitionKey, string rowKey, IngestRecord record)
    {
        var entity = new TableEntity(partitionKey, rowKey)
        {
            ["Blob"] = record.Blob, ["ETag"] = record.ETag, ["Outcome"] = record.Outcome, ["Reason"] = Truncate(record.Reason),
            ["Run"] = record.Run, ["Epoch"] = record.Epoch, ["Samples"] = record.Samples, ["Milliseconds"] = record.Milliseconds, ["At"] = record.At,
        };
        TableLimits.Check(entity, entity);
        return entity;
    }

    /// <summary>
    /// Notes on a blob's record that it conflicts with another (two blobs naming one epoch): when the other
    /// is deleted, the sweep ingests this one again.
    /// </summary>
    public Task MarkConflictAsync(string blob, string etag, string conflict, CancellationToken cancellationToken = default) =>
        Ledger.UpsertEntityAsync(new TableEntity(Layout.BlobKey(blob), Layout.Version(etag)) { ["Blob"] = blob, ["ETag"] = etag, ["Conflict"] = conflict },
            TableUpdateMode.Merge, cancellationToken);

    /// <summary>Newest first; the whole container's history when run is null.</summary>
    public async Task<List<IngestRecord>> ListAsync(string? run, int limit, CancellationToken cancellationToken = default)
    {
        var records = new List<IngestRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {run ?? Layout.AllIngestsPartition}");
        await foreach (var e in storage.Ingests.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken))
        {
            records.Add(new IngestRecord(e.GetString("Blob") ?? "", e.GetString("ETag") ?? "", e.GetString("Outcome") ?? "", e.GetString("Reason"),
                e.GetString("Run"), e.GetInt64("Epoch"), e.GetInt32("Samples") ?? 0, e.GetInt64("Milliseconds") ?? 0, e.GetDateTimeOffset("At") ?? default));
            if (records.Count >= limit) break;
        }
        return records;
    }

    /// <summary>Reasons are for people; a 32 KB cap keeps one under the 64 KiB property limit (UTF-16).</summary>
    static string? Truncate(string? reason) => reason is { Length: > 30_000 } ? reason[..30_000] + "…" : reason;
}
