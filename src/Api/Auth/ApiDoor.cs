using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace ClassVisCloud.Api.Auth;

/// <summary>
/// The API's one door, the same in the Functions app and the DevHost: a request's credentials in, an
/// <see cref="AccessDecision"/> out. Keys come as the <c>x-functions-key</c> header or the <c>code</c> query parameter
/// (what Power BI's Web.Contents can send with ApiKeyName="code"); tokens as <c>Authorization: Bearer</c>, and need the
/// app role <see cref="ApiAuthOptions.Role"/>.
/// </summary>
public sealed class ApiDoor(ApiAuthOptions options, BearerTokens? tokens, string? misconfiguration = null)
{
    public const string KeyHeader = "x-functions-key";
    public const string KeyQuery = "code";

    const string Realm = "ClassVisCloud";

    public ApiAuthOptions Options => options;

    /// <summary>A door that refuses every request, saying why the settings cannot work: a host never serves open by mistake.</summary>
    public static ApiDoor Refusing(string reason) => new(new ApiAuthOptions { Mode = ApiAuthMode.Key }, null, reason);

    /// <param name="authorization">The Authorization header, if any.</param>
    /// <param name="key">The x-functions-key header, else the code query parameter, if any.</param>
    public async Task<AccessDecision> DecideAsync(string? authorization, string? key, CancellationToken cancellationToken)
    {
        if (misconfiguration is not null) return AccessDecision.Misconfigured(misconfiguration);
        if (options.Mode == ApiAuthMode.None) return AccessDecision.Allow(new ClaimsPrincipal(new ClaimsIdentity()));

        var bearer = BearerToken(authorization);
        if (options.Mode == ApiAuthMode.Entra && bearer is not null) return await CheckTokenAsync(bearer, cancellationToken);

        if (!string.IsNullOrEmpty(key) && options.AcceptsKeys)
            return KeyMatches(key)
                ? AccessDecision.Allow(new ClaimsPrincipal(new ClaimsIdentity([new Claim("keyId", KeyId(key))], authenticationType: "key")))
                : AccessDecision.Unauthorized("the key was refused: ask its owner for the current one", null);

        return options.Mode == ApiAuthMode.Entra
            ? AccessDecision.Unauthorized(authorization is null
                ? "sign in: send an Entra ID access token as 'Authorization: Bearer <token>'" + (options.AcceptsKeys ? $", or a key as the {KeyHeader} header or the {KeyQuery} query parameter" : "")
                : "the Authorization header is not 'Bearer <token>'", Challenge(authorization is null ? null : "invalid_request", null))
            : AccessDecision.Unauthorized($"a key is required: send it as the {KeyHeader} header or the {KeyQuery} query parameter", null);
    }

    async Task<AccessDecision> CheckTokenAsync(string token, CancellationToken cancellationToken)
    {
        if (tokens is null) return AccessDecision.Misconfigured("tokens cannot be checked: the host has no token validator");
        var check = await tokens.ValidateAsync(token, cancellationToken);
        if (check.AuthorityUnavailable) return AccessDecision.AuthorityUnavailable(check.Problem!);
        if (check.Principal is null) return AccessDecision.Unauthorized(check.Problem!, Challenge("invalid_token", check.Problem));
        if (!check.Principal.IsInRole(options.Role))
            return AccessDecision.Forbidden($"the token is valid but lacks the app role '{options.Role}': ask an administrator of the API's Entra ID application to assign it to you");
        return AccessDecision.Allow(check.Principal);
    }

    static string? BearerToken(string? authorization) =>
        authorization is { } value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && value[7..].Trim() is { Length: > 0 } token ? token : null;

    bool KeyMatches(string key)
    {
        // Compare digests in fixed time: the time taken says nothing about how much of a key was right.
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        var match = false;
        foreach (var hash in options.KeySha256)
            match |= CryptographicOperations.FixedTimeEquals(presented, Convert.FromHexString(hash));
        return match;
    }

    /// <summary>A log-safe name of a key: the first 8 hex digits of its hash.</summary>
    static string KeyId(string key) => ApiAuthOptions.Hash(key)[..8];

    static string Challenge(string? error, string? description) =>
        error is null ? $"Bearer realm=\"{Realm}\""
        : description is null ? $"Bearer realm=\"{Realm}\", error=\"{error}\""
        : $"Bearer realm=\"{Realm}\", error=\"{error}\", error_description=\"{description.Replace("\"", "'")}\"";
}
