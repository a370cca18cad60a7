using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ClassVisCloud.RunGenerator.Files;
using ClassVisCloud.RunGenerator.Simulation;

namespace ClassVisCloud.RunGenerator;

/// <summary>
/// Generates a training run in the contract's layout: run.json, epoch-N.parquet and, with attention,
/// attention/epoch-N.parquet. Also writes single files to any stream (benchmarks, tests).
/// </summary>
public sealed partial class RunWriter
{
    private readonly PredictionsFileWriter _predictions;
    private readonly AttentionFileWriter _attention;

    public RunWriter(RunSpec spec)
    {
        Run = SyntheticRun.Create(spec);
        _predictions = new PredictionsFileWriter(Run);
        _attention = new AttentionFileWriter(Run);
    }

    /// <summary>The run's ground truth: labels, splits, noisy samples, the confused pair.</summary>
    public SyntheticRun Run { get; }

    public RunSpec Spec => Run.Spec;

    /// <summary>True when the run has attention files (attention asked for, and some validation samples).</summary>
    public bool HasAttention => Run.AttentionSamples.Count > 0;

    public string ManifestJson() => Files.ManifestJson.Write(Run);

    public Task WritePredictionsAsync(Stream output, int epoch, CancellationToken cancellationToken = default) =>
        _predictions.WriteAsync(output, epoch, cancellationToken);

    public Task WriteAttentionAsync(Stream output, int epoch, CancellationToken cancellationToken = default) =>
        _attention.WriteAsync(output, epoch, cancellationToken);

    /// <summary>
    /// Writes the whole run into <paramref name="folder"/> (created if missing). Contract files left there by an
    /// earlier run are removed first, so the folder holds exactly this run. Each file is written under a temporary
    /// name and renamed when complete, so an uploader watching the folder never takes half a file.
    /// </summary>
    /// <param name="log">Receives one line per file written (progress on long runs).</param>
    public async Task<IReadOnlyList<WrittenFile>> WriteFolderAsync(
        string folder, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var removed = RemoveEarlierRun(folder);
        if (removed > 0)
            log?.Invoke($"removed {removed} files of an earlier run from {folder}");

        var written = new List<WrittenFile>();
        written.Add(await WriteFileAsync(Path.Combine(folder, "run.json"), null,
            (stream, ct) => stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(ManifestJson()), ct).AsTask(), cancellationToken));

        var epochs = Spec.LoggedEpochs();
        foreach (var epoch in epochs)
        {
            var file = await WriteFileAsync(Path.Combine(folder, EpochFileName(epoch)), epoch,
                (stream, ct) => WritePredictionsAsync(stream, epoch, ct), cancellationToken);
            written.Add(file);
            var line = $"epoch {epoch}/{Spec.Epochs}: {Describe(file)}";
            if (HasAttention)
            {
                var attention = await WriteFileAsync(Path.Combine(folder, "attention", EpochFileName(epoch)), epoch,
                    (stream, ct) => WriteAttentionAsync(stream, epoch, ct), cancellationToken);
                written.Add(attention);
                line += $"; {Describe(attention)}";
            }
            log?.Invoke(line);
        }
        return written;
    }

    public static string EpochFileName(int epoch) => string.Create(CultureInfo.InvariantCulture, $"epoch-{epoch}.parquet");

    private static async Task<WrittenFile> WriteFileAsync(
        string path, int? epoch, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".partial";
        var clock = Stopwatch.StartNew();
        try
        {
            await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 20))
                await write(stream, cancellationToken);
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial); // gone already after the move; left over only when writing failed
        }
        return new WrittenFile(path, epoch, new FileInfo(path).Length, clock.Elapsed);
    }

    private static string Describe(WrittenFile file) => string.Create(CultureInfo.InvariantCulture,
        $"{Path.GetFileName(Path.GetDirectoryName(file.Path))}/{Path.GetFileName(file.Path)} {file.Bytes / 1e6:F1} MB in {file.Elapsed.TotalSeconds:F1} s");

    private static int RemoveEarlierRun(string folder)
    {
        var stale = Directory.EnumerateFiles(folder)
            .Where(f => Path.GetFileName(f) == "run.json" || ContractFile().IsMatch(Path.GetFileName(f)))
            .ToList();
        var attention = Path.Combine(folder, "attention");
        if (Directory.Exists(attention))
            stale.AddRange(Directory.EnumerateFiles(attention).Where(f => ContractFile().IsMatch(Path.GetFileName(f))));
        foreach (var file in stale)
            File.Delete(file);
        return stale.Count;
    }

    [GeneratedRegex(@"^epoch-\d+\.parquet(\.partial)?$")]
    private static partial Regex ContractFile();
}

/// <summary>A file the generator wrote: where, for which epoch (null for run.json), how big, how long it took.</summary>
public sealed record WrittenFile(string Path, int? Epoch, long Bytes, TimeSpan Elapsed);
