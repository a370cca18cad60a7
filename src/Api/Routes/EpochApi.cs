using System.Text.Json;
using ClassVisCloud.Analytics.Compute;
using ClassVisCloud.Analytics.Queries;
using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Api;

/// <summary>
/// The per-epoch routes: samples, classes, confusion, scores. Answers with an ETag compare it with the request's
/// If-None-Match (<c>ifNoneMatch</c>) before anything is read or built; the samples route's answers are kept by
/// ETag (<see cref="AnswerCache"/>), and the scores route reads only the rows asked for (<see cref="MatrixRows"/>).
/// </summary>
public sealed class EpochApi(StorageClients storage, EpochColumnsReader columns, MispredictionCounter mispredictions, SampleSets sampleSets,
    AnswerCache answers, MatrixRows matrixRows, MemoryBudget budget)
{
    public async Task<ApiResponse> SamplesAsync(string? run, string? epoch, string? split, string? format, string? ifNoneMatch = null, CancellationToken cancellationToken = default)
    {
        return await ColumnarAnswer.GetAsync(storage, answers, "samples", run, epoch, split, format, ifNoneMatch, SampleColumns.EstimatedBytes,
            async (s, arrow, ct) =>
            {
                var ids = sampleSets.GetAsync(s.View.Run, s.Summary.SetHash, ct);
                var labels = columns.ClassesAsync(s.Epoch, s.SplitIndex, Columns.Labels, ct);
                var predicted = columns.ClassesAsync(s.Epoch, s.SplitIndex, Columns.Predicted, ct);
                var score = columns.FloatsAsync(s.Epoch, s.SplitIndex, Columns.Score, ct);
                var counts = mispredictions.CountAsync(s.View, s.Epoch, s.Split, ct);
                var data = new SampleColumns(s.Split, s.Epoch.Epoch, await ids, s.Epoch.IntegerIds, await labels, await predicted, await score, await counts);
                return arrow ? data.ToArrow() : data.ToJson();
            }, cancellationToken);
    }

    public async Task<ApiResponse> ClassesAsync(string? run, string? epoch, string? split, string? ifNoneMatch = null, CancellationToken cancellationToken = default)
    {
        var selection = await EpochSelection.ResolveAsync(storage, run, epoch, split, cancellationToken);
        if (selection.Problem is { } problem) return problem;
        var s = selection.Value;
        if (ApiResponse.Unchanged(s.ETagSeed("classes"), ApiResponse.JsonType, ifNoneMatch) is { } unchanged) return unchanged;
        var aggregates = await AggregatesAsync(s, cancellationToken);
        var names = s.View.ClassNames;
        return ApiResponse.Ok(new EpochClasses(s.Split, s.Epoch.Epoch, aggregates.Classes.Select(c => new ClassStats(
            Index: c.Index, Name: names[c.Index], Predicted: c.Predicted, Correct: c.Correct, Labelled: c.Labelled,
            MeanScore: c.MeanScore, ScoreHistogram: c.ScoreHistogram)).ToList()), s.ETagSeed("classes"));
    }

    public async Task<ApiResponse> ConfusionAsync(string? run, string? epoch, string? split, string? ifNoneMatch = null, CancellationToken cancellationToken = default)
    {
        var selection = await EpochSelection.ResolveAsync(storage, run, epoch, split, cancellationToken);
        if (selection.Problem is { } problem) return problem;
        var s = selection.Value;
        var etag = ApiResponse.ETagFor(s.ETagSeed("confusion"), ApiResponse.JsonType);
        if (ApiResponse.Matches(etag, ifNoneMatch)) return ApiResponse.NotModified(etag);
        // At 1,000 classes the matrix is a million cells (2 MB of JSON): kept by ETag and compressed once, like the columnar answers.
        return await answers.GetOrBuildAsync(etag, ApiResponse.JsonType, ConfusionBytes(s.Epoch.ClassCount), async ct =>
        {
            var aggregates = await AggregatesAsync(s, ct);
            return JsonSerializer.SerializeToUtf8Bytes(new Confusion(s.Split, s.Epoch.Epoch, s.View.ClassNames, aggregates.Confusion), ApiResponse.Json);
        }, cancellationToken);
    }

    /// <summary>What building a confusion answer holds: the decoded matrix and its JSON (at most ~11 B a cell), and the names.</summary>
    static long ConfusionBytes(int classes) => classes * (long)classes * 16 + 1024 * 1024;

    Task<SplitAggregates> AggregatesAsync(EpochSelection s, CancellationToken cancellationToken) =>
        columns.AggregatesAsync(s.Epoch, s.SplitIndex, cancellationToken);

    /// <summary>POST scores: the full probability vectors of the samples asked for, in the order asked.</summary>
    public async Task<ApiResponse> ScoresAsync(string? run, string? epoch, byte[] body, CancellationToken cancellationToken = default)
    {
        if (body.Length > ApiArguments.MaxBodyBytes) return ApiResponse.Error(413, "body too large", $"the body is {body.Length} bytes; at most {ApiArguments.MaxBodyBytes} are allowed");
        ScoresRequest? request;
        try { request = JsonSerializer.Deserialize<ScoresRequest>(body, ApiResponse.Json); }
        catch (JsonException ex) { return ApiResponse.BadRequest($"the body is not valid JSON: {ex.Message}"); }
        if (request?.SampleIds is null) return ApiResponse.BadRequest("the body needs \"sampleIds\": an array of sample ids");
        if (request.SampleIds.Count > ApiArguments.MaxSampleIds) return ApiResponse.Error(413, "too many sample ids", $"{request.SampleIds.Count} sample ids; at most {ApiArguments.MaxSampleIds} are allowed");
        var ids = new string[request.SampleIds.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = request.SampleIds[i].Id;
            if (ApiArguments.CheckId(ids[i], $"sample id at index {i}") is { } bad) return bad;
        }
        var selection = await EpochSelection.ResolveAsync(storage, run, epoch, request.Split, cancellationToken);
        if (selection.Problem is { } problem) return problem;
        var s = selection.Value;
        var known = await sampleSets.GetAsync(s.View.Run, s.Summary.SetHash, cancellationToken);
        var positions = new int[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            positions[i] = SampleSets.IndexOf(known, ids[i]);
            if (positions[i] < 0) return ApiResponse.NotFound($"no sample '{ids[i]}' in split '{s.Split}' of epoch {s.Epoch.Epoch}");
        }
        // The vectors and their JSON are built under the budget (never the whole N × C matrix: the rows asked for, by ranged reads).
        using var lease = await budget.AcquireAsync(MatrixRows.EstimatedBytes(positions.Length, s.Epoch.ClassCount), cancellationToken);
        var scores = await matrixRows.ReadAsync(s.Epoch, s.SplitIndex, positions, cancellationToken);
        return ApiResponse.Ok(new ScoresAnswer(s.Split, s.Epoch.Epoch, ids, scores));
    }
}
