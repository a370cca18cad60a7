using System.IO.Compression;
using K4os.Compression.LZ4;
using ZstdSharp;

namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>
/// Decompresses pages to exactly the size their headers announce, without trusting that size. Zstd, gzip,
/// brotli and uncompressed pages are read straight from the file into a buffer that grows only as real output
/// appears, so neither a lying header nor a huge page (Parquet.Net writes a whole column chunk as one page)
/// costs more than the output itself. Snappy and LZ4 pages, whose formats cannot stream, are decoded from
/// memory, after checking the claim against the most their input can expand to. The codec libraries are the
/// managed ones Parquet.Net already depends on. Not thread-safe; its output buffer is reused page to page.
/// </summary>
internal sealed class PageDecompressor : IDisposable
{
    private const int FirstBufferSize = 1 << 16;

    private byte[] output = [];
    private Decompressor? zstd;

    /// <summary>Whether <see cref="DecompressAsync"/> reads this codec from the file; else use <see cref="Decompress"/>.</summary>
    public static bool Streams(CompressionCodec codec) =>
        codec is CompressionCodec.Uncompressed or CompressionCodec.Zstd or CompressionCodec.Gzip or CompressionCodec.Brotli;

    /// <summary>Decompresses a page read from the file (a streaming codec). Valid until the next call.</summary>
    public async ValueTask<ReadOnlyMemory<byte>> DecompressAsync(CompressionCodec codec, FileSlice compressed, bool gzipMagic,
        int uncompressedLength, CancellationToken cancellationToken)
    {
        if (codec == CompressionCodec.Uncompressed && compressed.Length != uncompressedLength)
            throw new ParquetFormatException($"an uncompressed page holds {compressed.Length} bytes, its header says {uncompressedLength}");
        try
        {
            await using Stream source = codec switch
            {
                CompressionCodec.Zstd => new DecompressionStream(compressed, zstd ??= new Decompressor(), preserveDecompressor: true),
                // Parquet says gzip; some writers emit a bare zlib stream. The gzip magic tells them apart.
                CompressionCodec.Gzip when gzipMagic => new GZipStream(compressed, CompressionMode.Decompress),
                CompressionCodec.Gzip => new ZLibStream(compressed, CompressionMode.Decompress),
                CompressionCodec.Brotli => new BrotliStream(compressed, CompressionMode.Decompress),
                _ => compressed,
            };
            int likelySize = (int)Math.Min(compressed.Length * 8, Array.MaxLength);
            int written = await ReadGrowingAsync(source, likelySize, uncompressedLength, cancellationToken);
            if (written != uncompressedLength)
                throw new ParquetFormatException($"a page decompresses to {written} bytes, its header says {uncompressedLength}");
            return new ReadOnlyMemory<byte>(output, 0, uncompressedLength);
        }
        catch (Exception exception) when (exception is not (ParquetFormatException or SourceReadException or OperationCanceledException))
        {
            // The codec libraries throw their own types on corrupt input.
            throw new ParquetFormatException($"a {codec} page does not decompress: {exception.Message}");
        }
    }

    /// <summary>Decompresses a page held in memory (snappy, lz4_raw). Valid until the next call.</summary>
    public ReadOnlyMemory<byte> Decompress(CompressionCodec codec, ReadOnlySpan<byte> source, int uncompressedLength)
    {
        // The most these formats expand: snappy ~21× (a 3-byte copy of 64 bytes), lz4 ~255×.
        int ratio = codec switch
        {
            CompressionCodec.Snappy => 22,
            CompressionCodec.Lz4Raw => 256,
            _ => throw new ParquetFormatException($"compression {codec} is not supported (use zstd, snappy, gzip, brotli, lz4_raw or none)"),
        };
        if (uncompressedLength > (long)source.Length * ratio + 64)
            throw new ParquetFormatException($"a page claims {uncompressedLength} bytes, more than {source.Length} compressed bytes can hold");
        var destination = PageBuffers.Grow(ref output, uncompressedLength).AsSpan(0, uncompressedLength);
        int written;
        try
        {
            written = codec == CompressionCodec.Snappy ? Snappy(source, destination) : LZ4Codec.Decode(source, destination);
        }
        catch (Exception exception) when (exception is not ParquetFormatException)
        {
            throw new ParquetFormatException($"a {codec} page does not decompress: {exception.Message}");
        }
        if (written != uncompressedLength)
            throw new ParquetFormatException($"a page decompresses to {Math.Max(written, 0)} bytes, its header says {uncompressedLength}");
        return new ReadOnlyMemory<byte>(output, 0, uncompressedLength);
    }

    /// <summary>Reads to the end, doubling the buffer as output appears, never past the claimed length.</summary>
    private async ValueTask<int> ReadGrowingAsync(Stream source, int likelySize, int length, CancellationToken cancellationToken)
    {
        int capacity = Math.Min(length, Math.Max(FirstBufferSize, likelySize));
        int written = 0;
        while (true)
        {
            PageBuffers.Grow(ref output, capacity, keep: written);
            int read = await source.ReadAsync(output.AsMemory(written, capacity - written), cancellationToken);
            if (read == 0) return written;
            written += read;
            if (written < capacity) continue;
            if (capacity == length)
                return await source.ReadAsync(new byte[1], cancellationToken) == 0
                    ? written
                    : throw new ParquetFormatException($"a page decompresses to more than the {length} bytes its header says");
            capacity = (int)Math.Min((long)capacity * 2, length);
        }
    }

    private static int Snappy(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int length = Snappier.Snappy.GetUncompressedLength(source);
        if (length != destination.Length)
            throw new ParquetFormatException($"a snappy page decompresses to {length} bytes, its header says {destination.Length}");
        return Snappier.Snappy.Decompress(source, destination);
    }

    public void Dispose() => zstd?.Dispose();
}
