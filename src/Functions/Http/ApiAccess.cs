using Microsoft.Azure.Functions.Worker;

namespace ClassVisCloud.Functions.Http;

/// <summary>
/// Every HTTP function's [HttpTrigger] level. The host's own key check (ApiAccess.HostLevel) applies even behind
/// App Service Authentication, so with it an Entra ID sign-in could never reach the API without a key as well. The host
/// therefore lets requests through, and <see cref="ApiAuthMiddleware"/> decides for every HTTP function, by the
/// Auth__Mode setting: a key (header or ?code=), an Entra ID token with its app role, or, set explicitly, nothing.
/// </summary>
public static class ApiAccess
{
    public const AuthorizationLevel HostLevel = AuthorizationLevel.Anonymous;
}
