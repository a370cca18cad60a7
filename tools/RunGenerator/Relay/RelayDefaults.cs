namespace ClassVisCloud.RunGenerator.Relay;

/// <summary>
/// What the relay targets unless told otherwise: the blob-triggered function of src/Functions
/// (<c>IngestRunBlob</c>, <c>[Function(nameof(IngestRunBlob))]</c> on <c>runs/{name}</c>, Event Grid source) as
/// <c>func start</c> serves it on port 7071. An isolated-worker function's id at the blobs extension's webhook
/// is <c>Host.Functions.&lt;name&gt;</c>; the tests check these names against the built functions.metadata.
/// </summary>
public static class RelayDefaults
{
    public const string FunctionName = "IngestRunBlob";

    public const string Container = "runs";

    public const int FuncPort = 7071;

    /// <summary>The blobs extension's webhook path on a Functions host (the Event Grid subscription's endpoint in Azure).</summary>
    public const string WebhookPath = "/runtime/webhooks/blobs";

    /// <summary>The function id the webhook's functionName query parameter names.</summary>
    public static string FunctionId(string functionName = FunctionName) => "Host.Functions." + functionName;

    public static Uri WebhookUrl(int port = FuncPort, string functionName = FunctionName) =>
        new($"http://localhost:{port}{WebhookPath}?functionName={FunctionId(functionName)}");
}
