using ClassVisCloud.Functions.Dynamics;
using ClassVisCloud.Integration.Tests.Api;
using ClassVisCloud.Integration.Tests.Infrastructure;

namespace ClassVisCloud.Integration.Tests.Dynamics;

[Collection(RealRunCollection.Name)]
public sealed class DynamicsErrorTests(RealRunFixture fixture)
{
    TestStorage Storage => fixture.Storage;

    [Theory]
    [InlineData("no-such-run", "5", "", 404)]
    [InlineData(RealRun.Name, "99", "", 404)]
    [InlineData(RealRun.Name, "five", "", 400)]
    [InlineData(RealRun.Name, "5", "split=nope", 404)]
    [InlineData(RealRun.Name, "5", "format=csv", 400)]
    [InlineData("bad/run", "5", "", 400)]
    public async Task The_dynamics_route_answers_bad_requests_like_every_epoch_route(string run, string epoch, string query, int status)
    {
        var answer = await FunctionCall.GetAsync(query, r => Storage.Function<GetEpochDynamics>().Run(r, run, epoch, default));
        Assert.Equal(status, answer.Status);
        Assert.True(answer.Json.TryGetProperty("error", out _));
    }

    [Theory]
    [InlineData("columns=aum,bogus", "unknown column 'bogus': the dynamics columns are sampleId, confidence, variability, correctness, forgettings, firstLearned, aum, selfConfidence, normalizedMargin, suspect")]
    [InlineData("columns=", "an empty name")]
    [InlineData("columns=aum,,suspect", "an empty name")]
    [InlineData("columns=%20aum", "unknown column ' aum'")]
    [InlineData("columns=AUM", "unknown column 'AUM'")]
    [InlineData("format=arrow&columns=confidence;aum", "unknown column 'confidence;aum'")]
    public async Task The_dynamics_route_refuses_columns_it_does_not_have_naming_the_ones_it_has(string query, string detail)
    {
        var answer = await FunctionCall.GetAsync(query, r => Storage.Function<GetEpochDynamics>().Run(r, RealRun.Name, "5", default));
        Assert.Equal(400, answer.Status);
        Assert.Contains(detail, answer.Json.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("limit=0", 400)]
    [InlineData("limit=10001", 400)]
    [InlineData("split=nope", 404)]
    public async Task The_suspects_route_checks_its_limit_and_split(string query, int status) =>
        Assert.Equal(status, (await FunctionCall.GetAsync(query, r => Storage.Function<GetEpochSuspects>().Run(r, RealRun.Name, "5", default))).Status);
}
