using ClassVisCloud.Analytics.Contract;
using ClassVisCloud.Analytics.Tests.Contract.TestFiles;
using static ClassVisCloud.Analytics.Tests.Contract.TestFiles.Predictions;

namespace ClassVisCloud.Analytics.Tests.Contract;

/// <summary>The contract's firm limits (CONTRACT.md, "Limits") and the product's own, each with the reason a user reads.</summary>
public class ContractLimitRejectionTests
{
    [Fact]
    public async Task Sixty_four_splits_are_accepted_the_sixty_fifth_is_named_with_its_row()
    {
        var rows = Enumerable.Range(0, 65).Select(i => InSplit($"split-{i}", "s", 0L, 1.0, 0.0)).ToList();
        var accepted = await ReadAsync(rows[..64]);
        Assert.Equal(64, accepted.Splits.Count);

        await RejectAsync(rows, "column 'split' names a 65th split, 'split-64', at row 64 (sample_id 's'); a file may have at most 64 splits");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public async Task A_split_name_outside_1_to_64_characters_is_named_with_its_row(int length)
    {
        string name = new('s', length);
        await RejectAsync([InSplit("train", "a", 0L, 1.0, 0.0), InSplit(name, "b", 0L, 1.0, 0.0)],
            $"column 'split' is '{name}' at row 1 (sample_id 'b'); a split name has 1 to 64 characters");
    }

    [Fact]
    public async Task A_sample_id_of_256_utf_8_bytes_is_accepted_257_are_not()
    {
        string fits = new string('é', 128);           // 2 bytes each: 256
        string tooLong = new string('é', 128) + "x";  // 257
        var read = await ReadAsync([Row(fits, 0L, 1.0, 0.0)]);
        Assert.Equal(fits, read.Splits[0].SampleIds[0]);

        var reason = await RejectAsync([Row("a", 0L, 1.0, 0.0), Row(tooLong, 0L, 1.0, 0.0)],
            "column 'sample_id' has 257 UTF-8 bytes at row 1 (sample_id 'ééé", "; a sample id has at most 256");
        Assert.True(reason.Length < 500, reason);
    }

    [Fact]
    public async Task A_class_name_label_over_256_characters_is_named_with_its_row()
    {
        string name = new('c', 257);
        await RejectAsync([Row("a", "cat", 1.0, 0.0), Row("b", name, 0.0, 1.0)],
            "column 'label' is 'cccc", "(257 characters)' at row 1 (sample_id 'b'); a class name has at most 256 characters");
    }

    [Fact]
    public async Task A_wide_score_column_naming_a_class_over_256_characters_is_refused()
    {
        var options = new PredictionsFileOptions { WideClassNames = ["a", new string('b', 257)] };
        await RejectAsync([Row("s", 0L, 1.0, 0.0)], options, null, "names a class of 257 characters; a class name has at most 256");
    }

    [Fact]
    public async Task Ids_past_the_total_a_file_may_hold_are_refused_at_the_row_that_passes_it()
    {
        // 64 MiB of ids: 262,144 ids of 256 bytes fill it exactly; one more byte passes it.
        int idBytes = ContractLimits.MaxSampleIdBytes;
        int fitting = (int)(ContractLimits.MaxTotalSampleIdBytes / idBytes);
        var rows = Enumerable.Range(0, fitting + 1)
            .Select(i => Row(i.ToString("D10") + new string('x', idBytes - 10), 0L, 1.0, 0.0))
            .ToList();
        await RejectAsync(rows, new PredictionsFileOptions { Compression = Parquet.CompressionMethod.Zstd }, null,
            $"column 'sample_id' passes 67,108,864 bytes of ids in all at row {fitting} (sample_id '{fitting:D10}x");
    }
}
