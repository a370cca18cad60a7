using System.Buffers;
using System.Runtime.InteropServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

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

    /// <summary>
    /// Up to this size a matrix written after the read (<see cref="WriteAsync"/>) goes in one Put Blob request, streamed
    /// from the array; past it, in parallel blocks.
    /// </summary>
    const long SinglePutBytes = 64L * 1024 * 1024;

    /// <summary>
    /// An upload that stages blocks while <paramref name="values"/> is being filled (see <see cref="MatrixUpload"/>), so
    /// the matrix travels while the file is still being read; null for a matrix of one block, which gains nothing from
    /// it and goes whole through <see cref="WriteAsync"/>.
    /// </summary>
    public MatrixUpload? BeginUpload(string path, float[] values, int classCount) =>
        (long)values.Length * sizeof(float) <= MatrixUpload.BlockBytes ? null : new MatrixUpload(container.GetBlockBlobClient(path), values, classCount);

    /// <summary>
    /// Uploads the matrix in one request when it is small enough, else in 8 MB blocks copied from the array one at a
    /// time (four in flight, see <see cref="MatrixUpload"/>), so a 280 MB matrix costs 32 MB of buffers, not a second
    /// copy of itself.
    /// </summary>
    public async Task WriteAsync(string path, float[] values, int classCount, CancellationToken cancellationToken = default)
    {
        var client = container.GetBlockBlobClient(path);
        if ((long)values.Length * sizeof(float) <= SinglePutBytes)
        {
            await using var content = new FloatBytesStream(values);
            await client.UploadAsync(content, new BlobUploadOptions(), cancellationToken);
            return;
        }
        await new MatrixUpload(client, values, classCount).CommitAsync(cancellationToken);
    }

    /// <summary>
    /// One ranged read from <paramref name="offset"/> straight into <paramref name="targets"/>, filled one after the
    /// other (their lengths add up to the range): no buffer of the whole range besides them. There is deliberately no
    /// read of a whole matrix: 1,000,000 × 70 is 280 MB (<see cref="Queries.MatrixRows"/> reads the rows asked for).
    /// </summary>
    public async Task ReadRangeAsync(string path, long offset, IReadOnlyList<byte[]> targets, CancellationToken cancellationToken = default)
    {
        var length = targets.Sum(t => (long)t.Length);
        if (length == 0) return;
        var response = await container.GetBlobClient(path).DownloadStreamingAsync(new BlobDownloadOptions { Range = new HttpRange(offset, length) }, cancellationToken);
        using var download = response.Value;
        foreach (var target in targets) await download.Content.ReadExactlyAsync(target, cancellationToken);
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
