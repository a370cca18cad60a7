using System.Text.Json;
using ClassVisCloud.Analytics.Contract;

namespace ClassVisCloud.Analytics.Tests.Contract;

/// <summary>
/// Files from other writers (DuckDB, arrow-rs via parquet-wasm; see tests/fixtures/make-fixtures.mjs) decode to
/// the rows their companion JSON says were written.
/// </summary>
public class FixtureFileTests
{
    private sealed record ExpectedRow(string SampleId, string Split, int Label, double[] Scores);

    private sealed record Expected(string Ids, string Kind, string[]? ClassNames, ExpectedRow[] Rows);

    private sealed record ExpectedToken(string Sample_id, int Sentence, int Position, string Token, double Word_weight, double Sentence_weight);

    private sealed record ExpectedAttention(ExpectedToken[] Rows);

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private static string PathOf(string name) => Path.Combine(TestPaths.Fixtures, "files", name);

    private static T Load<T>(string name) =>
        JsonSerializer.Deserialize<T>(File.ReadAllBytes(PathOf(Path.ChangeExtension(name, ".json"))), Json)!;

    public static TheoryData<string> PredictionFixtures() =>
    [
        "duckdb-list-snappy.parquet",
        "duckdb-list-double-zstd.parquet",
        "duckdb-list-v2encodings-gzip.parquet",
        "duckdb-wide-v2encodings-uncompressed.parquet",
        "duckdb-logits.parquet",
        "arrow-list-item-zstd-rowgroups.parquet",
        "arrow-list-v2-delta-snappy.parquet",
        "arrow-wide-v2-brotli.parquet",
    ];

    [Theory]
    [MemberData(nameof(PredictionFixtures))]
    public async Task Prediction_fixture_decodes_to_the_rows_written(string name)
    {
        var expected = Load<Expected>(name);
        await using var stream = File.OpenRead(PathOf(name));
        var predictions = await PredictionsReader.ReadAsync(stream, new ReadContext(3, null, 3, null), CancellationToken.None);

        Assert.Equal(expected.Ids == "int", predictions.IntegerIds);
        Assert.Equal(expected.Kind == "logits" ? ScoreKind.Logits : ScoreKind.Probabilities, predictions.ScoreKind);
        Assert.Equal(expected.ClassNames, predictions.ClassNames);
        Assert.Equal(expected.Rows.Length, predictions.RowCount);
        var bySplit = expected.Rows.GroupBy(r => r.Split).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(bySplit.Select(g => g.Key), predictions.Splits.Select(s => s.Name));
        foreach (var (group, split) in bySplit.Zip(predictions.Splits))
        {
            var rows = group.OrderBy(r => r.SampleId, StringComparer.Ordinal).ToList();
            Assert.Equal(rows.Select(r => r.SampleId), split.SampleIds);
            Assert.Equal(rows.Select(r => r.Label), split.Labels);
            var scores = rows.SelectMany(r => expected.Kind == "logits" ? Softmax(r.Scores) : r.Scores).ToArray();
            Assert.Equal(scores.Length, split.Probabilities.Length);
            for (int i = 0; i < scores.Length; i++) Assert.Equal(scores[i], split.Probabilities[i], 5);
        }
    }

    [Theory]
    [InlineData("duckdb-attention.parquet")]
    [InlineData("arrow-attention-lz4raw.parquet")]
    public async Task Attention_fixture_decodes_to_the_tokens_written(string name)
    {
        var expected = Load<ExpectedAttention>(name).Rows;
        await using var stream = File.OpenRead(PathOf(name));
        var attention = await AttentionReader.ReadAsync(stream, CancellationToken.None);

        Assert.Equal(expected.Select(r => r.Sample_id), attention.SampleIds);
        Assert.Equal(expected.Select(r => r.Sentence), attention.Sentences);
        Assert.Equal(expected.Select(r => r.Position), attention.Positions);
        Assert.Equal(expected.Select(r => r.Token), attention.Tokens);
        Assert.Equal(expected.Select(r => (float)r.Word_weight), attention.WordWeights);
        Assert.Equal(expected.Select(r => (float)r.Sentence_weight), attention.SentenceWeights);
    }

    private static double[] Softmax(double[] logits)
    {
        double max = logits.Max();
        var exp = logits.Select(x => Math.Exp(x - max)).ToArray();
        return exp.Select(e => e / exp.Sum()).ToArray();
    }
}
