using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs.Models;

namespace ClassVisCloud.RunGenerator.Relay;

/// <summary>
/// Events in Event Grid's own schema (not CloudEvents), as a storage account's system topic delivers them to a
/// webhook: a JSON array of events with <c>id</c>, <c>topic</c>, <c>subject</c>, <c>eventType</c>,
/// <c>eventTime</c>, <c>data</c>, <c>dataVersion</c>, <c>metadataVersion</c>. The shapes follow Microsoft's
/// published examples ("Azure Blob Storage as an Event Grid source", "Endpoint validation with Event Grid event
/// schema"); tests/RunGenerator.Tests/Relay/TestData holds them.
/// </summary>
public static class EventGridEvents
{
    public const string BlobCreated = "Microsoft.Storage.BlobCreated";

    public const string SubscriptionValidation = "Microsoft.EventGrid.SubscriptionValidationEvent";

    /// <summary>Header <c>aeg-event-type</c> of a delivery of events.</summary>
    public const string NotificationHeader = "Notification";

    /// <summary>Header <c>aeg-event-type</c> of the validation handshake.</summary>
    public const string SubscriptionValidationHeader = "SubscriptionValidation";

    /// <summary>
    /// The storage account's resource id, the system topic's <c>topic</c>. Azurite has no subscription or
    /// resource group: an all-zero subscription and the group "local" stand in for them.
    /// </summary>
    public static string StorageTopic(string accountName) =>
        $"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/local/providers/Microsoft.Storage/storageAccounts/{accountName}";

    /// <summary>The event's <c>subject</c>: the blob's path in the account, its name unescaped.</summary>
    public static string BlobSubject(string container, string blobName) =>
        $"/blobServices/default/containers/{container}/blobs/{blobName}";

    /// <summary>
    /// <c>Microsoft.Storage.BlobCreated</c> for one committed blob. <paramref name="api"/> is the operation that
    /// committed it (PutBlob or PutBlockList); <paramref name="sequencer"/> orders events of one blob.
    /// <c>data.eTag</c> is the bare ETag: the blobs extension's webhook wraps it in quotes itself.
    /// </summary>
    public static JsonObject BlobCreatedEvent(BlobVersion blob, string topic, string container, string api, string sequencer) => new()
    {
        ["topic"] = topic,
        ["subject"] = BlobSubject(container, blob.Name),
        ["eventType"] = BlobCreated,
        ["eventTime"] = Timestamp(blob.LastModified),
        ["id"] = Guid.NewGuid().ToString(),
        ["data"] = new JsonObject
        {
            ["api"] = api,
            ["clientRequestId"] = Guid.NewGuid().ToString(),
            ["requestId"] = Guid.NewGuid().ToString(),
            ["eTag"] = blob.BareETag,
            ["contentType"] = blob.ContentType,
            ["contentLength"] = blob.ContentLength,
            ["blobType"] = BlobTypeName(blob.BlobType),
            ["url"] = blob.Url.AbsoluteUri,
            ["sequencer"] = sequencer,
            ["storageDiagnostics"] = new JsonObject { ["batchId"] = Guid.NewGuid().ToString() },
        },
        ["dataVersion"] = "",
        ["metadataVersion"] = "1",
    };

    /// <summary>
    /// The validation handshake's event: Event Grid posts it when a subscription is created and starts delivering
    /// only once the endpoint answers 200 with <c>{"validationResponse": validationCode}</c>. No
    /// <c>validationUrl</c>: the relay offers no manual (asynchronous) validation.
    /// </summary>
    public static JsonObject ValidationEvent(string topic, string validationCode, DateTimeOffset now) => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["topic"] = topic,
        ["subject"] = "",
        ["data"] = new JsonObject { ["validationCode"] = validationCode },
        ["eventType"] = SubscriptionValidation,
        ["eventTime"] = Timestamp(now),
        ["metadataVersion"] = "1",
        ["dataVersion"] = "1",
    };

    /// <summary>"BlockBlob", "PageBlob" or "AppendBlob", as <c>data.blobType</c> names them.</summary>
    public static string BlobTypeName(BlobType type) => type.ToString() + "Blob";

    /// <summary>UTC with seven fractional digits, as in "2017-06-26T18:41:00.9584103Z".</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
