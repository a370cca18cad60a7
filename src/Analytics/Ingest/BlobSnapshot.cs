namespace ClassVisCloud.Analytics.Ingest;

/// <summary>A blob as it was when the ingest looked at it: its content is read only if it still has this ETag.</summary>
public sealed record BlobSnapshot(BlobPath Path, string ETag, DateTimeOffset LastModified, long Size);
