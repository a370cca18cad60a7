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

    TableClient Ledger => storage.Ledger;

    public TimeSpan LeaseLength => options.Lease;

    /// <summary>A blob version's whole record, or null when it has none yet.</summary>
    public Task<LedgerEntry?> GetAsync(string blob, string etag, CancellationToken cancellationToken = default) => ReadAsync(blob, etag, null, cancellationToken);

    /// <summary>What the sweep and a claim need to know of a blob version (not its outcome's figures), or null when it has no record yet.</summary>
    public Task<LedgerEntry?> GetStateAsync(string blob, string etag, CancellationToken cancellationToken = default) =>
        ReadAsync(blob, etag, LedgerFields.State, cancellationToken);

    async Task<LedgerEntry?> ReadAsync(string blob, string etag, IEnumerable<string>? fields, CancellationToken cancellationToken)
    {
        var response = await Ledger.GetEntityIfExistsAsync<TableEntity>(Layout.BlobKey(blob), Layout.Version(etag), fields, cancellationToken);
        return response.HasValue ? LedgerEntry.FromEntity(response.Value!, options.Lease) : null;
    }

    /// <summary>
    /// Claims the blob for this worker: the lease, or null when it is already done (a final outcome, unless
    /// <paramref name="force"/>) or another worker holds a live lease (then <c>HeldUntil</c> says until when).
    /// </summary>
    public async Task<(IngestLease? Lease, DateTimeOffset? HeldUntil)> TryClaimAsync(string blob, string etag, bool force, CancellationToken cancellationToken = default)
    {
        var now = DateTimeOffset.UtcNow;
        var existing = await GetStateAsync(blob, etag, cancellationToken);
        if (existing is { State: var state } && state.IsFinal() && !force) return (null, null);
        if (existing?.IsHeld(now) == true) return (null, existing.LeaseUntil);

        // Attempts are counted when taken, not when they end: a worker that died never ends its own. Taking over a
        // lapsed lease is how we learn it died. A forced re-ingest of a settled blob starts the count afresh.
        var fresh = existing is null || existing.State.IsFinal();
        var claim = new TableEntity(Layout.BlobKey(blob), Layout.Version(etag))
        {
            [LedgerFields.Blob] = blob, [LedgerFields.ETag] = etag, [LedgerFields.Outcome] = IngestState.Processing.Outcome(), [LedgerFields.ClaimedAt] = now,
            [LedgerFields.LeaseOwner] = Guid.NewGuid().ToString("N"), [LedgerFields.LeaseUntil] = now + options.Lease,
            [LedgerFields.Attempts] = fresh ? 1 : existing!.Attempts + 1,
            [LedgerFields.Interruptions] = fresh ? 0 : existing!.Interruptions + (existing.State == IngestState.Processing ? 1 : 0),
        };
        try
        {
            var response = existing is null
                ? await Ledger.AddEntityAsync(claim, cancellationToken)
                : await Ledger.UpdateEntityAsync(claim, existing.Version, TableUpdateMode.Merge, cancellationToken);
            var leaseETag = response.Headers.ETag ?? (await Ledger.GetEntityAsync<TableEntity>(claim.PartitionKey, claim.RowKey, [LedgerFields.Outcome], cancellationToken)).Value.ETag;
            return (new IngestLease(Ledger, claim, leaseETag, options.Lease, logger), null);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another worker claimed it between our read and our write.
            return (null, now);
        }
    }

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
                [LedgerFields.Outcome] = IngestState.Retrying.Outcome(), [LedgerFields.Reason] = "the host stopped during the ingest; it is taken up again",
                [LedgerFields.LeaseUntil] = DateTimeOffset.UtcNow,
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
    /// <param name="conflict">With <see cref="IngestState.Conflict"/>: the blob that must be deleted before this one can be ingested (the sweep watches it).</param>
    /// <remarks>A <see cref="IngestState.Waiting"/> blob waits for another to be ingested first, which brings it back: the sweep leaves it alone.</remarks>
    public async Task<bool> RecordAsync(IngestLease lease, IngestRecord record, string? conflict = null, CancellationToken cancellationToken = default)
    {
        var ledgerEntry = Entry(Layout.BlobKey(record.Blob), Layout.Version(record.ETag), record);
        // Merge skips null values, so "" clears what an earlier attempt noted.
        ledgerEntry[LedgerFields.Conflict] = conflict ?? "";
        ledgerEntry[LedgerFields.Waiting] = record.State == IngestState.Waiting;
        ledgerEntry[LedgerFields.Reason] ??= "";
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
            [LedgerFields.Blob] = record.Blob, [LedgerFields.ETag] = record.ETag, [LedgerFields.Outcome] = record.State.Outcome(),
            [LedgerFields.Reason] = Truncate(record.Reason), [LedgerFields.Run] = record.Run, [LedgerFields.Epoch] = record.Epoch,
            [LedgerFields.Samples] = record.Samples, [LedgerFields.Milliseconds] = record.Milliseconds, [LedgerFields.At] = record.At,
            [LedgerFields.Stages] = IngestStages.Describe(record.Stages),
        };
        TableLimits.Check(entity, entity);
        return entity;
    }

    /// <summary>
    /// Notes on a blob's record that it conflicts with another (two blobs naming one epoch): when the other
    /// is deleted, the sweep ingests this one again.
    /// </summary>
    public Task MarkConflictAsync(string blob, string etag, string conflict, CancellationToken cancellationToken = default) =>
        Ledger.UpsertEntityAsync(new TableEntity(Layout.BlobKey(blob), Layout.Version(etag))
            {
                [LedgerFields.Blob] = blob, [LedgerFields.ETag] = etag, [LedgerFields.Conflict] = conflict,
            },
            TableUpdateMode.Merge, cancellationToken);

    /// <summary>Newest first; the whole container's history when run is null.</summary>
    public async Task<List<IngestRecord>> ListAsync(string? run, int limit, CancellationToken cancellationToken = default)
    {
        var records = new List<IngestRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {run ?? Layout.AllIngestsPartition}");
        await foreach (var e in storage.Ingests.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken))
        {
            records.Add(new IngestRecord(e.GetString(LedgerFields.Blob) ?? "", e.GetString(LedgerFields.ETag) ?? "",
                IngestStates.FromStored(e.GetString(LedgerFields.Outcome)), e.GetString(LedgerFields.Reason),
                e.GetString(LedgerFields.Run), e.GetInt64(LedgerFields.Epoch), e.GetInt32(LedgerFields.Samples) ?? 0, e.GetInt64(LedgerFields.Milliseconds) ?? 0,
                e.GetDateTimeOffset(LedgerFields.At) ?? default, IngestStages.Parse(e.GetString(LedgerFields.Stages))));
            if (records.Count >= limit) break;
        }
        return records;
    }

    /// <summary>Reasons are for people; a 32 KB cap keeps one under the 64 KiB property limit (UTF-16).</summary>
    static string? Truncate(string? reason) => reason is { Length: > 30_000 } ? reason[..30_000] + "…" : reason;
}
