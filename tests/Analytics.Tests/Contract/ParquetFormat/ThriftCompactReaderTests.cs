using ClassVisCloud.Analytics.Contract.ParquetFormat;

namespace ClassVisCloud.Analytics.Tests.Contract.ParquetFormat;

public class ThriftCompactReaderTests
{
    [Fact]
    public void Fields_ReadWithTheirIdsAndValues()
    {
        // Field 1 i32 = 7 (zigzag 14), field 3 binary "hi", stop.
        var reader = new ThriftCompactReader([0x15, 14, 0x28, 2, (byte)'h', (byte)'i', 0]);
        short last = 0;

        Assert.True(reader.NextField(ref last, out short id, out var type));
        Assert.Equal((1, 7), (id, reader.ReadI32(type)));
        Assert.True(reader.NextField(ref last, out id, out type));
        Assert.Equal((3, "hi"), (id, reader.ReadString(type)));
        Assert.False(reader.NextField(ref last, out _, out _));
    }

    [Fact]
    public void NestedStructsAndLists_AreSkipped()
    {
        // A struct holding a list of two i32 and a nested empty struct, then a stop; then one more byte.
        var reader = new ThriftCompactReader([0x19, 0x25, 2, 4, 0x1C, 0, 0, 0x42]);
        reader.Skip(ThriftType.Struct);
        Assert.Equal(7, reader.Position);
    }

    [Fact]
    public void AListLongerThanItsBytes_IsTruncated_WithoutAllocating()
    {
        // A list header claiming 2^31 - 1 elements in a 6-byte buffer.
        var bytes = new byte[] { 0xF5, 0xFF, 0xFF, 0xFF, 0xFF, 0x07 };
        Assert.Throws<ThriftTruncatedException>(() => new ThriftCompactReader(bytes).ReadListHeader(ThriftType.List, out _));
    }

    [Fact]
    public void ABinaryLongerThanItsBytes_IsTruncated()
    {
        Assert.Throws<ThriftTruncatedException>(() => new ThriftCompactReader([0x7F, 1, 2]).ReadBinary(ThriftType.Binary));
    }

    [Fact]
    public void DeepNesting_IsRefused()
    {
        var bytes = Enumerable.Repeat((byte)0x1C, 100).ToArray();
        Assert.Throws<ParquetFormatException>(() => new ThriftCompactReader(bytes).Skip(ThriftType.Struct));
    }

    [Fact]
    public void RunningOutOfBytes_InAStruct_IsTruncated()
    {
        Assert.Throws<ThriftTruncatedException>(() => new ThriftCompactReader([0x15]).Skip(ThriftType.Struct));
    }
}
