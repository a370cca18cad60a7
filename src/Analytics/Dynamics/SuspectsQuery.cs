using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Dynamics;

/// <summary>The suspects of a split at an epoch, ranked: the suspects route and the suspects export both ask here.</summary>
public sealed class SuspectsQuery(SuspectRankings rankings)
{
    /// <summary>The first <paramref name="limit"/> (at most <see cref="SuspectRankings.Kept"/>) of the prepared ranking, and the number of suspects.</summary>
    public async Task<(IReadOnlyList<Suspect> Top, int Total)> RankAsync(RunView view, EpochRecord epoch, string split, int limit, CancellationToken cancellationToken = default)
    {
        if (limit > SuspectRankings.Kept) throw new ArgumentOutOfRangeException(nameof(limit), limit, $"at most {SuspectRankings.Kept} suspects are ranked");
        var ranking = await rankings.AtAsync(view, split, epoch.Epoch, cancellationToken);
        return (ranking.Top.Count <= limit ? ranking.Top : ranking.Top.Take(limit).ToList(), ranking.Total);
    }
}
