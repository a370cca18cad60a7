using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace ClassVisCloud.RunGenerator.Relay;

/// <summary>
/// Lists a container and tells which blobs are new or changed (a new ETag) since the last listing: what a
/// storage account would raise BlobCreated for. A blob written twice between two listings is one change; a
/// deleted blob is forgotten, so writing it again is a change. A missing container is an empty one.
/// </summary>
public sealed class ContainerWatcher(BlobContainerClient container)
{
    private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);

    public BlobContainerClient Container => container;

    /// <summary>Takes the blobs there now as seen (no change is reported for them); returns how many there are.</summary>
    public async Task<int> BaselineAsync(CancellationToken cancellationToken = default)
    {
        _seen.Clear();
        foreach (var blob in await ListAsync(cancellationToken))
            _seen[blob.Name] = blob.ETag;
        return _seen.Count;
    }

    /// <summary>The blobs created or replaced since the last call (or the baseline), oldest first.</summary>
    public async Task<IReadOnlyList<BlobVersion>> ChangesAsync(CancellationToken cancellationToken = default)
    {
        var listed = await ListAsync(cancellationToken);
        var changes = listed.Where(b => !_seen.TryGetValue(b.Name, out var etag) || etag != b.ETag)
            .OrderBy(b => b.LastModified).ThenBy(b => b.Name, StringComparer.Ordinal)
            .ToList();
        var present = listed.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _seen.Keys.Where(name => !present.Contains(name)).ToList())
            _seen.Remove(gone);
        foreach (var blob in changes)
            _seen[blob.Name] = blob.ETag;
        return changes;
    }

    /// <summary>
    /// The operation that committed the blob, as <c>data.api</c> names it: PutBlockList when the blob has committed
    /// blocks (staged uploads: large files, parallel uploads), else PutBlob (one-shot uploads).
    /// </summary>
    public async Task<string> CommittingApiAsync(BlobVersion blob, CancellationToken cancellationToken = default)
    {
        if (blob.BlobType != BlobType.Block)
            return "PutBlob";
        try
        {
            var blocks = await container.GetBlockBlobClient(blob.Name).GetBlockListAsync(BlockListTypes.Committed, cancellationToken: cancellationToken);
            return blocks.Value.CommittedBlocks.Any() ? "PutBlockList" : "PutBlob";
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return "PutBlob"; // deleted since the listing: the event still describes the version that was listed
        }
    }

    private async Task<List<BlobVersion>> ListAsync(CancellationToken cancellationToken)
    {
        var blobs = new List<BlobVersion>();
        try
        {
            await foreach (var item in container.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                var p = item.Properties;
                blobs.Add(new BlobVersion(
                    item.Name,
                    p.ETag?.ToString() ?? "",
                    p.ContentLength ?? 0,
                    string.IsNullOrEmpty(p.ContentType) ? "application/octet-stream" : p.ContentType,
                    p.BlobType ?? BlobType.Block,
                    p.LastModified ?? DateTimeOffset.UtcNow,
                    container.GetBlobClient(item.Name).Uri));
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The container does not exist yet (nothing uploaded): no blobs.
        }
        return blobs;
    }
}
