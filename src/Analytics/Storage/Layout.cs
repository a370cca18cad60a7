using System.Security.Cryptography;
using System.Text;

namespace ClassVisCloud.Analytics.Storage;

/// <summary>
/// Every Table key the app writes, in one place. Run names are validated before they get here
/// (A-Z a-z 0-9 . _ -), so they are key-safe as they are; every other user string goes through
/// <see cref="KeyEncoding"/>.
/// </summary>
public static class Layout
{
    public static string EpochRowKey(long epoch) => epoch.ToString("D19");

    /// <summary>The packed columns of one version of one epoch.</summary>
    public static string DataPartition(string run, long epoch, string version) => $"{run}|{EpochRowKey(epoch)}|p{version}";

    /// <summary>The attention of one version of one epoch.</summary>
    public static string AttentionPartition(string run, long epoch, string version) => $"{run}|{EpochRowKey(epoch)}|a{version}";

    /// <summary>A sorted sample-id list, shared by every epoch whose split has exactly those ids.</summary>
    public static string IdsPartition(string run, string setHash) => $"{run}|ids|{setHash}";

    /// <summary>All "wrong" bitmaps of one split of a run: one partition read gives every epoch's.</summary>
    public static string BitsPartition(string run, string split) => $"{run}|{KeyEncoding.Encode(split)}";

    /// <summary>Bitmap column name: which epoch, which version, which sample set.</summary>
    public static string BitsColumn(long epoch, string version, string setHash) => $"{EpochRowKey(epoch)}-{version}-{setHash}";

    public static string SplitColumn(int splitIndex, string column) => $"s{splitIndex}-{column}";

    /// <summary>An ETag as a key part (the ledger's RowKey).</summary>
    public static string Version(string etag) => KeyEncoding.Encode(etag.Trim('"'));

    /// <summary>The ledger's key for a blob name: readable when short, hashed past a length the key limit allows.</summary>
    public static string BlobKey(string blobName)
    {
        var encoded = KeyEncoding.Encode(blobName);
        if (encoded.Length <= 400) return encoded;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(blobName)));
        return encoded[..300] + "~~" + hash;
    }

    public const string AllIngestsPartition = "~all";
    public const string RunsPartition = "run";
}
