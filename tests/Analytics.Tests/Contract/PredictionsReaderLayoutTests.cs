using ClassVisCloud.Analytics.Contract;
using ClassVisCloud.Analytics.Tests.Contract.TestFiles;
using Parquet;

namespace ClassVisCloud.Analytics.Tests.Contract;

/// <summary>
/// Any writer's layout decodes to the same epoch: Parquet.Net with every compression, required or nullable
/// columns, float or double scores, one or several row groups, either list element name, either score form.
/// </summary>
public class PredictionsReaderLayoutTests
{
    private static readonly string[] Classes = ["a", "b", "c"];

    /// <summary>Forty rows in two splits, ids shuffled, seeded scores that sum to 1.</summary>
    private static List<PredictionRow> Rows(bool integerIds = false, bool stringLabels = false)
    {
        var random = new Random(5);
        return Enumerable.Range(0, 40)
            .OrderBy(_ => random.Next())
            .Select(i =>
            {
                var raw = Classes.Select(_ => random.NextDouble() + 0.01).ToArray();
                double?[] scores = [.. raw.Select(x => (double?)(float)(x / raw.Sum()))];
                int label = i % Classes.Length;
                return new PredictionRow(integerIds ? (object)(long)(i * 3) : $"id-{i:D3}", stringLabels ? Classes[label] : (long)label,
                    scores, i % 4 == 0 ? "validation" : "train");
            })
            .ToList();
    }

    private static async Task AssertDecodesAsync(List<PredictionRow> rows, PredictionsFileOptions options, ReadContext? context = null)
    {
        await using var stream = await PredictionsFile.WriteAsync(rows, options);
        var predictions = await PredictionsReader.ReadAsync(stream, context ?? new ReadContext(3, null, null, null), CancellationToken.None);

        Assert.Equal(ScoreKind.Probabilities, predictions.ScoreKind);
        Assert.Equal(3, predictions.ClassCount);
        Assert.Equal(["train", "validation"], predictions.Splits.Select(s => s.Name));
        foreach (var split in predictions.Splits)
        {
            var expected = rows.Where(r => r.Split == split.Name).OrderBy(r => r.SampleId!.ToString(), StringComparer.Ordinal).ToList();
            Assert.Equal(expected.Select(r => r.SampleId!.ToString()), split.SampleIds);
            Assert.Equal(expected.Select(r => r.Label is string name ? Array.IndexOf(Classes, name) : (int)(long)r.Label!), split.Labels);
            Assert.Equal(expected.SelectMany(r => r.Scores!).Select(s => (float)s!.Value), split.Probabilities);
        }
    }

    public static TheoryData<CompressionMethod> Compressions() =>
        [CompressionMethod.None, CompressionMethod.Snappy, CompressionMethod.Gzip, CompressionMethod.Zstd, CompressionMethod.Brotli, CompressionMethod.Lz4Raw];

    [Theory]
    [MemberData(nameof(Compressions))]
    public async Task List_form_decodes_with_every_compression(CompressionMethod compression)
    {
        await AssertDecodesAsync(Rows(), new PredictionsFileOptions { Compression = compression });
    }

    [Theory]
    [MemberData(nameof(Compressions))]
    public async Task Wide_form_decodes_with_every_compression(CompressionMethod compression)
    {
        await AssertDecodesAsync(Rows(stringLabels: true), new PredictionsFileOptions { Compression = compression, WideClassNames = Classes });
    }

    [Theory]
    [InlineData(false, false, int.MaxValue)]
    [InlineData(true, false, int.MaxValue)]
    [InlineData(false, true, 7)]
    [InlineData(true, true, 1)]
    public async Task List_form_decodes_nullable_or_not_float_or_double_in_any_row_groups(bool nullable, bool doubles, int rowsPerGroup)
    {
        await AssertDecodesAsync(Rows(), new PredictionsFileOptions { Nullable = nullable, DoubleScores = doubles, RowsPerGroup = rowsPerGroup, Epoch = 3 });
    }

    [Theory]
    [InlineData(false, int.MaxValue)]
    [InlineData(true, 6)]
    public async Task Wide_form_decodes_nullable_or_not_in_any_row_groups(bool nullable, int rowsPerGroup)
    {
        await AssertDecodesAsync(Rows(integerIds: true), new PredictionsFileOptions { Nullable = nullable, RowsPerGroup = rowsPerGroup, WideClassNames = Classes });
    }

    [Theory]
    [InlineData("element")]
    [InlineData("item")]
    public async Task The_list_element_may_have_either_name(string elementName)
    {
        await AssertDecodesAsync(Rows(), new PredictionsFileOptions { ListElementName = elementName });
    }

    [Fact]
    public async Task Integer_ids_and_string_labels_decode()
    {
        await AssertDecodesAsync(Rows(integerIds: true, stringLabels: true), new PredictionsFileOptions { RowsPerGroup = 9 },
            new ReadContext(3, new RunManifest(null, Classes, ScoreKind.Probabilities, null), 3, null));
    }

    [Theory]
    [InlineData(CompressionMethod.Zstd, true)]
    [InlineData(CompressionMethod.Zstd, false)]
    [InlineData(CompressionMethod.Brotli, true)]
    [InlineData(CompressionMethod.Brotli, false)]
    [InlineData(CompressionMethod.Gzip, true)]
    public async Task A_page_larger_than_the_first_buffer_decompresses(CompressionMethod compression, bool compressible)
    {
        // Parquet.Net writes a column chunk as one page: 5,000 × 25 floats make a 500 KB page. Random scores
        // decompress in one call; identical rows compress so well that the output buffer has to grow.
        var random = new Random(9);
        var rows = Enumerable.Range(0, 5_000)
            .Select(i => new PredictionRow($"s{i}", (long)(i % 25),
                [.. Enumerable.Range(0, 25).Select(k => (double?)(compressible ? k : random.NextDouble()))]))
            .ToList();
        await using var stream = await PredictionsFile.WriteAsync(rows, new PredictionsFileOptions { Compression = compression });

        var predictions = await PredictionsReader.ReadAsync(stream, new ReadContext(3, null, null, null), CancellationToken.None);

        Assert.Equal(ScoreKind.Logits, predictions.ScoreKind);
        Assert.Equal(5_000, predictions.RowCount);
    }
}
