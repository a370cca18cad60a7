namespace ClassVisCloud.RunGenerator.Upload;

/// <summary>One blob the uploader wrote: its full name in the container, its size, how long the upload took.</summary>
public sealed record UploadedBlob(string Name, long Bytes, TimeSpan Elapsed);
