using System.Text.Json;
using ClassVisCloud.Integration.Tests.Infrastructure;

namespace ClassVisCloud.Integration.Tests.Functions;

/// <summary>The build's functions.metadata is what the Functions host reads: every function with the intended trigger.</summary>
public sealed class FunctionsMetadataTests
{
    static readonly JsonElement[] Functions = JsonDocument.Parse(File.ReadAllText(BuildOutput.Find("Functions", "functions.metadata"))).RootElement.EnumerateArray().ToArray();

    static JsonElement Trigger(string function) =>
        Functions.Single(f => f.GetProperty("name").GetString() == function).GetProperty("bindings").EnumerateArray()
            .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    [Fact]
    public void The_blob_trigger_watches_the_runs_container_through_Event_Grid_with_the_runs_connection()
    {
        var trigger = Trigger("IngestRunBlob");
        Assert.Equal("blobTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("runs/{name}", trigger.GetProperty("path").GetString());
        Assert.Equal("RunsStorage", trigger.GetProperty("connection").GetString());
        Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
    }

    [Fact]
    public void The_sweep_runs_on_the_schedule_of_the_SweepSchedule_app_setting()
    {
        var trigger = Trigger("SweepRunsContainer");
        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%SweepSchedule%", trigger.GetProperty("schedule").GetString());
    }

    [Theory]
    [InlineData("ListRuns", "get", "runs")]
    [InlineData("GetRun", "get", "runs/{run}")]
    [InlineData("ListIngests", "get", "ingests")]
    [InlineData("GetApiDescription", "get", "openapi.json")]
    [InlineData("GetEpochSamples", "get", "runs/{run}/epochs/{epoch}/samples")]
    [InlineData("GetEpochClasses", "get", "runs/{run}/epochs/{epoch}/classes")]
    [InlineData("GetEpochConfusion", "get", "runs/{run}/epochs/{epoch}/confusion")]
    [InlineData("PostEpochScores", "post", "runs/{run}/epochs/{epoch}/scores")]
    [InlineData("GetEpochKeywords", "get", "runs/{run}/epochs/{epoch}/keywords")]
    [InlineData("GetSampleHistory", "get", "runs/{run}/samples/{sampleId}")]
    [InlineData("GetSampleAttention", "get", "runs/{run}/samples/{sampleId}/attention")]
    [InlineData("GetEpochDynamics", "get", "runs/{run}/epochs/{epoch}/dynamics")]
    [InlineData("GetEpochSuspects", "get", "runs/{run}/epochs/{epoch}/suspects")]
    [InlineData("GetConfusionOverTime", "get", "runs/{run}/confusion-over-time")]
    [InlineData("GetConfusionGrowth", "get", "runs/{run}/confusion-growth")]
    [InlineData("ExportRuns", "get", "export/runs.csv")]
    [InlineData("ExportClasses", "get", "export/classes.csv")]
    [InlineData("ExportEpochs", "get", "export/epochs.csv")]
    [InlineData("ExportClassEpochs", "get", "export/class-epochs.csv")]
    [InlineData("ExportConfusion", "get", "export/confusion.csv")]
    [InlineData("ExportSuspects", "get", "export/suspects.csv")]
    public void Every_API_route_is_an_HTTP_function_the_host_passes_to_the_worker_s_sign_in_middleware(string function, string method, string route)
    {
        var trigger = Trigger(function);
        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()));
        // The host's key check would apply even behind an Entra ID sign-in: ApiAuthMiddleware decides instead (Auth__Mode).
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
    }
}
