using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ClassVisCloud.Api.Auth;
using ClassVisCloud.Integration.Tests.Infrastructure;

namespace ClassVisCloud.Integration.Tests.Functions;

/// <summary>
/// The API's door through the real DevHost process, in its key and entra test configurations: what Azure's Functions
/// app runs too (the same ApiDoor behind a worker middleware), tested over HTTP without a tenant.
/// </summary>
public sealed class DevHostSignInTests
{
    const string Key = "test-key-0123456789abcdef";

    static async Task<(HttpStatusCode Status, string Error, string Detail)> Answer(HttpResponseMessage response)
    {
        var body = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync()).RootElement;
        return (response.StatusCode, body.TryGetProperty("error", out var e) ? e.GetString()! : "", body.TryGetProperty("detail", out var d) ? d.GetString()! : "");
    }

    static Dictionary<string, string> KeySettings() => new() { ["Auth__Mode"] = "key", ["Auth__KeySha256"] = ApiAuthOptions.Hash(Key) };

    [Fact]
    public async Task In_key_mode_the_key_is_taken_as_the_header_or_as_the_code_query_parameter_and_nothing_else_gets_in()
    {
        await using var storage = await TestStorage.CreateAsync();
        await using var host = await DevHostProcess.StartAsync(storage, KeySettings(), signedIn: true);

        var header = new HttpRequestMessage(HttpMethod.Get, "api/runs");
        header.Headers.Add("x-functions-key", Key);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(header)).StatusCode);
        // What Power BI's Web.Contents sends with ApiKeyName="code"; query values are URL-decoded first.
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync($"api/runs?code={Uri.EscapeDataString(Key)}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync($"api/ingests?limit=5&code={Key}")).StatusCode);

        var (status, error, detail) = await Answer(await host.Client.GetAsync("api/runs"));
        Assert.Equal((HttpStatusCode.Unauthorized, "unauthorized"), (status, error));
        Assert.Contains("x-functions-key header or the code query parameter", detail);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Answer(await host.Client.GetAsync("api/runs?code=wrong"))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Answer(await host.Client.GetAsync("api/runs/any-run/epochs/1/classes?code=" + Key[..^1]))).Status);
        // Routes that do not exist are refused the same way: nothing about the API is told without the key.
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync("api/no-such-route")).StatusCode);
        // The dashboard's files hold no data and stay public, so the key prompt can load.
        Assert.NotEqual(HttpStatusCode.Unauthorized, (await host.Client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task In_key_mode_a_POST_with_the_code_parameter_reaches_the_route()
    {
        await using var storage = await TestStorage.CreateAsync();
        await using var host = await DevHostProcess.StartAsync(storage, KeySettings(), signedIn: true);
        var response = await host.Client.PostAsync($"api/runs/nothing-here/epochs/1/scores?code={Key}", new StringContent("{\"sampleIds\":[\"a\"]}"));
        Assert.Equal(HttpStatusCode.NotFound, (await Answer(response)).Status);
    }

    [Theory]
    [InlineData("Auth__Mode", "open", "Auth:Mode is 'open'")]
    [InlineData("Auth__Mode", "key", "Auth:KeySha256 is empty")]
    [InlineData("Auth__Mode", "entra", "Auth:Authority is not set")]
    public async Task Sign_in_settings_that_cannot_work_stop_the_DevHost_with_a_message(string name, string value, string message)
    {
        var (exitCode, output) = await DevHostProcess.RunToExitAsync(new Dictionary<string, string> { [name] = value, ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" });
        Assert.Equal(2, exitCode);
        Assert.Contains(message, output);
    }

    [Fact]
    public async Task In_entra_mode_tokens_of_the_authority_are_checked_and_the_app_role_is_required()
    {
        await using var stub = await AuthorityStub.StartAsync();
        await using var storage = await TestStorage.CreateAsync();
        await using var host = await DevHostProcess.StartAsync(storage, stub.EntraSettings(), signedIn: true);

        async Task<(HttpStatusCode Status, string Error, string Detail)> With(string? token)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "api/runs");
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await Answer(await host.Client.SendAsync(request));
        }

        Assert.Equal(HttpStatusCode.OK, (await With(await stub.MintAsync("ok"))).Status);
        Assert.Equal((HttpStatusCode.Forbidden, "forbidden"), (await With(await stub.MintAsync("no-role"))) is var f ? (f.Status, f.Error) : default);
        Assert.Contains("expired", (await With(await stub.MintAsync("expired"))).Detail);
        Assert.Contains("audience", (await With(await stub.MintAsync("wrong-audience"))).Detail);
        Assert.Contains("another authority", (await With(await stub.MintAsync("wrong-issuer"))).Detail);
        Assert.Equal(HttpStatusCode.Unauthorized, (await With(null)).Status);

        var challenged = await host.Client.GetAsync("api/runs");
        Assert.Equal("Bearer realm=\"ClassVisCloud\"", challenged.Headers.WwwAuthenticate.ToString());
        // No key is accepted in entra mode unless keys are set.
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync($"api/runs?code={Key}")).StatusCode);
    }
}
