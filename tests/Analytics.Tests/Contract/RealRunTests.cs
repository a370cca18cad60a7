using ClassVisCloud.Analytics.Contract;

namespace ClassVisCloud.Analytics.Tests.Contract;

/// <summary>The real fortunes-han run, trimmed (tests/data: DuckDB, zstd, list form, string ids, int labels), decodes as documented.</summary>
public class RealRunTests
{
    private static async Task<EpochPredictions> ReadEpochAsync(int epoch, RunManifest? manifest)
    {
        await using var stream = File.OpenRead(Path.Combine(TestPaths.FortunesHan, $"epoch-{epoch}.parquet"));
        return await PredictionsReader.ReadAsync(stream, new ReadContext(epoch, manifest, 20, null), CancellationToken.None);
    }

    private static RunManifest Manifest() =>
        ManifestParser.Parse(File.ReadAllBytes(Path.Combine(TestPaths.FortunesHan, "run.json")));

    private static double Accuracy(SplitPredictions split, int classCount)
    {
        int correct = 0;
        for (int row = 0; row < split.Count; row++)
        {
            var scores = split.Probabilities.AsSpan(row * classCount, classCount);
            int predicted = 0;
            for (int k = 1; k < classCount; k++)
                if (scores[k] > scores[predicted]) predicted = k;
            if (predicted == split.Labels[row]) correct++;
        }
        return (double)correct / split.Count;
    }

    [Fact]
    public async Task Every_epoch_decodes_with_the_documented_shape()
    {
        var manifest = Manifest();
        for (int epoch = 1; epoch <= 18; epoch++)
        {
            var predictions = await ReadEpochAsync(epoch, manifest);
            Assert.Equal(2788, predictions.RowCount);
            Assert.Equal(20, predictions.ClassCount);
            Assert.Equal(ScoreKind.Probabilities, predictions.ScoreKind);
            Assert.False(predictions.IntegerIds);
            Assert.Equal(["train", "validation"], predictions.Splits.Select(s => s.Name));
            Assert.Equal([1000, 1788], predictions.Splits.Select(s => s.Count));
            foreach (var split in predictions.Splits)
            {
                Assert.True(split.SampleIds.SequenceEqual(split.SampleIds.Order(StringComparer.Ordinal)));
                Assert.Equal(split.Count * 20, split.Probabilities.Length);
                Assert.Null(split.LogitMargins);
            }
        }
    }

    // DuckDB's figures (tests/data keeps 1,000 train samples): train 267 / 1,000 and 930 / 1,000; the validation figures
    // are rounded loosely: epoch 1 validation is 480 / 1,788 = 0.2685, so allow ±0.0011.
    [Theory]
    [InlineData(1, 0.267, 0.269)]
    [InlineData(18, 0.930, 0.532)]
    public async Task Accuracy_matches_the_documented_figures(int epoch, double train, double validation)
    {
        var predictions = await ReadEpochAsync(epoch, Manifest());
        Assert.InRange(Accuracy(predictions.Splits[0], 20), train - 0.0011, train + 0.0011);
        Assert.InRange(Accuracy(predictions.Splits[1], 20), validation - 0.0011, validation + 0.0011);
    }

    [Fact]
    public async Task Without_a_manifest_the_run_still_decodes_as_probabilities()
    {
        await using var stream = File.OpenRead(Path.Combine(TestPaths.FortunesHan, "epoch-5.parquet"));
        var predictions = await PredictionsReader.ReadAsync(stream, new ReadContext(5, null, null, null), CancellationToken.None);
        Assert.Equal(ScoreKind.Probabilities, predictions.ScoreKind);
        Assert.Null(predictions.ClassNames);
    }

    [Fact]
    public async Task Attention_files_decode_with_54974_rows()
    {
        foreach (string path in Directory.GetFiles(Path.Combine(TestPaths.FortunesHan, "attention"), "*.parquet"))
        {
            await using var stream = File.OpenRead(path);
            var attention = await AttentionReader.ReadAsync(stream, CancellationToken.None);
            Assert.Equal(54974, attention.Count);
            Assert.Equal(1788, attention.SampleIds.Distinct().Count());
            Assert.All(attention.Positions, p => Assert.InRange(p, 0, 39));
            Assert.All(attention.Sentences, s => Assert.InRange(s, 0, 11));
            Assert.DoesNotContain(attention.Tokens, string.IsNullOrEmpty);
        }
    }

    [Fact]
    public void Manifest_parses_with_twenty_classes_and_probabilities()
    {
        var manifest = Manifest();
        Assert.Equal(20, manifest.Classes!.Count);
        Assert.Equal("art", manifest.Classes[0]);
        Assert.Equal(ScoreKind.Probabilities, manifest.DeclaredScores);
    }
}
