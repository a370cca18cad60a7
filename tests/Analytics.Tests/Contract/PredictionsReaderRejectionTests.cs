using ClassVisCloud.Analytics.Contract;
using ClassVisCloud.Analytics.Tests.Contract.TestFiles;
using static ClassVisCloud.Analytics.Tests.Contract.TestFiles.Predictions;

namespace ClassVisCloud.Analytics.Tests.Contract;

/// <summary>Every way a predictions file breaks the contract, and the reason the user then reads.</summary>
public class PredictionsReaderRejectionTests
{
    private static readonly PredictionRow Good = Row("ok", 0L, 1.0, 0.0);

    [Theory]
    [InlineData(double.NaN, "has a NaN")]
    [InlineData(double.PositiveInfinity, "has an infinite value")]
    [InlineData(double.NegativeInfinity, "has an infinite value")]
    public async Task A_non_finite_score_names_the_column_row_and_sample_id(double bad, string problem)
    {
        await RejectAsync([Good, Row("s-1", 0L, 0.5, bad)], $"column 'scores' {problem} at row 1 (sample_id 's-1')");
    }

    [Fact]
    public async Task A_double_beyond_the_float_range_is_rejected()
    {
        await RejectAsync([Row("s-0", 0L, 1e300, 0.0)], new PredictionsFileOptions { DoubleScores = true }, null,
            "column 'scores' has 1E+300, beyond the float range at row 0 (sample_id 's-0')");
    }

    [Fact]
    public async Task A_non_finite_wide_score_names_its_column()
    {
        await RejectAsync([Good, Row("s-1", 0L, 0.5, double.NaN)], new PredictionsFileOptions { WideClassNames = ["a", "b"] }, null,
            "column 'score_b' has a NaN at row 1 (sample_id 's-1')");
    }

    [Fact]
    public async Task A_vector_of_the_wrong_length_names_the_row_and_both_lengths()
    {
        await RejectAsync([Good, Good with { SampleId = "x" }, Row("s-2", 0L, 0.5, 0.25, 0.25)],
            "column 'scores' has 3 values at row 2 (sample_id 's-2'); expected 2");
    }

    [Fact]
    public async Task An_empty_vector_is_a_wrong_length()
    {
        await RejectAsync([Good, Row("s-1", 0L, [])], "column 'scores' has 0 values at row 1 (sample_id 's-1'); expected 2");
    }

    [Fact]
    public async Task A_null_vector_is_rejected()
    {
        await RejectAsync([Good, Row("s-1", 0L, null)], "column 'scores' is null at row 1 (sample_id 's-1')");
    }

    [Fact]
    public async Task A_null_score_inside_a_vector_is_rejected()
    {
        await RejectAsync([Good, Row("s-1", 0L, 1.0, null)], "column 'scores' has a null value at row 1 (sample_id 's-1')");
    }

    [Fact]
    public async Task A_null_wide_score_is_rejected()
    {
        await RejectAsync([Good, Row("s-1", 0L, 1.0, null)], new PredictionsFileOptions { WideClassNames = ["a", "b"] }, null,
            "column 'score_b' is null at row 1 (sample_id 's-1')");
    }

    [Fact]
    public async Task In_the_wide_form_the_first_bad_row_is_reported_whatever_its_column()
    {
        await RejectAsync([Good, Row("s-1", 0L, 1.0, double.NaN), Row("s-2", 0L, double.NaN, 1.0)],
            new PredictionsFileOptions { WideClassNames = ["a", "b"] }, null, "column 'score_b' has a NaN at row 1");
    }

    [Fact]
    public async Task A_label_index_out_of_range_names_the_row_and_the_range()
    {
        await RejectAsync([Good, Row("s-1", 2L, 1.0, 0.0)], "column 'label' is 2 at row 1 (sample_id 's-1'); class indexes run from 0 to 1");
    }

    [Fact]
    public async Task A_negative_label_is_out_of_range()
    {
        await RejectAsync([Row("s-0", -1L, 1.0, 0.0)], "column 'label' is -1 at row 0 (sample_id 's-0')");
    }

    [Fact]
    public async Task An_unknown_string_label_with_a_manifest_names_it()
    {
        await RejectAsync([Row("s-0", "cat", 1.0, 0.0), Row("s-1", "cow", 1.0, 0.0)], null, Context(manifest: Manifest(["cat", "dog"])),
            "column 'label' is 'cow' at row 1 (sample_id 's-1'), which is not a class of run.json");
    }

    [Fact]
    public async Task An_unknown_string_label_in_the_wide_form_names_it()
    {
        await RejectAsync([Row("s-0", "cow", 1.0, 0.0)], new PredictionsFileOptions { WideClassNames = ["cat", "dog"] }, null,
            "column 'label' is 'cow' at row 0 (sample_id 's-0'), which is not one of the score_<class> columns");
    }

    [Fact]
    public async Task String_labels_that_do_not_number_c_ask_for_a_manifest()
    {
        await RejectAsync([Row("s-0", "cat", 0.2, 0.3, 0.5), Row("s-1", "dog", 0.2, 0.3, 0.5)],
            "column 'label' names 2 distinct classes but the scores have 3", "run.json manifest");
    }

