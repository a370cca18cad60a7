using ClassVisCloud.Api;
using ClassVisCloud.Api.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace ClassVisCloud.Functions.Http;

/// <summary>
/// The door of every HTTP function (the host lets them through: see <see cref="ApiAccess"/>). Triggers other than HTTP
/// pass untouched: the Event Grid webhook is guarded by the host's blobs_extension key before it reaches the worker.
/// </summary>
public sealed class ApiAuthMiddleware(ApiDoor door, ILogger<ApiAuthMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }
        var decision = await door.DecideAsync(http.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, ApiKey(http.Request), http.RequestAborted);
        if (decision.Allowed)
        {
            http.User = decision.Principal!;
            await next(context);
            return;
        }
        if (decision.Denial!.Status >= 500)
            logger.LogError("Function {Function} refused: {Detail}", context.FunctionDefinition.Name, decision.Reason);
        await Deny(http, decision);
    }

    /// <summary>The key as the x-functions-key header, else the code query parameter.</summary>
    public static string? ApiKey(HttpRequest request) =>
        request.Headers[ApiDoor.KeyHeader].ToString() is { Length: > 0 } header ? header : request.Query(ApiDoor.KeyQuery);

    /// <summary>Writes a refusal: its JSON body, and its WWW-Authenticate challenge on a 401.</summary>
    public static Task Deny(HttpContext http, AccessDecision decision)
    {
        if (decision.Challenge is { } challenge) http.Response.Headers.WWWAuthenticate = challenge;
        return new ApiResult(decision.Denial!).ExecuteResultAsync(new ActionContext { HttpContext = http });
    }
}
