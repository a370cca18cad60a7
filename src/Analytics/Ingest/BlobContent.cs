using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ClassVisCloud.Analytics.Ingest;

/// <summary>Downloads a blob exactly as of one ETag: small ones to memory, large ones to a temporary file.</summary>
public static class BlobContent
{
    /// <summary>Past this size the file goes to disk: a 1,000,000 × 70 epoch must ingest in under 1 GiB.</summary>
    const long InMemoryLimit = 32L * 1024 * 1024;

    /// <summary>
    /// The content and its version, or null when the blob changed or vanished since the snapshot (a newer event
    /// covers it). The version is hashed from the bytes as they arrive, so the download is the only pass over them.
    /// </summary>
    public static async Task<BlobDownload?> OpenAsync(BlobContainerClient container, BlobSnapshot blob, CancellationToken cancellationToken)
    {
        var client = container.GetBlobClient(blob.Path.Name);
        Stream target = blob.Size <= InMemoryLimit
            ? new MemoryStream((int)Math.Max(blob.Size, 0))
            : new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 20, FileOptions.DeleteOnClose);
        try
        {
            var conditions = new BlobRequestConditions { IfMatch = new ETag(blob.ETag) };
            string version;
            using (var hashing = new HashingWriteStream(target))
            {
                await client.DownloadToAsync(hashing, new BlobDownloadToOptions { Conditions = conditions }, cancellationToken);
                version = Version(hashing.Finish());
            }
            target.Position = 0;
            return new BlobDownload(target, version);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            await target.DisposeAsync();
            return null;
        }
        catch
        {
            await target.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A data version named after the content (SHA-256): the same bytes always land in the same place,
    /// whatever blob, ETag or upload brought them, so a re-upload of the same file changes nothing.
    /// </summary>
    private static string Version(byte[] sha256) => Convert.ToHexStringLower(sha256)[..24];

    /// <summary>True when the blob still has the snapshot's ETag.</summary>
    public static async Task<bool> IsCurrentAsync(BlobContainerClient container, BlobSnapshot blob, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await container.GetBlobClient(blob.Path.Name).GetPropertiesAsync(cancellationToken: cancellationToken);
            return properties.Value.ETag.ToString() == blob.ETag;
        }
        catch (RequestFailedException ex) when (ex.Status == 404) { return false; }
    }
}

/// <summary>A downloaded blob: its content (memory or a temporary file, deleted on dispose) and its content's version.</summary>
public sealed record BlobDownload(Stream Content, string Version) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
