using System.Text.Json.Nodes;
using ClassVisCloud.Infra.Tests.Arm;
using ClassVisCloud.Infra.Tests.Support;

namespace ClassVisCloud.Infra.Tests;

[Collection(CompiledInfraCollection.Name)]
public sealed class BlobEventsTests(CompiledInfra infra)
{
    private const string SubscriptionType = "Microsoft.EventGrid/systemTopics/eventSubscriptions";

    [Fact]
    public void The_storage_account_has_an_event_grid_system_topic()
    {
        var topic = infra.Deploy().Single("Microsoft.EventGrid/systemTopics");
        Assert.Equal("Microsoft.Storage.StorageAccounts", (string?)topic.Properties?["topicType"]);
        Assert.Contains("'storage'", ArmExpression.Render(topic.Properties?["source"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Before_the_code_is_deployed_there_is_no_subscription_yet()
    {
        // Its webhook needs the host's blobs_extension key, which exists only once the code runs.
        var subscription = infra.Deploy().Single(SubscriptionType);
        Assert.False(subscription.Deployed);
    }

    [Fact]
    public void Once_enabled_blob_created_events_of_the_runs_container_go_to_IngestRunBlob()
    {
        var subscription = infra.Deploy(("blobEventsEnabled", "true")).Single(SubscriptionType);
        Assert.True(subscription.Deployed);
        var p = subscription.Properties!;

        Assert.Equal("WebHook", (string?)p["destination"]?["endpointType"]);
        var endpoint = ArmExpression.Render(p["destination"]?["properties"]?["endpointUrl"]);
        Assert.StartsWith("https://", endpoint, StringComparison.Ordinal);
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.IngestRunBlob&code=", endpoint, StringComparison.Ordinal);
        Assert.Contains("systemKeys.blobs_extension", endpoint, StringComparison.Ordinal);

        Assert.Equal("/blobServices/default/containers/runs/blobs/", (string?)p["filter"]?["subjectBeginsWith"]);
        Assert.Equal(["Microsoft.Storage.BlobCreated"], (p["filter"]?["includedEventTypes"] as JsonArray ?? []).Select(x => (string?)x));
        Assert.Equal("EventGridSchema", (string?)p["eventDeliverySchema"]);
    }
}
