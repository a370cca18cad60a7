using Apache.Arrow;
using Apache.Arrow.Ipc;
using ClassVisCloud.Functions.Dynamics;
using ClassVisCloud.Integration.Tests.Api;
using ClassVisCloud.Integration.Tests.Infrastructure;

namespace ClassVisCloud.Integration.Tests.Dynamics;

[Collection(RealRunCollection.Name)]
public sealed class RealRunDynamicsTests(RealRunFixture fixture)
{
    TestStorage Storage => fixture.Storage;

    Task<FunctionAnswer> Dynamics(string epoch, string query) =>
        FunctionCall.GetAsync(query, r => Storage.Function<GetEpochDynamics>().Run(r, RealRun.Name, epoch, default));

    [Fact]
    public async Task Every_statistic_of_every_validation_sample_matches_DuckDB_over_the_18_epochs()
    {
        var answer = await Dynamics("18", "split=validation");
        Assert.Equal(200, answer.Status);
        Assert.Equal("validation", answer.Json.GetProperty("split").GetString());
        Assert.Equal(18, answer.Json.GetProperty("epoch").GetInt64());
        DynamicsOracle.AssertMatches("all18", answer.Json);
    }

    [Fact]
    public async Task The_arrow_format_serves_the_same_columns_with_null_first_learned()
    {
        var json = (await Dynamics("18", "split=validation")).Json;
        var arrow = await Dynamics("18", "split=validation&format=arrow");
        Assert.Equal("application/vnd.apache.arrow.stream", arrow.Headers.ContentType.ToString());
        using var reader = new ArrowStreamReader(new MemoryStream(arrow.Body));
        var batch = reader.ReadNextRecordBatch();
        Assert.Equal(1788, batch.Length);
        var firstLearned = (Int64Array)batch.Column("firstLearned");
        var aum = (FloatArray)batch.Column("aum");
        var suspect = (BooleanArray)batch.Column("suspect");
        for (var i = 0; i < batch.Length; i++)
        {
            var expected = json.GetProperty("firstLearned")[i];
            Assert.Equal(expected.ValueKind == System.Text.Json.JsonValueKind.Null ? null : expected.GetInt64(), firstLearned.GetValue(i));
            Assert.Equal(json.GetProperty("aum")[i].GetSingle(), aum.GetValue(i));
            Assert.Equal(json.GetProperty("suspect")[i].GetBoolean(), suspect.GetValue(i));
        }
    }

    [Fact]
    public async Task Columns_asked_for_come_alone_in_the_answers_order_with_the_full_answers_values_in_both_formats()
    {
        var full = (await Dynamics("18", "split=validation")).Json;
        var some = await Dynamics("18", "split=validation&columns=suspect,aum,confidence");
        Assert.Equal(200, some.Status);
        Assert.Equal(["split", "epoch", "confidence", "aum", "suspect"], some.Json.EnumerateObject().Select(p => p.Name));
        foreach (var name in new[] { "confidence", "aum", "suspect" })
            Assert.Equal(full.GetProperty(name).GetRawText(), some.Json.GetProperty(name).GetRawText());

        var arrow = await Dynamics("18", "split=validation&format=arrow&columns=firstLearned,sampleId");
        using var reader = new ArrowStreamReader(new MemoryStream(arrow.Body));
        var batch = reader.ReadNextRecordBatch();
        Assert.Equal(["sampleId", "firstLearned"], batch.Schema.FieldsList.Select(f => f.Name));
        Assert.Equal(DynamicsOracle.Strings(full.GetProperty("sampleId")), Enumerable.Range(0, batch.Length).Select(i => ((StringArray)batch.Column(0)).GetString(i)));

        // Another set of columns is another answer: its own ETag, so a cache never mixes them.
        Assert.NotEqual((await Dynamics("18", "split=validation")).Headers.ETag.ToString(), some.Headers.ETag.ToString());
        Assert.Equal(some.Headers.ETag.ToString(), (await Dynamics("18", "split=validation&columns=aum,confidence,suspect")).Headers.ETag.ToString());
    }

    [Fact]
    public async Task Suspects_are_ranked_by_area_under_the_margin_with_the_class_preferred_most_often()
    {
        var answer = await FunctionCall.GetAsync("split=validation&limit=25", r => Storage.Function<GetEpochSuspects>().Run(r, RealRun.Name, "18", default));
        Assert.Equal(200, answer.Status);
        var suspects = answer.Json.GetProperty("suspects").EnumerateArray().ToList();
        Assert.Equal(25, suspects.Count);
        DynamicsOracle.AssertSuspectsMatch("all18", answer.Json);
        var classes = System.Text.Json.JsonDocument.Parse(RealRun.Read("run.json")).RootElement.GetProperty("classes");
        foreach (var suspect in suspects)
        {
            Assert.Equal(classes[suspect.GetProperty("label").GetInt32()].GetString(), suspect.GetProperty("labelName").GetString());
            Assert.Equal(classes[suspect.GetProperty("likely").GetInt32()].GetString(), suspect.GetProperty("likelyName").GetString());
        }
    }

    [Fact]
    public async Task An_answer_carries_an_etag_that_covers_the_history()
    {
        var first = await Dynamics("9", "split=train");
        var again = await FunctionCall.RunAsync(FunctionCall.Request("split=train", ifNoneMatch: first.Headers.ETag.ToString()),
            r => Storage.Function<GetEpochDynamics>().Run(r, RealRun.Name, "9", default));
        Assert.Equal(304, again.Status);
        Assert.NotEqual(first.Headers.ETag.ToString(), (await Dynamics("10", "split=train")).Headers.ETag.ToString());
    }
}
