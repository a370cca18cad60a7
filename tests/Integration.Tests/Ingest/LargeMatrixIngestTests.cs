using System.Text.Json;
using ClassVisCloud.Functions.Epochs;
using ClassVisCloud.Integration.Tests.Infrastructure;

namespace ClassVisCloud.Integration.Tests.Ingest;

/// <summary>
/// An epoch whose probability matrix is too large for one request (250,000 × 70: 70 MB) is staged while the file is
/// read and committed once it is valid: the scores route then serves exactly the file's probabilities, or the softmax
/// of its logits (staged as logits, then staged again).
/// </summary>
public sealed class LargeMatrixIngestTests
{
    const int Rows = 250_000, Classes = 70;

    /// <summary>Row i's scores: a deterministic pattern, as logits or normalized to probabilities.</summary>
    static float[] Scores(int row, bool logits)
    {
        var values = Enumerable.Range(0, Classes).Select(k => (float)(((row * 31 + k * 17) % 97) / 97.0)).ToArray();
        if (logits) return [.. values.Select(v => v * 8 - 4)];
        float sum = values.Sum();
        return [.. values.Select(v => v / sum)];
    }

    static byte[] File(bool logits) => ArrowParquetFile.Predictions(Rows, row => $"s{row:D7}", row => row % Classes, row => Scores(row, logits));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_scores_route_serves_the_files_probabilities(bool logits)
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadAndDeliverAsync("big/epoch-1.parquet", File(logits));

        int[] rows = [0, 1, 77_777, Rows - 1];
        var body = JsonSerializer.SerializeToUtf8Bytes(new { split = "all", sampleIds = rows.Select(r => $"s{r:D7}") });
        var answer = await FunctionCall.RunAsync(FunctionCall.Request(method: "POST", body: body), r => storage.Function<PostEpochScores>().Run(r, "big", "1", default));
        Assert.Equal(200, answer.Status);
        var vectors = answer.Json.GetProperty("scores").EnumerateArray().Select(v => v.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToList();
        for (int i = 0; i < rows.Length; i++)
        {
            var expected = Scores(rows[i], logits).Select(v => (double)v).ToArray();
            if (logits)
            {
                double max = expected.Max(), sum = expected.Sum(v => Math.Exp(v - max));
                expected = [.. expected.Select(v => Math.Exp(v - max) / sum)];
            }
            for (int k = 0; k < Classes; k++) Assert.Equal(expected[k], vectors[i][k], 5);
        }
    }
}
