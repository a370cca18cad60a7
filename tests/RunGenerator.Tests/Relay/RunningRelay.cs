using System.Collections.Concurrent;
using Azure.Storage.Blobs;
using ClassVisCloud.RunGenerator.Relay;

namespace ClassVisCloud.RunGenerator.Tests.Relay;

/// <summary>An <see cref="EventRelay"/> running in the background with a fast poll and backoff, its progress lines kept.</summary>
public sealed class RunningRelay : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http = new();

    public RunningRelay(BlobContainerClient container, Uri webhook, bool includeExisting = false)
    {
        Relay = new EventRelay(
            new ContainerWatcher(container),
            new WebhookClient(_http, webhook, new Backoff(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200)), Lines.Enqueue),
            Interval,
            includeExisting,
            Lines.Enqueue);
        Run = Task.Run(() => Relay.RunAsync(_stop.Token));
    }

    public EventRelay Relay { get; }

    public Task Run { get; }

    public ConcurrentQueue<string> Lines { get; } = new();

    public string Output => string.Join('\n', Lines);

    /// <summary>Waits until a progress line contains <paramref name="text"/>.</summary>
    public Task WaitForLineAsync(string text) =>
        Until.TrueAsync(() => Lines.Any(l => l.Contains(text, StringComparison.Ordinal)) || Run.IsCompleted,
            () => $"no progress line with '{text}'; the relay said:\n{Output}\n{Run.Exception}");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Run;
        }
        catch (HandshakeException)
        {
            // The test looked at it already.
        }
        _http.Dispose();
        _stop.Dispose();
    }
}

/// <summary>Polling waits with a deadline.</summary>
public static class Until
{
    public static async Task TrueAsync(Func<bool> condition, Func<string> failure, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail(failure());
            await Task.Delay(25);
        }
    }
}
