namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>
/// Streams Parquet's RLE/bit-packed hybrid encoding (definition and repetition levels, dictionary indexes):
/// a varint header announces either a run of one repeated value or groups of 8 bit-packed values. Reads as
/// many values as asked, so a page's levels never need a buffer the size of the page.
/// </summary>
internal sealed class RleBitPackedReader
{
    private ReadOnlyMemory<byte> data;
    private int position;
    private int bitWidth;
    private long repeatLeft;
    private int repeatValue;
    private long packedLeft;
    private BitReader packed;

    public void Reset(ReadOnlyMemory<byte> encoded, int width)
    {
        if (width is < 0 or > 32)
            throw new ParquetFormatException($"invalid bit width {width}");
        data = encoded;
        bitWidth = width;
        position = 0;
        repeatLeft = 0;
        packedLeft = 0;
    }

    /// <summary>Fills <paramref name="destination"/> completely or throws if the encoded values end first.</summary>
    public void Read(Span<int> destination)
    {
        int filled = 0;
        while (filled < destination.Length)
        {
            if (repeatLeft > 0)
            {
                int count = (int)Math.Min(repeatLeft, destination.Length - filled);
                destination.Slice(filled, count).Fill(repeatValue);
                repeatLeft -= count;
                filled += count;
            }
            else if (packedLeft > 0)
            {
                int count = (int)Math.Min(packedLeft, destination.Length - filled);
                for (int i = 0; i < count; i++)
                    destination[filled + i] = (int)packed.Read(bitWidth);
                packedLeft -= count;
                filled += count;
            }
            else
            {
                ReadRunHeader();
            }
        }
    }

    private void ReadRunHeader()
    {
        var span = data.Span;
        ulong header = ReadVarint(span);
        long count = (long)(header >> 1);
        if ((header & 1) == 0)
        {
            int byteWidth = (bitWidth + 7) / 8;
            if (position + byteWidth > span.Length)
                throw new ParquetFormatException("RLE run ends early");
            int value = 0;
            for (int i = 0; i < byteWidth; i++) value |= span[position + i] << (8 * i);
            position += byteWidth;
            repeatValue = value;
            repeatLeft = count;
        }
        else
        {
            // The last group may be cut short by the writer; BitReader reports a real shortage when read.
            long bytes = count * bitWidth;
            int available = (int)Math.Min(bytes, span.Length - position);
            packed = new BitReader(data.Slice(position, available));
            position += available;
            packedLeft = count * 8;
        }
        if (repeatLeft == 0 && packedLeft == 0 && position >= span.Length)
            throw new ParquetFormatException("RLE/bit-packed values end early");
    }

    private ulong ReadVarint(ReadOnlySpan<byte> span)
    {
        ulong result = 0;
        for (int shift = 0; shift < 35; shift += 7)
        {
            if (position >= span.Length)
                throw new ParquetFormatException("RLE/bit-packed values end early");
            byte b = span[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new ParquetFormatException("RLE run header too long");
    }
}
