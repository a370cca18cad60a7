using ClassVisCloud.Analytics.Contract;
using ClassVisCloud.Analytics.Tests.Contract.TestFiles;
using Parquet;
using Parquet.Schema;

namespace ClassVisCloud.Analytics.Tests.Contract;

/// <summary>The attention file: its columns, kept in file order, and the reasons it is rejected.</summary>
public class AttentionReaderTests
{
    private sealed record Token(object? SampleId, long? Sentence, long? Position, string? Text, double? WordWeight, double? SentenceWeight);

    private static async Task<MemoryStream> WriteAsync(IReadOnlyList<Token> tokens, bool doubles = false, int rowsPerGroup = int.MaxValue,
        string[]? omit = null)
    {
        var columns = new List<TestColumn>
        {
            tokens.Any(t => t.SampleId is string)
                ? TestColumn.Strings("sample_id", [.. tokens.Select(t => (string?)t.SampleId)], false)
                : TestColumn.Integers("sample_id", [.. tokens.Select(t => t.SampleId is null ? (long?)null : Convert.ToInt64(t.SampleId))], false),
            TestColumn.Integers("sentence", [.. tokens.Select(t => t.Sentence)], false),
            TestColumn.Integers("position", [.. tokens.Select(t => t.Position)], false),
            TestColumn.Strings("token", [.. tokens.Select(t => t.Text)], false),
            TestColumn.Numbers("word_weight", [.. tokens.Select(t => t.WordWeight)], doubles, false),
            TestColumn.Numbers("sentence_weight", [.. tokens.Select(t => t.SentenceWeight)], doubles, false),
        };
        columns.RemoveAll(c => omit?.Contains(c.Field.Name) == true);
        var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(columns.Select(c => c.Field)), stream, new ParquetOptions(), false, default))
        {
            for (int start = 0; start < tokens.Count; start += rowsPerGroup)
            {
                using var group = writer.CreateRowGroup();
                foreach (var column in columns) await column.WriteAsync(group, start, Math.Min(rowsPerGroup, tokens.Count - start));
            }
        }
        stream.Position = 0;
        return stream;
    }

    private static readonly Token[] Tokens =
    [
        new("d-1", 0, 0, "the", 0.25, 0.75),
        new("d-1", 0, 1, "cat", 0.75, 0.75),
        new("d-1", 1, 0, "sat", 1.0, 0.25),
        new("d-2", 0, 0, "hello", 1.0, 1.0),
    ];

    private static async Task<AttentionFile> ReadAsync(IReadOnlyList<Token> tokens, bool doubles = false, int rowsPerGroup = int.MaxValue)
    {
        await using var stream = await WriteAsync(tokens, doubles, rowsPerGroup);
        return await AttentionReader.ReadAsync(stream, CancellationToken.None);
    }

    private static async Task RejectAsync(IReadOnlyList<Token> tokens, params string[] fragments)
    {
        await using var stream = await WriteAsync(tokens);
        await Reject.WithReasonAsync(() => AttentionReader.ReadAsync(stream, CancellationToken.None), fragments);
    }

    [Theory]
    [InlineData(false, int.MaxValue)]
    [InlineData(true, 3)]
    public async Task Tokens_are_read_in_file_order(bool doubles, int rowsPerGroup)
    {
        var attention = await ReadAsync(Tokens, doubles, rowsPerGroup);

        Assert.Equal(4, attention.Count);
        Assert.Equal(["d-1", "d-1", "d-1", "d-2"], attention.SampleIds);
        Assert.Equal([0, 0, 1, 0], attention.Sentences);
        Assert.Equal([0, 1, 0, 0], attention.Positions);
        Assert.Equal(["the", "cat", "sat", "hello"], attention.Tokens);
        Assert.Equal([0.25f, 0.75f, 1f, 1f], attention.WordWeights);
        Assert.Equal([0.75f, 0.75f, 0.25f, 1f], attention.SentenceWeights);
    }

    [Fact]
    public async Task Integer_sample_ids_become_decimal_strings()
    {
        var attention = await ReadAsync([.. Tokens.Select((t, i) => t with { SampleId = (long)(i < 3 ? 17 : 4) })]);

        Assert.Equal(["17", "17", "17", "4"], attention.SampleIds);
    }

    [Theory]
    [InlineData("sample_id")]
    [InlineData("sentence")]
    [InlineData("position")]
    [InlineData("token")]
    [InlineData("word_weight")]
    [InlineData("sentence_weight")]
    public async Task A_missing_column_is_named(string column)
    {
        await using var stream = await WriteAsync(Tokens, omit: [column]);
        await Reject.WithReasonAsync(() => AttentionReader.ReadAsync(stream, CancellationToken.None), $"missing required column '{column}'");
    }

    [Fact]
    public async Task A_negative_position_names_the_row()
    {
        await RejectAsync([Tokens[0], Tokens[1] with { Position = -1 }], "column 'position' is -1 at row 1 (sample_id 'd-1'); expected a 0-based index");
    }

    [Fact]
    public async Task A_negative_sentence_names_the_row()
    {
        await RejectAsync([Tokens[0] with { Sentence = -2 }], "column 'sentence' is -2 at row 0 (sample_id 'd-1')");
    }

    [Fact]
    public async Task A_na_n_weight_names_the_column_and_row()
    {
        await RejectAsync([Tokens[0], Tokens[1], Tokens[2] with { WordWeight = double.NaN }], "column 'word_weight' has a NaN at row 2 (sample_id 'd-1')");
    }

    [Fact]
    public async Task An_infinite_weight_names_the_column_and_row()
    {
        await RejectAsync([Tokens[0] with { SentenceWeight = double.PositiveInfinity }], "column 'sentence_weight' has an infinite value at row 0");
    }

    [Fact]
    public async Task A_null_token_names_the_row()
    {
        await RejectAsync([Tokens[0], Tokens[1] with { Text = null }], "column 'token' is null at row 1 (sample_id 'd-1')");
    }

    [Fact]
    public async Task A_null_sample_id_names_the_row()
    {
        await RejectAsync([Tokens[0], Tokens[1] with { SampleId = null }], "column 'sample_id' is null at row 1");
    }

    [Fact]
    public async Task A_file_with_no_rows_is_rejected()
    {
        await RejectAsync([], "the file has no rows");
    }

    [Fact]
    public async Task Not_parquet_is_rejected()
    {
        await Reject.WithReasonAsync(() => AttentionReader.ReadAsync(new MemoryStream([1, 2, 3]), CancellationToken.None), "not a Parquet file");
    }
}
