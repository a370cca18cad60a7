namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>
/// DELTA_BINARY_PACKED: a header (block size, miniblocks per block, value count, first value), then blocks
/// of a minimum delta, one bit width per miniblock, and the bit-packed deltas. Arithmetic wraps, as the spec
/// requires. Also reads the length and prefix streams of the delta byte-array encodings, which need to know
/// where the integers end (<see cref="BytesConsumed"/>).
/// </summary>
internal sealed class DeltaBinaryPackedDecoder : IValueDecoder<long>
{
    private readonly ReadOnlyMemory<byte> data;
    private readonly int miniblocksPerBlock;
    private readonly int valuesPerMiniblock;
    private readonly long totalValues;
    private readonly bool truncateTo32Bits;
    private readonly byte[] bitWidths;
    private long returned;
    private long previous;
    private long minDelta;
    private int miniblock;
    private int leftInMiniblock;
    private int cursor;
    private BitReader bits;

    public DeltaBinaryPackedDecoder(ReadOnlyMemory<byte> data, bool truncateTo32Bits)
    {
        this.data = data;
        this.truncateTo32Bits = truncateTo32Bits;
        int blockSize = CheckedCount(ReadVarint(), "block size");
        miniblocksPerBlock = CheckedCount(ReadVarint(), "miniblock count");
        totalValues = (long)ReadVarint();
        previous = ReadZigZag();
        if (blockSize == 0 || blockSize % 128 != 0 || miniblocksPerBlock == 0 || blockSize % miniblocksPerBlock != 0
            || blockSize / miniblocksPerBlock % 32 != 0)
            throw new ParquetFormatException($"invalid delta encoding block ({blockSize} values in {miniblocksPerBlock} miniblocks)");
        valuesPerMiniblock = blockSize / miniblocksPerBlock;
        bitWidths = new byte[miniblocksPerBlock];
        miniblock = miniblocksPerBlock - 1;
    }

    public long Count => totalValues;

    /// <summary>Where the stream ends once all its values are read: the end of the last miniblock used.</summary>
    public int BytesConsumed => Math.Min(cursor, data.Length);

    public void Read(Span<long> destination)
    {
        if (destination.Length > totalValues - returned)
            throw new ParquetFormatException($"delta-encoded values end early ({totalValues} in the page)");
        for (int i = 0; i < destination.Length; i++)
        {
            if (returned > 0)
            {
                if (leftInMiniblock == 0) NextMiniblock();
                long delta = unchecked(minDelta + (long)bits.Read(bitWidths[miniblock]));
                previous = unchecked(previous + delta);
                leftInMiniblock--;
            }
            destination[i] = truncateTo32Bits ? (int)previous : previous;
            returned++;
        }
    }

    private void NextMiniblock()
    {
        if (++miniblock == miniblocksPerBlock)
        {
            minDelta = ReadZigZag();
            var span = data.Span;
            if (cursor + miniblocksPerBlock > span.Length)
                throw new ParquetFormatException("delta-encoded block ends early");
            span.Slice(cursor, miniblocksPerBlock).CopyTo(bitWidths);
            cursor += miniblocksPerBlock;
            miniblock = 0;
        }
        int width = bitWidths[miniblock];
        if (width > 64)
            throw new ParquetFormatException($"invalid delta bit width {width}");
        // Miniblocks are padded to full size; only a writer's last one might be cut, and BitReader catches
        // a real shortage.
        int start = Math.Min(cursor, data.Length);
        int size = valuesPerMiniblock / 8 * width;
        bits = new BitReader(data.Slice(start, Math.Min(size, data.Length - start)));
        cursor = start + size;
        leftInMiniblock = valuesPerMiniblock;
    }

    private static int CheckedCount(ulong value, string what) =>
        value <= 1 << 20 ? (int)value : throw new ParquetFormatException($"invalid delta encoding {what} {value}");

    private ulong ReadVarint()
    {
        var span = data.Span;
        ulong result = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            if (cursor >= span.Length)
                throw new ParquetFormatException("delta-encoded header ends early");
            byte b = span[cursor++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new ParquetFormatException("delta-encoded varint too long");
    }

    private long ReadZigZag()
    {
        ulong raw = ReadVarint();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }
}
