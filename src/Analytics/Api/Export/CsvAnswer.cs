namespace ClassVisCloud.Analytics.Api.Export;

/// <summary>
/// An export that passed its checks: the file's name and how to write it. Nothing is read from storage for the
/// rows until <see cref="WriteAsync"/> runs, and then only a slice at a time: the host streams it to the client.
/// </summary>
public sealed record CsvAnswer(string FileName, Func<Stream, CancellationToken, Task> WriteAsync)
{
    public const string ContentType = "text/csv; charset=utf-8; header=present";
}
