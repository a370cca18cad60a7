using ClassVisCloud.Analytics.Ingest;
using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.Analytics.Storage;
using Microsoft.Extensions.Logging;

namespace ClassVisCloud.Analytics.Dynamics;

/// <summary>
/// Right after an epoch is ingested, computes and persists the state a dashboard following the run asks for next:
/// each split's at the run's newest epoch. A million samples' first answer is then a read of that state, not a read
/// of the epoch's columns from Table storage. Only when the run is quiet (the ingested epoch is its newest and no
/// epoch is pending): in a bulk upload the last ingest warms once, instead of every ingest refolding a history
/// the next one changes. A late epoch is left to the first request after it. Every host gets this from
/// <see cref="BlobIngestor"/>, so the DevHost prepares exactly what the blob trigger does.
/// </summary>
public sealed class DynamicsWarmer(StorageClients storage, DynamicsStates states, ILogger<DynamicsWarmer> logger)
{
    /// <summary>Prepares the states of <paramref name="epoch"/>, just ingested, when it is the run's newest and none is pending.</summary>
    public async Task AfterIngestAsync(string run, long epoch, CancellationToken cancellationToken = default)
    {
        var view = await RunView.LoadAsync(storage, run, cancellationToken);
        var newest = view.OkEpochs.LastOrDefault();
        if (newest?.Epoch != epoch || view.Epochs.Any(e => e.Status == EpochStatus.Pending)) return;
        foreach (var split in newest.Splits)
        {
            try { await states.AtAsync(view, split.Name, epoch, cancellationToken); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A cache that failed to fill: the first request computes it instead.
                logger.LogWarning(ex, "Dynamics of {Run}/{Split} at epoch {Epoch} were not prepared", run, split.Name, epoch);
            }
        }
        // Persisting runs in the background for requests; here nobody waits for an answer, so finish it.
        await states.FlushAsync();
    }
}
