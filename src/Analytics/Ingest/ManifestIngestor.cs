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
        try
        {
            if (blob.Size > MaxManifestBytes)
                throw new ContractViolationException($"run.json: {blob.Size} bytes; a manifest may be at most {MaxManifestBytes} bytes");
            await using var download = await BlobContent.OpenAsync(storage.Container, blob, cancellationToken);
            if (download is null) return IngestResult.Superseded;
            var bytes = ((MemoryStream)download.Content).ToArray();
            var manifest = ManifestParser.Parse(bytes);
            CheckStoredSize(manifest);
            if (manifest.Classes is { } classes)
            {
                var ingested = (await storage.Epochs.ListAsync(run, cancellationToken)).FirstOrDefault(e => e.IsOk);
                if (ingested is not null && ingested.ClassCount != classes.Count)
                    throw new ContractViolationException($"run.json: may not change C ({classes.Count} vs {ingested.ClassCount}): it names {classes.Count} classes but the run's epochs have {ingested.ClassCount}");
            }
            await storage.Runs.SetManifestAsync(run, manifest, DateTimeOffset.UtcNow, cancellationToken);
            return IngestResult.Ingested(0);
        }
        catch (ContractViolationException ex)
        {
            return await RejectAsync(blob, ex.Message, cancellationToken);
        }
    }

    /// <summary>Rejects the manifest with a reason the run shows; the last valid manifest stays in force.</summary>
    public async Task<IngestResult> RejectAsync(BlobSnapshot blob, string reason, CancellationToken cancellationToken)
    {
        await storage.Runs.SetManifestErrorAsync(blob.Path.Run!, reason, DateTimeOffset.UtcNow, cancellationToken);
        return IngestResult.Rejected(reason);
    }

    /// <summary>
    /// The manifest is stored as one JSON property of the run's row, which the service caps at 64 KiB: a class list
    /// or description past it is the file's fault, reported as such (not a storage failure retried again and again).
    /// </summary>
    static void CheckStoredSize(RunManifest manifest)
    {
        var stored = RunRecords.StoredManifest(manifest).Length;
        if (stored <= RunRecords.MaxManifestChars) return;
        var classes = manifest.Classes?.Sum(c => c.Length + 3) ?? 0;
        var description = manifest.Description?.Length ?? 0;
        var larger = description > classes ? $"the description is {description} characters" : $"the class list is {classes} characters";
        throw new ContractViolationException($"run.json: {larger}; the manifest takes {stored} characters once stored, "
            + $"and at most {RunRecords.MaxManifestChars} fit (64 KiB of UTF-16): shorten the description or the class names");
    }
}
