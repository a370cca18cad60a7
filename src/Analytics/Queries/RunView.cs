using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Queries;

/// <summary>
/// A run as one request sees it: its row, its epoch rows (one partition read) and what follows from
/// them: class names, splits, the default split. Loaded fresh per request; the rows are small.
/// </summary>
public sealed class RunView
{
    public required string Run { get; init; }
    public required RunRecord? Record { get; init; }
    public required IReadOnlyList<EpochRecord> Epochs { get; init; }

    public IEnumerable<EpochRecord> OkEpochs => Epochs.Where(e => e.IsOk);

    public int ClassCount => Record?.Manifest?.Classes?.Count ?? OkEpochs.Select(e => e.ClassCount).FirstOrDefault();

    /// <summary>The manifest's names, else the names the epochs imply (score columns, string labels), else 0..C-1.</summary>
    public IReadOnlyList<string> ClassNames
    {
        get
        {
            var count = OkEpochs.Select(e => e.ClassCount).FirstOrDefault(Record?.Manifest?.Classes?.Count ?? 0);
            if (Record?.Manifest?.Classes is { } manifest && (count == 0 || manifest.Count == count)) return manifest;
            var implied = OkEpochs.OrderByDescending(e => e.Epoch).Select(e => e.ClassNames).FirstOrDefault(n => n is not null && n.Count == count);
            return implied ?? Enumerable.Range(0, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        }
    }

    public IReadOnlyList<string> Splits => OkEpochs.SelectMany(e => e.Splits.Select(s => s.Name)).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>"validation" if the run has it, else its first split in ordinal order.</summary>
    public string? DefaultSplit => Splits.Contains("validation") ? "validation" : Splits.FirstOrDefault();

    /// <summary>probabilities, logits, or mixed when its files differ.</summary>
    public string ScoreKind
    {
        get
        {
            var kinds = OkEpochs.Select(e => e.ScoreKind).Where(k => k is not null).Distinct().ToList();
            if (kinds.Count > 1) return "mixed";
            return kinds.FirstOrDefault() ?? (Record?.Manifest?.DeclaredScores?.ToString().ToLowerInvariant() ?? "probabilities");
        }
    }

    public bool Exists => Record is not null || Epochs.Count > 0;

    /// <summary>pending while any epoch is pending, else failed if the last epoch failed, else ok.</summary>
    public string Status =>
        Epochs.Any(e => e.Status == EpochStatus.Pending) ? EpochStatus.Pending
        : Epochs.LastOrDefault()?.Status == EpochStatus.Failed ? EpochStatus.Failed
        : EpochStatus.Ok;

    public EpochRecord? Epoch(long epoch) => Epochs.FirstOrDefault(e => e.Epoch == epoch);

    public static async Task<RunView> LoadAsync(StorageClients storage, string run, CancellationToken cancellationToken)
    {
        var record = new RunRecords(storage.Runs).GetAsync(run, cancellationToken);
        var epochs = new EpochRows(storage.Epochs).ListAsync(run, cancellationToken);
        return new RunView { Run = run, Record = await record, Epochs = await epochs };
    }
}
