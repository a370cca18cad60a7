using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClassVisCloud.RunGenerator.Upload;

namespace ClassVisCloud.RunGenerator.Relay;

/// <summary>The webhook did not complete the validation handshake, so Event Grid would deliver nothing to it.</summary>
public sealed class HandshakeException(string message) : Exception(message);

/// <summary>
/// Event Grid for a laptop: watches a container (Azurite) and posts a <c>Microsoft.Storage.BlobCreated</c> event
/// for each new or changed blob to a Functions host's blob webhook, as the storage account's system topic and an
/// event subscription would in Azure. Like a subscription, it first validates the endpoint (the
/// SubscriptionValidation handshake) and sees what happens from its start on: the blobs already there are not
/// delivered unless <paramref name="includeExisting"/> (the timer sweep ingests those). Runs until cancelled.
/// </summary>
public sealed class EventRelay(
    ContainerWatcher watcher,
    WebhookClient webhook,
    TimeSpan interval,
    bool includeExisting,
    Action<string> progress)
{
    private long _sequence;

    /// <summary>Events the webhook accepted.</summary>
    public int Delivered { get; private set; }

    /// <summary>Events the webhook refused (an answer Event Grid does not retry; it would dead-letter them).</summary>
    public int Refused { get; private set; }

    /// <summary>The subscription's topic: the storage account's resource id.</summary>
    public string Topic { get; } = EventGridEvents.StorageTopic(watcher.Container.AccountName);

    /// <summary>Validates the webhook, then delivers until cancelled (returns then, without throwing).</summary>
    /// <exception cref="HandshakeException">The webhook refused the validation or answered it wrongly.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var container = watcher.Container;
            progress($"watching {container.Uri} every {interval.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s; "
                + $"delivering BlobCreated events to {webhook.Webhook}");
            if (!includeExisting)
            {
                var existing = await UntilStorageAnswersAsync(watcher.BaselineAsync, cancellationToken);
                progress($"{existing} blob(s) already in {container.Name}: not delivered (as for a new subscription; the sweep ingests them)");
            }
            await ValidateAsync(cancellationToken);
            while (true)
            {
                foreach (var blob in await UntilStorageAnswersAsync(watcher.ChangesAsync, cancellationToken))
                    await DeliverAsync(blob, cancellationToken);
                await Task.Delay(interval, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            progress($"stopped: {Delivered} event(s) delivered" + (Refused > 0 ? $", {Refused} refused" : ""));
        }
    }

    /// <summary>
    /// The handshake Event Grid performs when a subscription is created: a SubscriptionValidationEvent with
    /// <c>aeg-event-type: SubscriptionValidation</c>, answered by 200 and <c>{"validationResponse": code}</c>.
    /// </summary>
    public async Task ValidateAsync(CancellationToken cancellationToken)
    {
        var code = Guid.NewGuid().ToString();
        var validation = EventGridEvents.ValidationEvent(Topic, code, DateTimeOffset.UtcNow);
        var answer = await webhook.PostAsync(EventGridEvents.SubscriptionValidationHeader, [validation], cancellationToken);
        if (answer.Status != HttpStatusCode.OK)
            throw new HandshakeException($"the webhook {webhook.Webhook} answered the subscription validation with {answer.Describe()}"
                + $" (Event Grid needs 200 OK with the validation code){Excerpt(answer.Body)}");
        var echoed = ValidationResponse(answer.Body);
        if (echoed != code)
            throw new HandshakeException($"the webhook {webhook.Webhook} answered the subscription validation without its code"
                + $" (expected {{\"validationResponse\": \"{code}\"}}){Excerpt(answer.Body)}");
        progress($"subscription validated: the webhook echoed the validation code");
    }

    private async Task DeliverAsync(BlobVersion blob, CancellationToken cancellationToken)
    {
        var api = await watcher.CommittingApiAsync(blob, cancellationToken);
        var sequencer = string.Create(CultureInfo.InvariantCulture, $"{blob.LastModified.UtcTicks:X16}{++_sequence:X16}");
        var created = EventGridEvents.BlobCreatedEvent(blob, Topic, watcher.Container.Name, api, sequencer);
        var answer = await webhook.PostAsync(EventGridEvents.NotificationHeader, [created], cancellationToken);
        var what = string.Create(CultureInfo.InvariantCulture,
            $"BlobCreated {watcher.Container.Name}/{blob.Name} ({blob.ContentLength:N0} bytes, {api}, ETag {blob.BareETag})");
        if (answer.Accepted)
        {
            Delivered++;
            progress($"{what} -> {answer.Describe()}");
        }
        else
        {
            Refused++;
            progress($"{what} refused: {answer.Describe()}{Excerpt(answer.Body)} (not retried, as Event Grid would not)");
        }
    }

    /// <summary>Storage calls that wait out an unreachable account (Azurite not started yet), saying so once.</summary>
    private async Task<T> UntilStorageAnswersAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var reported = false;
        while (true)
        {
            try
            {
                var result = await call(cancellationToken);
                if (reported)
                    progress("storage answers again");
                return result;
            }
            catch (Exception e) when (StorageConnection.IsUnreachable(e) && !cancellationToken.IsCancellationRequested)
            {
                if (!reported)
                    progress($"storage not reachable at {watcher.Container.Uri} ({StorageConnection.Reason(e)}); retrying. {StorageConnection.AzuriteHint}");
                reported = true;
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    /// <summary>
    /// The validation code in a handshake answer (<c>{"validationResponse": "..."}</c>, as the blobs extension writes it;
    /// the property name is compared without case, for endpoints serialized in PascalCase).
    /// </summary>
    public static string? ValidationResponse(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject answer
                ? answer.FirstOrDefault(p => string.Equals(p.Key, "validationResponse", StringComparison.OrdinalIgnoreCase)).Value is JsonValue value
                    && value.TryGetValue<string>(out var code) ? code : null
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Excerpt(string body)
    {
        var line = body.Split('\n')[0].Trim();
        return line.Length == 0 ? "" : ": " + (line.Length > 200 ? line[..200] + "..." : line);
    }
}
