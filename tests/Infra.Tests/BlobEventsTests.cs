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

    [Fact]
    public void One_upload_fires_once_only_put_blob_put_block_list_and_flush_with_close_are_delivered()
    {
        var filter = infra.Deploy(("blobEventsEnabled", "true")).Single(SubscriptionType).Properties!["filter"]!;
        var advanced = Assert.Single(filter["advancedFilters"] as JsonArray ?? []);
        Assert.Equal("StringIn", (string?)advanced?["operatorType"]);
        Assert.Equal("data.api", (string?)advanced?["key"]);
        Assert.Equal(["PutBlob", "PutBlockList", "FlushWithClose"], (advanced?["values"] as JsonArray ?? []).Select(x => (string?)x));
    }

    [Fact]
    public void Undeliverable_events_go_to_the_dead_letter_container_with_the_topic_s_own_identity()
    {
        var deployment = infra.Deploy(("blobEventsEnabled", "true"));
        var p = deployment.Single(SubscriptionType).Properties!;
        // Shared keys are off: dead-lettering must authenticate with an identity, not a key.
        Assert.Null(p["deadLetterDestination"]);
        var deadLetter = p["deadLetterWithResourceIdentity"];
        Assert.Equal("SystemAssigned", (string?)deadLetter?["identity"]?["type"]);
        Assert.Equal("StorageBlob", (string?)deadLetter?["deadLetterDestination"]?["endpointType"]);
        Assert.Equal("eventgrid-deadletter", (string?)deadLetter?["deadLetterDestination"]?["properties"]?["blobContainerName"]);
        Assert.Contains("'storage'", ArmExpression.Render(deadLetter?["deadLetterDestination"]?["properties"]?["resourceId"]), StringComparison.Ordinal);

        Assert.Equal("SystemAssigned", (string?)deployment.Single("Microsoft.EventGrid/systemTopics").Json["identity"]?["type"]);
        Assert.Single(deployment.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"), c => c.Name.EndsWith("/eventgrid-deadletter", StringComparison.Ordinal));
    }

    [Fact]
    public void Delivery_and_publish_failures_go_to_log_analytics()
    {
        var setting = FunctionAppPostureTests.DiagnosticsOf(infra.Deploy(), "events");
        Assert.Equal("allLogs", (string?)(setting.Properties?["logs"] as JsonArray)?.Single()?["categoryGroup"]);
        Assert.Contains("'evgt-cvc-", ArmExpression.Render(setting.Json["scope"]).Replace("«", "'", StringComparison.Ordinal) + ArmExpression.Render(setting.Name), StringComparison.Ordinal);
    }
}
