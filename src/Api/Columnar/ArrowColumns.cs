using System.Runtime.InteropServices;
using System.Text;
using Apache.Arrow;

namespace ClassVisCloud.Api;

/// <summary>
/// Arrow arrays built straight from their buffers (one copy of each array), not value by value through builders:
/// at a million rows the builders cost more than everything else the route does.
/// </summary>
public static class ArrowColumns
{
    static ArrowBuffer Buffer<T>(T[] values) where T : struct => new(MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    public static FloatArray Floats(float[] values) => new(Buffer(values), ArrowBuffer.Empty, values.Length, 0, 0);

    public static Int32Array Ints(int[] values) => new(Buffer(values), ArrowBuffer.Empty, values.Length, 0, 0);

    public static Int64Array Longs(long[] values) => new(Buffer(values), ArrowBuffer.Empty, values.Length, 0, 0);

    /// <summary>Longs where a negative value means none (null).</summary>
    public static Int64Array LongsOrNull(long[] values)
    {
        var valid = new byte[(values.Length + 7) / 8];
        var nulls = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] >= 0) valid[i >> 3] |= (byte)(1 << (i & 7));
            else nulls++;
        }
        var data = values.Select(v => Math.Max(v, 0)).ToArray();
        return new Int64Array(Buffer(data), nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(valid), values.Length, nulls, 0);
    }

    public static BooleanArray Booleans(bool[] values)
    {
        var bits = new byte[(values.Length + 7) / 8];
        for (var i = 0; i < values.Length; i++)
            if (values[i]) bits[i >> 3] |= (byte)(1 << (i & 7));
        return new BooleanArray(new ArrowBuffer(bits), ArrowBuffer.Empty, values.Length, 0, 0);
    }

    public static StringArray Strings(string[] values)
    {
        var offsets = new int[values.Length + 1];
        var length = 0;
        for (var i = 0; i < values.Length; i++) offsets[i + 1] = length += Encoding.UTF8.GetByteCount(values[i]);
        var data = new byte[length];
        for (var i = 0; i < values.Length; i++) Encoding.UTF8.GetBytes(values[i], data.AsSpan(offsets[i]));
        return new StringArray(values.Length, Buffer(offsets), new ArrowBuffer(data), ArrowBuffer.Empty, 0, 0);
    }
}
