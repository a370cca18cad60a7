using System.Buffers;
using System.IO.Compression;
using K4os.Compression.LZ4;
using ZstdSharp;

namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>
/// Decompresses pages to exactly the size their headers announce, without trusting that size: codecs with a
/// bounded expansion (snappy, gzip, lz4) must claim no more than their input can hold, and zstd and brotli,
/// which can expand almost without limit, decompress into a buffer that grows only as real output appears.
/// So a header lying about its size costs an exception, not a huge allocation. The codec libraries are the
/// managed ones Parquet.Net already depends on. Not thread-safe; owns one output buffer, reused page to page.
/// </summary>
internal sealed class PageDecompressor : IDisposable
{
    private const int FirstGrowableSize = 1 << 16;

    private byte[] output = [];
    private Decompressor? zstd;
    private BrotliDecoder brotli;

    /// <summary>The page's bytes, valid until the next call.</summary>
    public ReadOnlyMemory<byte> Decompress(CompressionCodec codec, ArraySegment<byte> source, int uncompressedLength)
    {
        try
        {
            int written = codec switch
            {
                CompressionCodec.Uncompressed => Bounded(source, uncompressedLength, 1, 0, Copy),
                CompressionCodec.Snappy => Bounded(source, uncompressedLength, 22, 32, Snappy),
                CompressionCodec.Gzip => Bounded(source, uncompressedLength, 1040, 1024, Inflate),
                CompressionCodec.Lz4Raw => Bounded(source, uncompressedLength, 256, 64, (s, d) => LZ4Codec.Decode(s, d)),
                CompressionCodec.Zstd => Zstd(source, uncompressedLength),
                CompressionCodec.Brotli => Brotli(source, uncompressedLength),
                _ => throw new ParquetFormatException($"compression {codec} is not supported (use zstd, snappy, gzip, brotli, lz4_raw or none)"),
            };
            if (written != uncompressedLength)
                throw new ParquetFormatException($"a page decompresses to {Math.Max(written, 0)} bytes, its header says {uncompressedLength}");
            return new ReadOnlyMemory<byte>(output, 0, uncompressedLength);
        }
        catch (Exception exception) when (exception is not ParquetFormatException)
        {
            // The codec libraries throw their own types on corrupt input.
            throw new ParquetFormatException($"a {codec} page does not decompress: {exception.Message}");
        }
    }

    private delegate int Decoder(ArraySegment<byte> source, Span<byte> destination);

    /// <summary>A page whose codec expands at most <paramref name="ratio"/> times (plus a header) is checked before allocating.</summary>
    private int Bounded(ArraySegment<byte> source, int length, int ratio, int slack, Decoder decode)
    {
        if (length > (long)source.Count * ratio + slack)
            throw new ParquetFormatException($"a page claims {length} bytes, more than {source.Count} compressed bytes can hold");
        Ensure(length);
        return decode(source, output.AsSpan(0, length));
    }

    /// <summary>Streams into a buffer that grows, doubling, as output appears, never past the claimed length.</summary>
    private int Growing(ArraySegment<byte> source, int length,
        Func<ArraySegment<byte>, int, (OperationStatus Status, int Consumed, int Written)> step)
    {
        int capacity = Math.Min(length, Math.Max(FirstGrowableSize, source.Count * 8));
        int consumed = 0, written = 0;
        while (true)
        {
            Ensure(capacity, keep: written);
            var (status, used, produced) = step(source[consumed..], written);
            consumed += used;
            written += produced;
            if (status == OperationStatus.Done) return written;
            if (status != OperationStatus.DestinationTooSmall || capacity >= length)
                throw new ParquetFormatException(status == OperationStatus.DestinationTooSmall
                    ? $"a page decompresses to more than the {length} bytes its header says"
                    : "a page's compressed data is truncated or corrupt");
            capacity = (int)Math.Min((long)capacity * 2, length);
        }
    }

    // Each page is a stream of its own: a page that failed midway must not leave state behind.
    private int Zstd(ArraySegment<byte> source, int length)
    {
        zstd ??= new Decompressor();
        zstd.ResetStream();
        return Growing(source, length, (remaining, offset) =>
        {
            var status = zstd.UnwrapStream(remaining, output.AsSpan(offset), out int consumed, out int written);
            return (status, consumed, written);
        });
    }

    private int Brotli(ArraySegment<byte> source, int length)
    {
        brotli.Dispose();
        brotli = new BrotliDecoder();
        return Growing(source, length, (remaining, offset) =>
        {
            var status = brotli.Decompress(remaining, output.AsSpan(offset), out int consumed, out int written);
            return (status, consumed, written);
        });
    }

    private static int Copy(ArraySegment<byte> source, Span<byte> destination)
    {
        source.AsSpan(0, Math.Min(source.Count, destination.Length)).CopyTo(destination);
        return source.Count;
    }

    private static int Snappy(ArraySegment<byte> source, Span<byte> destination)
    {
        int length = Snappier.Snappy.GetUncompressedLength(source);
        if (length != destination.Length)
            throw new ParquetFormatException($"a snappy page decompresses to {length} bytes, its header says {destination.Length}");
        return Snappier.Snappy.Decompress(source, destination);
    }

    private static int Inflate(ArraySegment<byte> source, Span<byte> destination)
    {
        // Parquet says gzip; some writers emit a bare zlib stream. The gzip magic tells them apart.
        using var input = new MemoryStream(source.Array!, source.Offset, source.Count, writable: false);
        using Stream inflater = source.AsSpan() is [0x1F, 0x8B, ..]
            ? new GZipStream(input, CompressionMode.Decompress)
            : new ZLibStream(input, CompressionMode.Decompress);
        int written = inflater.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
        if (written == destination.Length && inflater.ReadByte() >= 0)
            throw new ParquetFormatException($"a gzip page decompresses to more than the {destination.Length} bytes its header says");
        return written;
    }

    private void Ensure(int size, int keep = 0)
    {
        if (output.Length >= size) return;
        var larger = ArrayPool<byte>.Shared.Rent(size);
        output.AsSpan(0, keep).CopyTo(larger);
        Return();
        output = larger;
    }

    private void Return()
    {
        if (output.Length > 0) ArrayPool<byte>.Shared.Return(output);
        output = [];
    }

    public void Dispose()
    {
        zstd?.Dispose();
        brotli.Dispose();
        Return();
    }
}
