using ClassVisCloud.Analytics.Contract;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Ingest;

/// <summary>
/// Ingests run.json. A valid manifest renames classes (and declares the score kind); it may not change C
/// once epochs are in. A malformed one is reported and the last valid manifest stays in force.
/// </summary>
public sealed class ManifestIngestor(StorageClients storage)
{
    const int MaxManifestBytes = 1024 * 1024;

    public async Task<IngestResult> IngestAsync(BlobSnapshot blob, CancellationToken cancellationToken)
    {
        var run = blob.Path.Run!;
        var runs = new RunRecords(storage.Runs);
        try
        {
            if (blob.Size > MaxManifestBytes)
                throw new ContractViolationException($"run.json: {blob.Size} bytes; a manifest may be at most {MaxManifestBytes} bytes");
            await using var content = await BlobContent.OpenAsync(storage.Container, blob, cancellationToken);
            if (content is null) return IngestResult.Superseded;
            var bytes = ((MemoryStream)content).ToArray();
            var manifest = ManifestParser.Parse(bytes);
            if (manifest.Classes is { } classes)
            {
                var ingested = (await new EpochRows(storage.Epochs).ListAsync(run, cancellationToken)).FirstOrDefault(e => e.IsOk);
                if (ingested is not null && ingested.ClassCount != classes.Count)
                    throw new ContractViolationException($"run.json: may not change C ({classes.Count} vs {ingested.ClassCount}): it names {classes.Count} classes but the run's epochs have {ingested.ClassCount}");
            }
            await runs.SetManifestAsync(run, manifest, DateTimeOffset.UtcNow, cancellationToken);
            return IngestResult.Ingested(0);
        }
        catch (ContractViolationException ex)
        {
            await runs.SetManifestErrorAsync(run, ex.Message, DateTimeOffset.UtcNow, cancellationToken);
            return IngestResult.Rejected(ex.Message);
        }
    }
}
