using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ClassVisCloud.Api.Auth;

/// <summary>
/// Checks an Entra ID access token with Microsoft.IdentityModel: signature against the authority's published keys
/// (OpenID metadata and JWKS, read and cached by its ConfigurationManager, re-read when a token names an unknown key),
/// issuer as the metadata states it, audience, lifetime. The result is the token's principal or why it was refused,
/// in words a caller can act on.
/// </summary>
public sealed class BearerTokens
{
    /// <summary>Entra ID clocks are close; a minute covers the skew without stretching an expired token much.</summary>
    static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    readonly ConfigurationManager<OpenIdConnectConfiguration> metadata;
    readonly IReadOnlyList<string> audiences;

    /// <param name="documents">Reads the metadata and JWKS documents: HTTP in a host, in memory in unit tests.</param>
    public BearerTokens(ApiAuthOptions options, IDocumentRetriever documents)
    {
        audiences = options.Audiences;
        metadata = new ConfigurationManager<OpenIdConnectConfiguration>(options.MetadataUri.AbsoluteUri, new OpenIdConnectConfigurationRetriever(), documents);
    }

    /// <summary>Reads the authority's documents over HTTP, HTTPS required unless the authority is on loopback (a test stub).</summary>
    public static BearerTokens OverHttp(ApiAuthOptions options, HttpClient http) =>
        new(options, new HttpDocumentRetriever(http) { RequireHttps = !options.MetadataUri.IsLoopback });

    public async Task<TokenCheck> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        var parameters = new TokenValidationParameters
        {
            ConfigurationManager = metadata,
            ValidAudiences = audiences,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = ClockSkew,
            RoleClaimType = "roles",
            NameClaimType = "name",
        };
        try
        {
            // Read first: the handler reports metadata it could not read as an invalid issuer, which would blame the caller.
            await metadata.GetConfigurationAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or HttpRequestException)
        {
            return TokenCheck.AuthorityDown(ex);
        }
        var result = await handler.ValidateTokenAsync(token, parameters);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The authority may have rolled its keys since they were read: read them again (at most every 5 minutes) and retry once.
            metadata.RequestRefresh();
            result = await handler.ValidateTokenAsync(token, parameters);
        }
        if (result.IsValid) return new TokenCheck(new ClaimsPrincipal(result.ClaimsIdentity), null, false);
        return new TokenCheck(null, Explain(result.Exception), false);
    }

    static string Explain(Exception? problem) => problem switch
    {
        SecurityTokenExpiredException expired => $"the access token expired at {expired.Expires:u}: sign in again or ask for a new token",
        SecurityTokenNotYetValidException early => $"the access token is not valid before {early.NotBefore:u}",
        SecurityTokenNoExpirationException => "the access token has no expiry (exp)",
        SecurityTokenInvalidAudienceException => "the access token is for another audience (aud): ask for a token for this API's scope",
        SecurityTokenInvalidIssuerException => "the access token was issued by another authority (iss) than this API trusts",
        SecurityTokenSignatureKeyNotFoundException => "the access token is signed with a key the authority does not publish",
        SecurityTokenInvalidSignatureException => "the access token's signature is not valid",
        SecurityTokenMalformedException or ArgumentException => "the bearer credential is not a JSON Web Token",
        _ => "the access token was refused",
    };
}

/// <summary>One token's check: its principal, or why it was refused (<see cref="AuthorityUnavailable"/>: the authority could not be read).</summary>
public sealed record TokenCheck(ClaimsPrincipal? Principal, string? Problem, bool AuthorityUnavailable)
{
    internal static TokenCheck AuthorityDown(Exception? ex) =>
        new(null, "the sign-in authority's OpenID metadata or signing keys could not be read; try again shortly" + (ex is null ? "" : $" ({ex.GetType().Name})"), true);
}
