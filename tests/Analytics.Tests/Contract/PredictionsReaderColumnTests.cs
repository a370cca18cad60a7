using ClassVisCloud.Analytics.Contract;
using ClassVisCloud.Analytics.Tests.Contract.TestFiles;
using Parquet;
using Parquet.Schema;
using static ClassVisCloud.Analytics.Tests.Contract.TestFiles.Predictions;

namespace ClassVisCloud.Analytics.Tests.Contract;

/// <summary>Missing columns and columns of the wrong type, each named in the reason.</summary>
public class PredictionsReaderColumnTests
{
    /// <summary>A column of a one-row file and how to write its row.</summary>
    private sealed record Column(Field Field, Func<ParquetRowGroupWriter, Task> Write);

    private static async Task<string> RejectColumnsAsync(Column[] columns, params string[] fragments)
    {
        var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(columns.Select(c => c.Field)), stream, new ParquetOptions(), false, default))
        {
            using var group = writer.CreateRowGroup();
            foreach (var column in columns) await column.Write(group);
        }
        stream.Position = 0;
        return await Reject.WithReasonAsync(() => PredictionsReader.ReadAsync(stream, Context(), CancellationToken.None), fragments);
    }

    private static Column Strings(string name, string value)
    {
        var field = new DataField<string>(name, false);
        return new(field, g => g.WriteAsync(field, [value], null));
    }

    private static Column Numbers<T>(string name, T value) where T : struct
    {
        var field = new DataField<T>(name, false);
        return new(field, g => g.WriteAsync<T>(field, new[] { value }, null, null!, default));
    }

    private static Column List<T>(string name, params T[] values) where T : struct
    {
        var element = new DataField<T>("element", false);
        int[] repetition = [.. values.Select((_, i) => i == 0 ? 0 : 1)];
        int[] definition = [.. values.Select(_ => 2)];
        return new(new ListField(name, element), g => g.WriteAllPartsAsync<T>(element, values, definition, repetition, default));
    }

    private static readonly Column Id = Strings("sample_id", "a");
    private static readonly Column Label = Numbers("label", 0L);
    private static readonly Column Scores = List("scores", 1f, 0f);

    [Fact]
    public async Task A_missing_sample_id_column_is_named()
    {
        await RejectColumnsAsync([Label, Scores], "missing required column 'sample_id'");
    }

    [Fact]
    public async Task A_missing_label_column_is_named()
    {
        await RejectColumnsAsync([Id, Scores], "missing required column 'label'");
    }

    [Fact]
    public async Task Missing_scores_name_both_forms()
    {
        await RejectColumnsAsync([Id, Label], "missing required column 'scores' (or one 'score_<class>' column per class)");
    }

    [Fact]
    public async Task A_floating_point_label_is_the_wrong_type()
    {
        await RejectColumnsAsync([Id, Numbers("label", 0.0), Scores], "column 'label' has type double; expected an integer or a string");
    }

    [Fact]
    public async Task A_float_sample_id_is_the_wrong_type()
    {
        await RejectColumnsAsync([Numbers("sample_id", 1f), Label, Scores], "column 'sample_id' has type float; expected a string or an integer");
    }

    [Fact]
    public async Task A_list_of_integers_is_not_scores()
    {
        await RejectColumnsAsync([Id, Label, List("scores", 1L, 0L)], "column 'scores' has type list<int64>; expected a list of float or double");
    }

    [Fact]
    public async Task A_flat_scores_column_is_not_a_list()
    {
        await RejectColumnsAsync([Id, Label, Numbers("scores", 1f)], "column 'scores' has type float; expected a list of float or double");
    }

    [Fact]
    public async Task An_integer_split_is_the_wrong_type()
    {
        await RejectColumnsAsync([Id, Label, Numbers("split", 1), Scores], "column 'split' has type int32; expected a string");
    }

    [Fact]
    public async Task A_string_epoch_is_the_wrong_type()
    {
        await RejectColumnsAsync([Id, Label, Scores, Strings("epoch", "3")], "column 'epoch' has type string; expected an integer");
    }

    [Fact]
    public async Task A_wide_score_column_of_integers_is_the_wrong_type()
    {
        await RejectColumnsAsync([Id, Label, Numbers("score_a", 1)], "column 'score_a' has type int32; expected float or double");
    }
}
