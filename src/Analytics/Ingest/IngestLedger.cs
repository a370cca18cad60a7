using Azure;
using Azure.Data.Tables;
using ClassVisCloud.Analytics.Storage;
using Microsoft.Extensions.Logging;

namespace ClassVisCloud.Analytics.Ingest;

/// <summary>
/// The truth about blobs: one record per blob name + ETag. The blob trigger, the timer sweep and the
/// DevHost watcher all claim a blob here first, so a duplicate delivery costs one cheap read. A claim is a
/// short lease (<see cref="IngestLease"/>) renewed while the ingest goes on: a worker that died is taken
/// over as soon as its lease lapses, and its attempt is counted then, so a file that brings the process
/// down again and again is rejected after <see cref="MaxInterruptions"/> tries instead of forever.
/// </summary>
public sealed class IngestLedger(StorageClients storage, IngestOptions options, ILogger<IngestLedger> logger)
{
    /// <summary>Attempts after which a blob that keeps failing for transient reasons is reported as rejected.</summary>
    public const int MaxAttempts = 8;

    /// <summary>Ingests that ended with the process (out of memory, a native fault) after which the blob is rejected.</summary>
    public const int MaxInterruptions = 3;

    internal const string LeaseOwner = "LeaseOwner";
    internal const string LeaseUntil = "LeaseUntil";

    TableClient Ledger => storage.Ledger;

    public TimeSpan LeaseLength => options.Lease;

