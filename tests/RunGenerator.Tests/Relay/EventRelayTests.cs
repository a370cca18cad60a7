using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using ClassVisCloud.RunGenerator.Cli;
using ClassVisCloud.RunGenerator.Relay;
using ClassVisCloud.RunGenerator.Tests.Upload;

namespace ClassVisCloud.RunGenerator.Tests.Relay;

/// <summary>The relay between a real Azurite container and a webhook listener on 127.0.0.1.</summary>
public sealed class EventRelayTests : IAsyncLifetime
{
    private readonly TestStorage _storage = new();
    private WebhookListener _listener = null!;

    public async Task InitializeAsync()
    {
        await _storage.InitializeAsync();
        await _storage.Container.CreateIfNotExistsAsync();
        _listener = await WebhookListener.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _listener.DisposeAsync();
        await _storage.DisposeAsync();
    }

    private BlobContainerClient Container => _storage.Container;

    private async Task<BlobProperties> UploadAsync(string name, int bytes, byte fill = 1)
    {
        var blob = Container.GetBlobClient(name);
        await blob.UploadAsync(BinaryData.FromBytes(Enumerable.Repeat(fill, bytes).ToArray()),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/vnd.apache.parquet" } });
        return (await blob.GetPropertiesAsync()).Value;
    }

    private Task NotificationsAsync(int count, RunningRelay relay) =>
        Until.TrueAsync(() => _listener.Notifications.Count >= count,
            () => $"{_listener.Notifications.Count} of {count} notifications; the relay said:\n{relay.Output}");

    /// <summary>A few more polls than it takes to notice a change: enough to see an event that should not come.</summary>
    private static Task SeveralPollsAsync() => Task.Delay(RunningRelay.Interval * 8);

    [Fact]
    public async Task The_relay_validates_the_subscription_first_then_an_upload_is_one_BlobCreated_event_with_its_subject_url_etag_and_length()
    {
        await using var relay = new RunningRelay(Container, _listener.WebhookUrl);
        await relay.WaitForLineAsync("subscription validated");
        var properties = await UploadAsync("run-a/epoch-1.parquet", 1234);

        await NotificationsAsync(1, relay);
        await SeveralPollsAsync();

        var validation = Assert.Single(_listener.Validations);
        Assert.Same(validation, _listener.Requests.First());
        Assert.Equal("Microsoft.EventGrid.SubscriptionValidationEvent", (string?)Assert.Single(validation.Events)!["eventType"]);
        Assert.Equal("POST", validation.Method);

        var delivery = Assert.Single(_listener.Notifications);
        Assert.Equal("POST", delivery.Method);
        Assert.Equal("/runtime/webhooks/blobs?functionName=Host.Functions.IngestRunBlob", delivery.PathAndQuery);
        Assert.StartsWith("application/json", delivery.Header("content-type"));
        Assert.Equal("0", delivery.Header("aeg-delivery-count"));
        Assert.Equal(WebhookClient.SubscriptionName, delivery.Header("aeg-subscription-name"));
        var e = Assert.Single(delivery.Events)!;
        Assert.Equal("Microsoft.Storage.BlobCreated", (string?)e["eventType"]);
        Assert.Equal($"/blobServices/default/containers/{Container.Name}/blobs/run-a/epoch-1.parquet", (string?)e["subject"]);
        Assert.EndsWith("/providers/Microsoft.Storage/storageAccounts/devstoreaccount1", (string?)e["topic"]);
        var data = e["data"]!;
        Assert.Equal(Container.GetBlobClient("run-a/epoch-1.parquet").Uri.AbsoluteUri, (string?)data["url"]);
        Assert.Equal(properties.ETag.ToString().Trim('"'), (string?)data["eTag"]);
        Assert.Equal(1234, (long)data["contentLength"]!);
        Assert.Equal("application/vnd.apache.parquet", (string?)data["contentType"]);
        Assert.Equal("BlockBlob", (string?)data["blobType"]);
        Assert.Equal("PutBlob", (string?)data["api"]);
        Assert.Equal(1, relay.Relay.Delivered);
    }

    [Fact]
    public async Task A_changed_blob_is_a_new_event_and_an_unchanged_one_none()
    {
        await using var relay = new RunningRelay(Container, _listener.WebhookUrl);
        await relay.WaitForLineAsync("subscription validated");
        var first = await UploadAsync("run-b/epoch-2.parquet", 100);
        await NotificationsAsync(1, relay);
        await SeveralPollsAsync();
        Assert.Single(_listener.Notifications);

        var second = await UploadAsync("run-b/epoch-2.parquet", 200, fill: 2);
        await NotificationsAsync(2, relay);
        await SeveralPollsAsync();

        Assert.NotEqual(first.ETag, second.ETag);
        var tags = _listener.Notifications.Select(n => (string?)n.Events[0]!["data"]!["eTag"]).ToList();
        Assert.Equal([first.ETag.ToString().Trim('"'), second.ETag.ToString().Trim('"')], tags);
        Assert.Equal([100L, 200L], _listener.Notifications.Select(n => (long)n.Events[0]!["data"]!["contentLength"]!));
        var sequencers = _listener.Notifications.Select(n => (string)n.Events[0]!["data"]!["sequencer"]!).ToList();
        Assert.True(string.CompareOrdinal(sequencers[0], sequencers[1]) < 0, $"sequencers {sequencers[0]} then {sequencers[1]}");
    }

    [Fact]
    public async Task A_blob_committed_from_staged_blocks_is_reported_as_PutBlockList()
    {
        await using var relay = new RunningRelay(Container, _listener.WebhookUrl);
        await relay.WaitForLineAsync("subscription validated");
        var blob = Container.GetBlockBlobClient("run-h/epoch-9.parquet");
        string[] blocks = [Convert.ToBase64String("block-0"u8.ToArray()), Convert.ToBase64String("block-1"u8.ToArray())];
        foreach (var id in blocks)
            await blob.StageBlockAsync(id, new MemoryStream(new byte[500]));
        await blob.CommitBlockListAsync(blocks);

        await NotificationsAsync(1, relay);
        var data = Assert.Single(_listener.Notifications).Events[0]!["data"]!;
        Assert.Equal("PutBlockList", (string?)data["api"]);
        Assert.Equal(1000, (long)data["contentLength"]!);
    }

    [Fact]
    public async Task Blobs_there_before_the_relay_starts_are_delivered_only_when_asked()
    {
        await UploadAsync("run-c/epoch-1.parquet", 10);
        await using (var relay = new RunningRelay(Container, _listener.WebhookUrl))
        {
            await relay.WaitForLineAsync("1 blob(s) already in");
            await relay.WaitForLineAsync("subscription validated");
            await UploadAsync("run-c/epoch-2.parquet", 20);
            await NotificationsAsync(1, relay);
            await SeveralPollsAsync();
            Assert.Equal(["run-c/epoch-2.parquet"], _listener.Notifications.Select(Name));
        }

        _listener.Requests.Clear();
        await using (var relay = new RunningRelay(Container, _listener.WebhookUrl, includeExisting: true))
        {
            await NotificationsAsync(2, relay);
            await SeveralPollsAsync();
            Assert.Equal(["run-c/epoch-1.parquet", "run-c/epoch-2.parquet"], _listener.Notifications.Select(Name).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Until_the_webhook_is_up_the_relay_retries_with_backoff_and_then_delivers()
    {
        var port = WebhookListener.FreePort();
        var webhook = new Uri($"http://127.0.0.1:{port}/runtime/webhooks/blobs?functionName=Host.Functions.IngestRunBlob");
        await using var relay = new RunningRelay(Container, webhook);
        await relay.WaitForLineAsync("0 blob(s) already in");
        await UploadAsync("run-d/epoch-1.parquet", 5); // while the host is still starting: delivered once it is up
        await Until.TrueAsync(() => relay.Lines.Count(l => l.Contains("webhook not ready", StringComparison.Ordinal)) >= 3,
            () => $"no retries; the relay said:\n{relay.Output}");
        Assert.Contains(relay.Lines, l => l.Contains("retrying in", StringComparison.Ordinal));

        await using var late = await WebhookListener.StartAsync(port);
        await Until.TrueAsync(() => late.Notifications.Count == 1, () => $"nothing delivered; the relay said:\n{relay.Output}");
        Assert.Equal("run-d/epoch-1.parquet", Name(late.Notifications[0]));
        Assert.Single(late.Validations);
    }

    [Fact]
    public async Task An_answer_Event_Grid_retries_is_retried_and_one_it_does_not_is_not()
    {
        var calls = 0;
        _listener.Respond = request => Task.FromResult(request.EventTypeHeader != "Notification"
            ? WebhookListener.AnswerLikeTheBlobsExtension(request)
            : Name(request) switch
            {
                "run-e/busy.parquet" => new ListenerAnswer(Interlocked.Increment(ref calls) == 1 ? 503 : 202),
                "run-e/bad.parquet" => new ListenerAnswer(400, "{\"error\": \"bad event\"}"),
                _ => new ListenerAnswer(202),
            });
        await using var relay = new RunningRelay(Container, _listener.WebhookUrl);
        await relay.WaitForLineAsync("subscription validated");

        await UploadAsync("run-e/busy.parquet", 1);
        await Until.TrueAsync(() => relay.Relay.Delivered == 1, () => relay.Output);
        await UploadAsync("run-e/bad.parquet", 1);
        await Until.TrueAsync(() => relay.Relay.Refused == 1, () => relay.Output);
        await UploadAsync("run-e/after.parquet", 1);
        await Until.TrueAsync(() => relay.Relay.Delivered == 2, () => relay.Output);
        await SeveralPollsAsync();

        Assert.Equal(["0", "1"], _listener.Notifications.Where(n => Name(n) == "run-e/busy.parquet").Select(n => n.Header("aeg-delivery-count")));
        Assert.Single(_listener.Notifications, n => Name(n) == "run-e/bad.parquet");
        Assert.Contains(relay.Lines, l => l.Contains("bad.parquet", StringComparison.Ordinal) && l.Contains("refused: 400", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(200, "{}")]
    [InlineData(200, "{\"validationResponse\": \"not-the-code\"}")]
    [InlineData(202, "")]
    [InlineData(400, "")]
    public async Task A_webhook_that_does_not_echo_the_validation_code_with_200_fails_the_handshake_and_gets_no_event(int status, string body)
    {
        _listener.Respond = request => Task.FromResult(request.EventTypeHeader == "SubscriptionValidation"
            ? new ListenerAnswer(status, body)
            : new ListenerAnswer(202));
        await UploadAsync("run-f/epoch-1.parquet", 1);
        await using var relay = new RunningRelay(Container, _listener.WebhookUrl, includeExisting: true);

        var failure = await Assert.ThrowsAsync<HandshakeException>(() => relay.Run);
        Assert.Contains("subscription validation", failure.Message, StringComparison.Ordinal);
        Assert.Empty(_listener.Notifications);
    }

    [Fact]
    public async Task The_relay_command_runs_until_cancelled_and_exits_0()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = CommandLine.RunAsync(
            ["relay", "--connection", _storage.ConnectionString, "--container", Container.Name, "--webhook", _listener.WebhookUrl.AbsoluteUri, "--interval-ms", "100"],
            output, error, stop.Token);
        await Until.TrueAsync(() => _listener.Validations.Count == 1, () => output + "\n" + error);
        await UploadAsync("run-g/epoch-1.parquet", 3);
        await Until.TrueAsync(() => _listener.Notifications.Count == 1, () => output + "\n" + error);

        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await run);
        Assert.Contains("stopped: 1 event(s) delivered", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"BlobCreated {Container.Name}/run-g/epoch-1.parquet (3 bytes, PutBlob", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_relay_command_exits_5_when_the_webhook_refuses_the_handshake()
    {
        _listener.Respond = _ => Task.FromResult(new ListenerAnswer(403));
        var error = new StringWriter();
        var code = await CommandLine.RunAsync(
            ["relay", "--connection", _storage.ConnectionString, "--container", Container.Name, "--webhook", _listener.WebhookUrl.AbsoluteUri],
            new StringWriter(), error);
        Assert.Equal(ExitCodes.WebhookRefused, code);
        Assert.Contains("403", error.ToString(), StringComparison.Ordinal);
    }

    private static string Name(ReceivedRequest notification)
    {
        var subject = (string)notification.Events[0]!["subject"]!;
        return subject[(subject.IndexOf("/blobs/", StringComparison.Ordinal) + "/blobs/".Length)..];
    }
}
