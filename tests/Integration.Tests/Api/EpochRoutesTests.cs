using System.Text;
using System.Text.Json;
using Apache.Arrow.Ipc;
using ClassVisCloud.Analytics;
using ClassVisCloud.Api;
using ClassVisCloud.Analytics.Dynamics;
using ClassVisCloud.Analytics.Storage;
using ClassVisCloud.Functions.Dynamics;
using ClassVisCloud.Functions.Epochs;
using ClassVisCloud.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ClassVisCloud.Integration.Tests.Api;

[Collection(RealRunCollection.Name)]
public sealed class EpochRoutesTests(RealRunFixture fixture)
{
    TestStorage Storage => fixture.Storage;

    Task<FunctionAnswer> Samples(string epoch, string query) =>
        FunctionCall.GetAsync(query, r => Storage.Function<GetEpochSamples>().Run(r, RealRun.Name, epoch, default));

    [Theory]
    [InlineData("5", "mispredictionsAt5")]
    [InlineData("18", "mispredictionsAt18")]
    public async Task Misprediction_counts_match_DuckDB_for_every_validation_sample(string epoch, string expectedKey)
    {
        var answer = await Samples(epoch, "");
        Assert.Equal(200, answer.Status);
        var json = answer.Json;
        Assert.Equal("validation", json.GetProperty("split").GetString());
        var ids = json.GetProperty("sampleId").EnumerateArray().Select(x => x.GetString()!).ToList();
        var counts = json.GetProperty("mispredictions").EnumerateArray().Select(x => x.GetInt32()).ToList();
        var expected = RealRun.Expected.GetProperty(expectedKey);
        Assert.Equal(1788, ids.Count);
        for (var i = 0; i < ids.Count; i++) Assert.Equal(expected.GetProperty(ids[i]).GetInt32(), counts[i]);
        Assert.Equal(1788, json.GetProperty("label").GetArrayLength());
        Assert.Equal(1788, json.GetProperty("score").GetArrayLength());
    }

