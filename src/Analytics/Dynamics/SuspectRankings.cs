using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Dynamics;

/// <summary>The most suspicious samples of a split at an epoch (at most <see cref="SuspectRankings.Kept"/>), and how many suspects there are in all.</summary>
public sealed record RankedSuspects(int Total, IReadOnlyList<Suspect> Top);

/// <summary>
/// The suspects ranking of a split at an epoch, prepared once per history: from memory, else from its blob beside the
/// state it was ranked from (<see cref="DynamicsCheckpoints"/>), else ranked from the state and stored. The ingest of a
/// run's newest epoch prepares it (<see cref="DynamicsWarmer"/>), so the suspects route at a million samples reads a
/// list of at most <see cref="Kept"/> entries instead of folding and ranking every sample. It is named by the chain's
/// hash, like the state: a late or replaced epoch names a new ranking, never leaves a stale one in use.
/// </summary>
public sealed class SuspectRankings(ImmutableCache cache, DynamicsStates states, DynamicsCheckpoints checkpoints, SampleSets sampleSets)
{
    /// <summary>The longest list kept: the suspects route's and the export's largest limit.</summary>
    public const int Kept = 10_000;

    /// <summary>The ranking of <paramref name="split"/> at <paramref name="epoch"/> (a complete epoch of <paramref name="view"/> holding the split).</summary>
    public Task<RankedSuspects> AtAsync(RunView view, string split, long epoch, CancellationToken cancellationToken = default)
    {
        var chain = DynamicsChain.Of(view, epoch, split);
        if (chain.Count == 0 || chain[^1].Epoch.Epoch != epoch)
            throw new InvalidOperationException($"Epoch {epoch} of run {view.Run} has no complete split '{split}'.");
        var link = chain[^1];
        return cache.GetOrLoadAsync($"suspects|{view.Run}|{link.Hash}", async () =>
        {
            var ranking = await checkpoints.ReadRankingAsync(view.Run, split, link, cancellationToken) ?? await RankAndStoreAsync(view, split, link, cancellationToken);
            return (ranking, ranking.Top.Count * 96L + 256);
        }, cancellationToken);
    }

    async Task<RankedSuspects> RankAndStoreAsync(RunView view, string split, DynamicsLink link, CancellationToken cancellationToken)
    {
        var state = await states.AtAsync(view, split, link.Epoch.Epoch, cancellationToken);
        var (top, total) = SuspectRanking.Rank(state, await IdsAsync(view.Run, link.Summary, state, cancellationToken), link.Summary.SetHash, Kept);
        var ranking = new RankedSuspects(total, top);
        await checkpoints.WriteRankingAsync(view.Run, split, link, ranking, cancellationToken);
        return ranking;
    }

    /// <summary>The epoch's sorted ids: the state's own when they are the same set (no read), else the stored list.</summary>
    public async Task<string[]> IdsAsync(string run, SplitSummary summary, DynamicsState state, CancellationToken cancellationToken = default) =>
        state.IdsHash == summary.SetHash ? state.Ids : await sampleSets.GetAsync(run, summary.SetHash, cancellationToken);
}
