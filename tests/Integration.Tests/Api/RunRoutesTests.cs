using System.Text.Json;
using ClassVisCloud.Functions.Runs;
using ClassVisCloud.Integration.Tests.Infrastructure;

namespace ClassVisCloud.Integration.Tests.Api;

[Collection(RealRunCollection.Name)]
public sealed class RunRoutesTests(RealRunFixture fixture)
{
    TestStorage Storage => fixture.Storage;

    [Fact]
    public async Task The_runs_list_shows_the_real_run_with_every_epoch_and_its_samples()
    {
        var answer = await FunctionCall.GetAsync("", r => Storage.Function<ListRuns>().Run(r, default));
        Assert.Equal(200, answer.Status);
        var run = answer.Json.GetProperty("runs").EnumerateArray().Single();
        Assert.Equal(RealRun.Name, run.GetProperty("run").GetString());
        Assert.StartsWith("fortunes-han: Hierarchical Attention Network", run.GetProperty("name").GetString());
        Assert.Equal(20, run.GetProperty("classes").GetInt32());
        Assert.Equal(18, run.GetProperty("epochs").GetInt32());
        Assert.Equal(18, run.GetProperty("lastEpoch").GetInt32());
        Assert.Equal(2788, run.GetProperty("samples").GetInt32());
        Assert.Equal("ok", run.GetProperty("status").GetString());
        Assert.True(DateTimeOffset.TryParse(run.GetProperty("updated").GetString(), out _));
    }

    [Fact]
    public async Task The_run_summary_gives_accuracy_and_loss_per_epoch_and_split_as_DuckDB_computes_them()
    {
        var answer = await FunctionCall.GetAsync("", r => Storage.Function<GetRun>().Run(r, RealRun.Name, default));
        Assert.Equal(200, answer.Status);
        var json = answer.Json;
        Assert.Equal("probabilities", json.GetProperty("scoreKind").GetString());
        Assert.Equal(["train", "validation"], json.GetProperty("splits").EnumerateArray().Select(s => s.GetString()!));
        Assert.Equal("art", json.GetProperty("classes")[0].GetString());
        Assert.Equal("work", json.GetProperty("classes")[19].GetString());
        Assert.Equal("ok", json.GetProperty("manifest").GetProperty("status").GetString());
        var epochs = json.GetProperty("epochs").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 18), epochs.Select(e => e.GetProperty("epoch").GetInt32()));
        foreach (var expected in RealRun.Expected.GetProperty("epochs").EnumerateArray())
        {
            var epoch = epochs[expected.GetProperty("epoch").GetInt32() - 1];
            Assert.Equal("ok", epoch.GetProperty("status").GetString());
            if (RealRun.AttentionEpochs.Contains(expected.GetProperty("epoch").GetInt32()))
                Assert.Equal("ok", epoch.GetProperty("attention").GetProperty("status").GetString());
            else
                Assert.Equal(JsonValueKind.Null, epoch.GetProperty("attention").ValueKind);
            var split = epoch.GetProperty("splits").GetProperty(expected.GetProperty("split").GetString()!);
            Assert.Equal(expected.GetProperty("samples").GetInt32(), split.GetProperty("samples").GetInt32());
            Assert.Equal(expected.GetProperty("correct").GetInt32(), split.GetProperty("correct").GetInt32());
            Assert.Equal((double)expected.GetProperty("correct").GetInt32() / expected.GetProperty("samples").GetInt32(), split.GetProperty("accuracy").GetDouble(), 9);
            Assert.Equal(expected.GetProperty("loss").GetDouble(), split.GetProperty("loss").GetDouble(), 5);
        }
        Assert.Equal(0.267, epochs[0].GetProperty("splits").GetProperty("train").GetProperty("accuracy").GetDouble(), 3);
        Assert.Equal(0.532, epochs[17].GetProperty("splits").GetProperty("validation").GetProperty("accuracy").GetDouble(), 3);
    }

    [Fact]
    public async Task The_ingests_route_lists_every_uploaded_blob_as_ingested_newest_first()
    {
        var answer = await FunctionCall.GetAsync($"run={RealRun.Name}&limit=1000", r => Storage.Function<ListIngests>().Run(r, default));
        Assert.Equal(200, answer.Status);
        var ingests = answer.Json.GetProperty("ingests").EnumerateArray().ToList();
        var blobs = ingests.Where(i => i.GetProperty("outcome").GetString() == "ingested").Select(i => i.GetProperty("blob").GetString()!).ToHashSet();
        Assert.Equal(RealRun.Files().Select(f => $"{RealRun.Name}/{f}").ToHashSet(), blobs);
        var times = ingests.Select(i => DateTimeOffset.Parse(i.GetProperty("at").GetString()!)).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        var epoch18 = ingests.First(i => i.GetProperty("blob").GetString() == $"{RealRun.Name}/epoch-18.parquet");
        Assert.Equal(2788, epoch18.GetProperty("samples").GetInt32());
        Assert.Equal(18, epoch18.GetProperty("epoch").GetInt32());
        Assert.True(epoch18.GetProperty("milliseconds").GetInt64() > 0);
        Assert.Equal(JsonValueKind.Null, epoch18.GetProperty("reason").ValueKind);
    }

    [Fact]
    public async Task Each_predictions_ingest_says_where_its_time_went_stage_by_stage()
    {
        var answer = await FunctionCall.GetAsync($"run={RealRun.Name}&limit=1000", r => Storage.Function<ListIngests>().Run(r, default));
        var ingests = answer.Json.GetProperty("ingests").EnumerateArray().ToList();
        var epoch18 = ingests.First(i => i.GetProperty("blob").GetString() == $"{RealRun.Name}/epoch-18.parquet");
        var stages = epoch18.GetProperty("stages").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());

        // The newest epoch (uploaded last) gets its training dynamics prepared in the ingest, whatever the host.
        Assert.Equal(["download", "read", "compute", "matrix", "tables", "flip", "dynamics"], stages.Keys);
        Assert.All(stages.Values, ms => Assert.True(ms >= 0));
        // The stages run one after another but for the matrix blob and the tables, which overlap.
        double sequential = stages["download"] + stages["read"] + stages["compute"] + Math.Max(stages["matrix"], stages["tables"]) + stages["flip"] + stages["dynamics"];
        Assert.True(sequential <= epoch18.GetProperty("milliseconds").GetInt64() + stages.Count, $"{sequential} ms of stages in {epoch18.GetProperty("milliseconds")} ms");

        var attention = ingests.First(i => i.GetProperty("blob").GetString() == $"{RealRun.Name}/attention/epoch-18.parquet");
        Assert.Empty(attention.GetProperty("stages").EnumerateObject());
    }

    [Fact]
    public async Task The_ingests_route_limits_its_answer()
    {
        var answer = await FunctionCall.GetAsync("limit=3", r => Storage.Function<ListIngests>().Run(r, default));
        Assert.Equal(3, answer.Json.GetProperty("ingests").GetArrayLength());
    }
}
