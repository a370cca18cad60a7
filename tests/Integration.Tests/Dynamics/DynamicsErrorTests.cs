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
    [InlineData("limit=0", 400)]
    [InlineData("limit=10001", 400)]
    [InlineData("split=nope", 404)]
    public async Task The_suspects_route_checks_its_limit_and_split(string query, int status) =>
        Assert.Equal(status, (await FunctionCall.GetAsync(query, r => Storage.Function<GetEpochSuspects>().Run(r, RealRun.Name, "5", default))).Status);
}
