using System.Buffers;
using System.Buffers.Binary;

namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>
/// Walks the pages of one column chunk in order, checking every header against the chunk's bounds before
/// reading or allocating, and hands out each page decompressed. Every step moves forward through the chunk,
/// so a corrupt file ends in an exception, never a loop.
/// </summary>
internal sealed class PageReader : IDisposable
{
    private const int FirstHeaderRead = 256;

    private readonly Stream stream;
    private readonly FooterColumnChunk chunk;
    private readonly LeafColumn leaf;
    private readonly long end;
    private readonly PageDecompressor decompressor = new();
    private byte[] headerBuffer = [];
    private byte[] bodyBuffer = [];
    private long offset;
    private long valuesRead;
    private bool sawDictionary;
    private bool sawData;

    public PageReader(Stream stream, FooterColumnChunk chunk, LeafColumn leaf, long dataEnd)
    {
        this.stream = stream;
        this.chunk = chunk;
        this.leaf = leaf;
        offset = chunk.StartOffset;
        end = offset + chunk.TotalCompressedSize;
        if (chunk.InOtherFile)
            throw new ParquetFormatException("the column chunk is stored in another file");
        if (offset < 4 || chunk.TotalCompressedSize > dataEnd || end > dataEnd)
            throw new ParquetFormatException($"the column chunk (bytes {offset} to {end}) lies outside the file's data");
    }

    /// <summary>The next dictionary or data page, or null once the chunk's values have all been read.</summary>
    public async ValueTask<Page?> NextAsync(CancellationToken cancellationToken)
    {
        while (valuesRead < chunk.NumValues)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (offset >= end)
                throw new ParquetFormatException($"the column chunk ends after {valuesRead} of its {chunk.NumValues} values");
            var (header, headerLength) = await ReadHeaderAsync(cancellationToken);
            long bodyStart = offset + headerLength;
            if (bodyStart + header.CompressedSize > end)
                throw new ParquetFormatException($"the page at byte {offset} runs past the end of its column chunk");
            offset = bodyStart + header.CompressedSize;
            if (header.Type == PageType.IndexPage)
                continue;
            CheckPage(header);
            await ReadBodyAsync(bodyStart, header.CompressedSize, cancellationToken);
            return header.Type switch
            {
                PageType.DictionaryPage => DictionaryPage(header),
                PageType.DataPage => DataPageV1(header),
                _ => DataPageV2(header),
            };
        }
        return null;
    }

    private void CheckPage(PageHeader header)
    {
        if (header.Type == PageType.DictionaryPage)
        {
            if (sawDictionary || sawData)
                throw new ParquetFormatException("a dictionary page follows other pages");
            sawDictionary = true;
        }
        else
        {
            sawData = true;
            if (header.NumValues > chunk.NumValues - valuesRead)
                throw new ParquetFormatException($"the pages hold more values than the column chunk's {chunk.NumValues}");
            valuesRead += header.NumValues;
        }
        long limit = leaf.Kind == ValueKind.String
            ? ParquetLimits.MaxStringPageBytes
            : ParquetLimits.MaxNumericPageBytes(header.NumValues);
        if (header.UncompressedSize > limit || header.CompressedSize > ParquetLimits.MaxStringPageBytes)
            throw new ParquetFormatException($"a page claims {header.UncompressedSize} bytes for {header.NumValues} values");
    }

    private async ValueTask<(PageHeader Header, int Length)> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        int available = (int)Math.Min(end - offset, ParquetLimits.MaxPageHeaderBytes);
        int size = Math.Min(FirstHeaderRead, available);
        while (true)
        {
            Rent(ref headerBuffer, size);
            await SourceReads.ReadAtAsync(stream, offset, headerBuffer.AsMemory(0, size), cancellationToken);
            try
            {
                var reader = new ThriftCompactReader(headerBuffer.AsSpan(0, size));
                var header = PageHeader.Parse(ref reader);
                return (header, reader.Position);
            }
            catch (ThriftTruncatedException) when (size < available)
            {
                // Headers carry statistics of any size: read more and parse again.
                size = (int)Math.Min((long)size * 16, available);
            }
        }
    }

    private async ValueTask ReadBodyAsync(long start, int length, CancellationToken cancellationToken)
    {
        Rent(ref bodyBuffer, length);
        await SourceReads.ReadAtAsync(stream, start, bodyBuffer.AsMemory(0, length), cancellationToken);
    }

    private Page DictionaryPage(PageHeader header)
    {
        var values = Decompress(header, 0, header.UncompressedSize);
        return new Page(PageType.DictionaryPage, header.NumValues, header.Encoding, default, default, values);
    }

    private Page DataPageV1(PageHeader header)
    {
        var body = Decompress(header, 0, header.UncompressedSize);
        int position = 0;
        var repetition = leaf.MaxRepetition > 0 ? LengthPrefixed(body, ref position) : default;
        var definition = leaf.MaxDefinition > 0 ? LengthPrefixed(body, ref position) : default;
        return new Page(PageType.DataPage, header.NumValues, header.Encoding, repetition, definition, body[position..]);
    }

    private Page DataPageV2(PageHeader header)
    {
        int levels = header.RepetitionLevelsLength + header.DefinitionLevelsLength;
        var repetition = new ReadOnlyMemory<byte>(bodyBuffer, 0, header.RepetitionLevelsLength);
        var definition = new ReadOnlyMemory<byte>(bodyBuffer, header.RepetitionLevelsLength, header.DefinitionLevelsLength);
        var values = header.ValuesCompressed
            ? Decompress(header, levels, header.UncompressedSize - levels)
            : new ReadOnlyMemory<byte>(bodyBuffer, levels, header.CompressedSize - levels);
        return new Page(PageType.DataPageV2, header.NumValues, header.Encoding, repetition, definition, values);
    }

    private ReadOnlyMemory<byte> Decompress(PageHeader header, int skip, int uncompressedLength) =>
        decompressor.Decompress(chunk.Codec, new ArraySegment<byte>(bodyBuffer, skip, header.CompressedSize - skip), uncompressedLength);

    private static ReadOnlyMemory<byte> LengthPrefixed(ReadOnlyMemory<byte> body, ref int position)
    {
        if (body.Length - position < 4)
            throw new ParquetFormatException("a page ends before its levels");
        int length = BinaryPrimitives.ReadInt32LittleEndian(body.Span[position..]);
        if (length < 0 || length > body.Length - position - 4)
            throw new ParquetFormatException($"a page's levels claim {length} bytes, more than the page holds");
        var levels = body.Slice(position + 4, length);
        position += 4 + length;
        return levels;
    }

    private static void Rent(ref byte[] buffer, int size)
    {
        if (buffer.Length >= size) return;
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
        buffer = ArrayPool<byte>.Shared.Rent(size);
    }

    public void Dispose()
    {
        decompressor.Dispose();
        foreach (var buffer in new[] { headerBuffer, bodyBuffer })
            if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
        headerBuffer = bodyBuffer = [];
    }
}
