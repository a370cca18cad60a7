using System.Net;
using System.Text.Json;
using ClassVisCloud.Functions.Epochs;
using ClassVisCloud.Functions.Runs;
using ClassVisCloud.Functions.Samples;
using ClassVisCloud.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ClassVisCloud.Integration.Tests.Functions;

/// <summary>The DevHost ingests uploads by itself (its sweep) and answers with the function classes' exact bytes.</summary>
public sealed class DevHostTests
{
    [Fact]
    public async Task The_DevHost_ingests_uploads_within_seconds_and_answers_byte_for_byte_like_the_functions()
    {
        await using var storage = await TestStorage.CreateAsync();
        await using var host = await DevHostProcess.StartAsync(storage);
        await storage.UploadRealRunAsync("live", ["run.json", "epoch-1.parquet", "attention/epoch-1.parquet", "epoch-2.parquet"], deliver: false);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement run;
        do
        {
            await Task.Delay(250);
            var response = await host.Client.GetAsync("api/runs/live");
            run = response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync()).RootElement : default;
        }
        while (DateTime.UtcNow < deadline && !(run.ValueKind == JsonValueKind.Object && run.GetProperty("epochs").EnumerateArray().Count(e => e.GetProperty("status").GetString() == "ok") == 2
            && run.GetProperty("epochs")[0].GetProperty("attention").ValueKind == JsonValueKind.Object && run.GetProperty("epochs")[0].GetProperty("attention").GetProperty("status").GetString() == "ok"));
        Assert.True(DateTime.UtcNow < deadline, "the DevHost did not ingest the uploads within 30 s");

