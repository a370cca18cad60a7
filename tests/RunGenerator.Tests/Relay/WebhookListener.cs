using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClassVisCloud.RunGenerator.Tests.Relay;

/// <summary>One request the listener received.</summary>
public sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name.ToLowerInvariant());

    public string? EventTypeHeader => Header("aeg-event-type");

    public JsonArray Events => JsonNode.Parse(Body)!.AsArray();
}

/// <summary>What the listener answers: status and body.</summary>
public sealed record ListenerAnswer(int Status, string Body = "");

/// <summary>
/// A webhook on 127.0.0.1 (Kestrel) that records every request and answers through <see cref="Respond"/>; by default
/// as a Functions host's blob webhook does: the validation code echoed with 200, notifications 202.
/// </summary>
public sealed class WebhookListener : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookListener(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public Func<ReceivedRequest, Task<ListenerAnswer>> Respond { get; set; } = request => Task.FromResult(AnswerLikeTheBlobsExtension(request));

    /// <summary>The blob webhook's URL on this listener, for the Functions app's blob-triggered function.</summary>
    public Uri WebhookUrl => new($"http://127.0.0.1:{Port}/runtime/webhooks/blobs?functionName=Host.Functions.IngestRunBlob");

    public IReadOnlyList<ReceivedRequest> Notifications => Requests.Where(r => r.EventTypeHeader == "Notification").ToList();

    public IReadOnlyList<ReceivedRequest> Validations => Requests.Where(r => r.EventTypeHeader == "SubscriptionValidation").ToList();

    public static ListenerAnswer AnswerLikeTheBlobsExtension(ReceivedRequest request) => request.EventTypeHeader switch
    {
        "SubscriptionValidation" => new ListenerAnswer(200,
            new JsonObject { ["validationResponse"] = (string?)request.Events[0]!["data"]!["validationCode"] }.ToJsonString()),
        "Notification" => new ListenerAnswer(202),
        _ => new ListenerAnswer(400),
    };

    /// <param name="port">0: any free port.</param>
    public static async Task<WebhookListener> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        WebhookListener? listener = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var received = new ReceivedRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
                await reader.ReadToEndAsync());
            listener!.Requests.Enqueue(received);
            var answer = await listener.Respond(received);
            context.Response.StatusCode = answer.Status;
            if (answer.Body.Length > 0)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(answer.Body);
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        listener = new WebhookListener(app, new Uri(address).Port);
        return listener;
    }

    /// <summary>A port nothing listens on (yet): for a webhook that is not up.</summary>
    public static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
