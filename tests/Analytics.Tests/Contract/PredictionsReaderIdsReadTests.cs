using ClassVisCloud.Analytics.Contract;
using static ClassVisCloud.Analytics.Tests.Contract.TestFiles.Predictions;

namespace ClassVisCloud.Analytics.Tests.Contract;

/// <summary>
/// The reader tells its caller each split's ids as soon as the row keys are read, before the scores: the ingest
/// starts the id sets' hashes and lists on them while the rest of the file is read.
/// </summary>
public class PredictionsReaderIdsReadTests
{
    [Fact]
    public async Task The_ids_told_early_are_each_splits_ids_in_canonical_order_the_very_arrays_of_the_result()
    {
        IReadOnlyList<SplitIds>? told = null;
        var calls = 0;
        var context = Context() with { IdsRead = ids => { told = ids; calls++; } };

        var predictions = await ReadAsync(
            [InSplit("train", "b", 0L, 1.0, 0.0), InSplit("validation", "z", 1L, 0.0, 1.0), InSplit("train", "a", 1L, 0.5, 0.5)],
            context: context);

        Assert.Equal(1, calls);
        Assert.NotNull(told);
        Assert.Equal(["train", "validation"], told.Select(s => s.Split));
        Assert.Equal(["a", "b"], told[0].SampleIds);
        Assert.Equal(["z"], told[1].SampleIds);
        // The same arrays, not copies: a million ids are not held twice.
        Assert.Same(told[0].SampleIds, predictions.Splits[0].SampleIds);
        Assert.Same(told[1].SampleIds, predictions.Splits[1].SampleIds);
    }

    [Fact]
    public async Task The_ids_are_told_before_the_scores_so_a_file_rejected_by_its_scores_was_told_them()
    {
        IReadOnlyList<SplitIds>? told = null;
        var context = Context() with { IdsRead = ids => told = ids };

        await RejectAsync([Row("a", 0L, 1.0, 0.0), Row("b", 1L, 1.0, double.NaN)], null, context, "NaN");

        Assert.NotNull(told);
        Assert.Equal(["a", "b"], told.Single().SampleIds);
    }

    [Fact]
    public async Task A_file_rejected_by_its_keys_tells_nothing()
    {
        var told = false;
        var context = Context() with { IdsRead = _ => told = true };

        await RejectAsync([Row("a", 0L, 1.0, 0.0), Row("a", 1L, 0.0, 1.0)], null, context, "repeats 'a'");

        Assert.False(told);
    }
}
