using System.Text.Json;

namespace ClassVisCloud.Integration.Tests.Infrastructure;

/// <summary>The real run, trimmed, in tests/data/fortunes-han and the values DuckDB computed from it (tests/expected).</summary>
public static class RealRun
{
    public const string Name = "fortunes-han";

    public static string Folder => Path.Combine(BuildOutput.RepoRoot, "tests", "data", Name);

    public static JsonElement Expected { get; } = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Expected", "fortunes-han.json"))).RootElement;

    /// <summary>The epochs the trimmed run keeps attention for (tests/data/README.md); the others have predictions only.</summary>
    public static readonly int[] AttentionEpochs = [1, 2, 5, 18];

    /// <summary>Blob names relative to the run folder, in the order a training script uploads them.</summary>
    public static IEnumerable<string> Files(int? maxEpoch = null)
    {
        yield return "run.json";
        for (var e = 1; e <= (maxEpoch ?? 18); e++)
        {
            yield return $"epoch-{e}.parquet";
            if (AttentionEpochs.Contains(e)) yield return $"attention/epoch-{e}.parquet";
        }
    }

    public static byte[] Read(string file) => File.ReadAllBytes(Path.Combine(Folder, file));
}
