using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Api;

/// <summary>
/// The dashboard's first view of a run's newest epoch, built when that epoch's ingest ends (<see cref="Analytics.Dynamics.NewestEpochPreparing"/>)
/// rather than by its first request: for every split, the samples of the newest epoch and of the one before it (the
/// dashboard prefetches it), and the dynamics columns the dashboard draws, each as Arrow and in brotli, as a browser asks;
/// and the confusion over time, whose first answer decodes every epoch's aggregates (a million cells each at 1,000 classes).
/// They are built by the routes' own code and kept in the <see cref="AnswerCache"/> (bounded: older answers make room),
/// so the first request reads bytes that are ready; its ETag is the one a request computes.
/// </summary>
public sealed class FirstViewAnswers(EpochApi epochs, DynamicsApi dynamics, ConfusionApi confusion, AnswerCompression compression)
{
    /// <summary>The dynamics columns the dashboard's views draw (src/Dashboard/src/api/endpoints.ts asks for exactly these).</summary>
    public static readonly DynamicsColumnSet DashboardDynamics =
        DynamicsColumnSet.Of("sampleId", "confidence", "variability", "correctness", "forgettings", "firstLearned", "aum", "suspect");

    /// <summary>The compression browsers ask for (Accept-Encoding: gzip, deflate, br, zstd).</summary>
    const string BrowserEncoding = "br";

    public async Task PrepareAsync(RunView run, EpochRecord newest, CancellationToken cancellationToken = default)
    {
        var previous = run.OkEpochs.LastOrDefault(e => e.Epoch < newest.Epoch);
        foreach (var split in newest.Splits.Select(s => s.Name))
        {
            await KeepAsync(epochs.SamplesAsync(run.Run, Text(newest.Epoch), split, "arrow", cancellationToken: cancellationToken), cancellationToken);
            await KeepAsync(dynamics.DynamicsAsync(run.Run, Text(newest.Epoch), split, "arrow", DashboardDynamics.Key, cancellationToken: cancellationToken), cancellationToken);
            if (previous is not null && previous.SplitIndex(split) >= 0)
                await KeepAsync(epochs.SamplesAsync(run.Run, Text(previous.Epoch), split, "arrow", cancellationToken: cancellationToken), cancellationToken);
            await confusion.OverTimeAsync(run.Run, split, Text(ConfusionApi.MaxPairs), cancellationToken: cancellationToken);
        }
    }

    /// <summary>Makes the answer's compressed form too, where answers are compressed; an answer that is not a success (the epoch replaced meanwhile) is left alone.</summary>
    async Task KeepAsync(Task<ApiResponse> answer, CancellationToken cancellationToken)
    {
        var response = await answer;
        if (response.Status == 200 && compression.Choose(BrowserEncoding, response.Body.Length) is { } encoding)
            await response.BodyAsync(encoding, cancellationToken);
    }

    static string Text(long epoch) => epoch.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
