using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using ClassVisCloud.Api.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace ClassVisCloud.Api.Tests.Auth;

/// <summary>
/// A sign-in authority made in the test: an RSA signing key, its OpenID metadata and JWKS served from memory (through
/// the real ConfigurationManager), and tokens minted with that key. No tenant, no network.
/// </summary>
public sealed class TestAuthority : IDocumentRetriever
{
    public const string Issuer = "https://login.test.example/tenant-1/v2.0";
    public const string Audience = "api://classviscloud-test";

    readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = "test-key-1" };
    readonly Dictionary<string, string> documents = [];

    public int Reads { get; private set; }
    public bool Down { get; set; }

    public TestAuthority()
    {
        var metadata = new Uri(Issuer + "/.well-known/openid-configuration");
        documents[metadata.AbsoluteUri] = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = Issuer + "/discovery/keys",
            ["authorization_endpoint"] = Issuer + "/authorize",
            ["token_endpoint"] = Issuer + "/token",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        });
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = key.KeyId });
        documents[Issuer + "/discovery/keys"] = JsonSerializer.Serialize(new { keys = new[] { new { kty = jwk.Kty, use = "sig", kid = jwk.Kid, n = jwk.N, e = jwk.E, alg = "RS256" } } });
    }

    public ApiAuthOptions Options(string role = ApiAuthOptions.DefaultRole, params string[] keys) => new()
    {
        Mode = ApiAuthMode.Entra,
        Authority = new Uri(Issuer),
        Audiences = [Audience, "classviscloud-test-client-id"],
        Role = role,
        KeySha256 = keys.Select(ApiAuthOptions.Hash).ToList(),
    };

    public ApiDoor Door(ApiAuthOptions? options = null)
    {
        options ??= Options();
        return new ApiDoor(options, new BearerTokens(options, this));
    }

    /// <summary>A token as Entra ID would issue it; each argument changes one thing about it.</summary>
    public string Token(string[]? roles = null, string audience = Audience, string issuer = Issuer, DateTime? expires = null, DateTime? notBefore = null, SecurityKey? signingKey = null)
    {
        var now = DateTime.UtcNow;
        var claims = new List<Claim> { new("sub", "user-1"), new("name", "Ada Lovelace"), new("scp", "access_as_user") };
        claims.AddRange((roles ?? [ApiAuthOptions.DefaultRole]).Select(r => new Claim("roles", r)));
        var expiry = expires ?? now.AddHours(1);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = (notBefore ?? expiry.AddHours(-1)),
            NotBefore = notBefore ?? expiry.AddHours(-1),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(signingKey ?? key, SecurityAlgorithms.RsaSha256),
        });
    }

    public Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        Reads++;
        if (Down) throw new IOException($"IDX20804: Unable to retrieve document from: '{address}'.");
        return documents.TryGetValue(address, out var document) ? Task.FromResult(document) : throw new IOException($"no document at {address}");
    }
}
