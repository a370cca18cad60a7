using Azure.Storage.Blobs.Models;

namespace ClassVisCloud.RunGenerator.Relay;

/// <summary>One version of a blob as a container listing shows it: what a BlobCreated event describes.</summary>
/// <param name="Name">The blob's name in its container.</param>
/// <param name="ETag">The ETag as the Blob service sends it (quoted).</param>
/// <param name="Url">The blob's URL (Azurite: http://127.0.0.1:10000/devstoreaccount1/{container}/{name}).</param>
public sealed record BlobVersion(
    string Name,
    string ETag,
    long ContentLength,
    string ContentType,
    BlobType BlobType,
    DateTimeOffset LastModified,
    Uri Url)
{
    /// <summary>The ETag without its quotes, the form Event Grid's <c>data.eTag</c> carries.</summary>
    public string BareETag => ETag.Trim('"');
}
