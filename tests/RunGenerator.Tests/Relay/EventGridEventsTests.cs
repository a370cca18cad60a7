using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using Azure.Storage.Blobs.Models;
using ClassVisCloud.RunGenerator.Relay;

namespace ClassVisCloud.RunGenerator.Tests.Relay;

/// <summary>The relay's events against Microsoft's published examples (TestData) and Microsoft's Event Grid model.</summary>
public sealed partial class EventGridEventsTests
{
    private static readonly BlobVersion Blob = new(
        "run-a/epoch-1.parquet",
        "\"0x8DC0FFEE1234567\"",
        1234,
        "application/vnd.apache.parquet",
        BlobType.Block,
        new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        new Uri("http://127.0.0.1:10000/devstoreaccount1/runs/run-a/epoch-1.parquet"));

    private static readonly string Topic = EventGridEvents.StorageTopic("devstoreaccount1");

    private static JsonObject Sample(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Relay", "TestData", file)))!.AsArray().Single()!.AsObject();

    /// <summary>Every property path of an event with its JSON kind: "data.contentLength" -> Number, ...</summary>
    private static SortedDictionary<string, JsonValueKind> Shape(JsonNode node, string prefix = "")
    {
        var shape = new SortedDictionary<string, JsonValueKind>(StringComparer.Ordinal);
        foreach (var (name, value) in node.AsObject())
        {
            var path = prefix + name;
            var kind = value?.GetValueKind() ?? JsonValueKind.Null;
            shape[path] = kind;
            if (kind == JsonValueKind.Object)
                foreach (var (inner, innerKind) in Shape(value!, path + "."))
                    shape[inner] = innerKind;
        }
        return shape;
    }

    [Fact]
    public void A_BlobCreated_event_has_the_fields_and_types_of_the_published_example()
    {
        var relay = EventGridEvents.BlobCreatedEvent(Blob, Topic, "runs", "PutBlob", "0000000000000001000000000000000A");
        Assert.Equal(Shape(Sample("blob-created.eventgrid.json")), Shape(relay));
    }

    [Fact]
    public void A_BlobCreated_event_describes_the_blob_as_the_storage_account_would()
    {
        var e = EventGridEvents.BlobCreatedEvent(Blob, Topic, "runs", "PutBlockList", "0000000000000001000000000000000A");
        Assert.Equal("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/local/providers/Microsoft.Storage/storageAccounts/devstoreaccount1",
            (string?)e["topic"]);
        Assert.Equal("/blobServices/default/containers/runs/blobs/run-a/epoch-1.parquet", (string?)e["subject"]);
        Assert.Equal("Microsoft.Storage.BlobCreated", (string?)e["eventType"]);
        Assert.Equal("2026-01-02T03:04:05.0000000Z", (string?)e["eventTime"]);
        Assert.True(Guid.TryParse((string?)e["id"], out _));
        Assert.Equal("", (string?)e["dataVersion"]);
        Assert.Equal("1", (string?)e["metadataVersion"]);
        var data = e["data"]!;
        Assert.Equal("PutBlockList", (string?)data["api"]);
        Assert.Equal("0x8DC0FFEE1234567", (string?)data["eTag"]);
        Assert.Equal(1234, (long)data["contentLength"]!);
        Assert.Equal("application/vnd.apache.parquet", (string?)data["contentType"]);
        Assert.Equal("BlockBlob", (string?)data["blobType"]);
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1/runs/run-a/epoch-1.parquet", (string?)data["url"]);
        Assert.Matches(Hex32(), (string?)data["sequencer"]);
        Assert.Matches(Hex32(), (string?)Sample("blob-created.eventgrid.json")["data"]!["sequencer"]);
    }

    [Fact]
    public void Microsofts_Event_Grid_model_reads_the_event_as_StorageBlobCreatedEventData()
    {
        var e = EventGridEvents.BlobCreatedEvent(Blob, Topic, "runs", "PutBlob", "0000000000000001000000000000000A");
        var parsed = Assert.Single(EventGridEvent.ParseMany(BinaryData.FromString(new JsonArray(e).ToJsonString())));

        Assert.Equal(SystemEventNames.StorageBlobCreated, parsed.EventType);
        Assert.Equal("/blobServices/default/containers/runs/blobs/run-a/epoch-1.parquet", parsed.Subject);
        Assert.Equal(Topic, parsed.Topic);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), parsed.EventTime);
        Assert.True(parsed.TryGetSystemEventData(out var systemData));
        var data = Assert.IsType<StorageBlobCreatedEventData>(systemData);
        Assert.Equal("PutBlob", data.Api);
        Assert.Equal("0x8DC0FFEE1234567", data.ETag);
        Assert.Equal(1234, data.ContentLength);
        Assert.Equal("application/vnd.apache.parquet", data.ContentType);
        Assert.Equal("BlockBlob", data.BlobType);
        Assert.Equal(Blob.Url.AbsoluteUri, data.Url);
        Assert.Equal("0000000000000001000000000000000A", data.Sequencer);
        Assert.True(Guid.TryParse(data.ClientRequestId, out _));
        Assert.True(Guid.TryParse(data.RequestId, out _));
    }

    [Fact]
    public void The_published_example_reads_the_same_way()
    {
        // The check above means something only if Microsoft's own example passes it too.
        var published = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Relay", "TestData", "blob-created.eventgrid.json"));
        var parsed = Assert.Single(EventGridEvent.ParseMany(BinaryData.FromString(published)));
        Assert.True(parsed.TryGetSystemEventData(out var systemData));
        Assert.Equal(524288, Assert.IsType<StorageBlobCreatedEventData>(systemData).ContentLength);
    }

    [Fact]
    public void A_validation_event_has_the_fields_and_types_of_the_published_example_but_no_manual_validation_url()
    {
        var relay = EventGridEvents.ValidationEvent(Topic, "512d38b6-c7b8-40c8-89fe-f46f9e9622b6", DateTimeOffset.UtcNow);
        var published = Shape(Sample("subscription-validation.eventgrid.json"));
        published.Remove("data.validationUrl");
        Assert.Equal(published, Shape(relay));

        var parsed = Assert.Single(EventGridEvent.ParseMany(BinaryData.FromString(new JsonArray(relay).ToJsonString())));
        Assert.Equal(SystemEventNames.EventGridSubscriptionValidation, parsed.EventType);
        Assert.True(parsed.TryGetSystemEventData(out var systemData));
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", Assert.IsType<SubscriptionValidationEventData>(systemData).ValidationCode);
    }

    [Theory]
    [InlineData(BlobType.Block, "BlockBlob")]
    [InlineData(BlobType.Page, "PageBlob")]
    [InlineData(BlobType.Append, "AppendBlob")]
    public void Blob_types_are_named_as_in_the_event(BlobType type, string name) =>
        Assert.Equal(name, EventGridEvents.BlobTypeName(type));

    [Theory]
    [InlineData("{\"validationResponse\":\"abc\"}", "abc")]
    [InlineData("{\"ValidationResponse\":\"abc\"}", "abc")]
    [InlineData("{}", null)]
    [InlineData("not json", null)]
    [InlineData("[\"abc\"]", null)]
    public void The_validation_code_is_read_from_the_answer(string body, string? code) =>
        Assert.Equal(code, EventRelay.ValidationResponse(body));

    [GeneratedRegex("^[0-9A-F]{32}$")]
    private static partial Regex Hex32();
}
