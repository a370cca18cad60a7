using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ClassVisCloud.Analytics.Storage;

/// <summary>
/// The one large column, each epoch version's N × C probability matrix, lives in a blob of its own
/// container rather than in Table entities: 1,000,000 × 70 is 280 MB, which would be 400 entities per epoch
/// (and more than Azurite's table store can persist), while a blob takes it in one upload and still serves
/// a few rows by ranged reads. The container is not the runs container, so no trigger ever sees these blobs.
/// </summary>
public sealed class MatrixStore(BlobContainerClient container)
{
    public BlobContainerClient Container => container;

    public static string Path(string run, long epoch, string version, int splitIndex) =>
        $"{run}/{Layout.EpochRowKey(epoch)}/{version}/s{splitIndex}-probs";

    public static string VersionPrefix(string run, long epoch, string version) => $"{run}/{Layout.EpochRowKey(epoch)}/{version}/";

    public Task WriteAsync(string path, byte[] data, CancellationToken cancellationToken = default) =>
        container.GetBlobClient(path).UploadAsync(new BinaryData(data), new BlobUploadOptions
        {
            TransferOptions = new Azure.Storage.StorageTransferOptions { MaximumConcurrency = 4, MaximumTransferSize = 8 * 1024 * 1024, InitialTransferSize = 32 * 1024 * 1024 },
        }, cancellationToken);

    public async Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        (await container.GetBlobClient(path).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();

    public async Task<byte[]> ReadRangeAsync(string path, long offset, int length, CancellationToken cancellationToken = default)
    {
        var response = await container.GetBlobClient(path).DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(offset, length) }, cancellationToken);
        return response.Value.Content.ToArray();
    }

    public async Task DeleteVersionAsync(string run, long epoch, string version, CancellationToken cancellationToken = default)
    {
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, VersionPrefix(run, epoch, version), cancellationToken))
        {
            try { await container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken); }
            catch (RequestFailedException ex) when (ex.Status == 404) { }
        }
    }
}
