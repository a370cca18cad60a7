using ClassVisCloud.Analytics.Api;
using ClassVisCloud.Analytics.Api.Export;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace ClassVisCloud.Functions.Http;

/// <summary>
/// Streams an export to the client as it is made (no Content-Length: chunked), compressed on the way when the client
/// accepts it (Power BI does); a refused export is the JSON error of <see cref="ApiResult"/>. A failure after the
/// first bytes aborts the response, so the client sees a broken transfer, never a short file that looks whole.
/// </summary>
public sealed class CsvResult(Parsed<CsvAnswer> answer) : IActionResult
{
    public Parsed<CsvAnswer> Answer => answer;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        if (answer.Problem is { } problem)
        {
            await new ApiResult(problem).ExecuteResultAsync(context);
            return;
        }
        var http = context.HttpContext;
        var csv = answer.Value;
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = CsvAnswer.ContentType;
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = csv.FileName }.ToString();
        var encoding = ResponseCompression.Choose(http.Request.Headers.AcceptEncoding.ToString(), int.MaxValue);
        if (encoding is null)
        {
            await csv.WriteAsync(http.Response.Body, http.RequestAborted);
            return;
        }
        http.Response.Headers.ContentEncoding = encoding;
        http.Response.Headers.Vary = "Accept-Encoding";
        await using var compressed = ResponseCompression.Open(http.Response.Body, encoding);
        await csv.WriteAsync(compressed, http.RequestAborted);
    }
}
