using ClassVisCloud.Analytics.Contract;
using ClassVisCloud.Analytics.Storage;
using Microsoft.Extensions.Logging;

namespace ClassVisCloud.Analytics.Ingest;

/// <summary>
/// Ingests one predictions file: validate the whole file first, write a new version of the epoch,
/// then flip the epoch row to it in one update (atomic for readers), then drop the old version.
/// </summary>
public sealed class EpochIngestor(StorageClients storage, ImmutableCache cache, ILogger<EpochIngestor> logger, ReservingRoom? answers = null)
{
    readonly EpochRows epochs = storage.Epochs;

    public async Task<IngestResult> IngestAsync(BlobSnapshot blob, CancellationToken cancellationToken)
    {
        var (run, epoch) = (blob.Path.Run!, blob.Path.Epoch!.Value);
        // The decoded epoch takes about twice the file (a 259 MB file of 1,000,000 × 70 holds a 280 MB matrix, ids and
        // columns): the caches make that room first, so caches and ingest fit one budget. Without the answers' share, a
        // third 1,000,000 × 70 ingest in a row peaked at 1,095 MiB (the answers prepared after the first two were still held).
        using var room = cache.Reserve(2 * blob.Size);
        using var answersRoom = answers?.Invoke(2 * blob.Size);
        MemoryRelief.AroundIngestOf(blob.Size);
        var stages = new IngestStages();
        // The download goes out with the look-ups the read needs and the check that may stop it: none depends on
        // another, and each is a round trip to storage that would otherwise come before the download's first byte.
        var ensured = epochs.EnsureExistsAsync(run, epoch, cancellationToken);
        var duplicateCheck = DuplicateEpochs.FindAsync(storage.Container, blob.Path, cancellationToken);
        var contextLoad = RunContextLoader.LoadAsync(storage, run, epoch, cancellationToken);
        // The version (SHA-256) is hashed as the bytes arrive: "download" includes it.
        var downloading = stages.MeasureAsync(IngestStages.Download, () => BlobContent.OpenAsync(storage.Container, blob, cancellationToken));
        await using var download = await AllOrNothingAsync(downloading, ensured, duplicateCheck, contextLoad);
        if (await duplicateCheck is { } duplicate)
        {
            await MarkFailedAsync(blob, duplicate.Reason, cancellationToken);
            return IngestResult.Rejected(duplicate.Reason, duplicate.Other);
        }
        if (download is null) return IngestResult.Superseded;

        var staging = new MatrixStaging(storage.Matrices, run, epoch, download.Version);
        var ids = new IdsStaging(storage, run, cancellationToken);
        try
        {
            return await ReadAndWriteAsync(blob, download, await contextLoad, staging, ids, stages, cancellationToken);
        }
        catch
        {
            await Task.WhenAll(staging.AbandonAsync(), ids.AbandonAsync());
            throw;
        }
    }

    /// <summary>The download once every task started beside it has ended; if one failed, the download is closed and its error thrown.</summary>
    static async Task<BlobDownload?> AllOrNothingAsync(Task<BlobDownload?> download, params Task[] others)
    {
        try
        {
            await Task.WhenAll([download, .. others]);
            return await download;
        }
        catch
        {
            if (download.IsCompletedSuccessfully && download.Result is { } content) await content.DisposeAsync();
            throw;
        }
    }

