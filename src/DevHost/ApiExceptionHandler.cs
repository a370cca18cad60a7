using ClassVisCloud.Api;
using ClassVisCloud.Functions.Http;
using Microsoft.AspNetCore.Mvc;

namespace ClassVisCloud.DevHost;

/// <summary>The DevHost's twin of the Functions app's exception middleware: the same JSON, never a stack trace.</summary>
public static class ApiExceptionHandler
{
    public static void UseApiExceptionHandler(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                app.Logger.LogError(ex, "Request {Path} failed", context.Request.Path.Value);
                await new ApiResult(ApiResponse.InternalError).ExecuteResultAsync(new ActionContext { HttpContext = context });
            }
        });
}