    [Fact]
    public async Task The_arrow_format_serves_the_same_columns_as_json()
    {
        var json = (await Samples("18", "split=train")).Json;
        var arrow = await Samples("18", "split=train&format=arrow");
        Assert.Equal(200, arrow.Status);
        Assert.Equal("application/vnd.apache.arrow.stream", arrow.Headers.ContentType.ToString());
        using var reader = new ArrowStreamReader(new MemoryStream(arrow.Body));
        var batch = reader.ReadNextRecordBatch();
        Assert.Equal(1000, batch.Length);
        var ids = (Apache.Arrow.StringArray)batch.Column("sampleId");
        var predicted = (Apache.Arrow.Int32Array)batch.Column("predicted");
        var score = (Apache.Arrow.FloatArray)batch.Column("score");
        var mispredictions = (Apache.Arrow.Int32Array)batch.Column("mispredictions");
        for (var i = 0; i < batch.Length; i += 97)
        {
            Assert.Equal(json.GetProperty("sampleId")[i].GetString(), ids.GetString(i));
            Assert.Equal(json.GetProperty("predicted")[i].GetInt32(), predicted.GetValue(i));
            Assert.Equal(json.GetProperty("score")[i].GetSingle(), score.GetValue(i));
            Assert.Equal(json.GetProperty("mispredictions")[i].GetInt32(), mispredictions.GetValue(i));
        }
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task A_large_answer_is_compressed_when_the_client_accepts_it_and_decompresses_to_the_same_bytes(string encoding)
    {
        var plain = await Samples("18", "split=train");
        var request = FunctionCall.Request("split=train");
        request.Headers.AcceptEncoding = encoding;
        var compressed = await FunctionCall.RunAsync(request, r => Storage.Function<GetEpochSamples>().Run(r, RealRun.Name, "18", default));
        Assert.Equal(encoding, compressed.Headers.ContentEncoding.ToString());
        Assert.True(compressed.Body.Length < plain.Body.Length / 2);
        using Stream decompressor = encoding == "br"
            ? new System.IO.Compression.BrotliStream(new MemoryStream(compressed.Body), System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(new MemoryStream(compressed.Body), System.IO.Compression.CompressionMode.Decompress);
        var body = new MemoryStream();
        decompressor.CopyTo(body);
        Assert.Equal(plain.Body, body.ToArray());
    }

    [Fact]
    public async Task An_unchanged_epoch_answers_304_to_its_etag()
    {
        var first = await Samples("3", "");
        var etag = first.Headers.ETag.ToString();
        Assert.False(string.IsNullOrEmpty(etag));
        Assert.Equal("no-cache", first.Headers.CacheControl.ToString());
        var again = await FunctionCall.RunAsync(FunctionCall.Request(ifNoneMatch: etag), r => Storage.Function<GetEpochSamples>().Run(r, RealRun.Name, "3", default));
        Assert.Equal(304, again.Status);
        Assert.Empty(again.Body);
    }

    [Fact]
    public async Task A_revalidation_of_an_unchanged_epoch_is_answered_304_before_anything_is_read_or_built()
    {
        var samples = await Samples("7", "format=arrow");
        var dynamics = await FunctionCall.GetAsync("", r => Storage.Function<GetEpochDynamics>().Run(r, RealRun.Name, "7", default));
        // A new instance (nothing cached) over the same storage.
        await using var fresh = new ServiceCollection().AddLogging().AddClassVisCloudApi(Storage.Options).BuildServiceProvider();
        var again = await fresh.GetRequiredService<EpochApi>().SamplesAsync(RealRun.Name, "7", null, "arrow", $"\"other\", {samples.Headers.ETag}");
        var dynamicsAgain = await fresh.GetRequiredService<DynamicsApi>().DynamicsAsync(RealRun.Name, "7", null, null, ifNoneMatch: dynamics.Headers.ETag.ToString());
        Assert.Equal((304, samples.Headers.ETag.ToString()), (again.Status, again.ETag));
        Assert.Equal((304, dynamics.Headers.ETag.ToString()), (dynamicsAgain.Status, dynamicsAgain.ETag));
        Assert.Empty(again.Body);
        Assert.Equal(0, fresh.GetRequiredService<ImmutableCache>().TotalBytes);
        Assert.Equal(0, fresh.GetRequiredService<AnswerCache>().TotalBytes);
        Assert.Equal(0, fresh.GetRequiredService<MemoryBudget>().InUse);
    }

    [Fact]
    public async Task Parallel_reads_of_a_version_get_the_same_bytes_as_one_read()
    {
        var one = await Samples("12", "split=train");
        var many = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Samples("12", i % 2 == 0 ? "split=train" : "split=train&format=arrow")));
        Assert.All(many.Where((_, i) => i % 2 == 0), a => Assert.Equal(one.Body, a.Body));
        Assert.Single(many.Where((_, i) => i % 2 == 1).Select(a => Convert.ToHexString(a.Body)).Distinct());
    }

    [Fact]
    public async Task Classes_give_counts_mean_scores_and_histograms_as_DuckDB_computes_them()
    {
        var answer = await FunctionCall.GetAsync("split=validation", r => Storage.Function<GetEpochClasses>().Run(r, RealRun.Name, "18", default));
        Assert.Equal(200, answer.Status);
        var classes = answer.Json.GetProperty("classes").EnumerateArray().ToList();
        Assert.Equal(20, classes.Count);
        Assert.Equal("art", classes[0].GetProperty("name").GetString());
        foreach (var expected in RealRun.Expected.GetProperty("classes").EnumerateArray())
        {
            var actual = classes[expected.GetProperty("index").GetInt32()];
            Assert.Equal(expected.GetProperty("predicted").GetInt32(), actual.GetProperty("predicted").GetInt32());
            Assert.Equal(expected.GetProperty("correct").GetInt32(), actual.GetProperty("correct").GetInt32());
            Assert.Equal(expected.GetProperty("labelled").GetInt32(), actual.GetProperty("labelled").GetInt32());
            Assert.Equal(expected.GetProperty("meanScore").GetDouble(), actual.GetProperty("meanScore").GetDouble(), 5);
            Assert.Equal(expected.GetProperty("predicted").GetInt32(), actual.GetProperty("scoreHistogram").EnumerateArray().Sum(x => x.GetInt32()));
        }
    }

