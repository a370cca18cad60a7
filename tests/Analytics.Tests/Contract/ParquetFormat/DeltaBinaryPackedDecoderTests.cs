using ClassVisCloud.Analytics.Contract.ParquetFormat;

namespace ClassVisCloud.Analytics.Tests.Contract.ParquetFormat;

/// <summary>The two examples of the Parquet encoding spec, byte for byte.</summary>
public class DeltaBinaryPackedDecoderTests
{
    [Fact]
    public void ConstantDeltas_NeedNoMiniblockBytes()
    {
        // Block 128, 4 miniblocks, 5 values, first 1; min delta 1; all bit widths 0.
        byte[] encoded = [0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0, 0, 0, 0];
        var decoder = new DeltaBinaryPackedDecoder(encoded, truncateTo32Bits: false);
        var values = new long[5];

        decoder.Read(values);

        Assert.Equal([1, 2, 3, 4, 5], values);
        Assert.Equal(encoded.Length, decoder.BytesConsumed);
    }

    [Fact]
    public void VaryingDeltas_AreBitPackedAboveTheMinimum()
    {
        // 7, 5, 3, 1, 2, 3, 4, 5: min delta -2, relative deltas 0 0 0 3 3 3 3 in one 2-bit miniblock of 32.
        byte[] encoded = [0x80, 0x01, 0x04, 0x08, 0x0E, 0x03, 0x02, 0, 0, 0, 0xC0, 0x3F, 0, 0, 0, 0, 0, 0];
        var decoder = new DeltaBinaryPackedDecoder(encoded, truncateTo32Bits: false);
        var values = new long[8];

        decoder.Read(values.AsSpan(0, 3));
        decoder.Read(values.AsSpan(3));

        Assert.Equal([7, 5, 3, 1, 2, 3, 4, 5], values);
        Assert.Equal(encoded.Length, decoder.BytesConsumed);
    }

    [Fact]
    public void AskingForMoreValuesThanEncoded_IsAFormatError()
    {
        byte[] encoded = [0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0, 0, 0, 0];
        var decoder = new DeltaBinaryPackedDecoder(encoded, truncateTo32Bits: false);
        Assert.Throws<ParquetFormatException>(() => decoder.Read(new long[6]));
    }

    [Fact]
    public void AnInvalidBlockSize_IsAFormatError()
    {
        Assert.Throws<ParquetFormatException>(() => new DeltaBinaryPackedDecoder(new byte[] { 0x05, 0x04, 0x01, 0x00 }, false));
    }
}
