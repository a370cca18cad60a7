using ClassVisCloud.Api;
using ClassVisCloud.Api.Tests.Description;
using ClassVisCloud.Functions.Description;
using ClassVisCloud.Functions.Dynamics;
using ClassVisCloud.Functions.Epochs;
using ClassVisCloud.Functions.Runs;
using ClassVisCloud.Functions.Samples;
using ClassVisCloud.Integration.Tests.Infrastructure;

namespace ClassVisCloud.Integration.Tests.Api;

/// <summary>
/// The real run's answers, read strictly as the records of the API description (docs/openapi.json): no member
/// the description lacks, none it requires missing, no null where it allows none.
/// </summary>
[Collection(RealRunCollection.Name)]
public sealed class DescribedAnswersTests(RealRunFixture fixture)
{
    TestStorage Storage => fixture.Storage;

    static T Read<T>(FunctionAnswer answer)
    {
        Assert.Equal(200, answer.Status);
        return DescribedJson.Read<T>(answer.Body);
    }

    [Fact]
    public async Task The_run_routes_answer_as_described()
    {
        Assert.Equal(RealRun.Name, Read<RunList>(await FunctionCall.GetAsync("", r => Storage.Function<ListRuns>().Run(r, default))).Runs.Single().Run);
        Assert.Equal(18, Read<RunDetail>(await FunctionCall.GetAsync("", r => Storage.Function<GetRun>().Run(r, RealRun.Name, default))).Epochs.Count);
        Assert.NotEmpty(Read<IngestList>(await FunctionCall.GetAsync("", r => Storage.Function<ListIngests>().Run(r, default))).Ingests);
    }

    [Fact]
    public async Task The_epoch_routes_answer_as_described()
    {
        var samples = Read<EpochSampleColumns>(await FunctionCall.GetAsync("", r => Storage.Function<GetEpochSamples>().Run(r, RealRun.Name, "18", default)));
        Assert.Equal(20, Read<EpochClasses>(await FunctionCall.GetAsync("", r => Storage.Function<GetEpochClasses>().Run(r, RealRun.Name, "18", default))).Classes.Count);
        Assert.Equal(20, Read<Confusion>(await FunctionCall.GetAsync("", r => Storage.Function<GetEpochConfusion>().Run(r, RealRun.Name, "18", default))).Matrix.Count);
        Assert.Equal(20, Read<Keywords>(await FunctionCall.GetAsync("", r => Storage.Function<GetEpochKeywords>().Run(r, RealRun.Name, "18", default))).Classes.Count);
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { sampleIds = samples.SampleId.Take(3) }, ApiResponse.Json);
        var scores = Read<ScoresAnswer>(await FunctionCall.RunAsync(FunctionCall.Request(method: "POST", body: body), r => Storage.Function<PostEpochScores>().Run(r, RealRun.Name, "18", default)));
        Assert.Equal(3, scores.Scores.Count);
    }

    [Fact]
    public async Task The_sample_and_dynamics_routes_answer_as_described()
    {
        var id = Read<EpochSampleColumns>(await FunctionCall.GetAsync("", r => Storage.Function<GetEpochSamples>().Run(r, RealRun.Name, "18", default))).SampleId[0].Id;
        Assert.NotEmpty(Read<SampleHistory>(await FunctionCall.GetAsync("", r => Storage.Function<GetSampleHistory>().Run(r, RealRun.Name, id, default))).History);
        Assert.NotEmpty(Read<Attention>(await FunctionCall.GetAsync("epoch=18", r => Storage.Function<GetSampleAttention>().Run(r, RealRun.Name, id, default))).Sentences);
        Assert.NotEmpty(Read<EpochDynamicsColumns>(await FunctionCall.GetAsync("", r => Storage.Function<GetEpochDynamics>().Run(r, RealRun.Name, "18", default))).Aum);
        Assert.True(Read<SuspectList>(await FunctionCall.GetAsync("", r => Storage.Function<GetEpochSuspects>().Run(r, RealRun.Name, "18", default))).Total >= 0);
        Assert.NotEmpty(Read<ConfusionOverTime>(await FunctionCall.GetAsync("", r => Storage.Function<GetConfusionOverTime>().Run(r, RealRun.Name, default))).Epochs);
        Assert.Equal(5, Read<ConfusionGrowth>(await FunctionCall.GetAsync("", r => Storage.Function<GetConfusionGrowth>().Run(r, RealRun.Name, default))).K);
    }

    [Fact]
    public async Task The_description_is_served_as_the_checked_in_bytes_with_an_ETag()
    {
        var answer = await FunctionCall.GetAsync("", r => new GetApiDescription().Run(r));
        Assert.Equal(200, answer.Status);
        Assert.Equal(ApiDescription.Bytes, answer.Body);
        var again = await FunctionCall.RunAsync(FunctionCall.Request(ifNoneMatch: answer.Headers.ETag.ToString()), r => new GetApiDescription().Run(r));
        Assert.Equal(304, again.Status);
    }
}
