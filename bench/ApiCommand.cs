using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using ClassVisCloud.Analytics.Ingest;
using ClassVisCloud.RunGenerator;
using Microsoft.Extensions.DependencyInjection;

namespace ClassVisCloud.Bench;

/// <summary>
/// <c>api [--samples 100000] [--classes 70] [--epochs 200] [--requests 30] [--devhost PATH]</c>: ingests an epoch of samples × classes
/// and a run of 200 small epochs into Azurite, starts the DevHost (Release) over them, and prints the median and
/// p95 latency and the bytes on the wire (brotli, as a browser asks) of the samples route (JSON and Arrow), the run
/// summary and the scores route for 5,000 samples. Build first: dotnet build src/DevHost -c Release (or name another
/// build's ClassVisCloud.DevHost.dll with --devhost, to compare).
/// </summary>
internal static class ApiCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchOptions(args);
        var samples = options.GetInt("samples", 100_000);
        var classes = options.GetInt("classes", 70);
        var epochs = options.GetInt("epochs", 200);
        var requests = options.GetInt("requests", 30);
        var devHost = options.Get("devhost", "");
        await using var bench = BenchStorage.Create(Guid.NewGuid().ToString("N")[..8]);
        var ingestor = bench.Services.GetRequiredService<BlobIngestor>();

        Console.WriteLine($"Ingesting {samples:N0} × {classes} (run 'big') and {epochs} epochs of 500 × 10 (run 'long')...");
        var big = new RunWriter(new RunSpec { Samples = samples, Classes = classes, Epochs = 1, Seed = 3 });
        await UploadAndIngestAsync(bench, ingestor, "big/epoch-1.parquet", s => big.WritePredictionsAsync(s, 1));
        var small = new RunWriter(new RunSpec { Samples = 500, Classes = 10, Epochs = epochs, Seed = 4 });
        await Parallel.ForEachAsync(Enumerable.Range(1, epochs), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (e, _) =>
            await UploadAndIngestAsync(bench, ingestor, $"long/epoch-{e}.parquet", s => small.WritePredictionsAsync(s, e)));

        await using var host = await DevHostServer.StartAsync(bench.Options, devHost.Length > 0 ? devHost : null);
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br");
        var ids = await SampleIdsAsync(client, 5000);
        var scoresBody = JsonSerializer.Serialize(new { split = "train", sampleIds = ids });

        Console.WriteLine($"{"route",-44} {"median ms",10} {"p95 ms",8} {"wire KB",9} {"body KB",9}");
        await MeasureAsync(client, requests, "run summary, 200 epochs", () => new HttpRequestMessage(HttpMethod.Get, "api/runs/long"));
        await MeasureAsync(client, requests, $"samples {samples:N0} JSON", () => new HttpRequestMessage(HttpMethod.Get, "api/runs/big/epochs/1/samples?split=train"));
        await MeasureAsync(client, requests, $"samples {samples:N0} Arrow", () => new HttpRequestMessage(HttpMethod.Get, "api/runs/big/epochs/1/samples?split=train&format=arrow"));
        await MeasureAsync(client, requests, "scores for 5,000 samples", () => new HttpRequestMessage(HttpMethod.Post, "api/runs/big/epochs/1/scores")
        {
            Content = new StringContent(scoresBody, Encoding.UTF8, "application/json"),
        });
        return 0;
    }

    static async Task UploadAndIngestAsync(BenchStorage bench, BlobIngestor ingestor, string blob, Func<Stream, Task> write)
    {
        var buffer = new MemoryStream();
        await write(buffer);
        await bench.Storage.Container.GetBlobClient(blob).UploadAsync(new BinaryData(buffer.ToArray()), overwrite: true);
        var record = await ingestor.IngestAsync(blob);
        if (record?.State != IngestState.Ingested) throw new InvalidOperationException($"{blob}: {record?.Outcome} {record?.Reason}");
    }

    static async Task<string[]> SampleIdsAsync(HttpClient client, int count)
    {
        using var plain = new HttpClient { BaseAddress = client.BaseAddress };
        var json = JsonDocument.Parse(await plain.GetStringAsync("api/runs/big/epochs/1/samples?split=train")).RootElement;
        var all = json.GetProperty("sampleId").EnumerateArray().Select(x => x.GetString()!).ToArray();
        var random = new Random(1);
        return [.. all.OrderBy(_ => random.Next()).Take(count)];
    }

    static async Task MeasureAsync(HttpClient client, int requests, string name, Func<HttpRequestMessage> request)
    {
        var times = new List<double>();
        long wire = 0, body = 0;
        for (var i = 0; i < requests + 3; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.SendAsync(request());
            var bytes = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            response.EnsureSuccessStatusCode();
            if (i < 3) continue; // warm-up: first reads fill the cache, as a dashboard's first view does
            times.Add(watch.Elapsed.TotalMilliseconds);
            wire = bytes.Length;
            body = response.Content.Headers.ContentEncoding.Count == 0 ? bytes.Length : Decompressed(bytes).Length;
        }
        times.Sort();
        Console.WriteLine($"{name,-44} {times[times.Count / 2],10:F1} {times[(int)Math.Ceiling(times.Count * 0.95) - 1],8:F1} {wire / 1024.0,9:F0} {body / 1024.0,9:F0}");
    }

    static byte[] Decompressed(byte[] bytes)
    {
        using var input = new System.IO.Compression.BrotliStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
        var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
