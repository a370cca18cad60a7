namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>
/// Reads little-endian bit-packed integers (Parquet packs values least significant bit first) from a span,
/// refusing to read past its end.
/// </summary>
internal struct BitReader(ReadOnlyMemory<byte> data)
{
    private readonly ReadOnlyMemory<byte> data = data;
    private int bytePosition;
    private ulong buffer;
    private int bufferedBits;

    public readonly int BytesConsumed => bytePosition;

    /// <summary>Reads one value of <paramref name="width"/> bits (0 to 64).</summary>
    public ulong Read(int width)
    {
        if (width <= 32) return ReadUpTo32(width);
        ulong low = ReadUpTo32(32);
        return low | (ReadUpTo32(width - 32) << 32);
    }

    private ulong ReadUpTo32(int width)
    {
        if (width == 0) return 0;
        var span = data.Span;
        while (bufferedBits < width)
        {
            if (bytePosition >= span.Length)
                throw new ParquetFormatException("bit-packed values end early");
            buffer |= (ulong)span[bytePosition++] << bufferedBits;
            bufferedBits += 8;
        }
        ulong value = buffer & ((1UL << width) - 1);
        buffer >>= width;
        bufferedBits -= width;
        return value;
    }

    /// <summary>Drops the bits left in the current byte, so the next read starts on a byte boundary.</summary>
    public void AlignToByte()
    {
        buffer = 0;
        bufferedBits = 0;
    }
}
