using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using ClassVisCloud.Analytics.Storage;
using Microsoft.Extensions.Logging;

namespace ClassVisCloud.Analytics.Dynamics;

/// <summary>
/// Persisted states, one blob each, named "{run}/{split}/{epoch:D19}-{chain hash}" in the container
/// "{table prefix}-dynamics" (a blob, not Table pages: a million samples' state is ~90 MB, which Table storage
/// serves ten times slower), and beside a state the suspects ranked from it ("….suspects", <see cref="SuspectRankings"/>).
/// A name fixes the content, so a blob is written once and never changes; a state whose history was replaced is
/// deleted, with its ranking, by the next write for that split.
/// </summary>
public sealed class DynamicsCheckpoints(StorageClients storage, ILogger<DynamicsCheckpoints> logger)
{
    /// <summary>Beside the app's tables and its probability matrices: "{table prefix}-dynamics".</summary>
    public BlobContainerClient Container { get; } = storage.Container.GetParentBlobServiceClient()
        .GetBlobContainerClient(storage.Options.TablePrefix.ToLowerInvariant() + "-dynamics");

    static string Prefix(string run, string split) => $"{run}/{KeyEncoding.Encode(split)}/";

    static string Name(string run, string split, DynamicsLink link) => $"{Prefix(run, split)}{Layout.EpochRowKey(link.Epoch.Epoch)}-{link.Hash}";

    /// <summary>The suffix of a ranking's blob: the name of the state it was ranked from, then this.</summary>
    const string RankingSuffix = ".suspects";

    static string RankingName(string run, string split, DynamicsLink link) => Name(run, split, link) + RankingSuffix;

    /// <summary>The names of the split's persisted states (none when the container does not exist yet).</summary>
    public async Task<HashSet<string>> ListAsync(string run, string split, CancellationToken cancellationToken = default)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var blob in Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, Prefix(run, split), cancellationToken))
                names.Add(blob.Name);
        }
        catch (RequestFailedException ex) when (ex.Status == 404) { }
        return names;
    }

    public static bool IsListed(HashSet<string> listed, string run, string split, DynamicsLink link) => listed.Contains(Name(run, split, link));

    /// <summary>The state of a chain, or null when it is gone or unreadable (then it is computed again).</summary>
    public Task<DynamicsState?> ReadAsync(string run, string split, DynamicsLink link, CancellationToken cancellationToken = default) =>
        ReadBlobAsync(Name(run, split, link), content => StateCodec.Decode(content.Span), cancellationToken);

    public Task WriteAsync(string run, string split, DynamicsLink link, DynamicsState state, CancellationToken cancellationToken = default) =>
        WriteBlobAsync(Name(run, split, link), StateCodec.Encode(state), cancellationToken);

    /// <summary>The ranking stored for a chain, or null when there is none or it is unreadable (then it is ranked again).</summary>
    public Task<RankedSuspects?> ReadRankingAsync(string run, string split, DynamicsLink link, CancellationToken cancellationToken = default) =>
        ReadBlobAsync(RankingName(run, split, link), content => JsonSerializer.Deserialize<RankedSuspects>(content.Span, StoredJson.Options), cancellationToken);

    public Task WriteRankingAsync(string run, string split, DynamicsLink link, RankedSuspects ranking, CancellationToken cancellationToken = default) =>
        WriteBlobAsync(RankingName(run, split, link), JsonSerializer.SerializeToUtf8Bytes(ranking, StoredJson.Options), cancellationToken);

    async Task<T?> ReadBlobAsync<T>(string name, Func<ReadOnlyMemory<byte>, T?> decode, CancellationToken cancellationToken) where T : class
    {
        try
        {
            var content = await Container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return decode(content.Value.Content.ToMemory());
        }
        catch (RequestFailedException ex) when (ex.Status == 404) { return null; }
        catch (Exception ex) when (ex is InvalidDataException or JsonException)
        {
            logger.LogWarning(ex, "{Blob} in the dynamics container is unreadable; it is computed again", name);
            return null;
        }
    }

    async Task WriteBlobAsync(string name, byte[] content, CancellationToken cancellationToken)
    {
        await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Container.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true, cancellationToken);
    }

    /// <summary>
    /// Deletes the split's states for epochs up to the chain's last whose history is not the chain's: an epoch
    /// replaced, failed or arrived late since. States past the chain's end may belong to a longer, valid chain: kept.
    /// </summary>
    public async Task DeleteStaleAsync(string run, string split, IReadOnlyList<DynamicsLink> chain, CancellationToken cancellationToken = default)
    {
        if (chain.Count == 0) return;
        var valid = chain.Select(link => Name(run, split, link)).ToHashSet(StringComparer.Ordinal);
        var lastKey = Layout.EpochRowKey(chain[^1].Epoch.Epoch);
        var prefix = Prefix(run, split);
        foreach (var name in await ListAsync(run, split, cancellationToken))
        {
            var epochKey = name.AsSpan(prefix.Length, lastKey.Length);
            // A ranking lives and dies with the state it was ranked from.
            var state = name.EndsWith(RankingSuffix, StringComparison.Ordinal) ? name[..^RankingSuffix.Length] : name;
            if (valid.Contains(state) || epochKey.CompareTo(lastKey, StringComparison.Ordinal) > 0) continue;
            try { await Container.DeleteBlobIfExistsAsync(name, cancellationToken: cancellationToken); }
            catch (RequestFailedException ex) when (ex.Status == 404) { }
        }
    }
}