    [Fact]
    public async Task The_confusion_matrix_matches_DuckDB_and_names_its_classes()
    {
        var answer = await FunctionCall.GetAsync("", r => Storage.Function<GetEpochConfusion>().Run(r, RealRun.Name, "18", default));
        Assert.Equal(200, answer.Status);
        Assert.Equal(20, answer.Json.GetProperty("classes").GetArrayLength());
        Assert.Equal("startrek", answer.Json.GetProperty("classes")[17].GetString());
        var matrix = answer.Json.GetProperty("matrix");
        var expected = RealRun.Expected.GetProperty("confusion");
        for (var i = 0; i < 20; i++)
            for (var j = 0; j < 20; j++)
                Assert.Equal(expected[i][j].GetInt32(), matrix[i][j].GetInt32());
    }

    [Fact]
    public async Task Scores_give_the_full_probability_vector_of_each_sample_asked_for_in_order()
    {
        var samples = (await Samples("18", "")).Json;
        var ids = new[] { samples.GetProperty("sampleId")[5].GetString()!, samples.GetProperty("sampleId")[0].GetString()! };
        var body = JsonSerializer.SerializeToUtf8Bytes(new { split = "validation", sampleIds = ids });
        var answer = await FunctionCall.RunAsync(FunctionCall.Request(method: "POST", body: body), r => Storage.Function<PostEpochScores>().Run(r, RealRun.Name, "18", default));
        Assert.Equal(200, answer.Status);
        Assert.Equal(ids, answer.Json.GetProperty("sampleIds").EnumerateArray().Select(x => x.GetString()!));
        var vectors = answer.Json.GetProperty("scores").EnumerateArray().Select(v => v.EnumerateArray().Select(x => x.GetSingle()).ToArray()).ToList();
        foreach (var (vector, position) in vectors.Zip(new[] { 5, 0 }))
        {
            Assert.Equal(20, vector.Length);
            Assert.Equal(1.0, vector.Sum(), 3);
            var argmax = Array.IndexOf(vector, vector.Max());
            Assert.Equal(samples.GetProperty("predicted")[position].GetInt32(), argmax);
            Assert.Equal(samples.GetProperty("score")[position].GetSingle(), vector.Max());
        }
    }

    [Fact]
    public async Task Scores_for_many_samples_agree_with_a_few()
    {
        var samples = (await Samples("18", "split=train")).Json;
        var ids = samples.GetProperty("sampleId").EnumerateArray().Take(500).Select(x => x.GetString()!).ToArray();
        var body = JsonSerializer.SerializeToUtf8Bytes(new { split = "train", sampleIds = ids });
        var many = await FunctionCall.RunAsync(FunctionCall.Request(method: "POST", body: body), r => Storage.Function<PostEpochScores>().Run(r, RealRun.Name, "18", default));
        var fewBody = JsonSerializer.SerializeToUtf8Bytes(new { split = "train", sampleIds = ids[..3] });
        var few = await FunctionCall.RunAsync(FunctionCall.Request(method: "POST", body: fewBody), r => Storage.Function<PostEpochScores>().Run(r, RealRun.Name, "18", default));
        Assert.Equal(500, many.Json.GetProperty("scores").GetArrayLength());
        for (var i = 0; i < 3; i++)
            Assert.Equal(few.Json.GetProperty("scores")[i].GetRawText(), many.Json.GetProperty("scores")[i].GetRawText());
    }

    [Fact]
    public async Task Keywords_rank_the_tokens_the_attention_weighs_most_per_predicted_class_as_DuckDB_computes_them()
    {
        var answer = await FunctionCall.GetAsync("top=5", r => Storage.Function<GetEpochKeywords>().Run(r, RealRun.Name, "18", default));
        Assert.Equal(200, answer.Status);
        var classes = answer.Json.GetProperty("classes").EnumerateArray().ToList();
        foreach (var group in RealRun.Expected.GetProperty("keywords").EnumerateArray().GroupBy(k => k.GetProperty("predicted").GetInt32()))
        {
            var keywords = classes[group.Key].GetProperty("keywords").EnumerateArray().ToList();
            Assert.Equal(group.Select(k => k.GetProperty("text").GetString()), keywords.Select(k => k.GetProperty("text").GetString()));
            foreach (var (expected, actual) in group.Zip(keywords))
                Assert.Equal(expected.GetProperty("weight").GetDouble(), actual.GetProperty("weight").GetDouble(), 4);
        }
    }
}
