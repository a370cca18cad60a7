using ClassVisCloud.Analytics.Contract;
using ClassVisCloud.Analytics.Contract.ParquetFormat;

namespace ClassVisCloud.Analytics.Tests.Contract;

/// <summary>A footer claiming absurd sizes is refused before anything is allocated for it.</summary>
public class ContractLimitsTests
{
    private static Footer Footer(long numRows, params long[] groups) =>
        new([], [.. groups.Select(rows => new FooterRowGroup(rows, []))], numRows);

    [Fact]
    public void RowCount_SumsTheRowGroups()
    {
        Assert.Equal(30, ContractLimits.RowCount(Footer(30, 10, 20)));
    }

    [Fact]
    public void RowCount_AboveTheLimit_IsAViolation()
    {
        var violation = Assert.Throws<ContractViolationException>(() => ContractLimits.RowCount(Footer(1L << 40, 1L << 40)));
        Assert.Equal("the file has 1,099,511,627,776 rows, more than the 10,000,000 one epoch may have", violation.Message);
    }

    [Fact]
    public void RowCount_DisagreeingWithTheRowGroups_IsAFormatError()
    {
        Assert.Throws<ParquetFormatException>(() => ContractLimits.RowCount(Footer(5, 1L << 40, 3)));
    }

    [Fact]
    public void ScoreCount_AboveTheLimit_IsAViolation()
    {
        var violation = Assert.Throws<ContractViolationException>(() => ContractLimits.CheckScoreCount(5_000_000, 100));
        Assert.Contains("more than the 200,000,000 scores one epoch may have", violation.Message);
    }
}
