using System.Text;
using System.Text.Json;
using ClassVisCloud.Functions.Epochs;
using ClassVisCloud.Functions.Runs;
using ClassVisCloud.Functions.Samples;
using ClassVisCloud.Integration.Tests.Infrastructure;

namespace ClassVisCloud.Integration.Tests.Api;

/// <summary>
/// Every id a URL or body carries is hostile until checked: bad ones are 400 with a reason, unknown ones
/// 404, huge bodies 413, and none reaches a Table query as filter text.
/// </summary>
[Collection(RealRunCollection.Name)]
public sealed class HostileInputTests(RealRunFixture fixture)
{
    TestStorage Storage => fixture.Storage;

    public static TheoryData<string> Injections => new()
    {
        "' or PartitionKey ne '", "x' or 1 eq 1 or '", "a/b", "a#b", "a?b=c", "a\\b", "日本語", "😀", "%27", "..", new string('z', 10_000),
    };

    static void AssertError(FunctionAnswer answer, params int[] statuses)
    {
        Assert.Contains(answer.Status, statuses);
        var json = answer.Json;
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("error").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("detail").GetString()));
        Assert.DoesNotContain("   at ", answer.Text);
    }

    [Theory]
    [MemberData(nameof(Injections))]
    public async Task A_hostile_run_name_is_400_or_404_on_every_run_route(string run)
    {
        AssertError(await FunctionCall.GetAsync("", r => Storage.Function<GetRun>().Run(r, run, default)), 400, 404);
        AssertError(await FunctionCall.GetAsync("", r => Storage.Function<GetEpochSamples>().Run(r, run, "1", default)), 400, 404);
        AssertError(await FunctionCall.GetAsync("", r => Storage.Function<GetEpochClasses>().Run(r, run, "1", default)), 400, 404);
        AssertError(await FunctionCall.GetAsync("", r => Storage.Function<GetSampleHistory>().Run(r, run, "f-00000", default)), 400, 404);
        AssertError(await FunctionCall.GetAsync($"run={Uri.EscapeDataString(run)}", r => Storage.Function<ListIngests>().Run(r, default)), 400);
    }

    [Theory]
    [MemberData(nameof(Injections))]
    public async Task A_hostile_sample_id_or_split_is_400_or_404_and_leaks_nothing(string id)
    {
        AssertError(await FunctionCall.GetAsync("", r => Storage.Function<GetSampleHistory>().Run(r, RealRun.Name, id, default)), 400, 404);
        AssertError(await FunctionCall.GetAsync($"epoch=18", r => Storage.Function<GetSampleAttention>().Run(r, RealRun.Name, id, default)), 400, 404);
        AssertError(await FunctionCall.GetAsync($"split={Uri.EscapeDataString(id)}", r => Storage.Function<GetEpochSamples>().Run(r, RealRun.Name, "18", default)), 400, 404);
        var body = JsonSerializer.SerializeToUtf8Bytes(new { sampleIds = new[] { id } });
        AssertError(await FunctionCall.RunAsync(FunctionCall.Request(method: "POST", body: body), r => Storage.Function<PostEpochScores>().Run(r, RealRun.Name, "18", default)), 400, 404);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("abc")]
    [InlineData("99999999999999999999999")]
    [InlineData("1 or 1")]
    public async Task An_epoch_that_is_not_a_non_negative_integer_is_400(string epoch) =>
        AssertError(await FunctionCall.GetAsync("", r => Storage.Function<GetEpochSamples>().Run(r, RealRun.Name, epoch, default)), 400);

    [Fact]
    public async Task Unknown_run_epoch_split_and_sample_are_404_with_what_was_not_found()
    {
        var run = await FunctionCall.GetAsync("", r => Storage.Function<GetRun>().Run(r, "no-such-run", default));
        AssertError(run, 404);
        Assert.Contains("no-such-run", run.Json.GetProperty("detail").GetString());
        var epoch = await FunctionCall.GetAsync("", r => Storage.Function<GetEpochClasses>().Run(r, RealRun.Name, "99", default));
        AssertError(epoch, 404);
        Assert.Contains("99", epoch.Json.GetProperty("detail").GetString());
        var split = await FunctionCall.GetAsync("split=test", r => Storage.Function<GetEpochConfusion>().Run(r, RealRun.Name, "1", default));
        AssertError(split, 404);
        Assert.Contains("test", split.Json.GetProperty("detail").GetString());
        AssertError(await FunctionCall.GetAsync("", r => Storage.Function<GetSampleHistory>().Run(r, RealRun.Name, "f-99999", default)), 404);
    }

    [Fact]
    public async Task An_unknown_format_is_400() =>
        AssertError(await FunctionCall.GetAsync("format=csv", r => Storage.Function<GetEpochSamples>().Run(r, RealRun.Name, "1", default)), 400);

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=-5")]
    [InlineData("limit=100000")]
    [InlineData("limit=ten")]
    public async Task A_limit_out_of_range_is_400(string query) =>
        AssertError(await FunctionCall.GetAsync(query, r => Storage.Function<ListIngests>().Run(r, default)), 400);

    [Fact]
    public async Task A_body_over_1_MiB_is_413()
    {
        var body = Encoding.UTF8.GetBytes("{\"sampleIds\": [\"" + new string('x', 1024 * 1024 + 10) + "\"]}");
        AssertError(await FunctionCall.RunAsync(FunctionCall.Request(method: "POST", body: body), r => Storage.Function<PostEpochScores>().Run(r, RealRun.Name, "18", default)), 413);
    }

    [Fact]
    public async Task More_than_10000_sample_ids_are_413()
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { sampleIds = Enumerable.Range(0, 10_001).Select(i => $"f-{i:D5}") });
        AssertError(await FunctionCall.RunAsync(FunctionCall.Request(method: "POST", body: body), r => Storage.Function<PostEpochScores>().Run(r, RealRun.Name, "18", default)), 413);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"sampleIds\": 5}")]
    [InlineData("{\"split\": 3, \"sampleIds\": []}")]
    [InlineData("{\"sampleIds\": [null]}")]
    [InlineData("{\"sampleIds\": [{\"a\": 1}]}")]
    [InlineData("")]
    public async Task A_malformed_scores_body_is_400_with_a_reason(string body) =>
        AssertError(await FunctionCall.RunAsync(FunctionCall.Request(method: "POST", body: Encoding.UTF8.GetBytes(body)),
            r => Storage.Function<PostEpochScores>().Run(r, RealRun.Name, "18", default)), 400);
}
