using ClassVisCloud.Analytics.Contract;
using ClassVisCloud.Analytics.Contract.ArrowReading;

namespace ClassVisCloud.Analytics.Tests.Contract.ArrowReading;

/// <summary>A footer claiming absurd or impossible sizes is refused before a byte of data is decoded.</summary>
public class FooterChecksTests
{
    private static ChunkShape Scores(long values, long compressed = 1_000, long uncompressed = 4_000, int group = 0) =>
        new("scores", group, values, compressed, uncompressed, Strings: false);

    private static ChunkShape Ids(long values, long uncompressed, int group = 0) =>
        new("sample_id", group, values, 100, uncompressed, Strings: true);

    private static FileShape Shape(long rows, long[] groups, params ChunkShape[] chunks) => new(1_000_000, rows, groups, chunks, ContractLimits.MaxRows);

    [Fact]
    public void AnOrdinaryFile_Passes()
    {
        FooterChecks.Check(Shape(30, [10, 20], Scores(20), Scores(40, group: 1), Ids(10, 200), Ids(20, 400, group: 1)));
    }

    [Fact]
    public void RowsAboveTheLimit_AreAViolation()
    {
        var violation = Assert.Throws<ContractViolationException>(() => FooterChecks.Check(Shape(1L << 40, [1L << 40])));
        Assert.Equal("the file has 1,099,511,627,776 rows, more than the 2,000,000 one epoch may have", violation.Message);
    }

    [Fact]
    public void RowGroupsThatDisagreeWithTheFile_AreAFormatError()
    {
        Assert.Throws<ParquetFormatException>(() => FooterChecks.Check(Shape(5, [1L << 40, 3])));
        Assert.Throws<ParquetFormatException>(() => FooterChecks.Check(Shape(5, [-2, 7])));
    }

    [Fact]
    public void NoRows_IsAViolation()
    {
        var violation = Assert.Throws<ContractViolationException>(() => FooterChecks.Check(Shape(0, [0])));
        Assert.Equal("the file has no rows", violation.Message);
    }

    [Fact]
    public void MoreColumnDataThanTheFileHolds_IsAFormatError()
    {
        var error = Assert.Throws<ParquetFormatException>(() => FooterChecks.Check(Shape(10, [10], Scores(10, compressed: 2_000_000))));
        Assert.Contains("2,000,000 bytes of column data in a file of 1,000,000 bytes", error.Message);
    }

    [Fact]
    public void TextBeyondTheCap_IsRefused_EvenSpreadOverRowGroups()
    {
        long half = ContractLimits.MaxStringColumnBytes / 2 + 1;
        var violation = Assert.Throws<ContractViolationException>(() => FooterChecks.Check(Shape(20, [10, 10], Ids(10, half), Ids(10, half, group: 1))));
        Assert.Contains("column 'sample_id' holds", violation.Message);
        Assert.Contains("bytes of text, more than the 536,870,912 one column may have", violation.Message);
    }

    [Fact]
    public void NumbersClaimingFarMoreBytesThanNumbersTake_AreRefused()
    {
        var violation = Assert.Throws<ContractViolationException>(() => FooterChecks.Check(Shape(10, [10], Scores(700, uncompressed: 4L << 30))));
        Assert.Equal("column 'scores' claims 4,294,967,296 bytes for 700 values in row group 0", violation.Message);
    }

    [Fact]
    public void ValueCountsBeyondAnyEpoch_AreRefused()
    {
        var violation = Assert.Throws<ContractViolationException>(() => FooterChecks.Check(Shape(10, [10], Scores(long.MaxValue / 32))));
        Assert.Contains("more than one epoch may have", violation.Message);
    }

    [Fact]
    public void NegativeSizes_AreAFormatError()
    {
        Assert.Throws<ParquetFormatException>(() => FooterChecks.Check(Shape(10, [10], Scores(10, compressed: -1))));
    }

    [Fact]
    public void RowCount_AboveTheLimitOrEmpty_IsAViolation()
    {
        Assert.Equal(30, ContractLimits.RowCount(30));
        Assert.Throws<ContractViolationException>(() => ContractLimits.RowCount(ContractLimits.MaxRows + 1L));
        Assert.Throws<ContractViolationException>(() => ContractLimits.RowCount(0));
    }

    [Fact]
    public void ScoreCount_AboveTheLimit_IsAViolation()
    {
        var violation = Assert.Throws<ContractViolationException>(() => ContractLimits.CheckScoreCount(5_000_000, 100));
        Assert.Contains("more than the 100,000,000 scores one epoch may have", violation.Message);
    }
}
