using ClassVisCloud.Analytics.Contract.ParquetFormat;

namespace ClassVisCloud.Analytics.Tests.Contract.ParquetFormat;

public class RleBitPackedReaderTests
{
    private static int[] Read(byte[] encoded, int bitWidth, int count)
    {
        var reader = new RleBitPackedReader();
        reader.Reset(encoded, bitWidth);
        var values = new int[count];
        reader.Read(values);
        return values;
    }

    [Fact]
    public void ARun_RepeatsItsValue()
    {
        // Header 5 << 1 (a run of 5), then the value in one byte.
        Assert.Equal([3, 3, 3, 3, 3], Read([10, 3], 2, 5));
    }

    [Fact]
    public void BitPackedGroups_UnpackLeastSignificantBitFirst()
    {
        // Header (1 << 1) | 1: one group of 8 values of 3 bits, 0..7 packed into 3 bytes.
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], Read([3, 0b10001000, 0b11000110, 0b11111010], 3, 8));
    }

    [Fact]
    public void RunsAndGroups_CanBeReadAcrossCalls()
    {
        var reader = new RleBitPackedReader();
        reader.Reset(new byte[] { 4, 1, 3, 0b10001000, 0b11000110, 0b11111010 }, 3);
        var first = new int[3];
        var second = new int[7];
        reader.Read(first);
        reader.Read(second);
        Assert.Equal([1, 1, 0], first);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], second);
    }

    [Fact]
    public void AWideRunValue_TakesSeveralBytes()
    {
        Assert.Equal([70000, 70000], Read([4, 0x70, 0x11, 0x01], 17, 2));
    }

    [Fact]
    public void ReadingPastTheEnd_IsAFormatError()
    {
        Assert.Throws<ParquetFormatException>(() => Read([4, 1], 1, 3));
    }

    [Fact]
    public void AHugeRunCount_CostsNothingUntilRead()
    {
        // A run claiming 2^30 values: reading three of them must not allocate or loop for the rest.
        Assert.Equal([1, 1, 1], Read([0x80, 0x80, 0x80, 0x80, 0x08, 1], 1, 3));
    }
}
