using System.Diagnostics;
using System.Text.Json;
using ClassVisCloud.Analytics.Ingest;
using ClassVisCloud.Analytics.Storage;
using ClassVisCloud.Integration.Tests.Infrastructure;
using ClassVisCloud.RunGenerator;
using Xunit.Abstractions;

namespace ClassVisCloud.Integration.Tests.Ingest;

/// <summary>
/// Faults from outside, on the real DevHost: killed mid-ingest and restarted, its work is taken over within a
/// minute with the exact result; a file that brings it down every time ends rejected, saying so.
/// </summary>
public sealed class IngestFaultTests(ITestOutputHelper output)
{
    /// <summary>Large enough that its ingest takes seconds on a small machine.</summary>
    const int LargeSamples = 300_000;

    static async Task<JsonElement> GetJsonAsync(HttpClient client, string path) =>
        JsonDocument.Parse(await client.GetStringAsync(path)).RootElement;

    static int Samples(JsonElement epoch) =>
        epoch.GetProperty("splits").EnumerateObject().Sum(s => s.Value.GetProperty("samples").GetInt32());

    static async Task<string> ETagAsync(TestStorage storage, string blob) =>
        (await storage.Container.GetBlobClient(blob).GetPropertiesAsync()).Value.ETag.ToString();

    [Fact]
    public async Task A_DevHost_killed_mid_ingest_of_a_large_replacement_is_taken_over_after_a_restart_within_60_seconds()
    {
        const string run = "killed", blob = "killed/epoch-1.parquet";
        await using var storage = await TestStorage.CreateAsync();
        await storage.UploadAndDeliverAsync(blob, RealRun.Read("epoch-1.parquet"));
        var small = (await storage.Storage.Epochs.GetAsync(run, 1))!;
        var smallSamples = small.Splits.Sum(s => s.Samples);
        var large = new MemoryStream();
        await new RunWriter(new RunSpec { Samples = LargeSamples, Classes = 20, Epochs = 1, Seed = 11 }).WritePredictionsAsync(large, 1);

        var host = await DevHostProcess.StartAsync(storage);
        Stopwatch sinceKill;
        try
        {
            await storage.UploadAsync(blob, large.ToArray());
            var etag = await ETagAsync(storage, blob);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((await storage.Get<IngestLedger>().GetStateAsync(blob, etag))?.State != IngestState.Processing)
            {
                Assert.True(DateTime.UtcNow < deadline, "the DevHost did not claim the upload within 30 s");
                await Task.Delay(100);
            }
            await Task.Delay(1000);
            host.Kill();
            sinceKill = Stopwatch.StartNew();
        }
        finally
        {
            await host.DisposeAsync();
        }
        // The kill came before the pointer flip (else this test proves nothing): readers still get the small version.
        Assert.Equal(small.Version, (await storage.Storage.Epochs.GetAsync(run, 1))!.Version);

        await using var restarted = await DevHostProcess.StartAsync(storage);
        var seen = new HashSet<int>();
        JsonElement epoch;
        do
        {
            Assert.True(sinceKill.Elapsed < TimeSpan.FromSeconds(60), $"not served within 60 s of the kill; samples seen: {string.Join(", ", seen)}\n{restarted.Output}");
            await Task.Delay(250);
            epoch = (await GetJsonAsync(restarted.Client, $"api/runs/{run}")).GetProperty("epochs")[0];
            seen.Add(Samples(epoch));
        }
        while (!(epoch.GetProperty("status").GetString() == "ok" && Samples(epoch) == LargeSamples));
        var served = sinceKill.Elapsed;
        // The outcome is recorded just after the pointer flip.
        var largeETag = await ETagAsync(storage, blob);
        while ((await storage.Get<IngestLedger>().GetStateAsync(blob, largeETag))?.State.IsFinal() != true) await Task.Delay(100);
        var record = (await storage.Get<IngestLedger>().GetAsync(blob, largeETag))!;
        output.WriteLine($"The epoch of {LargeSamples} samples was served {served.TotalSeconds:F1} s after the kill "
            + $"(the ingest that took over took {record.Milliseconds / 1000.0:F1} s)");

        // Readers saw the old version or the new one, never a mix; and nothing was left of the old one.
        Assert.Subset(new HashSet<int> { smallSamples, LargeSamples }, seen);
        Assert.Equal(IngestState.Ingested, record.State);
        Assert.Equal(LargeSamples, record.Samples);
        Assert.True(record.Interruptions == 1 && record.Attempts == 2,
            $"{record.Attempts} attempts, {record.Interruptions} interrupted\n{restarted.Output}");
        var snapshot = await TableSnapshot.TakeAsync(storage.Storage);
        Assert.DoesNotContain(snapshot, line => line.Contains(small.Version!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_that_brings_the_DevHost_down_every_time_ends_rejected_after_three_interruptions()
    {
        const string run = "crashy", blob = "crashy/epoch-2.parquet";
        await using var storage = await TestStorage.CreateAsync();
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Testing__ExitOnIngestOf"] = @"\Acrashy/epoch-2\.parquet\z",
            ["IngestLeaseSeconds"] = "3",
        };
        await storage.UploadAsync("crashy/epoch-1.parquet", RealRun.Read("epoch-1.parquet"));
        await storage.UploadAsync(blob, RealRun.Read("epoch-2.parquet"));
        var etag = await ETagAsync(storage, blob);

        var crashes = 0;
        for (var start = 0; start < IngestLedger.MaxInterruptions + 3; start++)
        {
            await using var host = DevHostProcess.Launch(storage, settings);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!host.HasExited && (await storage.Get<IngestLedger>().GetStateAsync(blob, etag))?.State.IsFinal() != true)
            {
                Assert.True(DateTime.UtcNow < deadline, $"the DevHost neither went down nor settled the file within 60 s\n{host.Output}");
                await Task.Delay(200);
            }
            if (!host.HasExited) break;
            Assert.Equal(137, await host.WaitForExitAsync(TimeSpan.FromSeconds(5)));
            crashes++;
        }

        Assert.Equal(IngestLedger.MaxInterruptions, crashes);
        var record = (await storage.Get<IngestLedger>().GetAsync(blob, etag))!;
        Assert.Equal(IngestState.Rejected, record.State);
        Assert.Contains("interrupted 3 times", record.Reason);
        var epochs = await storage.Storage.Epochs.ListAsync(run);
        Assert.Equal([EpochStatus.Ok, EpochStatus.Failed], epochs.Select(e => e.Status));
        Assert.Contains("interrupted 3 times", epochs[1].Error);
        Assert.Equal(0, await storage.Get<ContainerSweeper>().SweepAsync());
    }
}
