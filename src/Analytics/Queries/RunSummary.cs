using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Queries;

/// <summary>
/// One run as the run list sees it: the JSON list of runs and the runs export both read it, so a number
/// means the same in the dashboard and in a spreadsheet.
/// </summary>
/// <param name="Epochs">The complete (ok) epochs.</param>
/// <param name="LastEpoch">The last complete epoch, null when there is none.</param>
/// <param name="Samples">Every split's samples in the last complete epoch.</param>
public sealed record RunSummary(string Run, string Name, int Classes, int Epochs, long? LastEpoch, int Samples,
    string Status, DateTimeOffset? Updated, int FailedEpochs)
{
    public static RunSummary From(RunView view)
    {
        var ok = view.OkEpochs.ToList();
        var last = ok.LastOrDefault();
        return new RunSummary(view.Run, view.Record?.Manifest?.Name ?? view.Run, view.ClassCount, ok.Count, last?.Epoch,
            last?.Splits.Sum(s => s.Samples) ?? 0, view.Status, view.Record?.Updated, view.Epochs.Count(e => e.Status == EpochStatus.Failed));
    }
}
