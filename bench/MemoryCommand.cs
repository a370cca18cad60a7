using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClassVisCloud.Analytics.Ingest;
using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.RunGenerator;
using Microsoft.Extensions.DependencyInjection;

namespace ClassVisCloud.Bench;

/// <summary>
/// <c>memory [--samples 1000000] [--classes 70] [--epochs 1] [--reads 16] [--score-requests 4] [--ids 10000]
/// [--rounds plain,br,plain] [--devhost PATH] [--limit-mib 2048]</c>: ingests epochs of one split of samples × classes
/// into Azurite, starts the DevHost (Release, or the build at --devhost) over them and, per round, sends at once
/// --reads reads of the samples route (JSON and Arrow in turn) and --score-requests POSTs of --ids random score
/// vectors each, then prints the DevHost's peak resident set (VmHWM of /proc/PID/status) for the round and overall.
/// A round named br asks for brotli as a browser does; the DevHost compresses here as the Functions app does (CompressAnswers). Exits 1 when the peak passes --limit-mib (a Flex Consumption
/// instance has 2,048 MB). Build first: dotnet build src/DevHost -c Release.
/// </summary>
internal static class MemoryCommand
{
    const string Run = "big";
    const string Split = "train";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchOptions(args);
        var samples = options.GetInt("samples", 1_000_000);
        var classes = options.GetInt("classes", 70);
        var epochs = options.GetInt("epochs", 1);
        var reads = options.GetInt("reads", 16);
        var scoreRequests = options.GetInt("score-requests", 4);
        var idsPerRequest = options.GetInt("ids", 10_000);
        var rounds = options.Get("rounds", "plain,br,plain").Split(',');
        var devHost = options.Get("devhost", "");
        var limitMib = options.GetInt("limit-mib", 2048);

        await using var bench = BenchStorage.Create(Guid.NewGuid().ToString("N")[..8]);
        var spec = new RunSpec { Samples = samples, Classes = classes, Epochs = epochs, Seed = 5, ValidationFraction = 0 };
        var writer = new RunWriter(spec);
        var dir = Path.Combine(Path.GetTempPath(), "classviscloud-bench");
        Directory.CreateDirectory(dir);
        for (var e = 1; e <= epochs; e++)
        {
            var path = Path.Combine(dir, $"memory-{samples}x{classes}-epoch-{e}.parquet");
            if (!File.Exists(path))
            {
                Console.WriteLine($"Writing {path}...");
                await using var file = File.Create(path + ".part");
                await writer.WritePredictionsAsync(file, e);
                await file.DisposeAsync();
                File.Move(path + ".part", path);
            }
            Console.WriteLine($"Ingesting epoch {e}: {samples:N0} × {classes} ({new FileInfo(path).Length / 1e6:F0} MB)...");
            var blob = $"{Run}/epoch-{e}.parquet";
            await using (var file = File.OpenRead(path)) await bench.Storage.Container.GetBlobClient(blob).UploadAsync(file, overwrite: true);
            var record = await bench.Services.GetRequiredService<BlobIngestor>().IngestAsync(blob);
            if (record?.State != IngestState.Ingested) throw new InvalidOperationException($"{blob}: {record?.Outcome} {record?.Reason}");
        }
        var bodies = await ScoreBodiesAsync(bench, scoreRequests, idsPerRequest);

