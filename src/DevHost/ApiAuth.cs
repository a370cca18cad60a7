using ClassVisCloud.Api.Auth;
using ClassVisCloud.Functions.Http;

namespace ClassVisCloud.DevHost;

/// <summary>
/// The DevHost's twin of the Functions app's <see cref="ApiAuthMiddleware"/>: the same door in front of /api, from the
/// same Auth settings. Anonymous (none) unless Auth:Mode says key or entra, which is how the sign-in is tested end to
/// end without Azure (a key; or tokens of a local test authority). The dashboard's files stay public: they hold no data.
/// </summary>
public static class ApiAuth
{
    public static void UseApiDoor(this WebApplication app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.Use(async (context, next) =>
        {
            var door = context.RequestServices.GetRequiredService<ApiDoor>();
            var authorization = context.Request.Headers.Authorization.ToString();
            var decision = await door.DecideAsync(authorization.Length > 0 ? authorization : null, ApiAuthMiddleware.ApiKey(context.Request), context.RequestAborted);
            if (decision.Allowed)
            {
                context.User = decision.Principal!;
                await next(context);
                return;
            }
            if (decision.Denial!.Status >= 500) app.Logger.LogError("Request {Path} refused: {Detail}", context.Request.Path.Value, decision.Reason);
            await ApiAuthMiddleware.Deny(context, decision);
        }));
}
