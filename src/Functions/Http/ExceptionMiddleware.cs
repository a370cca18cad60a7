using ClassVisCloud.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace ClassVisCloud.Functions.Http;

/// <summary>One place for the unexpected: logged with its stack, answered as JSON without it.</summary>
public sealed class ExceptionMiddleware(ILogger<ExceptionMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (context.GetHttpContext() is { } http && !http.Response.HasStarted)
        {
            logger.LogError(ex, "Function {Function} failed", context.FunctionDefinition.Name);
            await new ApiResult(ApiResponse.InternalError).ExecuteResultAsync(new ActionContext { HttpContext = http });
        }
    }
}
