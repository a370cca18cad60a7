using ClassVisCloud.Api;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Api.Tests.Http;

public sealed class AnswerCacheTests
{
    static byte[] Body(int n) => System.Text.Encoding.UTF8.GetBytes(string.Join(",", Enumerable.Range(0, n)));

    [Fact]
    public async Task Sixteen_readers_of_the_same_version_share_one_build_and_get_the_same_bytes()
    {
        var answers = new AnswerCache(new ImmutableCache(10_000_000), new MemoryBudget(1_000_000));
        var builds = 0;
        var gate = new TaskCompletionSource();
        var reads = Enumerable.Range(0, 16).Select(_ => answers.GetOrBuildAsync("\"v1\"", ApiResponse.JsonType, 1000, async _ =>
        {
            Interlocked.Increment(ref builds);
            await gate.Task;
            return Body(10_000);
        })).ToList();
        gate.SetResult();
        var responses = await Task.WhenAll(reads);
        Assert.Equal(1, builds);
        Assert.All(responses, r => Assert.Same(responses[0].Body, r.Body));
        Assert.Equal("\"v1\"", responses[0].ETag);
        Assert.Equal(200, responses[0].Status);
    }

    [Fact]
    public async Task A_build_waits_for_the_budget_another_build_holds()
    {
        var budget = new MemoryBudget(1000);
        var answers = new AnswerCache(new ImmutableCache(10_000_000), budget);
        var firstHolds = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var first = answers.GetOrBuildAsync("\"a\"", ApiResponse.JsonType, 800, async _ => { firstHolds.SetResult(); await release.Task; return Body(10); });
        await firstHolds.Task;
        var secondStarted = false;
        var second = answers.GetOrBuildAsync("\"b\"", ApiResponse.JsonType, 800, _ => { secondStarted = true; return Task.FromResult(Body(10)); });
        await Task.Delay(50);
        Assert.False(secondStarted);
        Assert.Equal(800, budget.InUse);
        release.SetResult();
        await Task.WhenAll(first, second);
        Assert.True(secondStarted);
        Assert.Equal(0, budget.InUse);
    }

    [Fact]
    public async Task A_kept_answer_is_compressed_once_per_encoding_and_decompresses_to_its_body()
    {
        var cache = new ImmutableCache(10_000_000);
        var answers = new AnswerCache(cache, new MemoryBudget(10_000_000));
        var response = await answers.GetOrBuildAsync("\"c\"", ApiResponse.JsonType, 1000, _ => Task.FromResult(Body(20_000)));
        var before = cache.TotalBytes;
        var compressed = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => response.BodyAsync("br")));
        Assert.All(compressed, c => Assert.Same(compressed[0], c));
        Assert.Equal(before + compressed[0].Length, cache.TotalBytes);
        Assert.Equal(ResponseCompression.Compress(response.Body, "br"), compressed[0]);
        Assert.Same(response.Body, await response.BodyAsync(null));
    }

    [Theory]
    [InlineData("\"x\"", true)]
    [InlineData("\"y\", \"x\"", true)]
    [InlineData("\"y\"", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void An_if_none_match_header_matches_when_it_names_the_etag(string? header, bool matches)
    {
        Assert.Equal(matches, ApiResponse.Matches("\"x\"", header));
        var unchanged = ApiResponse.Unchanged("seed", ApiResponse.JsonType, header?.Replace("\"x\"", ApiResponse.ETagFor("seed", ApiResponse.JsonType)));
        Assert.Equal(matches, unchanged is { Status: 304, Body.Length: 0 });
    }
}
