using Parquet;

namespace ClassVisCloud.Bench;

/// <summary>
/// <c>decode [--sizes 100000,1000000] [--classes 70] [--runs 5] [--compression zstd|snappy|none]
/// [--rows-per-group 100000] [--dir PATH] [--file PATH]</c>: writes list-form predictions files with Parquet.Net (or
/// takes the file given), then decodes each in a fresh child process (so one size's heap does not flatter or burden
/// the next) beside DuckDB's full read of the same file in that process, and prints both medians, their ratio
/// (the goal is at most 1.3) and the child's peak working set.
/// </summary>
internal static class DecodeCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchOptions(args);
        int[] sizes = [.. options.Get("sizes", "100000,1000000").Split(',').Select(int.Parse)];
        int classes = options.GetInt("classes", 70);
        int runs = options.GetInt("runs", 5);
        int rowsPerGroup = options.GetInt("rows-per-group", 100_000);
        var compression = Enum.Parse<CompressionMethod>(options.Get("compression", "zstd"), ignoreCase: true);
        string dir = options.Get("dir", Path.Combine(Path.GetTempPath(), "classviscloud-bench"));
        Directory.CreateDirectory(dir);

        var files = options.Get("file", "") is { Length: > 0 } given ? [given] : new List<string>();
        if (files.Count == 0)
        {
            Console.WriteLine($"Parquet.Net writer, {compression} (Optimal level; zstd 3), list<float> scores, {rowsPerGroup:N0} rows per row group, {runs} runs");
            foreach (int rows in sizes)
            {
                string path = Path.Combine(dir, $"predictions-{rows}x{classes}-{compression}-{rowsPerGroup}-optimal.parquet");
                if (!File.Exists(path))
                    await PredictionsFileWriter.WriteAsync(path, rows, classes, Math.Min(rowsPerGroup, rows), compression);
                files.Add(path);
            }
        }
        Console.WriteLine("ours: PredictionsReader (Arrow's reader via ParquetSharp, one thread, validation included); DuckDB: every column summed, default threads");
        Console.WriteLine($"{"rows",10} {"file MB",8} {"ours ms",8} {"min",6} {"DuckDB ms",10} {"min",6} {"ratio",6} {"peak WS MB, 1 decode",21} {"all runs",9} {"baseline MB",12}");
        foreach (string path in files)
        {
            var figures = await ChildProcess.RunAsync<DecodeFigures>(DecodeChildCommand.Name, path, runs.ToString());
            Console.WriteLine($"{figures.Rows,10:N0} {new FileInfo(path).Length / 1e6,8:F1} {figures.MedianMs,8:F0} {figures.MinMs,6:F0} "
                + $"{figures.DuckDbMedianMs,10:F0} {figures.DuckDbMinMs,6:F0} {figures.MedianMs / figures.DuckDbMedianMs,6:F2} "
                + $"{figures.FirstDecodePeakBytes / 1048576.0,21:F0} {figures.AllRunsPeakBytes / 1048576.0,9:F0} {figures.BaselineWorkingSetBytes / 1048576.0,12:F0}");
        }
        return 0;
    }
}

/// <summary>What one child process measured.</summary>
internal sealed record DecodeFigures(double MedianMs, double MinMs, long FirstDecodePeakBytes, long AllRunsPeakBytes, long BaselineWorkingSetBytes, int Rows,
    double DuckDbMedianMs, double DuckDbMinMs);
