using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Api;

/// <summary>A request's run, epoch and split, checked: the epoch is complete (ok) and has the split.</summary>
public sealed record EpochSelection(RunView View, EpochRecord Epoch, string Split, int SplitIndex)
{
    public SplitSummary Summary => Epoch.Splits[SplitIndex];

    /// <summary>What an answer about this epoch depends on; with <paramref name="history"/>, also every earlier epoch's version.</summary>
    public string ETagSeed(string route, bool history = false)
    {
        var versions = history
            ? string.Join(",", View.OkEpochs.Where(e => e.Epoch <= Epoch.Epoch).Select(e => $"{e.Epoch}:{e.Version}"))
            : $"{Epoch.Epoch}:{Epoch.Version}";
        return $"{route}|{View.Run}|{Split}|{versions}|{string.Join("\u0001", View.ClassNames)}";
    }

    public static async Task<Parsed<EpochSelection>> ResolveAsync(StorageClients storage, string? run, string? epochText, string? split, CancellationToken cancellationToken)
    {
        if (ApiArguments.CheckRun(run) is { } badRun) return badRun;
        var epoch = ApiArguments.Epoch(epochText);
        if (epoch.Problem is { } badEpoch) return badEpoch;
        if (split is not null && ApiArguments.CheckId(split, "split") is { } badSplit) return badSplit;
        var view = await RunView.LoadAsync(storage, run!, cancellationToken);
        return Resolve(view, epoch.Value, split);
    }

    public static Parsed<EpochSelection> Resolve(RunView view, long epochNumber, string? split)
    {
        if (!view.Exists) return ApiResponse.NotFound($"no run '{view.Run}'");
        var epoch = view.Epoch(epochNumber);
        if (epoch is null) return ApiResponse.NotFound($"run '{view.Run}' has no epoch {epochNumber}");
        if (epoch.Status == EpochStatus.Failed) return ApiResponse.NotFound($"epoch {epochNumber} failed: {epoch.Error}");
        if (!epoch.IsOk) return ApiResponse.NotFound($"epoch {epochNumber} is pending: it is being ingested");
        var name = split ?? view.DefaultSplit!;
        var index = epoch.SplitIndex(name);
        if (index < 0) return ApiResponse.NotFound($"epoch {epochNumber} has no split '{name}' (it has {string.Join(", ", epoch.Splits.Select(s => s.Name))})");
        return new EpochSelection(view, epoch, name, index);
    }
}
