using ClassVisCloud.Analytics.Contract;
using ClassVisCloud.Analytics.Tests.Contract.TestFiles;
using static ClassVisCloud.Analytics.Tests.Contract.TestFiles.Predictions;

namespace ClassVisCloud.Analytics.Tests.Contract;

/// <summary>The "Predictions file" rules of CONTRACT.md: what is accepted, and how it comes out.</summary>
public class PredictionsReaderTests
{
    [Fact]
    public async Task Splits_are_sorted_by_name_and_rows_by_sample_id_with_their_labels_and_scores()
    {
        var predictions = await ReadAsync([
            InSplit("validation", "v-2", 1L, 0.1, 0.9),
            InSplit("train", "t-b", 0L, 0.8, 0.2),
            InSplit("validation", "v-1", 0L, 0.6, 0.4),
            InSplit("train", "t-a", 1L, 0.3, 0.7),
        ]);

        Assert.Equal(["train", "validation"], predictions.Splits.Select(s => s.Name));
        var train = predictions.Splits[0];
        Assert.Equal(["t-a", "t-b"], train.SampleIds);
        Assert.Equal([1, 0], train.Labels);
        Assert.Equal([0.3f, 0.7f, 0.8f, 0.2f], train.Probabilities);
        var validation = predictions.Splits[1];
        Assert.Equal(["v-1", "v-2"], validation.SampleIds);
        Assert.Equal([0.6f, 0.4f, 0.1f, 0.9f], validation.Probabilities);
        Assert.Equal(2, predictions.ClassCount);
        Assert.Equal(4, predictions.RowCount);
        Assert.Equal(ScoreKind.Probabilities, predictions.ScoreKind);
        Assert.False(predictions.IntegerIds);
        Assert.Null(predictions.ClassNames);
    }

    [Fact]
    public async Task Without_a_split_column_all_rows_form_one_split_named_all()
    {
        var predictions = await ReadAsync([Row("b", 0L, 1.0, 0.0), Row("a", 1L, 0.0, 1.0)]);

        var split = Assert.Single(predictions.Splits);
        Assert.Equal("all", split.Name);
        Assert.Equal(["a", "b"], split.SampleIds);
    }

    [Fact]
    public async Task Integer_sample_ids_are_kept_as_decimal_strings_sorted_ordinal()
    {
        var predictions = await ReadAsync([Row(9L, 0L, 1.0, 0.0), Row(10L, 1L, 0.0, 1.0), Row(-3L, 0L, 1.0, 0.0)]);

        Assert.True(predictions.IntegerIds);
        Assert.Equal(["-3", "10", "9"], predictions.Splits[0].SampleIds);
    }

    [Fact]
    public async Task The_same_sample_id_may_appear_in_different_splits()
    {
        var predictions = await ReadAsync([InSplit("train", "x", 0L, 1.0, 0.0), InSplit("test", "x", 1L, 0.0, 1.0)]);

        Assert.Equal(["test", "train"], predictions.Splits.Select(s => s.Name));
    }

    [Fact]
    public async Task Other_columns_are_ignored()
    {
        var predictions = await ReadAsync([Row("a", 0L, 1.0, 0.0)], new PredictionsFileOptions { WithExtraColumns = true });

        Assert.Equal(1, predictions.RowCount);
    }

    [Fact]
    public async Task An_epoch_column_equal_to_the_blobs_epoch_is_accepted()
    {
        var predictions = await ReadAsync([Row("a", 0L, 1.0, 0.0)], new PredictionsFileOptions { Epoch = 7 }, Context(epoch: 7));

        Assert.Equal(1, predictions.RowCount);
    }

    [Fact]
    public async Task String_labels_without_manifest_name_the_classes_in_ordinal_order()
    {
        var predictions = await ReadAsync([Row("a", "dog", 0.2, 0.8), Row("b", "cat", 0.9, 0.1)]);

        Assert.Equal(["cat", "dog"], predictions.ClassNames);
        Assert.Equal([1, 0], predictions.Splits[0].Labels);
    }

    [Fact]
    public async Task String_labels_among_the_runs_known_names_keep_the_runs_order()
    {
        var predictions = await ReadAsync([Row("a", "dog", 0.2, 0.8)], context: Context(knownLabelNames: ["dog", "cat"]));

        Assert.Equal(["dog", "cat"], predictions.ClassNames);
        Assert.Equal([0], predictions.Splits[0].Labels);
    }

    [Fact]
    public async Task String_labels_with_a_manifest_follow_its_class_order()
    {
        var predictions = await ReadAsync([Row("a", "cat", 0.2, 0.8)], context: Context(manifest: Manifest(["dog", "cat"])));

        Assert.Equal(["dog", "cat"], predictions.ClassNames);
        Assert.Equal([1], predictions.Splits[0].Labels);
    }

