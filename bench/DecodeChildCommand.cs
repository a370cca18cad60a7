using System.Diagnostics;
using System.Text.Json;
using ClassVisCloud.Analytics.Contract;

namespace ClassVisCloud.Bench;

/// <summary>
/// <c>decode-child FILE RUNS</c>: decodes one file RUNS times in this process and prints the figures as JSON.
/// The peak working set is the operating system's (Process.PeakWorkingSet64): everything the process touched,
/// runtime included, which is why the baseline before the first decode is printed beside it. It is taken
/// after the first decode, and again after all runs: the GC keeps freed memory committed for reuse, so later
/// runs can push the high-water mark above what one decode needs.
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
        long firstPeak = 0;
        int rows = 0;
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
        }
        self.Refresh();
        times.Sort();
        Console.Write(JsonSerializer.Serialize(new DecodeFigures(times[times.Count / 2], times[0], firstPeak, self.PeakWorkingSet64, baseline, rows)));
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
