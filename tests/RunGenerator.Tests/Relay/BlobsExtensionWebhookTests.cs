using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs.Models;
using ClassVisCloud.RunGenerator.Tests.Upload;

namespace ClassVisCloud.RunGenerator.Tests.Relay;

/// <summary>
/// The relay against the code that receives its events under <c>func start</c>: the host-side blobs extension's
/// webhook handling (see <see cref="BlobsExtensionWebhook"/>) behind a listener on 127.0.0.1, with a real Azurite.
/// </summary>
public sealed partial class BlobsExtensionWebhookTests : IAsyncLifetime
{
    private readonly TestStorage _storage = new();
    private readonly BlobsExtensionWebhook _extension = new();
    private WebhookListener _listener = null!;

    public async Task InitializeAsync()
    {
        await _storage.InitializeAsync();
        await _storage.Container.CreateIfNotExistsAsync();
        _listener = await WebhookListener.StartAsync();
        _listener.Respond = _extension.HandleAsync;
    }

    public async Task DisposeAsync()
    {
        await _listener.DisposeAsync();
        await _storage.DisposeAsync();
    }

    [Fact]
    public async Task The_extension_answers_the_relays_handshake_and_reads_its_event_as_the_uploaded_blob_for_IngestRunBlob()
    {
        await using var relay = new RunningRelay(_storage.Container, _listener.WebhookUrl);
        await relay.WaitForLineAsync("subscription validated");
        var blob = _storage.Container.GetBlobClient("run-x/attention/epoch-3.parquet");
        await blob.UploadAsync(BinaryData.FromString("parquet bytes"));
        var etag = (await blob.GetPropertiesAsync()).Value.ETag;

        await Until.TrueAsync(() => relay.Relay.Delivered == 1, () => $"nothing delivered; the relay said:\n{relay.Output}");

        var message = Assert.Single(_extension.Messages); // and answered 202 Accepted: the relay counted it delivered
        Assert.Equal("Host.Functions.IngestRunBlob", message.FunctionId);
        Assert.Equal(_storage.Container.Name, message.ContainerName);
        Assert.Equal("run-x/attention/epoch-3.parquet", message.BlobName);
        Assert.Equal(nameof(BlobType.Block), message.BlobType);
        // The extension quotes data.eTag itself: the relay's bare ETag comes back as the blob's own.
        Assert.Equal(etag.ToString(), message.ETag);
    }

    [Fact]
    public async Task The_extensions_handshake_answer_carries_the_validation_code()
    {
        var answer = await _extension.HandleAsync(new ReceivedRequest("POST", "/runtime/webhooks/blobs?functionName=Host.Functions.IngestRunBlob",
            new Dictionary<string, string> { ["aeg-event-type"] = "SubscriptionValidation", ["content-type"] = "application/json" },
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Relay", "TestData", "subscription-validation.eventgrid.json"))));

        Assert.Equal(200, answer.Status);
        Assert.StartsWith("{\"validationResponse\":", answer.Body, StringComparison.Ordinal);
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", ClassVisCloud.RunGenerator.Relay.EventRelay.ValidationResponse(answer.Body));
    }

    [Fact]
    public void These_tests_use_the_blobs_extension_that_the_Functions_build_ships()
    {
        // .azurefunctions/extensions.json lists the host-side extensions `func start` loads from the build output.
        var extensions = JsonNode.Parse(File.ReadAllText(FunctionsBuild.File("extensions.json")))!["extensions"]!.AsArray();
        var blobs = extensions.Select(e => (string?)e!["typeName"]).Single(t => t!.Contains("Microsoft.Azure.WebJobs.Extensions.Storage.Blobs,", StringComparison.Ordinal))!;
        var shipped = Version.Parse(AssemblyVersion().Match(blobs).Groups[1].Value);
        Assert.True(shipped == BlobsExtensionWebhook.ExtensionVersion,
            $"The Functions build ships the blobs extension {shipped}, these tests reference {BlobsExtensionWebhook.ExtensionVersion}: "
            + "set Microsoft.Azure.WebJobs.Extensions.Storage.Blobs to that version in Directory.Packages.props.");
    }

    [GeneratedRegex(@"Version=([0-9.]+)")]
    private static partial Regex AssemblyVersion();
}
