namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>
/// A read-only window on the caller's stream (one page's compressed bytes), for decompressors that read a
/// stream. Like <see cref="SourceReads"/>, it turns a short file into a format error and any failure of the
/// stream itself into a <see cref="SourceReadException"/>.
/// </summary>
internal sealed class FileSlice(Stream file, long offset, long length) : Stream
{
    private long position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int wanted = (int)Math.Min(buffer.Length, length - position);
        if (wanted == 0) return 0;
        int read;
        try
        {
            file.Position = offset + position;
            read = file.Read(buffer[..wanted]);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new SourceReadException(exception);
        }
        if (read == 0)
            throw new ParquetFormatException($"the file ends before byte {offset + length}");
        position += read;
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int wanted = (int)Math.Min(buffer.Length, length - position);
        if (wanted == 0) return 0;
        int read;
        try
        {
            file.Position = offset + position;
            read = await file.ReadAsync(buffer[..wanted], cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new SourceReadException(exception);
        }
        if (read == 0)
            throw new ParquetFormatException($"the file ends before byte {offset + length}");
        position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
