using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.Analytics.Storage;
using Microsoft.Extensions.Logging;

namespace ClassVisCloud.Analytics.Dynamics;

/// <summary>
/// Work a host adds to the preparation of a run's newest epoch, after its training dynamics and suspects are ready:
/// the API registers the building of the dashboard's first-view answers here. It gets the run as read after the ingest.
/// </summary>
public delegate Task NewestEpochPreparing(RunView run, EpochRecord newest, CancellationToken cancellationToken);

/// <summary>
/// Right after an epoch file's ingest ends, prepares what a dashboard following the run asks for next, at the run's
/// newest complete epoch: each split's training-dynamics state and suspects ranking, both persisted in the dynamics
/// container before the ingest's record is written (so a cold instance reads them instead of folding), then what the
/// host adds (<see cref="NewestEpochPreparing"/>). Whichever ingest of a bulk upload ends last prepares it, once the
/// run has no pending epoch: the newest epoch then has its final history, whatever order the files arrived in (a late
/// epoch renames the newest epoch's state, so it is prepared again), instead of every ingest refolding a history the
/// next one changes. Every host gets this from <see cref="Ingest.BlobIngestor"/>, so the DevHost prepares exactly what
/// the blob trigger does.
/// </summary>
public sealed class DynamicsWarmer(StorageClients storage, DynamicsStates states, SuspectRankings rankings, ILogger<DynamicsWarmer> logger,
    NewestEpochPreparing? preparing = null)
{
    /// <summary>Prepares the newest complete epoch of <paramref name="run"/>, whose epoch file was just ingested or rejected, when no epoch is pending.</summary>
    public async Task AfterIngestAsync(string run, CancellationToken cancellationToken = default)
    {
        var view = await RunView.LoadAsync(storage, run, cancellationToken);
        var newest = view.OkEpochs.LastOrDefault();
        if (newest is null || view.Epochs.Any(e => e.Status == EpochStatus.Pending)) return;
        foreach (var split in newest.Splits)
        {
            try
            {
                await states.AtAsync(view, split.Name, newest.Epoch, cancellationToken);
                await rankings.AtAsync(view, split.Name, newest.Epoch, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A cache that failed to fill: the first request computes it instead.
                logger.LogWarning(ex, "Dynamics of {Run}/{Split} at epoch {Epoch} were not prepared", run, split.Name, newest.Epoch);
            }
        }
        // Persisting runs in the background for requests; here nobody waits for an answer, so finish it.
        await states.FlushAsync();
        if (preparing is null) return;
        Ingest.MemoryRelief.BeforeAnswersOf(newest.Splits.Sum(s => (long)s.Samples));
        try { await preparing(view, newest, cancellationToken); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The answers of {Run} at epoch {Epoch} were not prepared; the first requests build them", run, newest.Epoch);
        }
    }
}
