using System.Diagnostics;
using System.Text.Json;
using ClassVisCloud.Analytics.Ingest;
using ClassVisCloud.RunGenerator;
using Microsoft.Extensions.DependencyInjection;

namespace ClassVisCloud.Bench;

/// <summary>
/// <c>ingest [--sizes 100000,1000000] [--classes 70] [--runs 3] [--dir PATH]</c>: writes one epoch per size with the
/// run generator (list form, zstd 3), then in a fresh child process per size uploads it to Azurite and ingests it
/// through <see cref="BlobIngestor"/> (the blob trigger's code) several times (under another run name each time,
/// so every run does the whole ingest), printing the ingest time the ingest records itself and the peak working set.
/// </summary>
internal static class IngestCommand
{
    public const string ChildName = "ingest-child";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchOptions(args);
        int[] sizes = [.. options.Get("sizes", "100000,1000000").Split(',').Select(int.Parse)];
        var classes = options.GetInt("classes", 70);
        var runs = options.GetInt("runs", 3);
        var dir = options.Get("dir", Path.Combine(Path.GetTempPath(), "classviscloud-bench"));
        Directory.CreateDirectory(dir);
        Console.WriteLine($"Ingest of one epoch into Azurite ({BenchStorage.ConnectionString.Split(';')[0]}), {runs} runs each; median and best");
        Console.WriteLine($"{"samples",10} {"classes",8} {"file MB",8} {"ingest ms",10} {"best ms",8} {"peak working set MB",20}   (decode alone: the decode command)");
        foreach (var samples in sizes)
        {
            var path = Path.Combine(dir, $"generated-{samples}x{classes}.parquet");
            if (!File.Exists(path))
            {
                var writer = new RunWriter(new RunSpec { Samples = samples, Classes = classes, Epochs = 1, Seed = 11 });
                await using var file = File.Create(path);
                await writer.WritePredictionsAsync(file, 1);
            }
            var figures = await ChildProcess.RunAsync<IngestFigures>(ChildName, path, runs.ToString());
            Console.WriteLine($"{samples,10:N0} {classes,8} {new FileInfo(path).Length / 1e6,8:F1} {figures.MedianMs,10:F0} {figures.BestMs,8:F0} {figures.PeakWorkingSetBytes / 1048576.0,20:F0}");
        }
        return 0;
    }

    /// <summary>In the child: decode once alone, then ingest the file under new ETags, timing each.</summary>
    public static async Task<int> RunChildAsync(string[] args)
    {
        var path = args[0];
        var runs = int.Parse(args[1]);

        await using var bench = BenchStorage.Create(Guid.NewGuid().ToString("N")[..8]);
        var ingestor = bench.Services.GetRequiredService<BlobIngestor>();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            // Another run name each time: the whole ingest runs again (the same run would find the same content version).
            var blob = $"bench{i}/epoch-1.parquet";
            await using (var file = File.OpenRead(path)) await bench.Storage.Container.GetBlobClient(blob).UploadAsync(file, overwrite: true);
            var record = await ingestor.IngestAsync(blob) ?? throw new InvalidOperationException("nothing was ingested");
            if (record.Outcome != IngestOutcome.Ingested) throw new InvalidOperationException($"{record.Outcome}: {record.Reason}");
            times.Add(record.Milliseconds);
        }
        times.Sort();
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(JsonSerializer.Serialize(new IngestFigures(times[times.Count / 2], times[0], process.PeakWorkingSet64)));
        return 0;
    }
}

internal sealed record IngestFigures(double MedianMs, double BestMs, long PeakWorkingSetBytes);
