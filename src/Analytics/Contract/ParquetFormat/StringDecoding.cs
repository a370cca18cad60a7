using System.Buffers.Binary;
using System.Text;

namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>BYTE_ARRAY leaves as UTF-8 strings.</summary>
internal sealed class StringDecoding : ValueDecoding<string>
{
    public static readonly StringDecoding Instance = new();

    protected override IValueDecoder<string> CreatePlain(ReadOnlyMemory<byte> values, LeafColumn leaf) => new PlainStrings(values);

    protected override IValueDecoder<string>? CreateOther(ValueEncoding encoding, ReadOnlyMemory<byte> values, int maxValues, LeafColumn leaf) =>
        encoding switch
        {
            ValueEncoding.DeltaLengthByteArray => new DeltaLengthStrings(values, maxValues),
            ValueEncoding.DeltaByteArray => new DeltaStrings(values, maxValues),
            _ => null,
        };

    /// <summary>
    /// Makes strings, handing back the previous one when the bytes repeat: a plain-encoded split or label
    /// column then costs one string per run instead of one per row.
    /// </summary>
    private sealed class StringMaker
    {
        private byte[] lastBytes = [];
        private int lastLength = -1;
        private string last = "";

        public string Make(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length == lastLength && bytes.SequenceEqual(lastBytes.AsSpan(0, lastLength)))
                return last;
            last = Encoding.UTF8.GetString(bytes);
            if (bytes.Length <= 256)
            {
                if (lastBytes.Length < bytes.Length) lastBytes = new byte[256];
                bytes.CopyTo(lastBytes);
                lastLength = bytes.Length;
            }
            else
            {
                lastLength = -1;
            }
            return last;
        }
    }

    private sealed class PlainStrings(ReadOnlyMemory<byte> data) : IValueDecoder<string>
    {
        private readonly StringMaker maker = new();
        private int position;

        public void Read(Span<string> destination)
        {
            var span = data.Span;
            for (int i = 0; i < destination.Length; i++)
            {
                if (span.Length - position < 4)
                    throw new ParquetFormatException("plain-encoded strings end early");
                int length = BinaryPrimitives.ReadInt32LittleEndian(span[position..]);
                position += 4;
                if (length < 0 || length > span.Length - position)
                    throw new ParquetFormatException($"a string claims {length} bytes, more than its page holds");
                destination[i] = maker.Make(span.Slice(position, length));
                position += length;
            }
        }
    }

    /// <summary>DELTA_LENGTH_BYTE_ARRAY: all lengths (delta binary packed), then all bytes back to back.</summary>
    private sealed class DeltaLengthByteArrays
    {
        private readonly ReadOnlyMemory<byte> bytes;
        private readonly long[] lengths;
        private int index;
        private int position;

        public DeltaLengthByteArrays(ReadOnlyMemory<byte> data, int maxValues)
        {
            lengths = ReadAllDeltas(data, maxValues, out int consumed);
            bytes = data[consumed..];
        }

        public int Remaining => lengths.Length - index;

        public ReadOnlySpan<byte> Next()
        {
            long length = lengths[index++];
            if (length < 0 || length > bytes.Length - position)
                throw new ParquetFormatException($"a string claims {length} bytes, more than its page holds");
            var value = bytes.Span.Slice(position, (int)length);
            position += (int)length;
            return value;
        }
    }

    private sealed class DeltaLengthStrings(ReadOnlyMemory<byte> data, int maxValues) : IValueDecoder<string>
    {
        private readonly StringMaker maker = new();
        private readonly DeltaLengthByteArrays values = new(data, maxValues);

        public void Read(Span<string> destination)
        {
            if (destination.Length > values.Remaining)
                throw new ParquetFormatException("delta-length strings end early");
            for (int i = 0; i < destination.Length; i++) destination[i] = maker.Make(values.Next());
        }
    }

    /// <summary>DELTA_BYTE_ARRAY: each value repeats a prefix of the previous one, then adds its suffix (delta-length encoded).</summary>
    private sealed class DeltaStrings : IValueDecoder<string>
    {
        private readonly long[] prefixes;
        private readonly DeltaLengthByteArrays suffixes;
        private byte[] previous = [];
        private int index;

        public DeltaStrings(ReadOnlyMemory<byte> data, int maxValues)
        {
            prefixes = ReadAllDeltas(data, maxValues, out int consumed);
            suffixes = new DeltaLengthByteArrays(data[consumed..], maxValues);
        }

        public void Read(Span<string> destination)
        {
            if (destination.Length > prefixes.Length - index || destination.Length > suffixes.Remaining)
                throw new ParquetFormatException("delta strings end early");
            for (int i = 0; i < destination.Length; i++)
            {
                long prefix = prefixes[index++];
                if (prefix < 0 || prefix > previous.Length)
                    throw new ParquetFormatException($"a delta string reuses {prefix} bytes of a {previous.Length}-byte predecessor");
                var suffix = suffixes.Next();
                var value = new byte[prefix + suffix.Length];
                previous.AsSpan(0, (int)prefix).CopyTo(value);
                suffix.CopyTo(value.AsSpan((int)prefix));
                previous = value;
                destination[i] = Encoding.UTF8.GetString(value);
            }
        }
    }

    /// <summary>Reads a whole delta-binary-packed integer stream (string lengths or prefixes) and where it ends.</summary>
    private static long[] ReadAllDeltas(ReadOnlyMemory<byte> data, int maxValues, out int consumed)
    {
        var decoder = new DeltaBinaryPackedDecoder(data, truncateTo32Bits: true);
        if (decoder.Count > maxValues)
            throw new ParquetFormatException($"delta-encoded strings claim {decoder.Count} values in a page of {maxValues}");
        var values = new long[decoder.Count];
        decoder.Read(values);
        consumed = decoder.BytesConsumed;
        return values;
    }
}
