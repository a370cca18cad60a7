using Microsoft.AspNetCore.Http;

namespace ClassVisCloud.Functions.Http;

/// <summary>Small readers of request values shared by the HTTP functions.</summary>
public static class RequestValues
{
    public static string? Query(this HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    /// <summary>The If-None-Match header as sent (one or several tags): answers compare it with their ETag before building anything.</summary>
    public static string? IfNoneMatch(this HttpRequest request) =>
        request.Headers.IfNoneMatch.Count == 0 ? null : request.Headers.IfNoneMatch.ToString();

    /// <summary>Route values keep "%2F" encoded (ASP.NET Core does not decode it in a path segment); ids may hold '/'.</summary>
    public static string? PathValue(string? routeValue) => routeValue?.Replace("%2F", "/").Replace("%2f", "/");

    /// <summary>Reads the body up to one byte past the limit, so an oversized body is refused without reading it all.</summary>
    public static async Task<byte[]> ReadBodyAsync(this HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit) break;
        }
        return buffer.ToArray();
    }
}