    /// <summary>Validates the whole file (its large matrices staged meanwhile), writes the version, flips the pointer.</summary>
    async Task<IngestResult> ReadAndWriteAsync(BlobSnapshot blob, BlobDownload download, ReadContext runContext, MatrixStaging staging,
        IdsStaging ids, IngestStages stages, CancellationToken cancellationToken)
    {
        var (run, epoch, version) = (blob.Path.Run!, blob.Path.Epoch!.Value, download.Version);
        EpochPredictions predictions;
        var context = runContext with { Watch = staging.Watch, IdsRead = ids.IdsRead };
        try
        {
            predictions = await stages.MeasureAsync(IngestStages.Read, () => PredictionsReader.ReadAsync(download.Content, context, cancellationToken));
            if (predictions.ClassCount > ushort.MaxValue)
                throw new ContractViolationException($"scores: {predictions.ClassCount} classes; at most {ushort.MaxValue} are supported");
        }
        catch (ContractViolationException ex)
        {
            await Task.WhenAll(staging.AbandonAsync(), ids.AbandonAsync());
            await MarkFailedAsync(blob, ex.Message, cancellationToken);
            return IngestResult.Rejected(ex.Message) with { Stages = stages };
        }

        if (predictions.ScoreKind == ScoreKind.Logits) await staging.RestageAsync();
        var summaries = await EpochWriter.WriteAsync(storage, run, epoch, version, predictions, stages, staging, ids, cancellationToken);
        if (!await BlobContent.IsCurrentAsync(storage.Container, blob, cancellationToken))
        {
            // The blob was replaced while we wrote: the newer upload's own ingest wins; ours is garbage.
            await EpochWriter.DeleteAsync(storage, new EpochRecord { Run = run, Epoch = epoch, Version = version, Splits = summaries }, cancellationToken);
            return IngestResult.Ignored("the blob was replaced during the ingest; its newer version is ingested on its own");
        }

        var now = DateTimeOffset.UtcNow;
        EpochRecord? previous = null;
        var (_, written) = await stages.MeasureAsync(IngestStages.Flip, () => epochs.UpdateAsync(run, epoch, current =>
        {
            if (IsNewerSource(current, blob)) return null;
            previous = current;
            return current with
            {
                Status = EpochStatus.Ok, Error = null, Blob = blob.Path.Name, BlobETag = blob.ETag, BlobModified = blob.LastModified,
                Version = version, ClassCount = predictions.ClassCount, ScoreKind = predictions.ScoreKind.ToString().ToLowerInvariant(),
                IntegerIds = predictions.IntegerIds, ClassNames = OwnClassNames(predictions, context), Splits = summaries, IngestedAt = now,
            };
        }, cancellationToken));
        if (!written) return IngestResult.Ignored("a newer upload of this epoch was ingested first");
        if (previous?.Version is { } old && old != version) await EpochWriter.DeleteAsync(storage, previous, cancellationToken);
        await storage.Runs.TouchAsync(run, now, cancellationToken);
        logger.LogInformation("Epoch {Run}/{Epoch} is version {Version} with {Samples} samples", run, epoch, version, predictions.RowCount);
        return IngestResult.Ingested(predictions.RowCount) with { Stages = stages };
    }

    /// <summary>Rejects the file without reading it (it brought the process down, or kept failing): the epoch shows why.</summary>
    public async Task<IngestResult> RejectAsync(BlobSnapshot blob, string reason, CancellationToken cancellationToken)
    {
        await MarkFailedAsync(blob, reason, cancellationToken);
        return IngestResult.Rejected(reason);
    }

    /// <summary>Fails the epoch with a reason, unless a newer upload of it has been ingested meanwhile.</summary>
    async Task MarkFailedAsync(BlobSnapshot blob, string reason, CancellationToken cancellationToken)
    {
        var run = blob.Path.Run!;
        EpochRecord? previous = null;
        var (_, written) = await epochs.UpdateAsync(run, blob.Path.Epoch!.Value, current =>
        {
            if (IsNewerSource(current, blob)) return null;
            previous = current;
            // The current file is the truth: a broken replacement fails the epoch, and the old results go.
            return current with
            {
                Status = EpochStatus.Failed, Error = reason, Blob = blob.Path.Name, BlobETag = blob.ETag, BlobModified = blob.LastModified,
                Version = null, Splits = [], IngestedAt = DateTimeOffset.UtcNow,
            };
        }, cancellationToken);
        if (written && previous?.Version is not null) await EpochWriter.DeleteAsync(storage, previous, cancellationToken);
        await storage.Runs.TouchAsync(run, DateTimeOffset.UtcNow, cancellationToken);
    }

    /// <summary>
    /// The names the file itself implies (wide columns, string labels), not the manifest's echoed back:
    /// the manifest is applied when read, so an epoch's row must not depend on whether it came first.
    /// </summary>
    static IReadOnlyList<string>? OwnClassNames(EpochPredictions predictions, ReadContext context) =>
        predictions.ClassNames is { } names && context.Manifest?.Classes is { } manifest && names.SequenceEqual(manifest) ? null : predictions.ClassNames;

    /// <summary>True when the row already holds a later upload of the same blob (events arrive out of order).</summary>
    static bool IsNewerSource(EpochRecord current, BlobSnapshot blob) =>
        current.Blob == blob.Path.Name && current.BlobModified is { } modified && modified > blob.LastModified;
}
