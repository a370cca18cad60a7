using System.Text.Json;
using ClassVisCloud.Functions.Dynamics;
using ClassVisCloud.Integration.Tests.Api;
using ClassVisCloud.Integration.Tests.Infrastructure;

namespace ClassVisCloud.Integration.Tests.Dynamics;

[Collection(RealRunCollection.Name)]
public sealed class ConfusionRoutesTests(RealRunFixture fixture)
{
    TestStorage Storage => fixture.Storage;

    static readonly string[] Classes = JsonDocument.Parse(RealRun.Read("run.json")).RootElement.GetProperty("classes")
        .EnumerateArray().Select(c => c.GetString()!).ToArray();

    /// <summary>The oracle's off-diagonal cells of the validation split: (true, predicted, count at epochs 1..18).</summary>
    static readonly List<(int True, int Predicted, int[] Counts)> Cells = DynamicsOracle.Expected.GetProperty("confusionCells").EnumerateArray()
        .Select(c => (c.GetProperty("label").GetInt32(), c.GetProperty("predicted").GetInt32(),
            c.GetProperty("counts").EnumerateArray().Select(x => x.GetInt32()).ToArray())).ToList();

    static void AssertPairs(IEnumerable<(int True, int Predicted, int[] Counts)> expected, JsonElement pairs)
    {
        var actual = pairs.EnumerateArray().ToList();
        var wanted = expected.ToList();
        Assert.Equal(wanted.Count, actual.Count);
        for (var i = 0; i < wanted.Count; i++)
        {
            Assert.Equal(Classes[wanted[i].True], actual[i].GetProperty("true").GetString());
            Assert.Equal(Classes[wanted[i].Predicted], actual[i].GetProperty("predicted").GetString());
            Assert.Equal(wanted[i].Counts, actual[i].GetProperty("counts").EnumerateArray().Select(x => x.GetInt32()));
        }
    }

    [Fact]
    public async Task Confusion_over_time_gives_the_pairs_largest_at_the_last_epoch_with_their_count_at_every_epoch()
    {
        var answer = await FunctionCall.GetAsync("top=20", r => Storage.Function<GetConfusionOverTime>().Run(r, RealRun.Name, default));
        Assert.Equal(200, answer.Status);
        Assert.Equal("validation", answer.Json.GetProperty("split").GetString());
        Assert.Equal(Enumerable.Range(1, 18).Select(e => (long)e), answer.Json.GetProperty("epochs").EnumerateArray().Select(e => e.GetInt64()));
        var expected = Cells.Where(c => c.Counts[^1] > 0)
            .OrderByDescending(c => c.Counts[^1]).ThenBy(c => c.True).ThenBy(c => c.Predicted).Take(20);
        AssertPairs(expected, answer.Json.GetProperty("pairs"));
    }

    [Fact]
    public async Task Confusion_growth_gives_the_pairs_that_grew_most_over_the_last_k_logged_epochs()
    {
        var answer = await FunctionCall.GetAsync("split=validation&k=5&top=10", r => Storage.Function<GetConfusionGrowth>().Run(r, RealRun.Name, default));
        Assert.Equal(200, answer.Status);
        var json = answer.Json;
        Assert.Equal(13, json.GetProperty("from").GetInt64());
        Assert.Equal(18, json.GetProperty("to").GetInt64());
        Assert.Equal([13L, 14L, 15L, 16L, 17L, 18L], json.GetProperty("epochs").EnumerateArray().Select(e => e.GetInt64()));
        var expected = Cells.Select(c => (c.True, c.Predicted, Counts: c.Counts[12..]))
            .Where(c => c.Counts[^1] > c.Counts[0])
            .OrderByDescending(c => c.Counts[^1] - c.Counts[0]).ThenByDescending(c => c.Counts[^1]).ThenBy(c => c.True).ThenBy(c => c.Predicted).Take(10).ToList();
        Assert.NotEmpty(expected);
        AssertPairs(expected, json.GetProperty("pairs"));
        var growth = json.GetProperty("pairs").EnumerateArray().Select(p => p.GetProperty("growth").GetInt32());
        Assert.Equal(expected.Select(c => c.Counts[^1] - c.Counts[0]), growth);
    }

    [Theory]
    [InlineData("top=0", 400)]
    [InlineData("top=abc", 400)]
    [InlineData("k=0", 400)]
    [InlineData("split=nope", 404)]
    public async Task Bad_arguments_get_the_standard_answers(string query, int status)
    {
        var answer = await FunctionCall.GetAsync(query, r => Storage.Function<GetConfusionGrowth>().Run(r, RealRun.Name, default));
        Assert.Equal(status, answer.Status);
        Assert.True(answer.Json.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task An_unknown_run_is_not_found() =>
        Assert.Equal(404, (await FunctionCall.GetAsync("", r => Storage.Function<GetConfusionOverTime>().Run(r, "no-such-run", default))).Status);
}
