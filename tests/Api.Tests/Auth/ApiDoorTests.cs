using System.Security.Cryptography;
using System.Text.Json;
using ClassVisCloud.Api.Auth;
using Microsoft.IdentityModel.Tokens;

namespace ClassVisCloud.Api.Tests.Auth;

public sealed class ApiDoorTests
{
    readonly TestAuthority authority = new();

    static (int Status, string Error, string Detail) Refusal(AccessDecision decision)
    {
        Assert.False(decision.Allowed);
        var body = JsonDocument.Parse(decision.Denial!.Body).RootElement;
        Assert.Equal("application/json; charset=utf-8", decision.Denial.ContentType);
        Assert.Equal(["error", "detail"], body.EnumerateObject().Select(p => p.Name));
        return (decision.Denial.Status, body.GetProperty("error").GetString()!, body.GetProperty("detail").GetString()!);
    }

    [Fact]
    public async Task A_valid_token_with_the_role_is_let_in_as_its_user()
    {
        var decision = await authority.Door().DecideAsync("Bearer " + authority.Token(), null, default);
        Assert.True(decision.Allowed);
        Assert.Equal("Ada Lovelace", decision.Principal!.Identity!.Name);
        Assert.True(decision.Principal.IsInRole(ApiAuthOptions.DefaultRole));
    }

    [Fact]
    public async Task A_token_for_the_client_id_audience_is_let_in_too()
    {
        Assert.True((await authority.Door().DecideAsync("Bearer " + authority.Token(audience: "classviscloud-test-client-id"), null, default)).Allowed);
    }

    [Fact]
    public async Task An_expired_token_is_401_saying_it_expired()
    {
        var decision = await authority.Door().DecideAsync("Bearer " + authority.Token(expires: DateTime.UtcNow.AddMinutes(-5)), null, default);
        var (status, error, detail) = Refusal(decision);
        Assert.Equal((401, "unauthorized"), (status, error));
        Assert.Contains("expired", detail);
        Assert.StartsWith("Bearer realm=\"ClassVisCloud\", error=\"invalid_token\"", decision.Challenge);
    }

    [Fact]
    public async Task A_token_not_yet_valid_is_401()
    {
        var (status, _, detail) = Refusal(await authority.Door().DecideAsync("Bearer " + authority.Token(notBefore: DateTime.UtcNow.AddMinutes(10), expires: DateTime.UtcNow.AddHours(1)), null, default));
        Assert.Equal(401, status);
        Assert.Contains("not valid before", detail);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_401_naming_the_audience()
    {
        var (status, _, detail) = Refusal(await authority.Door().DecideAsync("Bearer " + authority.Token(audience: "api://some-other-api"), null, default));
        Assert.Equal(401, status);
        Assert.Contains("audience", detail);
    }

    [Fact]
    public async Task A_token_of_another_issuer_is_401_naming_the_issuer()
    {
        var (status, _, detail) = Refusal(await authority.Door().DecideAsync("Bearer " + authority.Token(issuer: "https://login.test.example/other-tenant/v2.0"), null, default));
        Assert.Equal(401, status);
        Assert.Contains("another authority (iss)", detail);
    }

    [Fact]
    public async Task A_token_signed_with_a_key_the_authority_does_not_publish_is_401()
    {
        var stranger = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "not-published" };
        var (status, _, detail) = Refusal(await authority.Door().DecideAsync("Bearer " + authority.Token(signingKey: stranger), null, default));
        Assert.Equal(401, status);
        Assert.Contains("key the authority does not publish", detail);
    }

    [Fact]
    public async Task A_token_whose_payload_was_changed_after_signing_is_401()
    {
        var parts = authority.Token(roles: ["Reader.None"]).Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("Reader.None", ApiAuthOptions.DefaultRole);
        var forged = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
        var (status, _, detail) = Refusal(await authority.Door().DecideAsync("Bearer " + forged, null, default));
        Assert.Equal(401, status);
        Assert.Contains("signature", detail);
    }

