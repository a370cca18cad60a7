using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClassVisCloud.RunGenerator.Relay;

/// <summary>How long to wait between attempts: doubling from <see cref="First"/> up to <see cref="Max"/>.</summary>
public sealed record Backoff(TimeSpan First, TimeSpan Max)
{
    public static Backoff Default { get; } = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10));

    public TimeSpan After(int failedAttempts) =>
        TimeSpan.FromTicks(Math.Min(Max.Ticks, First.Ticks * (1L << Math.Min(failedAttempts - 1, 30))));
}

/// <summary>What the webhook finally answered (after retries), or the last failure when nothing answered.</summary>
public sealed record WebhookAnswer(HttpStatusCode Status, string Body, int Attempts)
{
    public bool Accepted => (int)Status is >= 200 and < 300;

    public string Describe() => $"{(int)Status} {Status}";
}

/// <summary>
/// Posts events to a webhook as Event Grid does: a JSON array in the body, the <c>aeg-*</c> headers (event type,
/// subscription name, delivery count, metadata and data version). What Event Grid retries is retried here with
/// backoff, without a limit (locally the webhook is just not up yet: <c>func start</c> builds, then starts the
/// host): no answer, a timeout, 404 (the blobs extension's webhook is registered once the host has started),
/// 408, 429 and 5xx. Any other answer is final. Each retry is reported through <paramref name="progress"/>.
/// </summary>
public sealed class WebhookClient(HttpClient http, Uri webhook, Backoff backoff, Action<string> progress)
{
    public const string SubscriptionName = "CVC-LOCAL-RELAY";

    /// <summary>Event Grid gives an endpoint 30 seconds to answer.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Uri Webhook => webhook;

    /// <param name="eventType">The <c>aeg-event-type</c> header: Notification or SubscriptionValidation.</param>
    public async Task<WebhookAnswer> PostAsync(string eventType, JsonArray events, CancellationToken cancellationToken)
    {
        var body = events.ToJsonString(Json);
        var first = events.Count > 0 ? events[0] : null;
        for (var attempt = 1; ; attempt++)
        {
            string? retryReason;
            using (var request = new HttpRequestMessage(HttpMethod.Post, webhook))
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                request.Headers.TryAddWithoutValidation("aeg-event-type", eventType);
                request.Headers.TryAddWithoutValidation("aeg-subscription-name", SubscriptionName);
                request.Headers.TryAddWithoutValidation("aeg-delivery-count", (attempt - 1).ToString(CultureInfo.InvariantCulture));
                request.Headers.TryAddWithoutValidation("aeg-metadata-version", (string?)first?["metadataVersion"] ?? "1");
                if ((string?)first?["dataVersion"] is { Length: > 0 } dataVersion)
                    request.Headers.TryAddWithoutValidation("aeg-data-version", dataVersion);

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(AttemptTimeout);
                try
                {
                    using var response = await http.SendAsync(request, timeout.Token);
                    var text = await response.Content.ReadAsStringAsync(timeout.Token);
                    if (!Retried(response.StatusCode))
                        return new WebhookAnswer(response.StatusCode, text, attempt);
                    retryReason = $"{(int)response.StatusCode} {response.StatusCode}";
                }
                catch (HttpRequestException e)
                {
                    retryReason = e.InnerException is SocketException socket ? socket.Message : e.Message;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    retryReason = $"no answer within {AttemptTimeout.TotalSeconds:F0} s";
                }
            }

            var delay = backoff.After(attempt);
            progress(string.Create(CultureInfo.InvariantCulture,
                $"webhook not ready ({retryReason}); retrying in {delay.TotalSeconds:0.#} s (attempt {attempt + 1})"));
            await Task.Delay(delay, cancellationToken);
        }
    }

    /// <summary>The answers after which Event Grid tries again (and <c>func start</c> gives before the host is up).</summary>
    public static bool Retried(HttpStatusCode status) =>
        status is HttpStatusCode.NotFound or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}
