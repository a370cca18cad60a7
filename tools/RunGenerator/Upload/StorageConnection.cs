using System.Net.Http;
using System.Net.Sockets;
using Azure;
using Azure.Core;
using Azure.Storage.Blobs;

namespace ClassVisCloud.RunGenerator.Upload;

/// <summary>Opens the blob container an upload goes to, and explains storage failures in plain words.</summary>
public static class StorageConnection
{
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";
    public const string DefaultContainer = "runs";

    public const string AzuriteHint =
        "Is Azurite running? From the repository root, `scripts/azurite.sh start-default` starts it on 127.0.0.1:10000; "
        + "or pass --connection (or set CVC_STORAGE) with a reachable storage account.";

    /// <summary>
    /// A container client with few, short retries: a storage account that is down should be reported in
    /// seconds, not after the SDK's default minute of backing off.
    /// </summary>
    /// <exception cref="FormatException">The connection string is malformed.</exception>
    public static BlobContainerClient OpenContainer(string connectionString, string container)
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.Delay = TimeSpan.FromMilliseconds(300);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(3);
        return new BlobServiceClient(connectionString, options).GetBlobContainerClient(container);
    }

    /// <summary>True when the failure is that nothing answered at the storage endpoint (refused, unresolved, timed out).</summary>
    public static bool IsUnreachable(Exception exception) => Flatten(exception).Any(e =>
        e is HttpRequestException or SocketException
        || e is RequestFailedException { Status: 0 } && e.InnerException is not null and not RequestFailedException);

    /// <summary>The innermost useful message: what the storage service or the network said.</summary>
    public static string Reason(Exception exception)
    {
        var all = Flatten(exception).ToList();
        var socket = all.OfType<SocketException>().FirstOrDefault();
        if (socket is not null)
            return socket.Message;
        var failed = all.OfType<RequestFailedException>().FirstOrDefault(e => e.Status != 0);
        if (failed is not null)
            return $"{failed.Status} {failed.ErrorCode}".Trim();
        return all[^1].Message;
    }

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            yield return current;
            if (current is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions)
                    pending.Push(inner);
            else if (current.InnerException is not null)
                pending.Push(current.InnerException);
        }
    }
}
