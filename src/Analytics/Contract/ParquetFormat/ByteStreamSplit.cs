namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>
/// BYTE_STREAM_SPLIT stores byte k of every value in stream k. Joining the streams gives the plain encoding,
/// which the plain decoders then read.
/// </summary>
internal static class ByteStreamSplit
{
    public static ReadOnlyMemory<byte> Join(ReadOnlyMemory<byte> streams, int width)
    {
        if (streams.Length % width != 0)
            throw new ParquetFormatException($"byte-stream-split data of {streams.Length} bytes is not a multiple of {width}");
        int count = streams.Length / width;
        var source = streams.Span;
        var joined = new byte[streams.Length];
        for (int k = 0; k < width; k++)
        {
            var stream = source.Slice(k * count, count);
            for (int i = 0; i < count; i++) joined[i * width + k] = stream[i];
        }
        return joined;
    }
}
