using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace ClassVisCloud.Functions.Http;

/// <summary>Small readers of request values shared by the HTTP functions.</summary>
public static partial class RequestValues
{
    public static string? Query(this HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    /// <summary>The If-None-Match header as sent (one or several tags): answers compare it with their ETag before building anything.</summary>
    public static string? IfNoneMatch(this HttpRequest request) =>
        request.Headers.IfNoneMatch.Count == 0 ? null : request.Headers.IfNoneMatch.ToString();

    /// <summary>
    /// A sample id from its path segment. Route values keep "%2F" encoded (ASP.NET Core does not decode it in a
    /// path segment); ids may hold '/'. A segment "." or ".." never arrives (browsers, proxies and Kestrel resolve
    /// it, "%2E%2E" too), so such an id is sent with a '~' in front ("~.."), and one that is already '~'s then
    /// one or two dots gets one more '~': this takes that '~' off again.
    /// </summary>
    public static string? PathValue(string? routeValue)
    {
        var value = routeValue?.Replace("%2F", "/").Replace("%2f", "/");
        return value is not null && EscapedDots().IsMatch(value) ? value[1..] : value;
    }

    [GeneratedRegex(@"\A~+\.{1,2}\z")]
    private static partial Regex EscapedDots();

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
