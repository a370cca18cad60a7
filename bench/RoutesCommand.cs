using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClassVisCloud.RunGenerator;

namespace ClassVisCloud.Bench;

/// <summary>
/// <c>routes [--shapes 1000000x70x3,50000x1000x3] [--requests 10] [--dir PATH]</c>: the routes of the dashboard's first view of a run's
/// newest epoch, as a user meets them. Per shape (samples × classes × epochs) the run generator writes a run (kept in
/// DIR/generated-SHAPE and reused, as scripts/e2e-host.sh does), it is uploaded at once to the built DevHost on Azurite, and once
/// every epoch's ingest is recorded (the record is written after the newest epoch is prepared) each route is asked, for every
/// split: cold (the first request after the ingest), warm (the median of the next requests) and revalidated (If-None-Match, 304),
/// with the bytes on the wire (brotli, as a browser asks). Build first: dotnet build src/DevHost -c Release.
/// </summary>
internal static class RoutesCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchOptions(args);
        var shapes = options.Get("shapes", "1000000x70x3,50000x1000x3").Split(',');
        var requests = options.GetInt("requests", 10);
        var dir = options.Get("dir", Path.Combine(Path.GetTempPath(), "classviscloud-bench"));

        await using var bench = BenchStorage.Create(Guid.NewGuid().ToString("N")[..8]);
        await bench.Storage.Container.CreateIfNotExistsAsync();
        // Compressed as the Functions app compresses (the DevHost alone sends answers uncompressed to its loopback clients):
        // the wire figures are brotli, as a deployed browser gets them.
        await using var host = await DevHostServer.StartAsync(bench.Options, settings: new Dictionary<string, string> { ["CompressAnswers"] = "true" });
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br");
        // The bench's own reads (run detail, ingests) decompressed: at 1,000 classes they are large enough to come in brotli.
        using var reader = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = host.BaseAddress };
        Console.WriteLine($"{"run",-20} {"split",-11} {"route",-62} {"cold ms",8} {"warm ms",8} {"304 ms",7} {"wire KB",9}");
        foreach (var shape in shapes)
        {
            var spec = Parse(shape);
            var folder = Path.Combine(dir, $"generated-{shape}");
            if (!File.Exists(Path.Combine(folder, "run.json"))) await new RunWriter(spec).WriteFolderAsync(folder);
            var run = $"routes-{spec.Samples}x{spec.Classes}";
            var epochs = await UploadAndWaitAsync(bench, reader, folder, run);
            var newest = epochs[^1];
            var detail = await reader.GetFromJsonAsync<JsonElement>($"api/runs/{run}");
            foreach (var split in detail.GetProperty("splits").EnumerateArray().Select(s => s.GetString()!))
                foreach (var route in FirstView(run, split, newest, epochs.Length > 1 ? epochs[^2] : null))
                    await MeasureAsync(client, requests, run, split, route);
        }
        return 0;
    }

    static RunSpec Parse(string shape)
    {
        var parts = shape.Split('x').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        if (parts.Length != 3) throw new ArgumentException($"--shapes: '{shape}' is not SAMPLESxCLASSESxEPOCHS");
        return new RunSpec { Samples = parts[0], Classes = parts[1], Epochs = parts[2] };
    }

    /// <summary>What the dashboard asks for when it opens the run at its newest epoch (src/Dashboard/src/app), and the per-epoch routes beside them.</summary>
    static IEnumerable<string> FirstView(string run, string split, long epoch, long? previous)
    {
        var s = Uri.EscapeDataString(split);
        yield return $"api/runs/{run}";
        yield return $"api/runs/{run}/epochs/{epoch}/samples?split={s}&format=arrow";
        if (previous is { } before) yield return $"api/runs/{run}/epochs/{before}/samples?split={s}&format=arrow";
        yield return $"api/runs/{run}/epochs/{epoch}/dynamics?split={s}&format=arrow&columns=sampleId,confidence,variability,correctness,forgettings,firstLearned,aum,suspect";
        yield return $"api/runs/{run}/epochs/{epoch}/suspects?split={s}&limit=100";
        yield return $"api/runs/{run}/confusion-over-time?split={s}&top=1000";
        yield return $"api/runs/{run}/confusion-over-time?split={s}&top=20";
        yield return $"api/runs/{run}/epochs/{epoch}/classes?split={s}";
        yield return $"api/runs/{run}/epochs/{epoch}/confusion?split={s}";
    }

    /// <summary>Uploads the folder's files at once, as a training script that caught up would; returns the epochs once every one's ingest is recorded.</summary>
    static async Task<long[]> UploadAndWaitAsync(BenchStorage bench, HttpClient client, string folder, string run)
    {
        var files = Directory.GetFiles(folder).Where(f => f.EndsWith(".parquet", StringComparison.Ordinal) || f.EndsWith("run.json", StringComparison.Ordinal)).Order().ToList();
        foreach (var file in files)
        {
            await using var content = File.OpenRead(file);
            await bench.Storage.Container.GetBlobClient($"{run}/{Path.GetFileName(file)}").UploadAsync(content, overwrite: true);
        }
        var expected = files.Count(f => f.EndsWith(".parquet", StringComparison.Ordinal));
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(20))
        {
            var ingests = (await client.GetFromJsonAsync<JsonElement>($"api/ingests?run={run}&limit=1000")).GetProperty("ingests").EnumerateArray()
                .Where(r => r.GetProperty("epoch").ValueKind == JsonValueKind.Number && !r.GetProperty("blob").GetString()!.Contains("/attention/", StringComparison.Ordinal)).ToList();
            if (ingests.Any(r => r.GetProperty("outcome").GetString() is "rejected"))
                throw new InvalidOperationException($"an epoch of {run} was rejected: {string.Join("; ", ingests.Select(r => r.GetProperty("reason")))}");
            var done = ingests.Where(r => r.GetProperty("outcome").GetString() == "ingested").Select(r => r.GetProperty("epoch").GetInt64()).Distinct().Order().ToArray();
            if (done.Length == expected)
            {
                Console.WriteLine($"{run}: {expected} epochs uploaded and ingested (prepared) in {watch.Elapsed.TotalSeconds:F0} s");
                return done;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{run} was not ingested within 20 minutes");
    }

    static async Task MeasureAsync(HttpClient client, int requests, string run, string split, string route)
    {
        var (cold, wire, etag) = await GetAsync(client, route, null);
        var warm = new List<double>();
        for (var i = 0; i < requests; i++) warm.Add((await GetAsync(client, route, null)).Milliseconds);
        var revalidated = etag is null ? double.NaN : (await GetAsync(client, route, etag)).Milliseconds;
        warm.Sort();
        var name = route[(route.IndexOf($"/{run}", StringComparison.Ordinal) + run.Length + 1)..] is { Length: > 0 } path ? path : "(run detail)";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{run,-20} {split,-11} {(name.Length > 62 ? name[..61] + "…" : name),-62} {cold,8:F0} {warm[warm.Count / 2],8:F0} {(double.IsNaN(revalidated) ? "-" : revalidated.ToString("F0", CultureInfo.InvariantCulture)),7} {wire / 1024.0,9:F0}"));
    }

    static async Task<(double Milliseconds, long Wire, string? ETag)> GetAsync(HttpClient client, string route, string? ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, route);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        var watch = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotModified)
            throw new InvalidOperationException($"{route}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes)}");
        return (watch.Elapsed.TotalMilliseconds, bytes.Length, response.Headers.ETag?.ToString());
    }
}
