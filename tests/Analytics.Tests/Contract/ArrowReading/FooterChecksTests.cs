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
    public void An_ordinary_file_passes()
    {
        FooterChecks.Check(Shape(30, [10, 20], Scores(20), Scores(40, group: 1), Ids(10, 200), Ids(20, 400, group: 1)));
    }

    [Fact]
    public void Rows_above_the_limit_are_a_violation()
    {
        var violation = Assert.Throws<ContractViolationException>(() => FooterChecks.Check(Shape(1L << 40, [1L << 40])));
        Assert.Equal("the file has 1,099,511,627,776 rows, more than the 2,000,000 one epoch may have", violation.Message);
    }

    [Fact]
    public void Row_groups_that_disagree_with_the_file_are_a_format_error()
    {
        Assert.Throws<ParquetFormatException>(() => FooterChecks.Check(Shape(5, [1L << 40, 3])));
        Assert.Throws<ParquetFormatException>(() => FooterChecks.Check(Shape(5, [-2, 7])));
    }

    [Fact]
    public void No_rows_is_a_violation()
    {
        var violation = Assert.Throws<ContractViolationException>(() => FooterChecks.Check(Shape(0, [0])));
        Assert.Equal("the file has no rows", violation.Message);
    }

    [Fact]
    public void More_column_data_than_the_file_holds_is_a_format_error()
    {
        var error = Assert.Throws<ParquetFormatException>(() => FooterChecks.Check(Shape(10, [10], Scores(10, compressed: 2_000_000))));
        Assert.Contains("2,000,000 bytes of column data in a file of 1,000,000 bytes", error.Message);
    }

    [Fact]
    public void Text_beyond_the_cap_is_refused_even_spread_over_row_groups()
    {
        long half = ContractLimits.MaxStringColumnBytes / 2 + 1;
        var violation = Assert.Throws<ContractViolationException>(() => FooterChecks.Check(Shape(20, [10, 10], Ids(10, half), Ids(10, half, group: 1))));
        Assert.Contains("column 'sample_id' holds", violation.Message);
        Assert.Contains("bytes of text, more than the 536,870,912 one column may have", violation.Message);
    }

    [Fact]
    public void Numbers_claiming_far_more_bytes_than_numbers_take_are_refused()
    {
        var violation = Assert.Throws<ContractViolationException>(() => FooterChecks.Check(Shape(10, [10], Scores(700, uncompressed: 4L << 30))));
        Assert.Equal("column 'scores' claims 4,294,967,296 bytes for 700 values in row group 0", violation.Message);
    }

    [Fact]
    public void Value_counts_beyond_any_epoch_are_refused()
    {
        var violation = Assert.Throws<ContractViolationException>(() => FooterChecks.Check(Shape(10, [10], Scores(long.MaxValue / 32))));
        Assert.Contains("more than one epoch may have", violation.Message);
    }

    [Fact]
    public void Negative_sizes_are_a_format_error()
    {
        Assert.Throws<ParquetFormatException>(() => FooterChecks.Check(Shape(10, [10], Scores(10, compressed: -1))));
    }

    [Fact]
    public void Row_count_above_the_limit_or_empty_is_a_violation()
    {
        Assert.Equal(30, ContractLimits.RowCount(30));
        Assert.Throws<ContractViolationException>(() => ContractLimits.RowCount(ContractLimits.MaxRows + 1L));
        Assert.Throws<ContractViolationException>(() => ContractLimits.RowCount(0));
    }

    [Fact]
    public void Score_count_above_the_limit_is_a_violation()
    {
        var violation = Assert.Throws<ContractViolationException>(() => ContractLimits.CheckScoreCount(5_000_000, 100));
        Assert.Contains("more than the 100,000,000 scores one epoch may have", violation.Message);
    }
}
