using System.Globalization;
using ClassVisCloud.RunGenerator.Relay;
using ClassVisCloud.RunGenerator.Upload;

namespace ClassVisCloud.RunGenerator.Cli;

/// <summary>
/// <c>relay</c>: Event Grid for <c>func start</c> on Azurite. Watches the runs container and posts each new or
/// changed blob to the Functions host's blob webhook as a BlobCreated event, after the validation handshake.
/// Runs until Ctrl-C.
/// </summary>
internal static class RelayCommand
{
    private static readonly HashSet<string> Values = ["connection", "container", "webhook", "interval-ms"];

    private static readonly HashSet<string> Flags = ["include-existing"];

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var options = new Options(args, Values, Flags);
        var connection = options.String("connection")
            ?? Environment.GetEnvironmentVariable(UploadCommand.ConnectionVariable)
            ?? StorageConnection.DevelopmentStorage;
        var containerName = options.String("container") ?? RelayDefaults.Container;
        var interval = options.Int("interval-ms", 1000);
        if (interval < 50)
            throw new UsageException($"--interval-ms must be at least 50 (got {interval})");
        var webhookText = options.String("webhook") ?? RelayDefaults.WebhookUrl().AbsoluteUri;
        if (!Uri.TryCreate(webhookText, UriKind.Absolute, out var webhook) || webhook.Scheme is not ("http" or "https"))
            throw new UsageException($"--webhook must be an http(s) URL (got '{webhookText}')");

        Azure.Storage.Blobs.BlobContainerClient container;
        try
        {
            container = StorageConnection.OpenContainer(connection, containerName);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new UsageException($"--connection is not a valid storage connection string: {e.Message}");
        }

        void Progress(string line)
        {
            lock (output)
            {
                output.WriteLine($"relay {DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {line}");
                output.Flush();
            }
        }

        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var relay = new EventRelay(
            new ContainerWatcher(container),
            new WebhookClient(http, webhook, Backoff.Default, Progress),
            TimeSpan.FromMilliseconds(interval),
            options.Has("include-existing"),
            Progress);
        try
        {
            await relay.RunAsync(cancellationToken);
            return ExitCodes.Ok;
        }
        catch (HandshakeException e)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine($"Is this the blob webhook of a Functions host? `func start` in src/Functions serves {RelayDefaults.WebhookUrl()}.");
            return ExitCodes.WebhookRefused;
        }
    }
}
