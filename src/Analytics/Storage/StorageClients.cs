using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace ClassVisCloud.Analytics.Storage;

/// <summary>
/// The storage clients of the app, created once (they are thread-safe) with their tables ensured.
/// Tables: Ledger (one record per blob name + ETag), Ingests (the history the ingests route serves),
/// Runs (manifest state, last update), Epochs (one row per epoch: status and the pointer to its current
/// data version), Data (packed columns of each epoch version), Bits (per-epoch "wrong" bitmaps,
/// one partition per run and split, so misprediction counts for any epoch are one partition read);
/// and a blob container for the probability matrices (<see cref="MatrixStore"/>).
/// </summary>
public sealed class StorageClients
{
    public required BlobContainerClient Container { get; init; }
    public required TableClient Ledger { get; init; }
    public required TableClient Ingests { get; init; }
    public required RunRecords Runs { get; init; }
    public required EpochRows Epochs { get; init; }
    public required ColumnStore Data { get; init; }
    public required ColumnStore Bits { get; init; }
    /// <summary>Probability matrices, in a container of their own ("{prefix}-matrices").</summary>
    public required MatrixStore Matrices { get; init; }
    public required StorageOptions Options { get; init; }

    StorageClients() { }

    public IEnumerable<TableClient> Tables => [Ledger, Ingests, Runs.Table, Epochs.Table, Data.Table, Bits.Table];

    public static async Task<StorageClients> CreateAsync(StorageOptions options, CancellationToken cancellationToken = default)
    {
        var (blobService, tableService) = CreateServices(options);
        string Name(string suffix) => options.TablePrefix + suffix;
        var clients = new StorageClients
        {
            Options = options,
            Container = blobService.GetBlobContainerClient(options.Container),
            Ledger = tableService.GetTableClient(Name("ledger")),
            Ingests = tableService.GetTableClient(Name("ingests")),
            Runs = new RunRecords(tableService.GetTableClient(Name("runs"))),
            Epochs = new EpochRows(tableService.GetTableClient(Name("epochs"))),
            Data = new ColumnStore(tableService.GetTableClient(Name("data"))),
            Bits = new ColumnStore(tableService.GetTableClient(Name("bits"))),
            Matrices = new MatrixStore(blobService.GetBlobContainerClient(options.TablePrefix.ToLowerInvariant() + "-matrices")),
        };
        await Task.WhenAll(clients.Tables.Select(t => t.CreateIfNotExistsAsync(cancellationToken)));
        await clients.Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await clients.Matrices.Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        return clients;
    }

    static (BlobServiceClient, TableServiceClient) CreateServices(StorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
            return (new BlobServiceClient(options.ConnectionString), new TableServiceClient(options.ConnectionString));
        if (options.BlobServiceUri is null || options.TableServiceUri is null)
            throw new InvalidOperationException("Storage is not configured: set a connection string, or both the blob and the table service URIs.");
        TokenCredential credential = options.ManagedIdentityClientId is { } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
        return (new BlobServiceClient(options.BlobServiceUri, credential), new TableServiceClient(options.TableServiceUri, credential));
    }
}
