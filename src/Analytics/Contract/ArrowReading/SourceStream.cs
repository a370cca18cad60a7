using System.Runtime.ExceptionServices;

namespace ClassVisCloud.Analytics.Contract.ArrowReading;

/// <summary>
/// The caller's stream as the native reader sees it. The native reader turns a failing read into its own error
/// text; this wrapper keeps the original exception, so that a dropped connection (the caller's to retry) is never
/// mistaken for a broken file.
/// </summary>
internal sealed class SourceStream(Stream inner) : Stream
{
    private ExceptionDispatchInfo? failure;

    /// <summary>Throws the first failure of the caller's stream, if there was one.</summary>
    public void RethrowFailure() => failure?.Throw();

    /// <summary>The first failure of the caller's stream, or null.</summary>
    public Exception? Failure => failure?.SourceException;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => Guard(() => inner.Length);

    public override long Position
    {
        get => Guard(() => inner.Position);
        set => Guard(() => inner.Position = value);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return inner.Read(buffer);
        }
        catch (Exception exception)
        {
            failure ??= ExceptionDispatchInfo.Capture(exception);
            throw;
        }
    }

    public override long Seek(long offset, SeekOrigin origin) => Guard(() => inner.Seek(offset, origin));

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception exception)
        {
            failure ??= ExceptionDispatchInfo.Capture(exception);
            throw;
        }
    }
}
