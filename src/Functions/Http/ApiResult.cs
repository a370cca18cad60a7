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
        http.Response.ContentLength = response.Body.Length;
        await http.Response.Body.WriteAsync(response.Body, http.RequestAborted);
    }
}
