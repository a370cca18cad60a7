using Azure.Storage.Blobs;

namespace ClassVisCloud.Analytics.Ingest;

/// <summary>Finds another blob naming the same epoch of the same run ("epoch-7" and "epoch-007").</summary>
public static class DuplicateEpochs
{
    public static async Task<string?> FindOtherAsync(BlobContainerClient container, BlobPath blob, CancellationToken cancellationToken)
    {
        var folder = blob.Kind == BlobKind.Attention ? $"{blob.Run}/attention/" : $"{blob.Run}/";
        await foreach (var item in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, folder + "epoch-", cancellationToken))
        {
            if (item.Name == blob.Name) continue;
            var other = BlobPath.Parse(item.Name);
            if (other.Kind == blob.Kind && other.Epoch == blob.Epoch) return item.Name;
        }
        return null;
    }
}
