using System.Buffers.Binary;

namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>INT32 and INT64 leaves as <see cref="long"/>; an unsigned INT32 is widened without its sign.</summary>
internal sealed class IntegerDecoding : ValueDecoding<long>
{
    public static readonly IntegerDecoding Instance = new();

    protected override IValueDecoder<long> CreatePlain(ReadOnlyMemory<byte> values, LeafColumn leaf) =>
        new PlainIntegers(values, leaf);

    protected override IValueDecoder<long>? CreateOther(ValueEncoding encoding, ReadOnlyMemory<byte> values, int maxValues, LeafColumn leaf) =>
        encoding switch
        {
            ValueEncoding.DeltaBinaryPacked => Widen(new DeltaBinaryPackedDecoder(values, leaf.Physical == PhysicalType.Int32), leaf),
            ValueEncoding.ByteStreamSplit => new PlainIntegers(ByteStreamSplit.Join(values, Width(leaf)), leaf),
            _ => null,
        };

    private static int Width(LeafColumn leaf) => leaf.Physical == PhysicalType.Int32 ? 4 : 8;

    private static IValueDecoder<long> Widen(IValueDecoder<long> decoder, LeafColumn leaf) =>
        leaf.Unsigned && leaf.Physical == PhysicalType.Int32 ? new UnsignedInt32(decoder) : decoder;

    private sealed class PlainIntegers(ReadOnlyMemory<byte> data, LeafColumn leaf) : IValueDecoder<long>
    {
        private readonly int width = Width(leaf);
        private readonly bool unsigned32 = leaf.Unsigned && leaf.Physical == PhysicalType.Int32;
        private int position;

        public void Read(Span<long> destination)
        {
            var span = data.Span;
            if ((long)destination.Length * width > span.Length - position)
                throw new ParquetFormatException("plain-encoded integers end early");
            for (int i = 0; i < destination.Length; i++, position += width)
            {
                var bytes = span[position..];
                destination[i] = width == 8 ? BinaryPrimitives.ReadInt64LittleEndian(bytes)
                    : unsigned32 ? BinaryPrimitives.ReadUInt32LittleEndian(bytes)
                    : BinaryPrimitives.ReadInt32LittleEndian(bytes);
            }
        }
    }

    private sealed class UnsignedInt32(IValueDecoder<long> inner) : IValueDecoder<long>
    {
        public void Read(Span<long> destination)
        {
            inner.Read(destination);
            foreach (ref long value in destination) value = (uint)value;
        }
    }
}
