using ClassVisCloud.Api.Auth;
using Microsoft.Extensions.Configuration;

namespace ClassVisCloud.Api.Tests.Auth;

public sealed class ApiAuthOptionsTests
{
    static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>("Auth:" + v.Key, v.Value))).Build();

    static string Refused(IConfiguration configuration, ApiAuthMode? defaultMode = null) =>
        Assert.Throws<ApiAuthSettingsException>(() => ApiAuthOptions.Read(configuration, defaultMode)).Message;

    static readonly string Hash = ApiAuthOptions.Hash("a-key");

    [Fact]
    public void Without_a_mode_the_default_applies_or_nothing_is_served()
    {
        Assert.Equal(ApiAuthMode.None, ApiAuthOptions.Read(Settings(), ApiAuthMode.None).Mode);
        Assert.Contains("Auth__Mode) is not set", Refused(Settings()));
    }

    [Theory]
    [InlineData("open")]
    [InlineData("1")]
    [InlineData("entra key")]
    public void An_unknown_mode_is_refused_by_name(string mode) =>
        Assert.Contains($"Auth:Mode is '{mode}'", Refused(Settings(("Mode", mode))));

    [Fact]
    public void Key_mode_reads_hashes_separated_by_semicolons_or_commas_in_any_case()
    {
        var options = ApiAuthOptions.Read(Settings(("Mode", "Key"), ("KeySha256", $"{Hash.ToUpperInvariant()}; {ApiAuthOptions.Hash("b")},")), null);
        Assert.Equal([Hash, ApiAuthOptions.Hash("b")], options.KeySha256);
    }

    [Fact]
    public void Key_mode_without_a_hash_is_refused() =>
        Assert.Contains("Auth:KeySha256 is empty", Refused(Settings(("Mode", "key"))));

    [Fact]
    public void A_key_where_a_hash_belongs_is_refused_without_repeating_a_long_secret()
    {
        Assert.Contains("not a SHA-256 digest", Refused(Settings(("Mode", "key"), ("KeySha256", "my-plain-key"))));
    }

    [Fact]
    public void Entra_mode_reads_its_authority_audiences_and_role()
    {
        var options = ApiAuthOptions.Read(Settings(("Mode", "entra"), ("Authority", "https://login.microsoftonline.com/t1/v2.0/"),
            ("Audience", "api://app;00000000-0000-0000-0000-000000000001"), ("Role", "Team.Read")), null);
        Assert.Equal(["api://app", "00000000-0000-0000-0000-000000000001"], options.Audiences);
        Assert.Equal("Team.Read", options.Role);
        Assert.Equal("https://login.microsoftonline.com/t1/v2.0/.well-known/openid-configuration", options.MetadataUri.AbsoluteUri);
        Assert.False(options.AcceptsKeys);
    }

    [Fact]
    public void The_role_defaults_to_ClassVisCloud_Read() =>
        Assert.Equal("ClassVisCloud.Read", ApiAuthOptions.Read(Settings(("Mode", "entra"), ("Authority", "https://a.example/t"), ("Audience", "api://x")), null).Role);

    [Fact]
    public void Entra_mode_without_authority_or_audience_is_refused_by_name()
    {
        Assert.Contains("Auth:Authority is not set", Refused(Settings(("Mode", "entra"), ("Audience", "api://x"))));
        Assert.Contains("Auth:Audience is not set", Refused(Settings(("Mode", "entra"), ("Authority", "https://a.example/t"))));
        Assert.Contains("not an absolute http(s) URL", Refused(Settings(("Mode", "entra"), ("Authority", "login.example/t"), ("Audience", "api://x"))));
    }

    [Fact]
    public void Plain_HTTP_metadata_is_allowed_on_loopback_only()
    {
        Assert.Contains("is not HTTPS", Refused(Settings(("Mode", "entra"), ("Authority", "http://login.example/t"), ("Audience", "api://x"))));
        Assert.Contains("is not HTTPS", Refused(Settings(("Mode", "entra"), ("Authority", "https://login.example/t"), ("MetadataAddress", "http://login.example/m"), ("Audience", "api://x"))));
        var local = ApiAuthOptions.Read(Settings(("Mode", "entra"), ("Authority", "https://127.0.0.1:4443/stub"), ("MetadataAddress", "http://127.0.0.1:4080/stub/.well-known/openid-configuration"), ("Audience", "api://x")), null);
        Assert.Equal("http://127.0.0.1:4080/stub/.well-known/openid-configuration", local.MetadataUri.AbsoluteUri);
    }

    [Fact]
    public void The_hash_of_a_key_is_what_sha256sum_prints() =>
        Assert.Equal("2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", ApiAuthOptions.Hash("foo"));
}