    public async Task<TableEntity?> GetAsync(string blob, string etag, CancellationToken cancellationToken = default)
    {
        var response = await Ledger.GetEntityIfExistsAsync<TableEntity>(Layout.BlobKey(blob), Layout.Version(etag), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>What the sweep needs to know of a blob version, or null when it has no record yet.</summary>
    public async Task<LedgerState?> GetStateAsync(string blob, string etag, CancellationToken cancellationToken = default)
    {
        var response = await Ledger.GetEntityIfExistsAsync<TableEntity>(Layout.BlobKey(blob), Layout.Version(etag),
            ["Outcome", LeaseUntil, "ClaimedAt", "Conflict", "Waiting"], cancellationToken);
        if (!response.HasValue) return null;
        var e = response.Value!;
        return new LedgerState(e.GetString("Outcome"), HeldUntil(e), e.GetString("Conflict"), e.GetBoolean("Waiting") ?? false);
    }

    /// <summary>
    /// Claims the blob for this worker: the lease, or null when it is already done (a final outcome, unless
    /// <paramref name="force"/>) or another worker holds a live lease (then <c>HeldUntil</c> says until when).
    /// </summary>
    public async Task<(IngestLease? Lease, DateTimeOffset? HeldUntil)> TryClaimAsync(string blob, string etag, bool force, CancellationToken cancellationToken = default)
    {
        var now = DateTimeOffset.UtcNow;
        var existing = await GetAsync(blob, etag, cancellationToken);
        var outcome = existing?.GetString("Outcome");
        if (IngestOutcome.IsFinal(outcome) && !force) return (null, null);
        if (outcome == IngestOutcome.Processing && HeldUntil(existing!) is { } until && until > now) return (null, until);

        // Attempts are counted when taken, not when they end: a worker that died never ends its own. Taking over a
        // lapsed lease is how we learn it died. A forced re-ingest of a settled blob starts the count afresh.
        var fresh = existing is null || IngestOutcome.IsFinal(outcome);
        var claim = new TableEntity(Layout.BlobKey(blob), Layout.Version(etag))
        {
            ["Blob"] = blob, ["ETag"] = etag, ["Outcome"] = IngestOutcome.Processing, ["ClaimedAt"] = now,
            [LeaseOwner] = Guid.NewGuid().ToString("N"), [LeaseUntil] = now + options.Lease,
            ["Attempts"] = fresh ? 1 : (existing!.GetInt32("Attempts") ?? 0) + 1,
            ["Interruptions"] = fresh ? 0 : (existing!.GetInt32("Interruptions") ?? 0) + (outcome == IngestOutcome.Processing ? 1 : 0),
        };
        try
        {
            var response = existing is null
                ? await Ledger.AddEntityAsync(claim, cancellationToken)
                : await Ledger.UpdateEntityAsync(claim, existing.ETag, TableUpdateMode.Merge, cancellationToken);
            var leaseETag = response.Headers.ETag ?? (await Ledger.GetEntityAsync<TableEntity>(claim.PartitionKey, claim.RowKey, ["Outcome"], cancellationToken)).Value.ETag;
            return (new IngestLease(Ledger, claim, leaseETag, options.Lease, logger), null);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another worker claimed it between our read and our write.
            return (null, now);
        }
    }

    /// <summary>When a record's lease ends; records written before leases existed hold one lease from their claim.</summary>
    DateTimeOffset? HeldUntil(TableEntity entity) =>
        entity.GetDateTimeOffset(LeaseUntil) ?? entity.GetDateTimeOffset("ClaimedAt") + options.Lease;

    /// <summary>
    /// Gives a claim back without an outcome, when the host stops: the next worker takes it at once, and
    /// it does not count as an interruption.
    /// </summary>
    public async Task ReleaseAsync(IngestLease lease)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await lease.SettleAsync(new TableEntity(lease.PartitionKey, lease.RowKey)
            {
                ["Outcome"] = IngestOutcome.Retrying, ["Reason"] = "the host stopped during the ingest; it is taken up again", [LeaseUntil] = DateTimeOffset.UtcNow,
            }, timeout.Token);
        }
        catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException)
        {
            logger.LogWarning("The lease on {Blob} was not given back ({Message}); it lapses by itself", lease.Blob, ex.Message);
        }
    }

    /// <summary>
    /// Records the outcome on the ledger, if the lease still holds, and then appends it to the history, per run
    /// and overall. False when another worker took the blob over meanwhile: its own outcome will be recorded.
    /// </summary>
    /// <param name="conflict">Another blob that must be deleted before this one can be ingested (the sweep watches it).</param>
    /// <param name="waiting">The blob waits for another to be ingested first, which brings it back: the sweep leaves it alone.</param>
    public async Task<bool> RecordAsync(IngestLease lease, IngestRecord record, string? conflict = null, bool waiting = false, CancellationToken cancellationToken = default)
    {
        var ledgerEntry = Entry(Layout.BlobKey(record.Blob), Layout.Version(record.ETag), record);
        // Merge skips null values, so "" clears what an earlier attempt noted.
        ledgerEntry["Conflict"] = conflict ?? "";
        ledgerEntry["Waiting"] = waiting;
        ledgerEntry["Reason"] ??= "";
        if (!await lease.SettleAsync(ledgerEntry, cancellationToken)) return false;
        var rowKey = $"{DateTimeOffset.MaxValue.UtcTicks - record.At.UtcTicks:D19}-{Guid.NewGuid():N}";
        var partitions = record.Run is null ? [Layout.AllIngestsPartition] : new[] { Layout.AllIngestsPartition, record.Run };
        foreach (var partition in partitions)
            await storage.Ingests.AddEntityAsync(Entry(partition, rowKey, record), cancellationToken);
        return true;
    }

    /// <summary>The record's fields as an entity, checked against the real service's limits.</summary>
    static TableEntity Entry(string partitionKey, string rowKey, IngestRecord record)
    {
        var entity = new TableEntity(partitionKey, rowKey)
        {
            ["Blob"] = record.Blob, ["ETag"] = record.ETag, ["Outcome"] = record.Outcome, ["Reason"] = Truncate(record.Reason),
            ["Run"] = record.Run, ["Epoch"] = record.Epoch, ["Samples"] = record.Samples, ["Milliseconds"] = record.Milliseconds, ["At"] = record.At,
            ["Stages"] = IngestStages.Describe(record.Stages),
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
                e.GetString("Run"), e.GetInt64("Epoch"), e.GetInt32("Samples") ?? 0, e.GetInt64("Milliseconds") ?? 0, e.GetDateTimeOffset("At") ?? default,
                IngestStages.Parse(e.GetString("Stages"))));
            if (records.Count >= limit) break;
        }
        return records;
    }

    /// <summary>Reasons are for people; a 32 KB cap keeps one under the 64 KiB property limit (UTF-16).</summary>
    static string? Truncate(string? reason) => reason is { Length: > 30_000 } ? reason[..30_000] + "…" : reason;
}

/// <summary>A blob version's ledger record as the sweep sees it.</summary>
public sealed record LedgerState(string? Outcome, DateTimeOffset? LeaseUntil, string? Conflict, bool Waiting)
{
    /// <summary>A worker holds a lease on it that has not lapsed.</summary>
    public bool IsHeld(DateTimeOffset now) => Outcome == IngestOutcome.Processing && LeaseUntil > now;
}
