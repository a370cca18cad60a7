using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Queries.Exports;

/// <summary>
/// The runs an export covers: the one named, or every run (in ordinal order) when none is named: one file holds
/// the star's facts across runs. Each run is read once (its row and its epoch rows), before any row is written.
/// </summary>
public sealed record ExportScope(IReadOnlyList<RunView> Runs)
{
    public static async Task<ExportScope> LoadAsync(StorageClients storage, string? run, CancellationToken cancellationToken = default)
    {
        var names = run is not null ? [run] : (await new RunRecords(storage.Runs).ListAsync(cancellationToken)).Select(r => r.Run);
        var views = await Task.WhenAll(names.Order(StringComparer.Ordinal).Select(name => RunView.LoadAsync(storage, name, cancellationToken)));
        return new ExportScope(views);
    }

    /// <summary>The runs that have a complete epoch: a run without one exports no rows (a header-only file, not an error).</summary>
    public IEnumerable<RunView> WithData => Runs.Where(v => v.OkEpochs.Any());
}
