using Azure.Storage.Blobs;
using ClassVisCloud.Analytics.Ingest;
using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.Functions.Ingest;

/// <summary>
/// Every blob created in the runs container. Event Grid delivers at least once, out of order, sometimes
/// several times: the ingest ledger makes a repeat cost one read. A delivery that finds the blob leased by
/// another worker waits for it to finish or lapse (Event Grid redelivers when a worker died mid-ingest). A client is bound, not the content:
/// the ingest reads the blob itself, as of its current ETag, and streams large ones to disk (a new newest
/// epoch also gets its training dynamics prepared there, as in every host).
/// </summary>
public sealed class IngestRunBlob(BlobIngestor ingestor)
{
    public const string Container = "runs";

    [Function(nameof(IngestRunBlob))]
    public async Task Run(
        [BlobTrigger(Container + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = "RunsStorage")] BlobClient blob,
        CancellationToken cancellationToken) =>
        await ingestor.IngestAsync(blob.Name, waitForLease: true, cancellationToken: cancellationToken);
}
