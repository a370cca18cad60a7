using System.Text.Json.Nodes;
using ClassVisCloud.Infra.Tests.Arm;
using ClassVisCloud.Infra.Tests.Consistency;
using ClassVisCloud.Infra.Tests.Support;

namespace ClassVisCloud.Infra.Tests;

[Collection(CompiledInfraCollection.Name)]
public sealed class TriggerInfraCheckTests(CompiledInfra infra)
{
    private ArmDeployment Deployed => infra.Deploy(("blobEventsEnabled", "true"));

    /// <summary>functions.metadata as the worker SDK writes it for the declarations the infra expects.</summary>
    private static JsonArray Metadata(
        string name = "IngestRunBlob",
        string path = "runs/{name}",
        string? source = "EventGrid",
        string connection = "RunsStorage",
        string authLevel = "Anonymous",
        string schedule = "%SweepSchedule%")
    {
        var blob = new JsonObject { ["name"] = "stream", ["direction"] = "In", ["type"] = "blobTrigger", ["path"] = path, ["connection"] = connection };
        if (source is not null)
        {
            blob["source"] = source;
        }
        return
        [
            new JsonObject { ["name"] = name, ["bindings"] = new JsonArray(blob) },
            new JsonObject
            {
                ["name"] = "SweepRunsContainer",
                ["bindings"] = new JsonArray(new JsonObject { ["name"] = "timer", ["direction"] = "In", ["type"] = "timerTrigger", ["schedule"] = schedule }),
            },
            new JsonObject
            {
                ["name"] = "GetRuns",
                ["bindings"] = new JsonArray(
                    new JsonObject { ["name"] = "req", ["direction"] = "In", ["type"] = "httpTrigger", ["authLevel"] = authLevel, ["route"] = "runs" },
                    new JsonObject { ["name"] = "$return", ["direction"] = "Out", ["type"] = "http" }),
            },
        ];
    }

    private IReadOnlyList<string> Check(JsonArray metadata) =>
        TriggerInfraCheck.Problems(FunctionsMetadata.Parse(metadata.ToJsonString()), Deployed);

    [Fact]
    public void The_built_functions_app_matches_the_infrastructure()
    {
        var path = RepoPaths.FunctionsMetadata;
        var functions = FunctionsMetadata.Load(path);
        var problems = TriggerInfraCheck.Problems(functions, Deployed);
        Assert.True(problems.Count == 0, $"{path} does not match infra/:\n{string.Join('\n', problems)}");
        Assert.Contains(functions, f => f.Name == "IngestRunBlob" && f.TriggerType == "blobTrigger");
    }

    [Fact]
    public void Declarations_that_match_the_infrastructure_have_no_problem() =>
        Assert.Empty(Check(Metadata()));

    [Fact]
    public void A_polling_blob_trigger_is_reported_because_flex_consumption_needs_event_grid()
    {
        var problem = Assert.Single(Check(Metadata(source: null)));
        Assert.Contains("BlobTriggerSource.EventGrid", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blob_trigger_on_another_container_is_reported()
    {
        var problems = Check(Metadata(path: "uploads/{name}"));
        Assert.Contains(problems, p => p.Contains("container 'uploads'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("subjects on '/blobServices/default/containers/runs/blobs/'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_connection_without_identity_based_settings_is_reported()
    {
        var problems = Check(Metadata(connection: "OtherStorage"));
        Assert.Contains(problems, p => p.Contains("OtherStorage__blobServiceUri", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("OtherStorage__queueServiceUri", StringComparison.Ordinal));
    }

    [Fact]
    public void A_renamed_blob_function_is_reported_from_both_sides()
    {
        var problems = Check(Metadata(name: "IngestEpochFile"));
        Assert.Contains(problems, p => p.Contains("No Event Grid subscription delivers to the blob extension webhook of IngestEpochFile", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("delivers to function IngestRunBlob", StringComparison.Ordinal));
    }

    [Fact]
    public void A_binding_setting_that_the_app_does_not_have_is_reported()
    {
        var problem = Assert.Single(Check(Metadata(schedule: "%SweepEvery%")));
        Assert.Contains("SweepRunsContainer binds %SweepEvery%", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fixed_schedule_needs_no_setting() =>
        Assert.Empty(Check(Metadata(schedule: "0 */5 * * * *")));

    [Fact]
    public void An_http_function_that_demands_a_key_of_the_host_is_reported()
    {
        var problem = Assert.Single(Check(Metadata(authLevel: "Function")));
        Assert.Contains("GetRuns has authLevel Function", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_subscription_the_event_grid_trigger_is_reported()
    {
        var problems = TriggerInfraCheck.Problems(FunctionsMetadata.Parse(Metadata().ToJsonString()), infra.Deploy());
        Assert.Contains(problems, p => p.Contains("No Event Grid subscription", StringComparison.Ordinal));
    }
}
