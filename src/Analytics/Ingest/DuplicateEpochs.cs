using Azure.Storage.Blobs;

namespace ClassVisCloud.Analytics.Ingest;

/// <summary>Another blob naming the same file of the same epoch, and the reason that fails the epoch until one is deleted.</summary>
public sealed record DuplicateEpoch(string Other, string Reason);

/// <summary>Finds another blob naming the same epoch of the same run ("epoch-7" and "epoch-007").</summary>
public static class DuplicateEpochs
{
    public static async Task<DuplicateEpoch?> FindAsync(BlobContainerClient container, BlobPath blob, CancellationToken cancellationToken)
    {
        if (await FindOtherAsync(container, blob, cancellationToken) is not { } other) return null;
        var what = blob.Kind == BlobKind.Attention ? "the attention of epoch" : "epoch";
        return new DuplicateEpoch(other, $"two blobs name {what} {blob.Epoch}: '{blob.Name}' and '{other}'; delete one of them");
    }

    static async Task<string?> FindOtherAsync(BlobContainerClient container, BlobPath blob, CancellationToken cancellationToken)
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
