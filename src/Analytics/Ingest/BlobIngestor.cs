using System.Diagnostics;
using Azure;
using ClassVisCloud.Analytics.Contract;
using Microsoft.Extensions.Logging;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Ingest;

/// <summary>
/// The one code path from "a blob exists" to tables: the blob trigger, the timer sweep and the DevHost
/// watcher all call <see cref="IngestAsync"/>. It claims the blob on the ledger, dispatches on the
/// blob's name, and records the outcome (with its duration) for the ingests route.
/// </summary>
public sealed class BlobIngestor(
    StorageClients storage,
    IngestLedger ledger,
    EpochIngestor epochs,
    AttentionIngestor attention,
    ManifestIngestor manifests,
    ILogger<BlobIngestor> logger)
{
    /// <summary>
    /// Ingests the blob as it is now. Returns null when there is nothing to do: the blob is gone, or this
    /// ETag was already handled (duplicate delivery) or is being handled by another worker.
    /// <paramref name="force"/> re-ingests a blob whose ETag has a final outcome (a conflict resolved, new predictions under an attention file).
    /// </summary>
    public async Task<IngestRecord?> IngestAsync(string blobName, bool force = false, CancellationToken cancellationToken = default)
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

        var (claimed, attempts) = await ledger.TryClaimAsync(blobName, blob.ETag, force, cancellationToken);
        if (!claimed) return null;

        var stopwatch = Stopwatch.StartNew();
        var result = await DispatchAsync(blob, attempts, cancellationToken);
        var record = new IngestRecord(blobName, blob.ETag, result.Outcome, result.Reason, blob.Path.Run, blob.Path.Epoch,
            result.Samples, stopwatch.ElapsedMilliseconds, DateTimeOffset.UtcNow);
        await ledger.RecordAsync(record, result.Conflict, result.Waiting, cancellationToken);
        Log(record);
        if (result.Conflict is { } other) await MarkOtherConflictAsync(other, blobName, cancellationToken);

        if (blob.Path.Kind == BlobKind.Predictions && result.Outcome == IngestOutcome.Ingested)
            await IngestAttentionOfAsync(blob.Path, cancellationToken);
        return record;
    }

    async Task<IngestResult> DispatchAsync(BlobSnapshot blob, int attempts, CancellationToken cancellationToken)
    {
        try
        {
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
            if (attempts + 1 >= IngestLedger.MaxAttempts)
                return IngestResult.Rejected($"gave up after {attempts + 1} attempts; last error: {ex.GetType().Name}: {ex.Message}");
            logger.LogWarning(ex, "Ingest of {Blob} failed (attempt {Attempt}); it will be retried", blob.Path.Name, attempts + 1);
            return new IngestResult(IngestOutcome.Retrying, $"attempt {attempts + 1} failed: {ex.GetType().Name}: {ex.Message}");
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
        var row = await new EpochRows(storage.Epochs).GetAsync(predictions.Run!, predictions.Epoch!.Value, cancellationToken);
        if (row?.AttentionBlob is { } attentionBlob) await IngestAsync(attentionBlob, force: true, cancellationToken);
    }

    void Log(IngestRecord record)
    {
        if (record.Outcome == IngestOutcome.Ingested)
            logger.LogInformation("Ingested {Blob}: run {Run}, epoch {Epoch}, {Samples} samples in {Milliseconds} ms",
                record.Blob, record.Run, record.Epoch, record.Samples, record.Milliseconds);
        else
            logger.LogWarning("Blob {Blob} {Outcome}: {Reason}", record.Blob, record.Outcome, record.Reason);
    }
}
