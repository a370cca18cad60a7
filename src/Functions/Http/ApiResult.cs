using System.IO.Compression;
using ClassVisCloud.Analytics.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ClassVisCloud.Functions.Http;

/// <summary>
/// Writes an <see cref="ApiResponse"/> as it is: the same bytes from Azure Functions and the DevHost.
/// Answers with an ETag are revalidated by the browser (no-cache) and get 304 while unchanged.
/// </summary>
public sealed class ApiResult(ApiResponse response) : IActionResult
{
    public ApiResponse Response => response;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        if (response.ETag is { } etag)
        {
            http.Response.Headers.ETag = etag;
            http.Response.Headers.CacheControl = "no-cache";
            if (http.Request.Headers.IfNoneMatch.Any(value => value == etag))
            {
                http.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }
        else
        {
            http.Response.Headers.CacheControl = "no-store";
        }
        http.Response.StatusCode = response.Status;
        http.Response.ContentType = response.ContentType;
        var body = response.Body;
        if (body.Length >= CompressionThreshold && PreferredEncoding(http.Request) is { } encoding)
        {
            body = Compress(body, encoding);
            http.Response.Headers.ContentEncoding = encoding;
            http.Response.Headers.Vary = "Accept-Encoding";
        }
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    /// <summary>Large answers (100,000 samples) are compressed here, the same way on every host, whatever its middleware.</summary>
    const int CompressionThreshold = 8 * 1024;

    static string? PreferredEncoding(HttpRequest request)
    {
        var accepted = request.Headers.AcceptEncoding.ToString();
        if (accepted.Contains("br", StringComparison.OrdinalIgnoreCase)) return "br";
        if (accepted.Contains("gzip", StringComparison.OrdinalIgnoreCase)) return "gzip";
        return null;
    }

    static byte[] Compress(byte[] body, string encoding)
    {
        var output = new MemoryStream(body.Length / 2);
        using (Stream compressor = encoding == "br"
            ? new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true)
            : new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            compressor.Write(body);
        }
        return output.ToArray();
    }
}