    [Fact]
    public async Task Wide_form_without_manifest_takes_the_class_order_from_the_columns()
    {
        var wide = await ReadAsync([Row("a", "C50.4", 0.7, 0.3), Row("b", "C34.9", 0.1, 0.9)],
            new PredictionsFileOptions { WideClassNames = ["C50.4", "C34.9"] });
        Assert.Equal(["C50.4", "C34.9"], wide.ClassNames);
        Assert.Equal([0, 1], wide.Splits[0].Labels);
        Assert.Equal([0.7f, 0.3f, 0.1f, 0.9f], wide.Splits[0].Probabilities);
    }

    [Fact]
    public async Task Wide_form_with_a_manifest_takes_the_manifests_order()
    {
        var predictions = await ReadAsync([Row("a", 1L, 0.7, 0.3)],
            new PredictionsFileOptions { WideClassNames = ["x", "y"] }, Context(manifest: Manifest(["y", "x"])));

        Assert.Equal(["y", "x"], predictions.ClassNames);
        Assert.Equal([0.3f, 0.7f], predictions.Splits[0].Probabilities);
    }

    [Fact]
    public async Task Wide_form_with_double_columns_is_read()
    {
        var predictions = await ReadAsync([Row("a", 0L, 0.25, 0.75)],
            new PredictionsFileOptions { WideClassNames = ["p", "q"], DoubleScores = true });

        Assert.Equal([0.25f, 0.75f], predictions.Splits[0].Probabilities);
    }

    [Fact]
    public async Task Negative_scores_are_logits_softmaxed_with_their_margins()
    {
        var predictions = await ReadAsync([Row("a", 0L, 2.0, -1.0, 0.5)]);

        Assert.Equal(ScoreKind.Logits, predictions.ScoreKind);
        var split = predictions.Splits[0];
        double denominator = Math.Exp(2) + Math.Exp(-1) + Math.Exp(0.5);
        Assert.Equal(Math.Exp(2) / denominator, split.Probabilities[0], 6);
        Assert.Equal(Math.Exp(-1) / denominator, split.Probabilities[1], 6);
        Assert.Equal(1.0, split.Probabilities.Sum(p => (double)p), 6);
        Assert.Equal([1.5f], split.LogitMargins!);
    }

    [Fact]
    public async Task Positive_rows_that_do_not_sum_to_one_are_logits()
    {
        var predictions = await ReadAsync([Row("a", 1L, 1.0, 3.0), Row("b", 0L, 0.5, 0.5)]);

        Assert.Equal(ScoreKind.Logits, predictions.ScoreKind);
        Assert.Equal(1 / (1 + Math.Exp(2)), predictions.Splits[0].Probabilities[0], 6);
        Assert.Equal([2f, 0f], predictions.Splits[0].LogitMargins!);
    }

    [Fact]
    public async Task Rows_summing_to_one_within_tolerance_are_probabilities()
    {
        var predictions = await ReadAsync([Row("a", 0L, 0.6004, 0.4004)]);

        Assert.Equal(ScoreKind.Probabilities, predictions.ScoreKind);
        Assert.Null(predictions.Splits[0].LogitMargins);
    }

    [Fact]
    public async Task Manifest_declaring_logits_softmaxes_even_probability_looking_rows()
    {
        var predictions = await ReadAsync([Row("a", 0L, 1.0, 0.0)], context: Context(manifest: Manifest(scores: ScoreKind.Logits)));

        Assert.Equal(ScoreKind.Logits, predictions.ScoreKind);
        Assert.Equal(Math.E / (Math.E + 1), predictions.Splits[0].Probabilities[0], 6);
    }

    [Fact]
    public async Task Huge_logits_softmax_without_overflow()
    {
        var predictions = await ReadAsync([Row("a", 0L, 1000.0, -1000.0)]);

        Assert.Equal([1f, 0f], predictions.Splits[0].Probabilities);
    }

    [Fact]
    public async Task ReadingIsCancellable()
    {
        await using var stream = await PredictionsFile.WriteAsync([Row("a", 0L, 1.0, 0.0)]);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PredictionsReader.ReadAsync(stream, Context(), cancelled.Token));
    }

    [Fact]
    public async Task A_non_seekable_stream_is_read()
    {
        await using var file = await PredictionsFile.WriteAsync([Row("a", 0L, 1.0, 0.0)]);
        await using var forwardOnly = new ForwardOnlyStream(file);

        var predictions = await PredictionsReader.ReadAsync(forwardOnly, Context(), CancellationToken.None);

        Assert.Equal(1, predictions.RowCount);
    }
}
