using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ClassVisCloud.RunGenerator;

namespace ClassVisCloud.Bench;

/// <summary>
/// <c>ingest [--sizes 100000,1000000] [--classes 70] [--runs 3] [--sweep-seconds 0.1] [--each] [--dir PATH]</c>: an epoch
/// ingested as a user meets it. Writes one epoch per size with the run generator (list form, zstd 3), starts the
/// built DevHost on Azurite, and per run uploads the file under a new run name (so every run does the whole ingest)
/// and times from the end of the upload until the run route says the epoch is <c>ok</c>: the sweep's pick-up
/// included. Beside it: the ingest's own time and stages (from <c>/api/ingests</c>), DuckDB's full read of the
/// same file in this process, the ratio, and the DevHost's peak resident set (VmHWM) over the size's runs.
/// <c>--each</c> prints every run's figures too. A fresh DevHost compiles its code on its first ingest (about 2 s at full
/// optimization, once per process, like any .NET host): that first ingest is run and printed on its own before the
/// timed runs, so the medians are what every later epoch of a training run meets. The CPU columns are the DevHost's and Azurite's CPU time (from /proc;
/// Azurite's when AZURITE_PID names it, as scripts/azurite.sh exports) from the end of the upload to <c>ok</c>:
/// steadier than wall time on a shared machine, and they say which side the time goes to.
/// Build first: dotnet build src/DevHost -c Release.
/// </summary>
internal static class IngestCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchOptions(args);
        int[] sizes = [.. options.Get("sizes", "100000,1000000").Split(',').Select(int.Parse)];
        var classes = options.GetInt("classes", 70);
        var runs = options.GetInt("runs", 3);
        var sweep = options.Get("sweep-seconds", "0.1"); // the DevHost's default
        bool each = args.Contains("--each");
        var dir = options.Get("dir", Path.Combine(Path.GetTempPath(), "classviscloud-bench"));
        Directory.CreateDirectory(dir);

        await using var bench = BenchStorage.Create(Guid.NewGuid().ToString("N")[..8]);
        await bench.Storage.Container.CreateIfNotExistsAsync();
        await using var host = await DevHostServer.StartAsync(bench.Options, settings: new Dictionary<string, string> { ["SweepIntervalSeconds"] = sweep });
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        using var duck = new DuckDbRead();
        Console.WriteLine($"End to end through the DevHost (sweep every {sweep} s) on Azurite: upload done → run route says ok. {runs} runs each, medians.");
        Console.WriteLine($"{"samples",10} {"classes",8} {"file MB",8} {"e2e ms",8} {"best",6} {"ingest ms",10} {"DuckDB ms",10} {"ratio",6} {"peak RSS MiB",13} {"CPU host/Azurite ms",20}  stages (median ms)");
        var first = await EnsureFileAsync(dir, sizes.Min(), classes);
        var warmUpRun = $"first-{Guid.NewGuid().ToString("N")[..6]}";
        await UploadAsync(bench, first, warmUpRun);
        var warmUp = Stopwatch.StartNew();
        await WaitUntilOkAsync(client, warmUpRun, TimeSpan.FromMinutes(5));
        Console.WriteLine($"First ingest of the fresh DevHost ({sizes.Min():N0} samples, its code compiled meanwhile): {warmUp.Elapsed.TotalMilliseconds:F0} ms end to end; not in the medians.");
        foreach (var samples in sizes)
        {
            var path = await EnsureFileAsync(dir, samples, classes);
            bool peakReset = ProcessMemory.ResetPeak(host.ProcessId);
            var endToEnd = new List<double>();
            var own = new List<double>();
            var duckTimes = new List<double>();
            var stages = new Dictionary<string, List<double>>();
            var hostCpu = new List<double>();
            var azuriteCpu = new List<double>();
            var azurite = ProcessCpu.AzuritePid();
            for (var i = 0; i < runs; i++)
            {
                var run = $"e2e-{samples}-{i}-{Guid.NewGuid().ToString("N")[..6]}";
                await UploadAsync(bench, path, run);
                var (hostBefore, azuriteBefore) = (ProcessCpu.Milliseconds(host.ProcessId), ProcessCpu.Milliseconds(azurite));
                var watch = Stopwatch.StartNew();
                await WaitUntilOkAsync(client, run, TimeSpan.FromMinutes(5));
                endToEnd.Add(watch.Elapsed.TotalMilliseconds);
                if (ProcessCpu.Milliseconds(host.ProcessId) - hostBefore is { } hostUsed) hostCpu.Add(hostUsed);
                if (ProcessCpu.Milliseconds(azurite) - azuriteBefore is { } azuriteUsed) azuriteCpu.Add(azuriteUsed);
                var record = await IngestRecordAsync(client, run);
                own.Add(record.GetProperty("milliseconds").GetDouble());
                if (each) Console.WriteLine($"  run {i}: end to end {endToEnd[^1]:F0} ms, ingest {own[^1]:F0} ms, CPU {CpuText(hostCpu, azuriteCpu, latest: true)} ({record.GetProperty("stages")})");
                foreach (var stage in record.GetProperty("stages").EnumerateObject())
                    (stages.TryGetValue(stage.Name, out var list) ? list : stages[stage.Name] = []).Add(stage.Value.GetDouble());

                // The yardstick in alternation with ours, so both meet the same load on a shared machine.
                watch.Restart();
                duck.Read(path);
                duckTimes.Add(watch.Elapsed.TotalMilliseconds);
            }
            long peak = ProcessMemory.Peak(host.ProcessId);
            double e2e = Median(endToEnd), duckDb = Median(duckTimes);
            string stageText = string.Join(", ", stages.Select(s => $"{s.Key} {Median(s.Value):F0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{samples,10:N0} {classes,8} {new FileInfo(path).Length / 1e6,8:F1} {e2e,8:F0} {endToEnd.Min(),6:F0} {Median(own),10:F0} {duckDb,10:F0} {e2e / duckDb,6:F1} {peak / 1048576.0,12:F0}{(peakReset ? " " : "*")} {CpuText(hostCpu, azuriteCpu, latest: false),20}  {stageText}"));
        }
        Console.WriteLine("(* = the peak could not be reset: it is the DevHost's peak since it started)");
        return 0;
    }

    /// <summary>Uploads the file as epoch 1 of a new run, as a training script would; the timing starts when it returns.</summary>
    private static async Task UploadAsync(BenchStorage bench, string path, string run)
    {
        await using var file = File.OpenRead(path);
        await bench.Storage.Container.GetBlobClient($"{run}/epoch-1.parquet").UploadAsync(file, overwrite: true);
    }

    /// <summary>The bench's epoch file of this size (the run generator's list form, zstd 3), written once and kept.</summary>
    private static async Task<string> EnsureFileAsync(string dir, int samples, int classes)
    {
        var path = Path.Combine(dir, $"generated-{samples}x{classes}.parquet");
        if (File.Exists(path)) return path;
        var writer = new RunWriter(new RunSpec { Samples = samples, Classes = classes, Epochs = 1, Seed = 11 });
        // Written aside and moved: a bench stopped mid-write leaves no half file to be reused.
        await using (var file = File.Create(path + ".partial")) await writer.WritePredictionsAsync(file, 1);
        File.Move(path + ".partial", path, overwrite: true);
        return path;
    }

    private static async Task WaitUntilOkAsync(HttpClient client, string run, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            using var response = await client.GetAsync($"api/runs/{run}");
            if (response.IsSuccessStatusCode)
            {
                var json = await response.Content.ReadFromJsonAsync<JsonElement>();
                var status = json.GetProperty("epochs").EnumerateArray().Select(e => e.GetProperty("status").GetString()).FirstOrDefault();
                if (status == "ok") return;
                if (status == "failed") throw new InvalidOperationException($"the epoch of {run} failed: {json}");
            }
            // Every 50 ms: closer polling costs the DevHost (and Azurite) enough CPU on a small machine to slow the ingest it times.
            await Task.Delay(50);
        }
        throw new TimeoutException($"{run} was not ingested within {timeout}");
    }

    /// <summary>The ingest's own record; it is written right after the epoch flips (and its dynamics are prepared).</summary>
    private static async Task<JsonElement> IngestRecordAsync(HttpClient client, string run)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var json = await client.GetFromJsonAsync<JsonElement>($"api/ingests?run={run}");
            foreach (var record in json.GetProperty("ingests").EnumerateArray())
                if (record.GetProperty("outcome").GetString() == "ingested") return record;
            await Task.Delay(50);
        }
        throw new TimeoutException($"no ingest record for {run}");
    }

    /// <summary>"host/Azurite" CPU ms of the latest run or the median; "?" where a process could not be read.</summary>
    private static string CpuText(List<double> host, List<double> azurite, bool latest)
    {
        string Of(List<double> values) => values.Count == 0 ? "?" : $"{(latest ? values[^1] : Median(values)):F0}";
        return $"{Of(host)}/{Of(azurite)}";
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
