using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace ClassVisCloud.Integration.Tests.Infrastructure;

/// <summary>
/// The test sign-in authority (tests/auth-stub/authority.mjs, also used by the dashboard's Chromium test) in a Node
/// process: OpenID metadata and JWKS of a key made at its start, and access tokens minted on request.
/// </summary>
public sealed class AuthorityStub : IAsyncDisposable
{
    public const string Audience = "api://cvc-api-test";

    readonly Process process;
    readonly HttpClient http = new();

    public string Authority { get; }
    public string Metadata { get; }
    readonly string plainBase;

    AuthorityStub(Process process, JsonElement started)
    {
        this.process = process;
        Authority = started.GetProperty("authority").GetString()!;
        Metadata = started.GetProperty("metadata").GetString()!;
        plainBase = started.GetProperty("http").GetString()!;
    }

    public static async Task<AuthorityStub> StartAsync()
    {
        var script = Path.Combine(BuildOutput.RepoRoot, "tests", "auth-stub", "authority.mjs");
        var process = Process.Start(new ProcessStartInfo("node", [script, "--audience", Audience]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null)
            throw new InvalidOperationException($"The authority stub did not start: {await process.StandardError.ReadToEndAsync()}");
        return new AuthorityStub(process, JsonDocument.Parse(line).RootElement);
    }

    /// <summary>The DevHost's settings to trust this authority.</summary>
    public Dictionary<string, string> EntraSettings(string role = "ClassVisCloud.Read") => new()
    {
        ["Auth__Mode"] = "entra",
        ["Auth__Authority"] = Authority,
        ["Auth__MetadataAddress"] = Metadata,
        ["Auth__Audience"] = Audience,
        ["Auth__Role"] = role,
    };

    /// <summary>An access token: "ok", "expired", "wrong-audience", "wrong-issuer" or "no-role".</summary>
    public async Task<string> MintAsync(string kind) =>
        (await http.GetFromJsonAsync<JsonElement>($"{plainBase}/stub/mint?kind={kind}")).GetProperty("token").GetString()!;

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
