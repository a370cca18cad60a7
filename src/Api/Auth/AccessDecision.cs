using System.Security.Claims;

namespace ClassVisCloud.Api.Auth;

/// <summary>
/// What the API's door decided: let the request in (with who it is), or the JSON answer that says why not, with the
/// WWW-Authenticate challenge a 401 carries (RFC 6750) for the host to send as a header.
/// </summary>
public sealed record AccessDecision(ClaimsPrincipal? Principal, ApiResponse? Denial, string? Challenge = null, string? Reason = null)
{
    public bool Allowed => Denial is null;

    public static AccessDecision Allow(ClaimsPrincipal principal) => new(principal, null);

    public static AccessDecision Unauthorized(string detail, string? challenge) => new(null, ApiResponse.Error(401, "unauthorized", detail), challenge, detail);

    public static AccessDecision Forbidden(string detail) => new(null, ApiResponse.Error(403, "forbidden", detail), null, detail);

    /// <summary>The sign-in authority could not be asked (its metadata or keys): not the caller's fault, so 503, and worth a retry.</summary>
    public static AccessDecision AuthorityUnavailable(string detail) => new(null, ApiResponse.Error(503, "sign-in unavailable", detail), null, detail);

    /// <summary>The host's sign-in settings cannot work: refuse, never serve open.</summary>
    public static AccessDecision Misconfigured(string detail) => new(null, ApiResponse.Error(500, "sign-in misconfigured", detail), null, detail);
}
