using ClassVisCloud.Analytics.Ingest;
using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Api;

/// <summary>GET /api/runs, GET /api/runs/{run} and GET /api/ingests.</summary>
public sealed class RunsApi(StorageClients storage, IngestLedger ledger)
{
    public async Task<ApiResponse> ListRunsAsync(CancellationToken cancellationToken = default)
    {
        var records = await storage.Runs.ListAsync(cancellationToken);
        var views = await Task.WhenAll(records.Select(r => RunView.LoadAsync(storage, r.Run, cancellationToken)));
        var runs = views.OrderBy(v => v.Run, StringComparer.Ordinal).Select(RunSummary.From).Select(summary => new RunListEntry(
            Run: summary.Run,
            Name: summary.Name,
            Classes: summary.Classes,
            Epochs: summary.Epochs,
            LastEpoch: summary.LastEpoch,
            Samples: summary.Samples,
            Updated: Timestamp(summary.Updated),
            Status: summary.Status,
            FailedEpochs: summary.FailedEpochs)).ToList();
        return ApiResponse.Ok(new RunList(runs));
    }

    public async Task<ApiResponse> GetRunAsync(string? run, CancellationToken cancellationToken = default)
    {
        if (ApiArguments.CheckRun(run) is { } bad) return bad;
        var view = await RunView.LoadAsync(storage, run!, cancellationToken);
        if (!view.Exists) return ApiResponse.NotFound($"no run '{run}'");
        var manifest = view.Record;
        return ApiResponse.Ok(new RunDetail(
            Run: view.Run,
            Name: manifest?.Manifest?.Name ?? view.Run,
            Description: manifest?.Manifest?.Description,
            ScoreKind: view.ScoreKind,
            Classes: view.ClassNames,
            Splits: view.Splits,
            Manifest: new ManifestState(manifest?.ManifestStatus ?? ManifestStatus.Absent, manifest?.ManifestError),
            Status: view.Status,
            Updated: Timestamp(manifest?.Updated),
            Epochs: view.Epochs.Select(e => new EpochInfo(
                Epoch: e.Epoch,
                Status: e.Status,
                Error: e.Error,
                Attention: e.AttentionStatus is null ? null : new AttentionState(e.AttentionStatus, e.AttentionError),
                Splits: (e.IsOk ? e.Splits : []).ToDictionary(s => s.Name, s => new SplitStats(s.Samples, s.Correct, s.Accuracy, s.Loss)))).ToList()));
    }

    public async Task<ApiResponse> ListIngestsAsync(string? run, string? limit, CancellationToken cancellationToken = default)
    {
        if (run is not null && ApiArguments.CheckRun(run) is { } bad) return bad;
        var count = ApiArguments.Count(limit, "limit", 100, 1000);
        if (count.Problem is { } problem) return problem;
        var records = await ledger.ListAsync(run, count.Value, cancellationToken);
        return ApiResponse.Ok(new IngestList(records.Select(r => new IngestEntry(
            Blob: r.Blob, Etag: r.ETag, Outcome: r.Outcome, Reason: r.Reason, Run: r.Run, Epoch: r.Epoch,
            Samples: r.Samples, Milliseconds: r.Milliseconds, At: Timestamp(r.At)!,
            Stages: r.Stages.ToDictionary(s => s.Name, s => Math.Round(s.Milliseconds)))).ToList()));
    }

    /// <summary>ISO 8601 UTC to the millisecond, as every answer writes times.</summary>
    static string? Timestamp(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
}
