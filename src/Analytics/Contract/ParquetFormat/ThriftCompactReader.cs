using System.Text;

namespace ClassVisCloud.Analytics.Contract.ParquetFormat;

/// <summary>Wire types of Thrift's compact protocol (the low nibble of a field header).</summary>
internal enum ThriftType : byte
{
    Stop = 0, True = 1, False = 2, Byte = 3, I16 = 4, I32 = 5, I64 = 6,
    Double = 7, Binary = 8, List = 9, Set = 10, Map = 11, Struct = 12,
}

/// <summary>
/// Reads Thrift's compact protocol (Parquet's footer and page headers) from a span, checking every length
/// against the bytes left, so hostile input can neither over-read, allocate more than it holds, nor recurse
/// without end. Running out of bytes throws <see cref="ThriftTruncatedException"/>, which lets a caller that
/// read only a prefix of a page header retry with more.
/// </summary>
internal ref struct ThriftCompactReader(ReadOnlySpan<byte> data)
{
    private const int MaxNesting = 32;

    private readonly ReadOnlySpan<byte> data = data;
    private int position;

    public readonly int Position => position;

    /// <summary>Reads the next field header of a struct; false at the struct's end.</summary>
    public bool NextField(ref short lastFieldId, out short fieldId, out ThriftType type)
    {
        byte header = ReadByte();
        if (header == 0)
        {
            fieldId = 0;
            type = ThriftType.Stop;
            return false;
        }
        type = (ThriftType)(header & 0x0F);
        if (type > ThriftType.Struct)
            throw new ParquetFormatException($"invalid Thrift field type {(int)type}");
        int delta = header >> 4;
        fieldId = delta == 0 ? (short)ReadZigZag() : (short)(lastFieldId + delta);
        lastFieldId = fieldId;
        return true;
    }

    public int ReadI32(ThriftType type)
    {
        Expect(type, ThriftType.I32, ThriftType.I16, ThriftType.Byte);
        if (type == ThriftType.Byte) return (sbyte)ReadByte();
        long value = ReadZigZag();
        if (value is < int.MinValue or > int.MaxValue)
            throw new ParquetFormatException($"Thrift i32 out of range: {value}");
        return (int)value;
    }

    public long ReadI64(ThriftType type)
    {
        Expect(type, ThriftType.I64, ThriftType.I32, ThriftType.I16);
        return ReadZigZag();
    }

    public static bool ReadBool(ThriftType type)
    {
        Expect(type, ThriftType.True, ThriftType.False);
        return type == ThriftType.True;
    }

    public ReadOnlySpan<byte> ReadBinary(ThriftType type)
    {
        Expect(type, ThriftType.Binary);
        ulong length = ReadVarint();
        if (length > (ulong)(data.Length - position))
            throw new ThriftTruncatedException();
        var bytes = data.Slice(position, (int)length);
        position += (int)length;
        return bytes;
    }

    public string ReadString(ThriftType type) => Encoding.UTF8.GetString(ReadBinary(type));

    /// <summary>Reads a list header. Every element takes at least one byte, so the count is checked against the bytes left.</summary>
    public int ReadListHeader(ThriftType type, out ThriftType elementType)
    {
        Expect(type, ThriftType.List, ThriftType.Set);
        byte header = ReadByte();
        elementType = (ThriftType)(header & 0x0F);
        ulong count = (ulong)(header >> 4);
        if (count == 15) count = ReadVarint();
        if (count > (ulong)(data.Length - position))
            throw new ThriftTruncatedException();
        return (int)count;
    }

    /// <summary>Skips one value of the given type, structs and containers included.</summary>
    public void Skip(ThriftType type, int nesting = 0)
    {
        if (nesting > MaxNesting)
            throw new ParquetFormatException("Thrift structure nested too deeply");
        switch (type)
        {
            case ThriftType.True or ThriftType.False:
                break;
            case ThriftType.Byte:
                ReadByte();
                break;
            case ThriftType.I16 or ThriftType.I32 or ThriftType.I64:
                ReadVarint();
                break;
            case ThriftType.Double:
                Advance(8);
                break;
            case ThriftType.Binary:
                ReadBinary(type);
                break;
            case ThriftType.List or ThriftType.Set:
                int count = ReadListHeader(type, out var elementType);
                for (int i = 0; i < count; i++) SkipElement(elementType, nesting + 1);
                break;
            case ThriftType.Map:
                SkipMap(nesting + 1);
                break;
            case ThriftType.Struct:
                short lastId = 0;
                while (NextField(ref lastId, out _, out var fieldType)) Skip(fieldType, nesting + 1);
                break;
            default:
                throw new ParquetFormatException($"invalid Thrift type {(int)type}");
        }
    }

    private void SkipElement(ThriftType type, int nesting)
    {
        // Inside containers a boolean is a whole byte, not folded into a field header.
        if (type is ThriftType.True or ThriftType.False) ReadByte();
        else Skip(type, nesting);
    }

    private void SkipMap(int nesting)
    {
        ulong count = ReadVarint();
        if (count == 0) return;
        if (count > (ulong)(data.Length - position))
            throw new ThriftTruncatedException();
        byte types = ReadByte();
        for (ulong i = 0; i < count; i++)
        {
            SkipElement((ThriftType)(types >> 4), nesting);
            SkipElement((ThriftType)(types & 0x0F), nesting);
        }
    }

    private static void Expect(ThriftType actual, params ReadOnlySpan<ThriftType> accepted)
    {
        if (!accepted.Contains(actual))
            throw new ParquetFormatException($"unexpected Thrift type {actual}, expected {accepted[0]}");
    }

    private byte ReadByte()
    {
        if (position >= data.Length) throw new ThriftTruncatedException();
        return data[position++];
    }

    private void Advance(int count)
    {
        if (count > data.Length - position) throw new ThriftTruncatedException();
        position += count;
    }

    private ulong ReadVarint()
    {
        ulong result = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new ParquetFormatException("Thrift varint longer than 10 bytes");
    }

    private long ReadZigZag()
    {
        ulong raw = ReadVarint();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }
}

/// <summary>The Thrift bytes end before the structure does.</summary>
internal sealed class ThriftTruncatedException() : ParquetFormatException("Thrift data ends early");
