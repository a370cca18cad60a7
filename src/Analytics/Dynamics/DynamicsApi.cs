using ClassVisCloud.Analytics.Api;
using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Analytics.Dynamics;

/// <summary>GET …/epochs/{epoch}/dynamics and GET …/epochs/{epoch}/suspects: per-sample training dynamics over the logged epochs ≤ E.</summary>
public sealed class DynamicsApi(StorageClients storage, DynamicsStates states, SampleSets sampleSets)
{
    public const int MaxSuspects = 10_000;

    public async Task<ApiResponse> DynamicsAsync(string? run, string? epoch, string? split, string? format, CancellationToken cancellationToken = default)
    {
        var arrow = ApiArguments.Arrow(format);
        if (arrow.Problem is { } badFormat) return badFormat;
        var selection = await EpochSelection.ResolveAsync(storage, run, epoch, split, cancellationToken);
        if (selection.Problem is { } problem) return problem;
        var s = selection.Value;
        var state = await states.AtAsync(s.View, s.Split, s.Epoch.Epoch, cancellationToken);
        var data = SampleDynamics.From(state, s.Split, s.Epoch.IntegerIds, await IdsAsync(s, state, cancellationToken), s.Summary.SetHash);
        var etag = s.ETagSeed("dynamics", history: true);
        return arrow.Value
            ? ApiResponse.FromBytes(200, DynamicsEncoder.ToArrow(data), ApiResponse.ArrowType, etag)
            : ApiResponse.FromBytes(200, DynamicsEncoder.ToJson(data), ApiResponse.JsonType, etag);
    }

    public async Task<ApiResponse> SuspectsAsync(string? run, string? epoch, string? split, string? limit, CancellationToken cancellationToken = default)
    {
        var count = ApiArguments.Count(limit, "limit", 100, MaxSuspects);
        if (count.Problem is { } badLimit) return badLimit;
        var selection = await EpochSelection.ResolveAsync(storage, run, epoch, split, cancellationToken);
        if (selection.Problem is { } problem) return problem;
        var s = selection.Value;
        var state = await states.AtAsync(s.View, s.Split, s.Epoch.Epoch, cancellationToken);
        var (top, total) = SuspectRanking.Rank(state, await IdsAsync(s, state, cancellationToken), s.Summary.SetHash, count.Value);
        var names = s.View.ClassNames;
        return ApiResponse.Ok(new
        {
            split = s.Split,
            epoch = s.Epoch.Epoch,
            total,
            suspects = top.Select(x => new
            {
                sampleId = SampleIdColumn.Value(x.SampleId, s.Epoch.IntegerIds),
                label = x.Label, labelName = names[x.Label], likely = x.Likely, likelyName = names[x.Likely],
                aum = x.Aum, confidence = x.Confidence, mispredictions = x.Mispredictions,
            }),
        }, s.ETagSeed($"suspects|{count.Value}", history: true));
    }

    /// <summary>The epoch's sorted ids: the state's own when they are the same set (no read), else the stored list.</summary>
    async Task<string[]> IdsAsync(EpochSelection s, DynamicsState state, CancellationToken cancellationToken) =>
        state.IdsHash == s.Summary.SetHash ? state.Ids : await sampleSets.GetAsync(s.View.Run, s.Summary.SetHash, cancellationToken);
}
