using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Dynamics;

/// <summary>
/// A <see cref="DynamicsState"/> as bytes: a magic, the counts, then every array raw and little-endian, one after
/// another. Raw arrays make a million samples a memory copy each way, not a parse.
/// </summary>
public static class StateCodec
{
    static readonly byte[] Magic = "CVCDYN01"u8.ToArray();

    public static byte[] Encode(DynamicsState state)
    {
        var ids = ColumnCodec.EncodeStrings(state.Ids);
        var hash = Encoding.UTF8.GetBytes(state.IdsHash);
        var p = state.Predictions;
        var buffer = new Writer(Magic.Length + 16 + 4 + hash.Length + 4 + ids.Length + state.Count * 64 + 4 + p.Classes.Length * 8);
        buffer.Bytes(Magic);
        buffer.Int(state.Count);
        buffer.Int(p.Classes.Length);
        buffer.Long(state.LastEpoch);
        buffer.Int(hash.Length);
        buffer.Bytes(hash);
        buffer.Int(ids.Length);
        buffer.Bytes(ids);
        buffer.Array<int>(state.Observed);
        buffer.Array<int>(state.Correct);
        buffer.Array<int>(state.Forgettings);
        buffer.Array<long>(state.LearnedSince);
        buffer.Array<double>(state.MeanLabelProbability);
        buffer.Array<double>(state.SquaredDeviations);
        buffer.Array<double>(state.MarginSum);
        buffer.Array<int>(state.LastLabel);
        buffer.Array<float>(state.LastLabelProbability);
        buffer.Array<float>(state.LastProbabilityMargin);
        buffer.Array<int>(p.Offsets);
        buffer.Array<int>(p.Classes);
        buffer.Array<int>(p.Counts);
        return buffer.Done();
    }

    public static DynamicsState Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new Reader(bytes);
        if (!reader.Bytes(Magic.Length).SequenceEqual(Magic)) throw new InvalidDataException("Not a training-dynamics state.");
        var n = reader.Int();
        var entries = reader.Int();
        var lastEpoch = reader.Long();
        var hash = Encoding.UTF8.GetString(reader.Bytes(reader.Int()));
        var ids = ColumnCodec.DecodeStrings(reader.Bytes(reader.Int()));
        if (ids.Length != n) throw new InvalidDataException($"The state holds {ids.Length} ids for {n} samples.");
        var state = new DynamicsState
        {
            Ids = ids, IdsHash = hash, LastEpoch = lastEpoch,
            Observed = reader.Array<int>(n), Correct = reader.Array<int>(n), Forgettings = reader.Array<int>(n),
            LearnedSince = reader.Array<long>(n), MeanLabelProbability = reader.Array<double>(n), SquaredDeviations = reader.Array<double>(n),
            MarginSum = reader.Array<double>(n), LastLabel = reader.Array<int>(n), LastLabelProbability = reader.Array<float>(n),
            LastProbabilityMargin = reader.Array<float>(n),
            Predictions = new PredictionCounts(reader.Array<int>(n + 1), reader.Array<int>(entries), reader.Array<int>(entries)),
        };
        if (!reader.AtEnd) throw new InvalidDataException("The state has trailing bytes.");
        return state;
    }

    ref struct Writer(int capacity)
    {
        readonly byte[] buffer = new byte[capacity];
        int position;

        public void Bytes(ReadOnlySpan<byte> value) { value.CopyTo(buffer.AsSpan(position)); position += value.Length; }
        public void Int(int value) { BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(position), value); position += 4; }
        public void Long(long value) { BinaryPrimitives.WriteInt64LittleEndian(buffer.AsSpan(position), value); position += 8; }
        public void Array<T>(T[] values) where T : struct => Bytes(MemoryMarshal.AsBytes(values.AsSpan()));
        public readonly byte[] Done() => position == buffer.Length ? buffer : buffer[..position];
    }

    ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        readonly ReadOnlySpan<byte> bytes = bytes;
        int position;

        public readonly bool AtEnd => position == bytes.Length;

        public ReadOnlySpan<byte> Bytes(int length)
        {
            if (length < 0 || length > bytes.Length - position) throw new InvalidDataException("The state is truncated.");
            var value = bytes.Slice(position, length);
            position += length;
            return value;
        }

        public int Int() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));
        public long Long() => BinaryPrimitives.ReadInt64LittleEndian(Bytes(8));
        public T[] Array<T>(int count) where T : struct => MemoryMarshal.Cast<byte, T>(Bytes(checked(count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>()))).ToArray();
    }
}
