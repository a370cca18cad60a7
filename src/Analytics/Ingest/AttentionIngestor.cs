using ClassVisCloud.Analytics.Compute;
using ClassVisCloud.Analytics.Contract;
using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.Analytics.Storage;
using Microsoft.Extensions.Logging;

namespace ClassVisCloud.Analytics.Ingest;

/// <summary>
/// Ingests one attention file. It needs its epoch's predictions (every sample_id must be one of them), so
/// before they are in it waits, and every predictions ingest of the epoch brings it back.
/// A bad attention file fails the attention only: the predictions stay untouched.
/// </summary>
public sealed class AttentionIngestor(StorageClients storage, SampleSets sampleSets, ILogger<AttentionIngestor> logger)
{
    readonly EpochRows epochs = storage.Epochs;

    public async Task<IngestResult> IngestAsync(BlobSnapshot blob, CancellationToken cancellationToken)
    {
        var run = blob.Path.Run!;
        var epoch = blob.Path.Epoch!.Value;
        await epochs.EnsureExistsAsync(run, epoch, cancellationToken);
        if (await DuplicateEpochs.FindAsync(storage.Container, blob.Path, cancellationToken) is { } duplicate)
        {
            await SetStatusAsync(blob, EpochStatus.Failed, duplicate.Reason, null, cancellationToken);
            return IngestResult.Rejected(duplicate.Reason, duplicate.Other);
        }

        var row = await epochs.GetAsync(run, epoch, cancellationToken);
        if (row is not { IsOk: true })
        {
            await SetStatusAsync(blob, EpochStatus.Pending, null, null, cancellationToken);
            return IngestResult.WaitingFor($"waiting for the predictions of epoch {epoch} (epoch-{epoch}.parquet) to be ingested");
        }

        await using var download = await BlobContent.OpenAsync(storage.Container, blob, cancellationToken);
        if (download is null) return IngestResult.Superseded;
        var (content, version) = (download.Content, download.Version);
        AttentionDocuments documents;
        try
        {
            var file = await AttentionReader.ReadAsync(content, cancellationToken);
            await CheckSampleIdsAsync(row, file, cancellationToken);
            documents = AttentionDocuments.From(file);
        }
        catch (ContractViolationException ex)
        {
            await SetStatusAsync(blob, EpochStatus.Failed, ex.Message, null, cancellationToken);
            return IngestResult.Rejected(ex.Message);
        }

        await storage.Data.WriteAsync(Layout.AttentionPartition(run, epoch, version), new Dictionary<string, byte[]>
        {
            [Columns.AttentionIds] = ColumnCodec.EncodeStrings(documents.SampleIds),
            [Columns.AttentionDocOffsets] = System.Runtime.InteropServices.MemoryMarshal.AsBytes(documents.DocumentOffsets.AsSpan()).ToArray(),
            [Columns.AttentionDocs] = documents.Documents,
            [Columns.KeywordVocabulary] = ColumnCodec.EncodeStrings(documents.Vocabulary),
            [Columns.KeywordOffsets] = System.Runtime.InteropServices.MemoryMarshal.AsBytes(documents.KeywordOffsets.AsSpan()).ToArray(),
            [Columns.KeywordPairs] = EncodePairs(documents),
        }, cancellationToken);
        if (!await SetStatusAsync(blob, EpochStatus.Ok, null, version, cancellationToken))
        {
            await storage.Data.DeletePartitionAsync(Layout.AttentionPartition(run, epoch, version), cancellationToken);
            return IngestResult.Ignored("a newer upload of this attention file was ingested first");
        }
        logger.LogInformation("Attention of {Run}/{Epoch} is version {Version} with {Documents} documents", run, epoch, version, documents.SampleIds.Length);
        return IngestResult.Ingested(documents.SampleIds.Length);
    }

    /// <summary>Rejects the file without reading it (it brought the process down, or kept failing): the epoch's attention shows why.</summary>
    public async Task<IngestResult> RejectAsync(BlobSnapshot blob, string reason, CancellationToken cancellationToken)
    {
        await epochs.EnsureExistsAsync(blob.Path.Run!, blob.Path.Epoch!.Value, cancellationToken);
        await SetStatusAsync(blob, EpochStatus.Failed, reason, null, cancellationToken);
        return IngestResult.Rejected(reason);
    }

    static byte[] EncodePairs(AttentionDocuments documents)
    {
        var bytes = new byte[documents.KeywordTokens.Length * 8];
        for (var i = 0; i < documents.KeywordTokens.Length; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 8), documents.KeywordTokens[i]);
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 8 + 4), documents.KeywordWeights[i]);
        }
        return bytes;
    }

    /// <summary>Every sample_id must be a sample of the same epoch's predictions, in any split.</summary>
    async Task CheckSampleIdsAsync(EpochRecord row, AttentionFile file, CancellationToken cancellationToken)
    {
        var sets = await Task.WhenAll(row.Splits.Select(s => sampleSets.GetAsync(row.Run, s.SetHash, cancellationToken)));
        for (var i = 0; i < file.Count; i++)
        {
            var id = file.SampleIds[i];
            if (!sets.Any(set => SampleSets.IndexOf(set, id) >= 0))
                throw new ContractViolationException($"sample_id: '{id}' at row {i} is not a sample of epoch {row.Epoch}'s predictions");
        }
    }

    /// <summary>Sets the epoch's attention state, unless a newer upload of the attention file got there first.</summary>
    async Task<bool> SetStatusAsync(BlobSnapshot blob, string status, string? error, string? version, CancellationToken cancellationToken)
    {
        string? previousVersion = null;
        var (_, written) = await epochs.UpdateAsync(blob.Path.Run!, blob.Path.Epoch!.Value, current =>
        {
            if (current.AttentionBlob == blob.Path.Name && current.AttentionETag != blob.ETag && status == EpochStatus.Pending && current.AttentionStatus == EpochStatus.Ok)
                return null; // an older event of a file whose newer upload is already in
            previousVersion = current.AttentionVersion;
            return current with
            {
                AttentionStatus = status, AttentionError = error, AttentionBlob = blob.Path.Name, AttentionETag = blob.ETag,
                AttentionVersion = status == EpochStatus.Ok ? version : status == EpochStatus.Failed ? null : current.AttentionVersion,
            };
        }, cancellationToken);
        if (written && previousVersion is not null && previousVersion != version && status != EpochStatus.Pending)
            await storage.Data.DeletePartitionAsync(Layout.AttentionPartition(blob.Path.Run!, blob.Path.Epoch!.Value, previousVersion), cancellationToken);
        return written;
    }
}
