using System.Buffers.Binary;

namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>
/// Walks the pages of one column chunk in order, checking every header against the chunk's bounds before
/// reading or allocating, and hands out each page decompressed. Every step moves forward through the chunk,
/// so a corrupt file ends in an exception, never a loop.
/// </summary>
internal sealed class PageReader
{
    private const int FirstHeaderRead = 256;

    private readonly Stream stream;
    private readonly FooterColumnChunk chunk;
    private readonly LeafColumn leaf;
    private readonly long end;
    private readonly PageBuffers buffers;
    private byte[] bodyBuffer = [];
    private long offset;
    private long valuesRead;
    private bool sawDictionary;
    private bool sawData;

    public PageReader(Stream stream, FooterColumnChunk chunk, LeafColumn leaf, long dataEnd, PageBuffers buffers)
    {
        this.stream = stream;
        this.buffers = buffers;
        this.chunk = chunk;
        this.leaf = leaf;
        offset = chunk.StartOffset;
        end = offset + chunk.TotalCompressedSize;
        if (chunk.InOtherFile)
            throw new ParquetFormatException("the column chunk is stored in another file");
        if (offset < 4 || offset > dataEnd || chunk.TotalCompressedSize > dataEnd || end > dataEnd)
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
            return header.Type == PageType.DataPageV2
                ? await DataPageV2Async(header, bodyStart, cancellationToken)
                : Split(header, await DecompressAsync(chunk.Codec, bodyStart, header.CompressedSize, header.UncompressedSize, cancellationToken));
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
            var headerBuffer = buffers.Header(size);
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
        bodyBuffer = buffers.Body(length);
        await SourceReads.ReadAtAsync(stream, start, bodyBuffer.AsMemory(0, length), cancellationToken);
    }

    /// <summary>Decompresses bytes of the file: streamed from it when the codec allows, else read first.</summary>
    private async ValueTask<ReadOnlyMemory<byte>> DecompressAsync(CompressionCodec codec, long start, int length, int uncompressedLength,
        CancellationToken cancellationToken)
    {
        if (!PageDecompressor.Streams(codec))
        {
            await ReadBodyAsync(start, length, cancellationToken);
            return buffers.Decompressor.Decompress(codec, bodyBuffer.AsSpan(0, length), uncompressedLength);
        }
        bool gzipMagic = false;
        if (codec == CompressionCodec.Gzip && length >= 2)
        {
            var magic = new byte[2];
            await SourceReads.ReadAtAsync(stream, start, magic, cancellationToken);
            gzipMagic = magic is [0x1F, 0x8B];
        }
        var compressed = new FileSlice(stream, start, length);
        return await buffers.Decompressor.DecompressAsync(codec, compressed, gzipMagic, uncompressedLength, cancellationToken);
    }

    /// <summary>A dictionary page is all values; a v1 data page starts with its length-prefixed levels.</summary>
    private Page Split(PageHeader header, ReadOnlyMemory<byte> body)
    {
        if (header.Type == PageType.DictionaryPage)
            return new Page(PageType.DictionaryPage, header.NumValues, header.Encoding, default, default, body);
        int position = 0;
        var repetition = leaf.MaxRepetition > 0 ? LengthPrefixed(body, ref position) : default;
        var definition = leaf.MaxDefinition > 0 ? LengthPrefixed(body, ref position) : default;
        return new Page(PageType.DataPage, header.NumValues, header.Encoding, repetition, definition, body[position..]);
    }

    /// <summary>A v2 page keeps its levels uncompressed ahead of its (maybe compressed) values.</summary>
    private async ValueTask<Page> DataPageV2Async(PageHeader header, long bodyStart, CancellationToken cancellationToken)
    {
        int levels = header.RepetitionLevelsLength + header.DefinitionLevelsLength;
        await ReadBodyAsync(bodyStart, levels, cancellationToken);
        var repetition = new ReadOnlyMemory<byte>(bodyBuffer, 0, header.RepetitionLevelsLength);
        var definition = new ReadOnlyMemory<byte>(bodyBuffer, header.RepetitionLevelsLength, header.DefinitionLevelsLength);
        var codec = header.ValuesCompressed ? chunk.Codec : CompressionCodec.Uncompressed;
        var values = await DecompressAsync(codec, bodyStart + levels, header.CompressedSize - levels, header.UncompressedSize - levels, cancellationToken);
        return new Page(PageType.DataPageV2, header.NumValues, header.Encoding, repetition, definition, values);
    }

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
}
