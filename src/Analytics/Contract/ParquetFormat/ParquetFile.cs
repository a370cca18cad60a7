using System.Buffers.Binary;

namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>
/// An opened Parquet file: its footer, its top-level columns, and readers for its column chunks. Needs random
/// access, so a stream that cannot seek is first spooled to a temporary file (not to memory: an epoch file
/// may be hundreds of MiB).
/// </summary>
internal sealed class ParquetFile : IAsyncDisposable
{
    private static ReadOnlySpan<byte> Magic => "PAR1"u8;
    private static ReadOnlySpan<byte> EncryptedMagic => "PARE"u8;

    private readonly Stream stream;
    private readonly bool ownsStream;
    private readonly long dataEnd;
    private readonly PageBuffers buffers = new();

    private ParquetFile(Stream stream, bool ownsStream, Footer footer, IReadOnlyList<TopLevelColumn> columns, long dataEnd)
    {
        this.stream = stream;
        this.ownsStream = ownsStream;
        this.dataEnd = dataEnd;
        Footer = footer;
        Columns = columns;
    }

    public Footer Footer { get; }

    public IReadOnlyList<TopLevelColumn> Columns { get; }

    /// <summary>Opens the file; throws <see cref="NotParquetException"/> or <see cref="ParquetFormatException"/>.</summary>
    public static async Task<ParquetFile> OpenAsync(Stream source, CancellationToken cancellationToken)
    {
        bool owns = !source.CanSeek;
        var stream = owns ? await SourceReads.WrapAsync(() => SpoolAsync(source, cancellationToken)) : source;
        try
        {
            var (footer, dataEnd) = await ReadFooterAsync(stream, cancellationToken);
            var columns = SchemaInterpreter.Interpret(footer.Schema);
            return new ParquetFile(stream, owns, footer, columns, dataEnd);
        }
        catch
        {
            if (owns) await stream.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Streams the chunk of <paramref name="leaf"/> in row group <paramref name="rowGroup"/>. Chunk readers share
    /// the file's page buffers: read one chunk to its end before opening the next.
    /// </summary>
    public ColumnChunkReader<T> OpenChunk<T>(int rowGroup, LeafColumn leaf, ValueDecoding<T> decoding)
    {
        var chunk = FindChunk(Footer.RowGroups[rowGroup], leaf);
        if (chunk.Type != leaf.Physical)
            throw new ParquetFormatException($"the column chunk's type {chunk.Type} differs from the schema's {leaf.Physical}");
        return new ColumnChunkReader<T>(new PageReader(stream, chunk, leaf, dataEnd, buffers), leaf, decoding);
    }

    private static FooterColumnChunk FindChunk(FooterRowGroup rowGroup, LeafColumn leaf)
    {
        foreach (var chunk in rowGroup.Columns)
            if (chunk.Path.SequenceEqual(leaf.Path))
                return chunk;
        throw new ParquetFormatException("a row group has no chunk for the column");
    }

    private static async Task<(Footer Footer, long DataEnd)> ReadFooterAsync(Stream stream, CancellationToken cancellationToken)
    {
        long length = await SourceReads.WrapAsync(() => Task.FromResult(stream.Length));
        if (length < 12)
            throw new NotParquetException();
        var head = new byte[4];
        var tail = new byte[8];
        await SourceReads.ReadAtAsync(stream, 0, head, cancellationToken);
        await SourceReads.ReadAtAsync(stream, length - 8, tail, cancellationToken);
        if (tail.AsSpan(4).SequenceEqual(EncryptedMagic))
            throw new ParquetFormatException("the file is encrypted, which is not supported");
        if (!head.AsSpan().SequenceEqual(Magic) || !tail.AsSpan(4).SequenceEqual(Magic))
            throw new NotParquetException();
        int footerLength = BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (footerLength <= 0 || footerLength > length - 12 || footerLength > ParquetLimits.MaxFooterBytes)
            throw new ParquetFormatException($"the footer length {footerLength} does not fit a file of {length} bytes");
        var footerBytes = new byte[footerLength];
        long footerStart = length - 8 - footerLength;
        await SourceReads.ReadAtAsync(stream, footerStart, footerBytes, cancellationToken);
        return (FooterParser.Parse(footerBytes), footerStart);
    }

    private static async Task<Stream> SpoolAsync(Stream source, CancellationToken cancellationToken)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None,
            bufferSize: 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await source.CopyToAsync(file, cancellationToken);
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        buffers.Dispose();
        if (ownsStream) await stream.DisposeAsync();
    }
}

/// <summary>The bytes lack Parquet's PAR1 markers: this is some other kind of file.</summary>
internal sealed class NotParquetException() : Exception("not a Parquet file");
