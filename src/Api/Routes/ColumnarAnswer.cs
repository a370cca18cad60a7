using ClassVisCloud.Analytics.Storage;

namespace ClassVisCloud.Api;

/// <summary>
/// The routes that answer a whole split column by column (samples, dynamics), in JSON or Arrow: the format and the
/// epoch are checked, a matching <c>If-None-Match</c> gets a 304 before anything is read, and the body is built once
/// per ETag and encoding (<see cref="AnswerCache"/>), within the load budget its estimate takes.
/// </summary>
public static class ColumnarAnswer
{
    /// <param name="route">Names the answer in its ETag.</param>
    /// <param name="estimatedBytes">What building it holds, from the split's sample count.</param>
    /// <param name="build">The body of the selected split: Arrow when its flag is true, else JSON.</param>
    public static async Task<ApiResponse> GetAsync(StorageClients storage, AnswerCache answers, string route,
        string? run, string? epoch, string? split, string? format, string? ifNoneMatch, Func<int, long> estimatedBytes,
        Func<EpochSelection, bool, CancellationToken, Task<byte[]>> build, CancellationToken cancellationToken)
    {
        var arrow = ApiArguments.Arrow(format);
        if (arrow.Problem is { } badFormat) return badFormat;
        var selection = await EpochSelection.ResolveAsync(storage, run, epoch, split, cancellationToken);
        if (selection.Problem is { } problem) return problem;
        var s = selection.Value;
        var contentType = arrow.Value ? ApiResponse.ArrowType : ApiResponse.JsonType;
        var etag = ApiResponse.ETagFor(s.ETagSeed(route, history: true), contentType);
        if (ApiResponse.Matches(etag, ifNoneMatch)) return ApiResponse.NotModified(etag);
        return await answers.GetOrBuildAsync(etag, contentType, estimatedBytes(s.Summary.Samples), ct => build(s, arrow.Value, ct), cancellationToken);
    }
}
