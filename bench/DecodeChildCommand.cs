using System.Diagnostics;
using System.Text.Json;
using ClassVisCloud.Analytics.Contract;

namespace ClassVisCloud.Bench;

/// <summary>
/// <c>decode-child FILE RUNS</c>: decodes one file RUNS times in this process, and has DuckDB read it RUNS times
/// (<see cref="DuckDbRead"/>), alternating, so that both meet the same load on a shared machine; prints the figures
/// as JSON. The peak working set is the operating system's (Process.PeakWorkingSet64): everything the process
/// touched, runtime included, which is why the baseline before the first decode is printed beside it. It is taken
/// after our first decode, before DuckDB has run, and again after all runs (DuckDB's memory included then).
/// </summary>
internal static class DecodeChildCommand
{
    public const string Name = "decode-child";

    public static async Task<int> RunAsync(string[] args)
    {
        string path = args[0];
        int runs = int.Parse(args[1]);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        long baseline = self.WorkingSet64;
        var times = new List<double>();
        var duckTimes = new List<double>();
        long firstPeak = 0;
        int rows = 0;
        using var duck = new DuckDbRead();
        for (int run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            rows = await DecodeAsync(path);
            times.Add(watch.Elapsed.TotalMilliseconds);
            // Free this run's epoch before the next, so the peak is that of one decode, not of two overlapping.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            if (run == 0)
            {
                self.Refresh();
                firstPeak = self.PeakWorkingSet64;
            }

            watch.Restart();
            long duckRows = duck.Read(path);
            duckTimes.Add(watch.Elapsed.TotalMilliseconds);
            if (duckRows != rows) throw new InvalidOperationException($"DuckDB read {duckRows} rows, we read {rows}");
        }
        self.Refresh();
        times.Sort();
        duckTimes.Sort();
        Console.Write(JsonSerializer.Serialize(new DecodeFigures(times[times.Count / 2], times[0], firstPeak, self.PeakWorkingSet64, baseline, rows,
            duckTimes[duckTimes.Count / 2], duckTimes[0])));
        return 0;
    }

    // Its own method, so no reference to the decoded epoch outlives the run (an async loop would keep it).
    private static async Task<int> DecodeAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: false);
        var predictions = await PredictionsReader.ReadAsync(stream, new ReadContext(1, null, null, null));
        return predictions.RowCount;
    }
}