    [Fact]
    public async Task A_sample_id_repeated_in_a_split_names_both_rows()
    {
        await RejectAsync([Row("a", 0L, 1.0, 0.0), Row("b", 0L, 1.0, 0.0), Row("c", 0L, 1.0, 0.0), Row("b", 0L, 1.0, 0.0), Row("a", 0L, 1.0, 0.0)],
            "column 'sample_id' repeats 'b' at rows 1 and 3 (split 'all')");
    }

    [Fact]
    public async Task A_repeated_integer_sample_id_is_rejected()
    {
        await RejectAsync([Row(5L, 0L, 1.0, 0.0), Row(5L, 0L, 1.0, 0.0)], "column 'sample_id' repeats '5' at rows 0 and 1");
    }

    [Theory]
    [InlineData("sample_id")]
    [InlineData("label")]
    [InlineData("split")]
    public async Task A_null_in_a_required_column_names_the_column_and_row(string column)
    {
        var bad = column switch
        {
            "sample_id" => InSplit("train", null, 0L, 1.0, 0.0),
            "label" => InSplit("train", "s-1", null, 1.0, 0.0),
            _ => new PredictionRow("s-1", 0L, [1.0, 0.0], null),
        };
        string reason = await RejectAsync([InSplit("train", "s-0", 0L, 1.0, 0.0), bad], $"column '{column}' is null at row 1");
        if (column != "sample_id") Assert.Contains("(sample_id 's-1')", reason);
    }

    [Fact]
    public async Task An_epoch_column_that_disagrees_names_both_epochs()
    {
        await RejectAsync([Row("s-0", 0L, 1.0, 0.0)], new PredictionsFileOptions { Epoch = 6 }, Context(epoch: 7),
            "column 'epoch' is 6 at row 0 (sample_id 's-0'), but the file is epoch 7");
    }

    [Fact]
    public async Task A_file_with_no_rows_is_rejected()
    {
        await RejectAsync([], "the file has no rows");
    }

    [Fact]
    public async Task Fewer_classes_than_the_manifest_names_both_counts()
    {
        await RejectAsync([Good], null, Context(manifest: Manifest(["a", "b", "c"])), "the file has 2 classes but run.json has 3");
    }

    [Fact]
    public async Task More_classes_than_the_runs_epochs_names_both_counts()
    {
        await RejectAsync([Good], null, Context(knownClassCount: 3), "the file has 2 classes but the run's epochs have 3");
    }

    [Fact]
    public async Task The_wide_form_with_a_manifest_needs_every_class_column()
    {
        await RejectAsync([Good], new PredictionsFileOptions { WideClassNames = ["a", "b"] }, Context(manifest: Manifest(["a", "c"])),
            "missing column 'score_c' for class 'c' of run.json");
    }

    [Fact]
    public async Task The_wide_form_with_a_manifest_rejects_a_score_column_naming_no_class()
    {
        await RejectAsync([Row("s", 0L, 0.5, 0.25, 0.25)], new PredictionsFileOptions { WideClassNames = ["a", "b", "z"] },
            Context(manifest: Manifest(["a", "b"])), "the file has 3 score columns but run.json has 2 classes ('score_z'");
    }

    [Fact]
    public async Task Manifest_declaring_probabilities_rejects_a_negative_value_naming_the_row()
    {
        await RejectAsync([Good, Row("s-1", 0L, 1.5, -0.5)], null, Context(manifest: Manifest(scores: ScoreKind.Probabilities)),
            "column 'scores' has a negative value (-0.5) at row 1 (sample_id 's-1'), but run.json declares probabilities");
    }

    [Fact]
    public async Task Manifest_declaring_probabilities_rejects_a_row_not_summing_to_one()
    {
        await RejectAsync([Good, Row("s-1", 0L, 0.5, 0.6)], null, Context(manifest: Manifest(scores: ScoreKind.Probabilities)),
            "column 'scores' sums to 1.1 at row 1 (sample_id 's-1'), but run.json declares probabilities");
    }

    [Fact]
    public async Task The_first_bad_row_is_counted_across_row_groups()
    {
        var rows = Enumerable.Range(0, 10).Select(i => Row($"s-{i}", 0L, 1.0, i == 7 ? double.NaN : 0.0)).ToList();
        await RejectAsync(rows, new PredictionsFileOptions { RowsPerGroup = 3 }, null, "column 'scores' has a NaN at row 7 (sample_id 's-7')");
    }

    [Fact]
    public async Task A_row_group_boundary_does_not_hide_a_wrong_length()
    {
        var rows = Enumerable.Range(0, 6).Select(i => Row($"s-{i}", 0L, i == 4 ? [1.0] : [1.0, 0.0])).ToList();
        await RejectAsync(rows, new PredictionsFileOptions { RowsPerGroup = 4 }, null, "column 'scores' has 1 values at row 4 (sample_id 's-4')");
    }
}
