using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Dynamics;

/// <summary>The suspects of a split at an epoch, ranked: the suspects route and the suspects export both ask here.</summary>
public sealed class SuspectsQuery(DynamicsStates states, SampleSets sampleSets)
{
    public async Task<(IReadOnlyList<Suspect> Top, int Total)> RankAsync(RunView view, EpochRecord epoch, string split, int limit, CancellationToken cancellationToken = default)
    {
        var summary = epoch.Splits[epoch.SplitIndex(split)];
        var state = await states.AtAsync(view, split, epoch.Epoch, cancellationToken);
        return SuspectRanking.Rank(state, await IdsAsync(view.Run, summary, state, cancellationToken), summary.SetHash, limit);
    }

    /// <summary>The epoch's sorted ids: the state's own when they are the same set (no read), else the stored list.</summary>
    public async Task<string[]> IdsAsync(string run, SplitSummary summary, DynamicsState state, CancellationToken cancellationToken = default) =>
        state.IdsHash == summary.SetHash ? state.Ids : await sampleSets.GetAsync(run, summary.SetHash, cancellationToken);
}
