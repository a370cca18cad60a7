using System.Runtime.InteropServices;

namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>FLOAT and DOUBLE leaves as <see cref="double"/>.</summary>
internal sealed class FloatDecoding : ValueDecoding<double>
{
    public static readonly FloatDecoding Instance = new();

    protected override IValueDecoder<double> CreatePlain(ReadOnlyMemory<byte> values, LeafColumn leaf) =>
        new PlainFloats(values, leaf.Physical == PhysicalType.Float);

    protected override IValueDecoder<double>? CreateOther(ValueEncoding encoding, ReadOnlyMemory<byte> values, int maxValues, LeafColumn leaf) =>
        encoding == ValueEncoding.ByteStreamSplit
            ? new PlainFloats(ByteStreamSplit.Join(values, leaf.Physical == PhysicalType.Float ? 4 : 8), leaf.Physical == PhysicalType.Float)
            : null;

    /// <summary>Little-endian IEEE values back to back; reinterpreted in place, which x64 and ARM64 allow unaligned.</summary>
    private sealed class PlainFloats(ReadOnlyMemory<byte> data, bool single) : IValueDecoder<double>
    {
        private int position;

        public void Read(Span<double> destination)
        {
            int width = single ? 4 : 8;
            var span = data.Span;
            if ((long)destination.Length * width > span.Length - position)
                throw new ParquetFormatException("plain-encoded floats end early");
            var bytes = span.Slice(position, destination.Length * width);
            if (single)
            {
                var floats = MemoryMarshal.Cast<byte, float>(bytes);
                for (int i = 0; i < floats.Length; i++) destination[i] = floats[i];
            }
            else
            {
                MemoryMarshal.Cast<byte, double>(bytes).CopyTo(destination);
            }
            position += bytes.Length;
        }
    }
}
