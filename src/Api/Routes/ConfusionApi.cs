using ClassVisCloud.Analytics.Dynamics;
using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Api;

/// <summary>GET …/confusion-over-time and GET …/confusion-growth: confusion pairs across a split's logged epochs, from each epoch's stored aggregates.</summary>
public sealed class ConfusionApi(StorageClients storage, EpochColumnsReader columns)
{
    public const int MaxPairs = 1000;

    public async Task<ApiResponse> OverTimeAsync(string? run, string? split, string? top, string? ifNoneMatch = null, CancellationToken cancellationToken = default)
    {
        var count = ApiArguments.Count(top, "top", 20, MaxPairs);
        if (count.Problem is { } badTop) return badTop;
        var loaded = await LoadAsync(run, split, (view, name) => ETagSeed("confusion-over-time", count.Value, view, name), ifNoneMatch, cancellationToken);
        if (loaded.Problem is { } problem) return problem;
        var (view, name, series) = loaded.Value;
        var names = view.ClassNames;
        return ApiResponse.Ok(new ConfusionOverTime(name, series.Epochs,
            series.LargestAtLast(count.Value).Select(p => new ConfusionPairCounts(names[p.True], names[p.Predicted], p.Counts)).ToList()), ETagSeed("confusion-over-time", count.Value, view, name));
    }

    public async Task<ApiResponse> GrowthAsync(string? run, string? split, string? k, string? top, string? ifNoneMatch = null, CancellationToken cancellationToken = default)
    {
        var count = ApiArguments.Count(top, "top", 20, MaxPairs);
        if (count.Problem is { } badTop) return badTop;
        var steps = ApiArguments.Count(k, "k", 5, 100_000);
        if (steps.Problem is { } badK) return badK;
        var loaded = await LoadAsync(run, split, (view, name) => ETagSeed($"confusion-growth|{steps.Value}", count.Value, view, name), ifNoneMatch, cancellationToken);
        if (loaded.Problem is { } problem) return problem;
        var (view, name, series) = loaded.Value;
        var window = series.LastSteps(steps.Value);
        var names = view.ClassNames;
        return ApiResponse.Ok(new ConfusionGrowth(name, steps.Value, From: window.Epochs[0], To: window.Epochs[^1], window.Epochs,
            window.GrewMost(count.Value).Select(p => new ConfusionPairGrowth(names[p.True], names[p.Predicted], p.Growth, p.Counts)).ToList()), ETagSeed($"confusion-growth|{steps.Value}", count.Value, view, name));
    }

    /// <summary>The series, or the problem, or 304 when the answer <paramref name="etagSeed"/> names is the one the client has (nothing is read then).</summary>
    async Task<Parsed<(RunView View, string Split, ConfusionSeries Series)>> LoadAsync(string? run, string? split, Func<RunView, string, string> etagSeed, string? ifNoneMatch, CancellationToken cancellationToken)
    {
        if (ApiArguments.CheckRun(run) is { } badRun) return badRun;
        if (split is not null && ApiArguments.CheckId(split, "split") is { } badSplit) return badSplit;
        var view = await RunView.LoadAsync(storage, run!, cancellationToken);
        if (!view.Exists) return ApiResponse.NotFound($"no run '{run}'");
        var name = split ?? view.DefaultSplit;
        var epochs = view.OkEpochs.Where(e => name is not null && e.SplitIndex(name) >= 0).OrderBy(e => e.Epoch).ToList();
        if (epochs.Count == 0) return ApiResponse.NotFound(name is null ? $"run '{run}' has no complete epoch" : $"run '{run}' has no complete epoch with split '{name}'");
        if (ApiResponse.Unchanged(etagSeed(view, name!), ApiResponse.JsonType, ifNoneMatch) is { } unchanged) return unchanged;
        var aggregates = await Task.WhenAll(epochs.Select(e => columns.AggregatesAsync(e, e.SplitIndex(name!), cancellationToken)));
        return (view, name!, new ConfusionSeries(epochs.Select(e => e.Epoch).ToArray(), aggregates.Select(a => a.Confusion).ToArray()));
    }

    /// <summary>The answer depends on every epoch's version and the class names.</summary>
    static string ETagSeed(string route, int top, RunView view, string split) =>
        $"{route}|{top}|{view.Run}|{split}|{string.Join(",", view.OkEpochs.Select(e => $"{e.Epoch}:{e.Version}"))}|{string.Join("\u0001", view.ClassNames)}";
}