    [Fact]
    public async Task An_unsigned_token_is_401()
    {
        var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        var payload = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { iss = TestAuthority.Issuer, aud = TestAuthority.Audience, exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(), roles = new[] { ApiAuthOptions.DefaultRole } }));
        Assert.Equal(401, Refusal(await authority.Door().DecideAsync($"Bearer {header}.{payload}.", null, default)).Status);
    }

    [Fact]
    public async Task A_valid_token_without_the_app_role_is_403_naming_the_role()
    {
        var (status, error, detail) = Refusal(await authority.Door().DecideAsync("Bearer " + authority.Token(roles: ["Something.Else"]), null, default));
        Assert.Equal((403, "forbidden"), (status, error));
        Assert.Contains("'ClassVisCloud.Read'", detail);
    }

    [Fact]
    public async Task The_required_role_is_a_setting()
    {
        var door = authority.Door(authority.Options(role: "Team.Readers"));
        Assert.True((await door.DecideAsync("Bearer " + authority.Token(roles: ["Team.Readers"]), null, default)).Allowed);
        Assert.Equal(403, Refusal(await door.DecideAsync("Bearer " + authority.Token(), null, default)).Status);
    }

    [Theory]
    [InlineData(null, "sign in")]
    [InlineData("Basic dXNlcjpwYXNz", "is not 'Bearer <token>'")]
    [InlineData("Bearer ", "is not 'Bearer <token>'")]
    [InlineData("Bearer not-a-jwt", "not a JSON Web Token")]
    public async Task Without_a_usable_bearer_token_entra_mode_is_401_saying_what_to_send(string? authorization, string expected)
    {
        var decision = await authority.Door().DecideAsync(authorization, null, default);
        var (status, _, detail) = Refusal(decision);
        Assert.Equal(401, status);
        Assert.Contains(expected, detail);
        Assert.StartsWith("Bearer realm=\"ClassVisCloud\"", decision.Challenge);
    }

    [Fact]
    public async Task The_authority_s_documents_are_read_once_for_many_tokens()
    {
        var door = authority.Door();
        for (var i = 0; i < 5; i++) Assert.True((await door.DecideAsync("Bearer " + authority.Token(), null, default)).Allowed);
        Assert.Equal(2, authority.Reads); // the metadata and its JWKS
    }

    [Fact]
    public async Task An_unreachable_authority_is_503_not_a_refusal_of_the_caller()
    {
        authority.Down = true;
        var (status, error, detail) = Refusal(await authority.Door().DecideAsync("Bearer " + authority.Token(), null, default));
        Assert.Equal((503, "sign-in unavailable"), (status, error));
        Assert.Contains("could not be read", detail);
    }

    [Fact]
    public async Task In_entra_mode_a_key_is_accepted_only_when_keys_are_set()
    {
        Assert.Equal(401, Refusal(await authority.Door().DecideAsync(null, "script-key", default)).Status);
        var door = authority.Door(authority.Options(ApiAuthOptions.DefaultRole, "script-key"));
        Assert.True((await door.DecideAsync(null, "script-key", default)).Allowed);
        Assert.Equal(401, Refusal(await door.DecideAsync(null, "wrong-key", default)).Status);
    }

    [Fact]
    public async Task Key_mode_lets_in_a_listed_key_and_nothing_else()
    {
        var door = new ApiDoor(new ApiAuthOptions { Mode = ApiAuthMode.Key, KeySha256 = [ApiAuthOptions.Hash("old-key"), ApiAuthOptions.Hash("new-key")] }, null);
        Assert.True((await door.DecideAsync(null, "old-key", default)).Allowed);
        Assert.True((await door.DecideAsync(null, "new-key", default)).Allowed);
        var (status, _, detail) = Refusal(await door.DecideAsync(null, "new-key ", default));
        Assert.Equal(401, status);
        Assert.Contains("the key was refused", detail);
        Assert.Contains("x-functions-key header or the code query parameter", Refusal(await door.DecideAsync(null, null, default)).Detail);
        // A bearer token is no key.
        Assert.Equal(401, Refusal(await door.DecideAsync("Bearer " + authority.Token(), null, default)).Status);
    }

    [Fact]
    public async Task A_key_s_principal_names_it_by_a_prefix_of_its_hash_only()
    {
        var door = new ApiDoor(new ApiAuthOptions { Mode = ApiAuthMode.Key, KeySha256 = [ApiAuthOptions.Hash("k")] }, null);
        var principal = (await door.DecideAsync(null, "k", default)).Principal!;
        Assert.Equal(ApiAuthOptions.Hash("k")[..8], principal.FindFirst("keyId")!.Value);
    }

    [Fact]
    public async Task None_mode_lets_everything_in()
    {
        Assert.True((await new ApiDoor(new ApiAuthOptions { Mode = ApiAuthMode.None }, null).DecideAsync(null, null, default)).Allowed);
    }

    [Fact]
    public async Task A_refusing_door_answers_500_with_the_reason_whatever_is_sent()
    {
        var door = ApiDoor.Refusing("Auth:Mode is not set");
        var (status, error, detail) = Refusal(await door.DecideAsync("Bearer " + authority.Token(), "k", default));
        Assert.Equal((500, "sign-in misconfigured", "Auth:Mode is not set"), (status, error, detail));
    }
}
