using ClassVisCloud.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ClassVisCloud.Functions.Http;

/// <summary>
/// Writes an <see cref="ApiResponse"/> as it is: the same bytes from Azure Functions and the DevHost.
/// Answers with an ETag are revalidated by the browser (no-cache) and get 304 while unchanged.
/// </summary>
public sealed class ApiResult(ApiResponse response) : IActionResult
{
    /// <summary>
    /// The body goes out in slices: one write of a whole 40 MB answer would be copied whole into the server's
    /// output buffers, once per request reading it, before the client has taken any of it.
    /// </summary>
    const int SliceBytes = 64 * 1024;

    public ApiResponse Response => response;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        if (response.ETag is { } etag)
        {
            http.Response.Headers.ETag = etag;
            http.Response.Headers.CacheControl = "no-cache";
            if (ApiResponse.Matches(etag, http.Request.IfNoneMatch()))
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
        // Large answers are compressed by the app (a kept answer once per encoding), unless the host turned it off.
        var compression = http.RequestServices?.GetService(typeof(AnswerCompression)) as AnswerCompression ?? AnswerCompression.On;
        var encoding = compression.Choose(http.Request.Headers.AcceptEncoding.ToString(), response.Body.Length);
        var body = await response.BodyAsync(encoding, http.RequestAborted);
        if (encoding is not null)
        {
            http.Response.Headers.ContentEncoding = encoding;
            http.Response.Headers.Vary = "Accept-Encoding";
        }
        http.Response.ContentLength = body.Length;
        for (var offset = 0; offset < body.Length; offset += SliceBytes)
            await http.Response.Body.WriteAsync(body.AsMemory(offset, Math.Min(SliceBytes, body.Length - offset)), http.RequestAborted);
    }
}
