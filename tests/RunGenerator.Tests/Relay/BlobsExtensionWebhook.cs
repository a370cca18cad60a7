using System.Net.Http.Headers;
using System.Reflection;
using System.Web;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;

namespace ClassVisCloud.RunGenerator.Tests.Relay;

/// <summary>What the blobs extension made of one event: the message it would queue for the blob-triggered function.</summary>
public sealed record BlobTriggerMessage(string FunctionId, string BlobType, string ContainerName, string BlobName, string ETag);

/// <summary>
/// The Functions host's own handling of <c>/runtime/webhooks/blobs</c>, from the host-side blobs extension
/// (Microsoft.Azure.WebJobs.Extensions.Storage.Blobs, the version the Functions build ships): its
/// <c>HttpRequestProcessor.ProcessAsync</c> answers the validation handshake and parses notifications, and
/// <c>BlobsExtensionConfigProvider.GetBlobTriggerMessage</c> turns each event into the queue message that triggers
/// the function. Both are internal, so they are reached by reflection; everything but the queue write
/// (<c>BlobTriggerQueueWriter</c>, a storage queue) is the extension's code.
/// </summary>
public sealed class BlobsExtensionWebhook
{
    private static readonly Assembly Extension = typeof(BlobTriggerAttribute).Assembly;
    private static readonly Type ProcessorType = Type("Microsoft.Azure.WebJobs.Extensions.EventGrid.HttpRequestProcessor");
    private static readonly MethodInfo Process = ProcessorType.GetMethod("ProcessAsync", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new MissingMethodException("HttpRequestProcessor.ProcessAsync");
    private static readonly MethodInfo ToMessage = Type("Microsoft.Azure.WebJobs.Extensions.Storage.Blobs.Config.BlobsExtensionConfigProvider")
        .GetMethod("GetBlobTriggerMessage", BindingFlags.Static | BindingFlags.NonPublic)
        ?? throw new MissingMethodException("BlobsExtensionConfigProvider.GetBlobTriggerMessage");

    private readonly object _processor = Activator.CreateInstance(ProcessorType,
        Activator.CreateInstance(typeof(NullLogger<>).MakeGenericType(ProcessorType)))!;

    public static Version ExtensionVersion => Extension.GetName().Version!;

    /// <summary>The messages the extension would have queued, in order.</summary>
    public List<BlobTriggerMessage> Messages { get; } = [];

    /// <summary>Handles one request as the host's webhook does; the answer is the extension's.</summary>
    public async Task<ListenerAnswer> HandleAsync(ReceivedRequest received)
    {
        var uri = new Uri(new Uri("http://localhost:7071"), received.PathAndQuery);
        using var request = new HttpRequestMessage(new HttpMethod(received.Method), uri)
        {
            Content = new StringContent(received.Body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(received.Header("content-type") ?? "application/json");
        foreach (var (name, value) in received.Headers.Where(h => h.Key.StartsWith("aeg-", StringComparison.Ordinal)))
            request.Headers.TryAddWithoutValidation(name, value);

        // As BlobsExtensionConfigProvider.ConvertAsync calls it: the function name from the query, BindingType.Unknown.
        var functionName = HttpUtility.ParseQueryString(uri.Query)["functionName"];
        var bindingType = Enum.Parse(Type("Microsoft.Azure.WebJobs.Extensions.EventGrid.BindingType"), "Unknown");
        Func<JArray, string, CancellationToken, Task<HttpResponseMessage>> events = (array, function, _) =>
        {
            lock (Messages)
                foreach (var e in array.Cast<JObject>())
                    Messages.Add(Read(ToMessage.Invoke(null, [e, function])!));
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.Accepted));
        };
        var response = await (Task<HttpResponseMessage>)Process.Invoke(_processor, [request, functionName, events, bindingType, CancellationToken.None])!;
        return new ListenerAnswer((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static BlobTriggerMessage Read(object message)
    {
        string Get(string property) => message.GetType().GetProperty(property)!.GetValue(message)?.ToString() ?? "";
        return new BlobTriggerMessage(Get("FunctionId"), Get("BlobType"), Get("ContainerName"), Get("BlobName"), Get("ETag"));
    }

    private static Type Type(string name) => Extension.GetType(name, throwOnError: true)!;
}