        var pairs = new (string Url, Func<HttpRequest, Task<IActionResult>> Function)[]
        {
            ("api/runs", r => storage.Function<ListRuns>().Run(r, default)),
            ("api/runs/live", r => storage.Function<GetRun>().Run(r, "live", default)),
            ("api/runs/live/epochs/2/samples?split=train", r => storage.Function<GetEpochSamples>().Run(r, "live", "2", default)),
            ("api/runs/live/epochs/2/samples?format=arrow", r => storage.Function<GetEpochSamples>().Run(r, "live", "2", default)),
            ("api/runs/live/epochs/1/classes", r => storage.Function<GetEpochClasses>().Run(r, "live", "1", default)),
            ("api/runs/live/epochs/1/confusion", r => storage.Function<GetEpochConfusion>().Run(r, "live", "1", default)),
            ("api/runs/live/epochs/1/keywords?top=3", r => storage.Function<GetEpochKeywords>().Run(r, "live", "1", default)),
            ("api/runs/live/samples/f-00003", r => storage.Function<GetSampleHistory>().Run(r, "live", "f-00003", default)),
            ("api/runs/live/epochs/9/classes", r => storage.Function<GetEpochClasses>().Run(r, "live", "9", default)),
            ("api/runs/bad%20name", r => storage.Function<GetRun>().Run(r, "bad name", default)),
        };
        foreach (var (url, function) in pairs)
        {
            var query = url.Contains('?') ? url[url.IndexOf('?')..] : "";
            var expected = await FunctionCall.GetAsync(query, function);
            var response = await host.Client.GetAsync(url);
            Assert.Equal(expected.Status, (int)response.StatusCode);
            Assert.Equal(expected.Body, await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task The_DevHost_sends_answers_uncompressed_even_to_a_browser_that_accepts_brotli_where_the_functions_compress_them()
    {
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadRealRunAsync(RealRun.Name, RealRun.Files(maxEpoch: 2));
        await using var host = await DevHostProcess.StartAsync(storage);
        var url = $"api/runs/{RealRun.Name}/epochs/2/samples?split=train&format=arrow";

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br, zstd");
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);

        var functionRequest = FunctionCall.Request("split=train&format=arrow");
        functionRequest.Headers.AcceptEncoding = "gzip, deflate, br, zstd";
        var deployed = await FunctionCall.RunAsync(functionRequest, r => storage.Function<GetEpochSamples>().Run(r, RealRun.Name, "2", default));
        Assert.Equal("br", deployed.Headers.ContentEncoding.ToString());
        var plain = await FunctionCall.GetAsync("split=train&format=arrow", r => storage.Function<GetEpochSamples>().Run(r, RealRun.Name, "2", default));
        Assert.Equal(plain.Body, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_DevHost_answers_unknown_routes_and_errors_as_JSON_without_a_stack_trace()
    {
        await using var storage = await TestStorage.CreateAsync();
        await using var host = await DevHostProcess.StartAsync(storage);
        var response = await host.Client.GetAsync("api/runs/nope/epochs/abc/samples");
        Assert.Equal(400, (int)response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("epoch", json.GetProperty("detail").GetString());
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_requests_addressed_to_loopback_are_answered_the_others_get_421_with_JSON()
    {
        await using var storage = await TestStorage.CreateAsync();
        await using var server = await DevHostProcess.StartAsync(storage);
        // DNS rebinding: a page of attacker.example, its name now resolving to 127.0.0.1, still sends its own name.
        foreach (var host in new[] { "attacker.example", "attacker.example:7071", "127.0.0.1.nip.io", "localhost.", "0.0.0.0", "127.1" })
        {
            foreach (var path in new[] { "api/runs", "", "config.json" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Host = host;
                var response = await server.Client.SendAsync(request);
                Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
                var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("error").GetString()));
                Assert.Contains("localhost", json.GetProperty("detail").GetString());
            }
        }
        foreach (var host in new[] { "localhost", "LOCALHOST:1234", "127.0.0.1", "127.0.0.1:80", "[::1]", "[::1]:7071" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/runs");
            request.Headers.Host = host;
            Assert.Equal(HttpStatusCode.OK, (await server.Client.SendAsync(request)).StatusCode);
        }
    }

    [Theory]
    [InlineData("ASPNETCORE_URLS", "http://x@127.0.0.1:5999", "x@127.0.0.1")]
    [InlineData("ASPNETCORE_URLS", "http://0.0.0.0:5999", "0.0.0.0")]
    [InlineData("ASPNETCORE_URLS", "http://*:5999", "*")]
    [InlineData("ASPNETCORE_URLS", "http://+:5999", "+")]
    [InlineData("ASPNETCORE_URLS", "http://example.com:5999", "example.com")]
    [InlineData("ASPNETCORE_URLS", "http://127.0.0.1:5999;http://10.0.0.1:5998", "10.0.0.1")]
    [InlineData("ASPNETCORE_URLS", "http://127.0.0.1:5999/base", "/base")]
    [InlineData("ASPNETCORE_URLS", "https://127.0.0.1:5999", "https")]
    [InlineData("--urls", "http://x@127.0.0.1:5999", "x@127.0.0.1")]
    [InlineData("Kestrel__Endpoints__Web__Url", "http://0.0.0.0:5999", "Kestrel:Endpoints")]
    public async Task The_DevHost_refuses_to_start_on_anything_but_a_plain_loopback_address(string setting, string value, string named)
    {
        var environment = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "http://127.0.0.1:5997" };
        string[] arguments = [];
        if (setting == "--urls") arguments = [setting, value];
        else environment[setting] = value;
        var (exitCode, output) = await DevHostProcess.RunToExitAsync(environment, arguments);
        Assert.NotEqual(0, exitCode);
        Assert.Contains(named, output);
        Assert.Contains("loopback", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task A_sample_id_of_dots_is_reached_by_its_tilde_form_through_the_DevHost()
    {
        await using var storage = await TestStorage.CreateAsync();
        await using var server = await DevHostProcess.StartAsync(storage);
        string[] ids = ["..", ".", "~..", "~x", "a/b", "..."];
        var rows = ids.Select((id, i) => new Dynamics.LogitsRow(id, i % 2, i % 2 == 0 ? [0.8f, 0.2f] : [0.3f, 0.7f])).ToArray();
        await storage.UploadAsync("dots/epoch-1.parquet", await Dynamics.LogitsFile.WriteAsync(rows));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await server.Client.GetStringAsync("api/runs")).Contains("\"status\":\"ok\"") && DateTime.UtcNow < deadline) await Task.Delay(250);

        // What the dashboard sends (sampleIdSegment in src/Dashboard/src/api/endpoints.ts).
        foreach (var (id, segment) in new[] { ("..", "~.."), (".", "~."), ("~..", "~~.."), ("~x", "~x"), ("a/b", "a%2Fb"), ("...", "...") })
        {
            var response = await server.Client.GetAsync($"api/runs/dots/samples/{segment}");
            Assert.True(response.IsSuccessStatusCode, $"{segment}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var history = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(id, history.GetProperty("sampleId").GetString());
            Assert.Equal(Array.IndexOf(ids, id) % 2, history.GetProperty("label").GetInt32());
        }
    }
}
