using ClassVisCloud.Analytics.Ingest;
using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Api;

/// <summary>GET /api/runs, GET /api/runs/{run} and GET /api/ingests.</summary>
public sealed class RunsApi(StorageClients storage, IngestLedger ledger)
{
    public async Task<ApiResponse> ListRunsAsync(CancellationToken cancellationToken = default)
    {
        var records = await new RunRecords(storage.Runs).ListAsync(cancellationToken);
        var views = await Task.WhenAll(records.Select(r => RunView.LoadAsync(storage, r.Run, cancellationToken)));
        var runs = views.OrderBy(v => v.Run, StringComparer.Ordinal).Select(RunSummary.From).Select(summary => new
        {
            run = summary.Run,
            name = summary.Name,
            classes = summary.Classes,
            epochs = summary.Epochs,
            lastEpoch = summary.LastEpoch,
            samples = summary.Samples,
            updated = summary.Updated?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"),
            status = summary.Status,
            failedEpochs = summary.FailedEpochs,
        });
        return ApiResponse.Ok(new { runs });
    }

    public async Task<ApiResponse> GetRunAsync(string? run, CancellationToken cancellationToken = default)
    {
        if (ApiArguments.CheckRun(run) is { } bad) return bad;
        var view = await RunView.LoadAsync(storage, run!, cancellationToken);
        if (!view.Exists) return ApiResponse.NotFound($"no run '{run}'");
        var manifest = view.Record;
        return ApiResponse.Ok(new
        {
            run = view.Run,
            name = manifest?.Manifest?.Name ?? view.Run,
            description = manifest?.Manifest?.Description,
            scoreKind = view.ScoreKind,
            classes = view.ClassNames,
            splits = view.Splits,
            manifest = new { status = manifest?.ManifestStatus ?? ManifestStatus.Absent, error = manifest?.ManifestError },
            status = view.Status,
            updated = manifest?.Updated?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"),
            epochs = view.Epochs.Select(e => new
            {
                epoch = e.Epoch,
                status = e.Status,
                error = e.Error,
                attention = e.AttentionStatus is null ? null : new { status = e.AttentionStatus, error = e.AttentionError },
                splits = (e.IsOk ? e.Splits : []).ToDictionary(s => s.Name, s => new { samples = s.Samples, correct = s.Correct, accuracy = s.Accuracy, loss = s.Loss }),
            }),
        });
    }

    public async Task<ApiResponse> ListIngestsAsync(string? run, string? limit, CancellationToken cancellationToken = default)
    {
        if (run is not null && ApiArguments.CheckRun(run) is { } bad) return bad;
        var count = ApiArguments.Count(limit, "limit", 100, 1000);
        if (count.Problem is { } problem) return problem;
        var records = await ledger.ListAsync(run, count.Value, cancellationToken);
        return ApiResponse.Ok(new
        {
            ingests = records.Select(r => new
            {
                blob = r.Blob, etag = r.ETag, outcome = r.Outcome, reason = r.Reason, run = r.Run, epoch = r.Epoch,
                samples = r.Samples, milliseconds = r.Milliseconds, at = r.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"),
                stages = r.Stages.ToDictionary(s => s.Name, s => Math.Round(s.Milliseconds)),
            }),
        });
    }
}
