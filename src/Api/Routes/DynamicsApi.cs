using ClassVisCloud.Analytics.Dynamics;
using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Api;

/// <summary>GET …/epochs/{epoch}/dynamics and GET …/epochs/{epoch}/suspects: per-sample training dynamics over the logged epochs ≤ E.</summary>
/// <remarks>
/// Both compare their ETag with the request's If-None-Match before any state is computed; the dynamics answers of
/// a million samples are kept by ETag and built once however many ask at once (<see cref="AnswerCache"/>); the
/// suspects are read from the prepared ranking (<see cref="SuspectRankings"/>), never folded per request.
/// </remarks>
public sealed class DynamicsApi(StorageClients storage, DynamicsStates states, SuspectsQuery suspects, SuspectRankings rankings, AnswerCache answers)
{
    public const int MaxSuspects = SuspectRankings.Kept;

    /// <param name="columns">The <c>columns=</c> argument: a comma list of the columns to send (<see cref="DynamicsColumnSet"/>); null sends every one.</param>
    public async Task<ApiResponse> DynamicsAsync(string? run, string? epoch, string? split, string? format, string? columns = null, string? ifNoneMatch = null, CancellationToken cancellationToken = default)
    {
        var set = DynamicsColumnSet.Parse(columns);
        if (set.Problem is { } badColumns) return badColumns;
        var chosen = set.Value;
        // The full answer keeps the name it always had; a subset is another answer, named by its columns.
        var route = chosen.IsAll ? "dynamics" : $"dynamics|{chosen.Key}";
        return await ColumnarAnswer.GetAsync(storage, answers, route, run, epoch, split, format, ifNoneMatch, DynamicsEncoder.EstimatedBytes,
            async (s, arrow, ct) =>
            {
                var state = await states.AtAsync(s.View, s.Split, s.Epoch.Epoch, ct);
                var data = SampleDynamics.From(state, s.Split, s.Epoch.IntegerIds, await rankings.IdsAsync(s.View.Run, s.Summary, state, ct), s.Summary.SetHash);
                return arrow ? DynamicsEncoder.ToArrow(data, chosen) : DynamicsEncoder.ToJson(data, chosen);
            }, cancellationToken);
    }

    public async Task<ApiResponse> SuspectsAsync(string? run, string? epoch, string? split, string? limit, string? ifNoneMatch = null, CancellationToken cancellationToken = default)
    {
        var count = ApiArguments.Count(limit, "limit", 100, MaxSuspects);
        if (count.Problem is { } badLimit) return badLimit;
        var selection = await EpochSelection.ResolveAsync(storage, run, epoch, split, cancellationToken);
        if (selection.Problem is { } problem) return problem;
        var s = selection.Value;
        if (ApiResponse.Unchanged(s.ETagSeed($"suspects|{count.Value}", history: true), ApiResponse.JsonType, ifNoneMatch) is { } unchanged) return unchanged;
        var (top, total) = await suspects.RankAsync(s.View, s.Epoch, s.Split, count.Value, cancellationToken);
        var names = s.View.ClassNames;
        return ApiResponse.Ok(new SuspectList(s.Split, s.Epoch.Epoch, total, top.Select(x => new Suspect(
            new SampleIdValue(x.SampleId, s.Epoch.IntegerIds), x.Label, names[x.Label], x.Likely, names[x.Likely],
            x.Aum, x.Confidence, x.Mispredictions)).ToList()), s.ETagSeed($"suspects|{count.Value}", history: true));
    }
}
