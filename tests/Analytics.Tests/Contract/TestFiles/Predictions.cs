using ClassVisCloud.Analytics.Contract;

namespace ClassVisCloud.Analytics.Tests.Contract.TestFiles;

/// <summary>Short ways to build rows and read them back through <see cref="PredictionsReader"/>.</summary>
internal static class Predictions
{
    public static PredictionRow Row(object? id, object? label, params double?[]? scores) => new(id, label, scores);

    public static PredictionRow InSplit(string split, object? id, object? label, params double?[]? scores) => new(id, label, scores, split);

    public static ReadContext Context(long epoch = 3, RunManifest? manifest = null, int? knownClassCount = null,
        IReadOnlyList<string>? knownLabelNames = null) => new(epoch, manifest, knownClassCount, knownLabelNames);

    public static RunManifest Manifest(IReadOnlyList<string>? classes = null, ScoreKind? scores = null) =>
        new("test run", classes, scores, null);

    public static async Task<EpochPredictions> ReadAsync(IReadOnlyList<PredictionRow> rows, PredictionsFileOptions? options = null,
        ReadContext? context = null)
    {
        await using var stream = await PredictionsFile.WriteAsync(rows, options ?? new PredictionsFileOptions { Epoch = 3 });
        return await PredictionsReader.ReadAsync(stream, context ?? Context(), CancellationToken.None);
    }

    /// <summary>Reads and expects a rejection whose reason contains every fragment; returns the reason.</summary>
    public static Task<string> RejectAsync(IReadOnlyList<PredictionRow> rows, PredictionsFileOptions? options, ReadContext? context,
        params string[] fragments) =>
        Reject.WithReasonAsync(() => ReadAsync(rows, options, context), fragments);

    public static Task<string> RejectAsync(IReadOnlyList<PredictionRow> rows, params string[] fragments) =>
        RejectAsync(rows, null, null, fragments);
}
