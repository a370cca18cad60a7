using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace ClassVisCloud.Analytics.Storage;

/// <summary>Little-endian byte layouts of the stored columns.</summary>
public static class ColumnCodec
{
    /// <summary>Class indices as unsigned 16-bit values: the ingest caps C at 65,535.</summary>
    public static byte[] EncodeClasses(int[] values)
    {
        var bytes = new byte[values.Length * 2];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), (ushort)values[i]);
        return bytes;
    }

    public static int[] DecodeClasses(ReadOnlySpan<byte> bytes)
    {
        var values = new int[bytes.Length / 2];
        for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i * 2)..]);
        return values;
    }

    public static byte[] EncodeFloats(ReadOnlySpan<float> values) => MemoryMarshal.AsBytes(values).ToArray();

    public static float[] DecodeFloats(ReadOnlySpan<byte> bytes) => MemoryMarshal.Cast<byte, float>(bytes).ToArray();

    /// <summary>Count, then count+1 offsets, then the UTF-8 bytes of every string (encoded in place: no array per string).</summary>
    public static byte[] EncodeStrings(IReadOnlyList<string> values)
    {
        var header = 4 + 4 * (values.Count + 1);
        long total = 0;
        foreach (var value in values) total += Encoding.UTF8.GetByteCount(value);
        var bytes = new byte[checked(header + (int)total)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, values.Count);
        var offset = 0;
        for (var i = 0; i < values.Count; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4 + 4 * i), offset);
            offset += Encoding.UTF8.GetBytes(values[i], bytes.AsSpan(header + offset));
        }
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4 + 4 * values.Count), offset);
        return bytes;
    }

    public static string[] DecodeStrings(ReadOnlySpan<byte> bytes)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        var header = 4 + 4 * (count + 1);
        var values = new string[count];
        for (var i = 0; i < count; i++)
        {
            var start = BinaryPrimitives.ReadInt32LittleEndian(bytes[(4 + 4 * i)..]);
            var end = BinaryPrimitives.ReadInt32LittleEndian(bytes[(8 + 4 * i)..]);
            values[i] = Encoding.UTF8.GetString(bytes.Slice(header + start, end - start));
        }
        return values;
    }

    /// <summary>Bit i set when the predicate holds for sample i.</summary>
    public static byte[] EncodeBitmap(int count, Func<int, bool> isSet)
    {
        var bytes = new byte[(count + 7) / 8];
        for (var i = 0; i < count; i++)
            if (isSet(i)) bytes[i >> 3] |= (byte)(1 << (i & 7));
        return bytes;
    }

    public static bool BitAt(ReadOnlySpan<byte> bitmap, int i) => (bitmap[i >> 3] & (1 << (i & 7))) != 0;

    /// <summary>Identity of a sorted sample-id list: epochs with the same set align position by position.</summary>
    public static string SetHash(IReadOnlyList<string> sortedIds)
    {
        // Each id's length and UTF-8 bytes are gathered in a buffer hashed a block at a time: the same bytes as one
        // append per id (the hash of a set must never change: stored epochs are aligned by it), far fewer calls.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            var used = 0;
            foreach (var id in sortedIds)
            {
                var length = Encoding.UTF8.GetByteCount(id);
                if (used + 4 + length > buffer.Length)
                {
                    hash.AppendData(buffer, 0, used);
                    used = 0;
                    if (4 + length > buffer.Length)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = ArrayPool<byte>.Shared.Rent(4 + length);
                    }
                }
                BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(used), length);
                used += 4 + Encoding.UTF8.GetBytes(id, buffer.AsSpan(used + 4));
            }
            hash.AppendData(buffer, 0, used);
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }
}
