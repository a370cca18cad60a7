using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ClassVisCloud.Integration.Tests.Infrastructure;

/// <summary>What an HTTP function answered: status, headers and the exact bytes.</summary>
public sealed record FunctionAnswer(int Status, IHeaderDictionary Headers, byte[] Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}

/// <summary>Calls an HTTP function class the way the Functions host does: an HttpRequest in, an IActionResult executed.</summary>
public static class FunctionCall
{
    public static HttpRequest Request(string query = "", string method = "GET", byte[]? body = null, string? ifNoneMatch = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.QueryString = new QueryString(query.Length == 0 || query.StartsWith('?') ? query : "?" + query);
        if (body is not null) context.Request.Body = new MemoryStream(body);
        if (ifNoneMatch is not null) context.Request.Headers.IfNoneMatch = ifNoneMatch;
        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    public static async Task<FunctionAnswer> RunAsync(HttpRequest request, Func<HttpRequest, Task<IActionResult>> function)
    {
        var result = await function(request);
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext { HttpContext = context });
        return new FunctionAnswer(context.Response.StatusCode, context.Response.Headers, ((MemoryStream)context.Response.Body).ToArray());
    }

    public static Task<FunctionAnswer> GetAsync(string query, Func<HttpRequest, Task<IActionResult>> function) => RunAsync(Request(query), function);
}
