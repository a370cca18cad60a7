using System.Runtime.ExceptionServices;

namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>
/// The one place the reader touches the caller's stream. A file that ends early is a format error; any other
/// failure of the stream (a dropped connection, throttling) is the caller's to retry, so it travels up
/// wrapped in <see cref="SourceReadException"/> and is never mistaken for a contract violation.
/// </summary>
internal static class SourceReads
{
    public static async ValueTask ReadAtAsync(Stream stream, long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        try
        {
            stream.Position = offset;
            await stream.ReadExactlyAsync(destination, cancellationToken);
        }
        catch (EndOfStreamException)
        {
            throw new ParquetFormatException($"the file ends before byte {offset + destination.Length}");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new SourceReadException(exception);
        }
    }

    public static async Task<T> WrapAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new SourceReadException(exception);
        }
    }
}

/// <summary>The caller's stream failed; <see cref="Rethrow"/> restores the original exception.</summary>
internal sealed class SourceReadException(Exception inner) : Exception(inner.Message, inner)
{
    public void Rethrow() => ExceptionDispatchInfo.Throw(InnerException!);
}
