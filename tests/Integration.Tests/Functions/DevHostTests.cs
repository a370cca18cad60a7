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
}
