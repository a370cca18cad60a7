using System.Diagnostics;
using Azure;
using ClassVisCloud.Analytics.Contract;
using ClassVisCloud.Analytics.Dynamics;
using Microsoft.Extensions.Logging;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Ingest;

/// <summary>
/// The one code path from "a blob exists" to tables: the blob trigger, the timer sweep and the DevHost
/// watcher all call <see cref="IngestAsync"/>. It claims the blob on the ledger (a lease, renewed while
/// it works), dispatches on the blob's name, prepares the run's newest epoch (training dynamics, suspects, answers), and records the
/// outcome (with its duration and stages) for the ingests route. Every host gets the same follow-ups.
/// </summary>
public sealed class BlobIngestor(
    StorageClients storage,
    IngestLedger ledger,
    EpochIngestor epochs,
    AttentionIngestor attention,
    ManifestIngestor manifests,
    DynamicsWarmer dynamics,
    ILogger<BlobIngestor> logger,
    IngestStarting? starting = null)
{
    /// <summary>
    /// Ingests the blob as it is now. Returns null when there is nothing to do: the blob is gone, this ETag was
    /// already handled (duplicate delivery), or another worker is handling it (or took it over from us).
    /// <paramref name="force"/> re-ingests a blob whose ETag has a final outcome (a conflict resolved, new predictions under an attention file).
    /// <paramref name="waitForLease"/> waits, while another worker holds the blob, until it settles or its lease
    /// lapses (up to two lease lengths): a redelivered event may come from a worker that died.
    /// </summary>
    public async Task<IngestRecord?> IngestAsync(string blobName, bool force = false, bool waitForLease = false, CancellationToken cancellationToken = default)
    {
        BlobSnapshot blob;
        try
        {
            var properties = await storage.Container.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken);
            blob = new BlobSnapshot(BlobPath.Parse(blobName), properties.Value.ETag.ToString(), properties.Value.LastModified, properties.Value.ContentLength);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            logger.LogInformation("Blob {Blob} no longer exists; nothing to ingest", blobName);
            return null;
        }

        await using var lease = await ClaimAsync(blob, force, waitForLease, cancellationToken);
        if (lease is null) return null;

        var stopwatch = Stopwatch.StartNew();
        IngestResult result;
        using (var work = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost))
        {
            try
            {
                result = lease.Interruptions >= IngestLedger.MaxInterruptions
                    ? await RejectAsync(blob, $"the ingest was interrupted {lease.Interruptions} times: the process ended while ingesting this file "
                        + "(out of memory, a crash or a kill); it is not tried again until the file is uploaded again", work.Token)
                    : await DispatchAsync(blob, lease.Attempts, work.Token);
                MemoryRelief.AroundIngestOf(blob.Size);
                // After the pointer flip (the epoch is already served): what the dashboard asks for next, at the run's newest
                // epoch. A rejected file too may be the last of a bulk upload to settle, which the preparation waits for.
                if (blob.Path.Kind == BlobKind.Predictions && result.State is IngestState.Ingested or IngestState.Rejected)
                {
                    var prepare = () => dynamics.AfterIngestAsync(blob.Path.Run!, work.Token);
                    await (result.Stages is { } stages ? stages.MeasureAsync(IngestStages.Dynamics, prepare) : prepare());
                }
            }
            catch (OperationCanceledException) when (lease.Lost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("The lease on {Blob} was lost during its ingest, which stopped before its pointer flip; the worker that took it over finishes it", blobName);
                return null;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await ledger.ReleaseAsync(lease);
                throw;
            }
        }
        var record = new IngestRecord(blobName, blob.ETag, result.State, result.Reason, blob.Path.Run, blob.Path.Epoch,
            result.Samples, stopwatch.ElapsedMilliseconds, DateTimeOffset.UtcNow, result.Stages?.All ?? []);
        if (!await ledger.RecordAsync(lease, record, result.Conflict, cancellationToken))
        {
            logger.LogWarning("Another worker took over {Blob} before its outcome was recorded; it records its own", blobName);
            return null;
        }
        Log(record);
        if (result.Conflict is { } other) await MarkOtherConflictAsync(other, blobName, cancellationToken);

        if (blob.Path.Kind == BlobKind.Predictions && result.State == IngestState.Ingested)
            await IngestAttentionOfAsync(blob.Path, cancellationToken);
        return record;
    }

    /// <summary>How often a waiting delivery looks again whether the worker holding its blob has finished.</summary>
    static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    async Task<IngestLease?> ClaimAsync(BlobSnapshot blob, bool force, bool waitForLease, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + 2 * ledger.LeaseLength;
        while (true)
        {
            var (lease, heldUntil) = await ledger.TryClaimAsync(blob.Path.Name, blob.ETag, force, cancellationToken);
            if (lease is not null || heldUntil is not { } until || !waitForLease) return lease;
            var now = DateTimeOffset.UtcNow;
            if (now >= deadline)
            {
                logger.LogInformation("{Blob} is still being ingested by another worker, which records its outcome", blob.Path.Name);
                return null;
            }
            var pause = until - now;
            await Task.Delay(pause > PollInterval ? PollInterval : pause > TimeSpan.FromMilliseconds(100) ? pause : TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    async Task<IngestResult> DispatchAsync(BlobSnapshot blob, int attempts, CancellationToken cancellationToken)
    {
        try
        {
            starting?.Invoke(blob);
            return blob.Path.Kind switch
            {
                BlobKind.Other => IngestResult.Ignored($"ignored: {blob.Path.Reason}"),
                BlobKind.InvalidRun => IngestResult.Rejected($"invalid run name in '{blob.Path.Name}': {blob.Path.Reason}"),
                BlobKind.Manifest => await manifests.IngestAsync(blob, cancellationToken),
                BlobKind.Predictions => await epochs.IngestAsync(blob, cancellationToken),
                BlobKind.Attention => await attention.IngestAsync(blob, cancellationToken),
                _ => throw new InvalidOperationException($"Unknown blob kind {blob.Path.Kind}"),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Storage throttling, a network fault, a bug: retried by the sweep, but not forever.
            if (attempts >= IngestLedger.MaxAttempts)
                return await RejectAsync(blob, $"gave up after {attempts} attempts; last error: {ex.GetType().Name}: {ex.Message}", cancellationToken);
            logger.LogWarning(ex, "Ingest of {Blob} failed (attempt {Attempt}); it will be retried", blob.Path.Name, attempts);
            return IngestResult.Retrying($"attempt {attempts} failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Rejects a blob that is not ingested at all, showing the reason where its file is shown (epoch, attention, manifest).</summary>
    async Task<IngestResult> RejectAsync(BlobSnapshot blob, string reason, CancellationToken cancellationToken)
    {
        try
        {
            return blob.Path.Kind switch
            {
                BlobKind.Predictions => await epochs.RejectAsync(blob, reason, cancellationToken),
                BlobKind.Attention => await attention.RejectAsync(blob, reason, cancellationToken),
                BlobKind.Manifest => await manifests.RejectAsync(blob, reason, cancellationToken),
                _ => IngestResult.Rejected(reason),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The rejection of {Blob} could not be shown on its run", blob.Path.Name);
            return IngestResult.Rejected(reason);
        }
    }

    /// <summary>The blob we clash with was perhaps ingested before us: once we are deleted, it must be ingested again.</summary>
    async Task MarkOtherConflictAsync(string other, string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await storage.Container.GetBlobClient(other).GetPropertiesAsync(cancellationToken: cancellationToken);
            await ledger.MarkConflictAsync(other, properties.Value.ETag.ToString(), blobName, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404) { }
    }

    /// <summary>New predictions re-validate the epoch's attention file, if one was uploaded.</summary>
    async Task IngestAttentionOfAsync(BlobPath predictions, CancellationToken cancellationToken)
    {
        var row = await storage.Epochs.GetAsync(predictions.Run!, predictions.Epoch!.Value, cancellationToken);
        if (row?.AttentionBlob is { } attentionBlob) await IngestAsync(attentionBlob, force: true, waitForLease: true, cancellationToken);
    }

    void Log(IngestRecord record)
    {
        if (record.State == IngestState.Ingested)
            logger.LogInformation("Ingested {Blob}: run {Run}, epoch {Epoch}, {Samples} samples in {Milliseconds} ms ({Stages})",
                record.Blob, record.Run, record.Epoch, record.Samples, record.Milliseconds, IngestStages.Describe(record.Stages));
        else
            logger.LogWarning("Blob {Blob} {Outcome}: {Reason}", record.Blob, record.Outcome, record.Reason);
    }
}

/// <summary>
/// Called when an ingest starts reading a blob it has claimed. A test seam: the DevHost's fault tests use it
/// to end the process there, as a file that brings the reader down would.
/// </summary>
public delegate void IngestStarting(BlobSnapshot blob);
