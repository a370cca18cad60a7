using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace ClassVisCloud.Analytics.Ingest;

/// <summary>
/// One worker's hold on one blob version: its ledger entity says "processing, owned by <c>LeaseOwner</c>
/// until <c>LeaseUntil</c>". A background loop renews it every third of its length with an ETag-conditional
/// update, so a long ingest keeps it while a dead worker's lapses and is taken over. <see cref="Lost"/> is
/// cancelled when another worker took the blob over, or when no renewal succeeded before the lease would
/// end (storage unreachable, a long pause): the ingest stops there, before its pointer flip.
/// </summary>
public sealed class IngestLease : IAsyncDisposable
{
    readonly TableClient ledger;
    readonly string partitionKey;
    readonly string rowKey;
    readonly string owner;
    readonly TimeSpan length;
    readonly ILogger logger;
    readonly CancellationTokenSource lost = new();
    readonly CancellationTokenSource stop = new();
    readonly Task renewals;
    ETag etag;

    internal IngestLease(TableClient ledger, TableEntity claim, ETag etag, TimeSpan length, ILogger logger)
    {
        this.ledger = ledger;
        partitionKey = claim.PartitionKey;
        rowKey = claim.RowKey;
        owner = claim.GetString(LedgerFields.LeaseOwner)!;
        Blob = claim.GetString(LedgerFields.Blob)!;
        Attempts = claim.GetInt32(LedgerFields.Attempts) ?? 1;
        Interruptions = claim.GetInt32(LedgerFields.Interruptions) ?? 0;
        this.etag = etag;
        this.length = length;
        this.logger = logger;
        Arm(claim.GetDateTimeOffset(LedgerFields.LeaseUntil)!.Value);
        renewals = RenewAsync();
    }

    public string Blob { get; }

    /// <summary>The ledger entity's keys.</summary>
    internal string PartitionKey => partitionKey;
    internal string RowKey => rowKey;

    /// <summary>Claims of this blob version so far, this one included.</summary>
    public int Attempts { get; }

    /// <summary>Earlier claims that ended with no outcome: the worker died holding the lease.</summary>
    public int Interruptions { get; }

    /// <summary>Cancelled when the lease is lost: the work must stop before it changes what readers see.</summary>
    public CancellationToken Lost => lost.Token;

    /// <summary>Stops renewing and merges the fields (an outcome) into the entity, if the blob is still ours.</summary>
    internal async Task<bool> SettleAsync(TableEntity fields, CancellationToken cancellationToken)
    {
        await StopRenewingAsync();
        return await WriteAsync(fields, cancellationToken);
    }

    async Task RenewAsync()
    {
        using var timer = new PeriodicTimer(length / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                try
                {
                    var until = DateTimeOffset.UtcNow + length;
                    if (await WriteAsync(new TableEntity(partitionKey, rowKey) { [LedgerFields.LeaseUntil] = until }, stop.Token))
                    {
                        Arm(until);
                        continue;
                    }
                    logger.LogWarning("Another worker took over {Blob}; this ingest stops before its pointer flip", Blob);
                    await lost.CancelAsync();
                    return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A storage hiccup: the next tick tries again, and if none succeeds in time the lease ends by itself.
                    logger.LogWarning("Renewing the lease on {Blob} failed ({Message}); retrying", Blob, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
    }

    /// <summary>Lost fires a sixth of the lease before it ends unless a renewal pushes it on: others may take over only after.</summary>
    void Arm(DateTimeOffset until)
    {
        var left = until - DateTimeOffset.UtcNow - length / 6;
        lost.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
    }

    /// <summary>Merges fields into the entity while it is still ours; false once another worker owns it.</summary>
    async Task<bool> WriteAsync(TableEntity fields, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var response = await ledger.UpdateEntityAsync(fields, etag, TableUpdateMode.Merge, cancellationToken);
                etag = response.Headers.ETag ?? throw new InvalidOperationException($"The ledger answered an update of {Blob} without an ETag.");
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Someone else wrote the entity: a takeover, or only a note of a conflict (which keeps us the owner).
                var current = await ledger.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, LedgerFields.State, cancellationToken);
                if (!current.HasValue || LedgerEntry.FromEntity(current.Value!, length) is not { State: IngestState.Processing } entry || entry.LeaseOwner != owner) return false;
                etag = entry.Version;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return false;
            }
        }
    }

    async Task StopRenewingAsync()
    {
        if (!stop.IsCancellationRequested) await stop.CancelAsync();
        await renewals;
    }

    public async ValueTask DisposeAsync()
    {
        await StopRenewingAsync();
        stop.Dispose();
        lost.Dispose();
    }
}