        // Compressed as the Functions app compresses (the DevHost alone does not): the compressed forms are kept too.
        await using var host = await DevHostServer.StartAsync(bench.Options, devHost.Length > 0 ? devHost : null,
            new Dictionary<string, string> { ["CompressAnswers"] = "true" });
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(10),
        };
        Console.WriteLine($"DevHost pid {host.ProcessId}: {Mib(ProcessMemory.Resident(host.ProcessId))} MiB resident after start");
        Console.WriteLine($"{"round",-8} {"wall s",7} {"JSON ms",8} {"Arrow ms",9} {"scores ms",10} {"peak MiB",9}   ({reads} reads of {samples:N0} samples over {epochs} epoch(s), {scoreRequests} × {idsPerRequest:N0} score vectors, at once)");
        long overall = 0;
        foreach (var round in rounds)
        {
            var reset = ProcessMemory.ResetPeak(host.ProcessId);
            var watch = Stopwatch.StartNew();
            var requests = Enumerable.Range(0, reads).Select(i => SendAsync(client, round, () => new HttpRequestMessage(HttpMethod.Get,
                    $"api/runs/{Run}/epochs/{i % epochs + 1}/samples?split={Split}" + (i % 2 == 1 ? "&format=arrow" : "")), i % 2 == 1 ? "arrow" : "json"))
                .Concat(bodies.Select((body, j) => SendAsync(client, round, () => new HttpRequestMessage(HttpMethod.Post, $"api/runs/{Run}/epochs/{j % epochs + 1}/scores")
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                }, "scores")))
                .ToList();
            var answers = await Task.WhenAll(requests);
            watch.Stop();
            var peak = ProcessMemory.Peak(host.ProcessId);
            overall = Math.Max(overall, peak);
            if (answers.FirstOrDefault(a => a.Status != 200) is { } failed) throw new InvalidOperationException($"a {failed.Kind} request answered {failed.Status}");
            foreach (var kind in answers.GroupBy(a => (a.Kind, a.Epoch)))
                if (kind.Key.Kind != "scores" && kind.Select(a => a.Hash).Distinct().Count() != 1) throw new InvalidOperationException($"the {kind.Key} answers differ");
            string Median(string kind)
            {
                var times = answers.Where(a => a.Kind == kind).Select(a => a.Milliseconds).Order().ToList();
                return times.Count == 0 ? "-" : times[times.Count / 2].ToString("F0");
            }
            Console.WriteLine($"{round + (reset ? "" : "*"),-8} {watch.Elapsed.TotalSeconds,7:F1} {Median("json"),8} {Median("arrow"),9} {Median("scores"),10} {Mib(peak),9}");
        }
        var under = overall < limitMib * 1048576L;
        Console.WriteLine($"Peak resident set of the DevHost (VmHWM): {Mib(overall)} MiB; limit {limitMib} MiB: {(under ? "under" : "OVER")}" +
            (rounds.Length > 1 ? " (* = the peak could not be reset before the round: it is the process's peak so far)" : ""));
        return under ? 0 : 1;
    }

    static string Mib(long bytes) => (bytes / 1048576.0).ToString("F0");

    /// <summary>Score request bodies of random ids of the split, read in this process (not through the DevHost being measured).</summary>
    static async Task<List<string>> ScoreBodiesAsync(BenchStorage bench, int count, int ids)
    {
        var view = await RunView.LoadAsync(bench.Storage, Run, CancellationToken.None);
        var epoch = view.OkEpochs.First();
        var all = await bench.Services.GetRequiredService<SampleSets>().GetAsync(Run, epoch.Splits[epoch.SplitIndex(Split)].SetHash);
        return Enumerable.Range(0, count).Select(j =>
        {
            var random = new Random(j);
            var chosen = Enumerable.Range(0, ids).Select(_ => all[random.Next(all.Length)]).ToArray();
            return JsonSerializer.Serialize(new { split = Split, sampleIds = chosen });
        }).ToList();
    }

    sealed record Answer(string Kind, string Epoch, int Status, double Milliseconds, string Hash);

    static async Task<Answer> SendAsync(HttpClient client, string round, Func<HttpRequestMessage> make, string kind)
    {
        using var request = make();
        if (round == "br") request.Headers.AcceptEncoding.ParseAdd("br");
        var watch = Stopwatch.StartNew();
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0) hash.AppendData(buffer, 0, read);
        watch.Stop();
        return new Answer(kind, request.RequestUri!.OriginalString.Split("/epochs/")[1].Split('/')[0], (int)response.StatusCode,
            watch.Elapsed.TotalMilliseconds, Convert.ToHexString(hash.GetHashAndReset()));
    }
}

/// <summary>Another process's resident set from /proc (Linux).</summary>
internal static class ProcessMemory
{
    /// <summary>VmHWM: the peak resident set since start, or since the last <see cref="ResetPeak"/>.</summary>
    public static long Peak(int pid) => StatusKib(pid, "VmHWM:") * 1024;

    public static long Resident(int pid) => StatusKib(pid, "VmRSS:") * 1024;

    /// <summary>Writing 5 to clear_refs resets VmHWM to the current resident set; false where that is not allowed.</summary>
    public static bool ResetPeak(int pid)
    {
        try { File.WriteAllText($"/proc/{pid}/clear_refs", "5"); return true; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return false; }
    }

    static long StatusKib(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0]);
    }
}
